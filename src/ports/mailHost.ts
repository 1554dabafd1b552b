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
   * (Graph then addresses it as /users/{address}/...).
   */
  mailbox: string;
}

export interface MailHost {
  /** SMTP address of the signed-in user. */
  readonly userAddress: string;
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
}
