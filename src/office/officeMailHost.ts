// MailHost over Office.js: what the task pane learns from Outlook (selection, user, language, theme) and the
// two things it asks Outlook to do (open a draft, show a message).
import type { AppError } from "../domain/errors";
import type { MailHost, SelectedItem, ThemeKind } from "../ports/mailHost";
import { canOpenDraft, openDraft } from "./draftForm";
import { canOpenMessage, openMessageForm } from "./messageForm";
import { OfficeEventHub } from "./eventHub";
import type { ErrorSink } from "./eventHub";
import { office } from "./officeGlobal";
import { MAILBOX_API_REQUIREMENTS, supportsMailbox } from "./requirements";
import { readSelectedItem } from "./selectedItem";
import { themeFromBackground, themeFromMediaQuery } from "./theme";

export interface OfficeMailHostOptions {
  /**
   * Where failures that have no caller to reject go (an event subscription Office refused). The UI should
   * pass its error area; the default writes to the console so that nothing is lost.
   */
  onError?: ErrorSink;
}

export class OfficeMailHost implements MailHost {
  private readonly events: OfficeEventHub;

  constructor(options: OfficeMailHostOptions = {}) {
    this.events = new OfficeEventHub(options.onError ?? ((error: AppError) => console.error(error)));
  }

  get userAddress(): string {
    return office().context.mailbox.userProfile.emailAddress;
  }

  get displayLanguage(): string {
    return office().context.displayLanguage;
  }

  getTheme(): ThemeKind {
    const theme = supportsMailbox(MAILBOX_API_REQUIREMENTS.officeTheme)
      ? office().context.officeTheme
      : undefined;
    return themeFromBackground(theme?.bodyBackgroundColor) ?? themeFromMediaQuery();
  }

  getSelectedItem(): Promise<SelectedItem | null> {
    return readSelectedItem();
  }

  onSelectionChanged(listener: () => void): () => void {
    return this.events.subscribe(office().EventType.ItemChanged, listener);
  }

  onThemeChanged(listener: () => void): () => void {
    if (!supportsMailbox(MAILBOX_API_REQUIREMENTS.officeThemeChangedEvent)) return () => undefined;
    return this.events.subscribe(office().EventType.OfficeThemeChanged, listener);
  }

  canOpenDraft(): boolean {
    return canOpenDraft();
  }

  openDraft(graphMessageId: string): Promise<void> {
    return openDraft(graphMessageId);
  }

  canOpenMessage(): boolean {
    return canOpenMessage();
  }

  /** The EWS id names the item's mailbox (a shared one too), so the mailbox segment is not needed here. */
  openMessage(graphMessageId: string): Promise<void> {
    return openMessageForm(graphMessageId);
  }

  /** Resolves when Office has acknowledged every subscribe/unsubscribe so far. */
  settled(): Promise<void> {
    return this.events.settled();
  }
}
