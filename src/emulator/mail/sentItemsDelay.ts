// The Sent Items copy of a sent message appears seconds after /send, not at once.
//
// Graph documents /send, /sendMail, /reply and /forward as answering 202 Accepted: the message is queued for
// transport, and "this method saves the message in the Sent Items folder" (message: send, v1.0). What reaches
// Sent Items is a separate item with a new id (microsoft-graph-docs issue #6250, answer by the docs team), and
// it is not there yet when the 202 comes back: public reports say to poll Sent Items "after x seconds until you
// find that email" (microsoft-graph-docs issue #3766) and that the 202 of sendMail means accepted for
// processing, not filed (Microsoft Q&A 5629476, "fire-and-forget ... most of the delivery pipeline runs after
// the API returns"). The draft itself is gone at once: GET on the draft id after /send answers 404
// (microsoft-graph-docs issue #1533). So the emulator holds each Sent Items copy back for a delay measured on
// the tenant's clock (default DEFAULT_SENT_ITEMS_DELAY_MS), and files it on the first request at or after that
// instant. Tests choose the delay (TenantOptions.sentItemsDelayMs or Tenant.setSentItemsDelay); 0 files at once.
import type { Mailbox } from "../state/mailbox";
import type { StoredMessage } from "../state/message";

/** Strict by default: a couple of seconds, as seen on Exchange Online. */
export const DEFAULT_SENT_ITEMS_DELAY_MS = 2_000;

export interface PendingSentItem {
  /** The sending mailbox's address. */
  mailbox: string;
  /** Epoch milliseconds (tenant clock) from which the copy is in Sent Items. */
  visibleAtMs: number;
  message: StoredMessage;
}

export class SentItemsDelay {
  private delay: number;
  private pending: PendingSentItem[];

  constructor(delayMs: number = DEFAULT_SENT_ITEMS_DELAY_MS, pending: readonly PendingSentItem[] = []) {
    this.delay = checkedDelay(delayMs);
    this.pending = [...pending];
  }

  get delayMs(): number {
    return this.delay;
  }

  set delayMs(ms: number) {
    this.delay = checkedDelay(ms);
  }

  /** Takes a freshly filed copy out of its mailbox until its time comes (at once when the delay is 0). */
  hold(mailbox: Mailbox, copy: StoredMessage, nowMs: number): void {
    if (this.delay === 0) return;
    mailbox.messages.delete(copy.id);
    this.pending.push({ mailbox: mailbox.address, visibleAtMs: nowMs + this.delay, message: copy });
  }

  /** Files every copy whose time has come; `mailboxOf` finds the sending mailbox by address. */
  release(nowMs: number, mailboxOf: (address: string) => Mailbox | undefined): void {
    if (this.pending.length === 0) return;
    const waiting: PendingSentItem[] = [];
    for (const item of this.pending) {
      if (item.visibleAtMs > nowMs) {
        waiting.push(item);
        continue;
      }
      mailboxOf(item.mailbox)?.messages.set(item.message.id, item.message);
    }
    this.pending = waiting;
  }

  /** Copies still on their way (persisted with the tenant, so a reload does not lose or hurry them). */
  list(): PendingSentItem[] {
    return [...this.pending];
  }
}

function checkedDelay(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`A Sent Items delay must be 0 or more ms, not ${ms}.`);
  return ms;
}
