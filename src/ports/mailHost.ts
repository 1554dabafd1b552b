// What the taskpane needs from the mail client (Office.js in production, a stand-in in the demo).
import type { MailAddress } from "../domain/types";

export type ThemeKind = "light" | "dark";

/** The message selected in Outlook, identified for Graph. */
export interface SelectedItem {
  /** Graph (REST v2) id of the message. */
  itemId: string;
  subject: string;
  from?: MailAddress;
  conversationId?: string;
  /**
   * Graph mailbox segment to use for this item: "me", or the address of the shared mailbox the item belongs to
   * (Graph then addresses it as /users/{address}/...). "me" can also mean that the host could not tell (no
   * shared-item properties): the workflow's resolveMailbox finds out.
   */
  mailbox: string;
}

export interface MailHost {
  /**
   * SMTP address of the signed-in person (recorded as who acted). Never used to choose the pane: people work in
   * comunicaciones@ / tic@ as delegates, and the pane follows the mailbox of the selected item.
   */
  readonly userAddress: string;
  /**
   * The mailbox the person is looking at when nothing is selected, where the host knows it (the demo's column).
   * Office.js does not say, so Outlook leaves it undefined and the pane keeps the role of the last item.
   */
  readonly viewedMailbox?: string;
  /** Outlook's display language as a BCP-47 tag, e.g. "es-CO". */
  readonly displayLanguage: string;
  getTheme(): ThemeKind;
  /** The message now selected, or null when none (or not a message). */
  getSelectedItem(): Promise<SelectedItem | null>;
  /** Called when the pinned pane's selection changes; returns an unsubscribe function. */
  onSelectionChanged(listener: () => void): () => void;
  /** Called when Office's theme changes; returns an unsubscribe function. */
  onThemeChanged(listener: () => void): () => void;
  /** Whether this client can open an existing draft in a compose window. */
  canOpenDraft(): boolean;
  /** Opens a draft (Graph id) in a compose window for review. */
  openDraft(graphMessageId: string): Promise<void>;
  /**
   * Whether this client can show an existing message from the pane (a dashboard row). Outlook can, except on
   * iOS and Android; a host without the method cannot.
   */
  canOpenMessage?(): boolean;
  /**
   * Shows an existing message (Graph id, in `mailbox` as the pane addresses it): Outlook opens its read form in a
   * window of its own; the demo selects it in its message list (a selection change, as in Outlook's list).
   */
  openMessage?(graphMessageId: string, mailbox: string): Promise<void>;
}
