// The mail-host stand-in: what Office.js would give the taskpane, driven by the demo's message list.
// It implements the same MailHost port as the Office adapter; the taskpane cannot tell them apart.
import type { MailHost, SelectedItem, ThemeKind } from "../ports/mailHost";

type Listener = () => void;

export class DemoMailHost implements MailHost {
  readonly userAddress: string;
  displayLanguage: string;
  private theme: ThemeKind;
  private selected: SelectedItem | null = null;
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
    return this.selected;
  }

  /** Called by the demo's message list, as Outlook's ItemChanged event would be. */
  select(item: SelectedItem | null): void {
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
