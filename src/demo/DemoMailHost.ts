// The mail-host stand-in: what Office.js would give the taskpane, driven by the demo's message list.
// It implements the same MailHost port as the Office adapter; the taskpane cannot tell them apart.
// Like Outlook, the demo's list hands it EWS-style ids (officeIds.ts); like the Office adapter
// (office/selectedItem.ts), it converts them to REST ids before the pane sees them.
//
// `sharedItemProperties: false` plays the Outlook clients that cannot say which mailbox an item lives in
// (Outlook on the web's "Open another mailbox", new Outlook with the shared mailbox added as an account:
// office-js issues #1295, #3837, #5682): every selected item then comes as mailbox "me", as readSelectedItem
// gives it there, and the pane has to find the mailbox itself.
import type { MailHost, SelectedItem, ThemeKind } from "../ports/mailHost";
import { convertToRestId, toEwsId } from "./officeIds";

/** What Outlook knows of the selected item: its itemId is an EWS id, not yet usable with Graph. */
export interface OfficeStyleItem {
  ewsItemId: string;
  subject: string;
  /** "me", or the owner of a shared mailbox (what getSharedPropertiesAsync would say). */
  mailbox: string;
}

type Listener = () => void;
/** The demo's message list, asked to show a message (by its Graph id) as the selected one. */
export type OpenMessageListener = (graphMessageId: string, mailbox: string) => void;

export class DemoMailHost implements MailHost {
  readonly userAddress: string;
  displayLanguage: string;
  private readonly homeMailbox: string | undefined;
  private sharedItemProperties: boolean;
  private theme: ThemeKind;
  private selected: OfficeStyleItem | null = null;
  private readonly selectionListeners = new Set<Listener>();
  private readonly themeListeners = new Set<Listener>();
  private readonly openListeners = new Set<OpenMessageListener>();
  private readonly openDraftHandler: (id: string) => void;

  constructor(options: {
    userAddress: string;
    displayLanguage: string;
    theme: ThemeKind;
    onOpenDraft: (graphMessageId: string) => void;
    /** The mailbox the demo's column shows (a shared mailbox the user is a delegate of). */
    viewedMailbox?: string;
    /** False to simulate a client without shared-item properties (see above). Default true. */
    sharedItemProperties?: boolean;
  }) {
    this.userAddress = options.userAddress;
    this.homeMailbox = options.viewedMailbox;
    this.sharedItemProperties = options.sharedItemProperties ?? true;
    this.displayLanguage = options.displayLanguage;
    this.theme = options.theme;
    this.openDraftHandler = options.onOpenDraft;
  }

  /** Like Office.js, a client without shared-item properties does not know which mailbox is shown either. */
  get viewedMailbox(): string | undefined {
    return this.sharedItemProperties ? this.homeMailbox : undefined;
  }

  /** Turns the shared-item properties on or off (applies to the next selection). */
  setSharedItemProperties(available: boolean): void {
    this.sharedItemProperties = available;
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
    this.selected = item && !this.sharedItemProperties ? { ...item, mailbox: "me" } : item;
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

  /** The demo shows a message by selecting it in its list. */
  canOpenMessage(): boolean {
    return true;
  }

  /**
   * Selects the message, as a click in the demo's list would: the list (when one listens) moves its selection
   * there and reports it back through select(); without a list the host selects it itself. Either way the pane
   * hears an ItemChanged and shows the message.
   */
  async openMessage(graphMessageId: string, mailbox: string): Promise<void> {
    if (this.openListeners.size > 0) {
      this.openListeners.forEach((l) => l(graphMessageId, mailbox));
      return;
    }
    this.select({ ewsItemId: toEwsId(graphMessageId), subject: "", mailbox });
  }

  /** The demo's list listens here for the pane asking to show a message; returns an unsubscribe function. */
  onOpenMessage(listener: OpenMessageListener): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }
}
