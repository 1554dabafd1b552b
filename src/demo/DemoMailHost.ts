// The mail-host stand-in: what Office.js would give the taskpane, driven by the demo's message list.
// It implements the same MailHost port as the Office adapter; the taskpane cannot tell them apart.
// Like Outlook, the demo's list hands it EWS-style ids (officeIds.ts); like the Office adapter
// (office/selectedItem.ts), it converts them to REST ids before the pane sees them.
import type { MailHost, SelectedItem, ThemeKind } from "../ports/mailHost";
import { convertToRestId } from "./officeIds";

/** What Outlook knows of the selected item: its itemId is an EWS id, not yet usable with Graph. */
export interface OfficeStyleItem {
  ewsItemId: string;
  subject: string;
  /** "me", or the owner of a shared mailbox (what getSharedPropertiesAsync would say). */
  mailbox: string;
}

type Listener = () => void;

export class DemoMailHost implements MailHost {
  readonly userAddress: string;
  displayLanguage: string;
  private theme: ThemeKind;
  private selected: OfficeStyleItem | null = null;
  private readonly selectionListeners = new Set<Listener>();
  private readonly themeListeners = new Set<Listener>();
  private readonly openDraftHandler: (id: string) => void;

  constructor(options: {
    userAddress: string;
    displayLanguage: string;
    theme: ThemeKind;
    onOpenDraft: (graphMessageId: string) => void;
  }) {
    this.userAddress = options.userAddress;
    this.displayLanguage = options.displayLanguage;
    this.theme = options.theme;
    this.openDraftHandler = options.onOpenDraft;
  }

  getTheme(): ThemeKind {
    return this.theme;
  }

  setTheme(theme: ThemeKind): void {
    this.theme = theme;
    this.themeListeners.forEach((l) => l());
  }

  async getSelectedItem(): Promise<SelectedItem | null> {
    if (!this.selected) return null;
    const { ewsItemId, subject, mailbox } = this.selected;
    return { itemId: convertToRestId(ewsItemId, "v2.0"), subject, mailbox };
  }

  /** Called by the demo's message list, as Outlook's ItemChanged event would be. */
  select(item: OfficeStyleItem | null): void {
    this.selected = item;
    this.selectionListeners.forEach((l) => l());
  }

  onSelectionChanged(listener: Listener): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  onThemeChanged(listener: Listener): () => void {
    this.themeListeners.add(listener);
    return () => this.themeListeners.delete(listener);
  }

  /** The demo has no compose window, so the pane shows its own review view (as on Outlook for Mac). */
  canOpenDraft(): boolean {
    return false;
  }

  async openDraft(graphMessageId: string): Promise<void> {
    this.openDraftHandler(graphMessageId);
  }
}
