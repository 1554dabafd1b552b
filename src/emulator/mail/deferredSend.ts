// Deferred delivery ("schedule send"): a draft carrying PidTagDeferredSendTime is held by Exchange until then.
//
// What the sources say:
// - The property is the MAPI tag 0x3FEF, type PT_SYSTIME, so Graph spells it `SystemTime 0x3FEF`; "if the value
//   is earlier than the current time (in UTC), the message is sent immediately" ([MS-OXOMSG] 2.2.3.4
//   PidTagDeferredSendTime; the PidTagDeferredSendTime canonical property page says the same).
// - Graph's message resource has no property for it: it is set as an extended property on a draft
//   (POST /messages or PATCH), then the draft is sent with POST /messages/{id}/send (blog "Delay message delivery
//   with Graph API", M. Machacek; pnp/script-samples#605; Azure/Microsoft365R#222; mpalermiti/outlook-mcp#10:
//   "Exchange holds the message server-side until the configured UTC instant").
// - sendMail and the one-step /reply and /forward are not the way: a scheduled sendMail was reported delivered
//   at once (openonion/connectonion#1198, fixed in #1221 by a draft + /send; #1416/#1417 the same for /reply).
//   So here only /send of a draft is deferred; the one-step actions go out at once whatever they carry.
// - Where it waits: in Drafts, still carrying the property, until Exchange sends it; deleting it there before
//   the time withdraws it and nothing is delivered (connectonion#183 "scheduled emails wait in Drafts carrying
//   the deferred-send property ... verified live: canceled, and confirmed never delivered"; connectonion#1198
//   shows the held message in Drafts with an id other than the Sent Items copy's; UseJunior/email-agent-mcp#61:
//   "holds the message in Drafts until the deferred time, then moves it to Sent Items at delivery").
//
// Where the sources are silent the emulator is the stricter choice, and says so:
// - The held item gets a new id at /send (a send moves the message, as Exchange does for every send): the old
//   draft id answers 404 at once, and the held item is found in Drafts by its properties, not by the draft id.
// - Nothing reaches Sent Items or any recipient before the time; the Sent Items copy is made when the message
//   leaves, and then appears after the usual Sent Items delay (sentItemsDelay.ts).
// - The checks of a send (recipients, Send As) answer at /send, not later.
// - A held item that is no longer in Drafts when its time comes (deleted, moved) is not sent.
import type { Mailbox } from "../state/mailbox";
import type { StoredMessage } from "../state/message";
import { parsePropertyId } from "../state/extended-props";

/** The canonical id of PidTagDeferredSendTime as the emulator stores it. */
export const DEFERRED_SEND_TIME_ID = parsePropertyId("SystemTime 0x3FEF").canonical;

export interface HeldSend {
  /** The sending mailbox's address (where the held item sits in Drafts). */
  mailbox: string;
  /** Who pressed send (the Send As check was theirs). */
  caller: string;
  /** The held item's id in Drafts. */
  messageId: string;
  /** Epoch milliseconds (tenant clock) from which it leaves. */
  dueAtMs: number;
}

/** The deferred send time a message carries, as epoch ms; undefined when absent or not a time. */
export function deferredSendTimeMs(message: StoredMessage): number | undefined {
  const property = message.singleValueExtendedProperties.find((p) => p.id === DEFERRED_SEND_TIME_ID);
  if (!property) return undefined;
  const ms = Date.parse(property.value);
  return Number.isFinite(ms) ? ms : undefined;
}

export class DeferredSends {
  private held: HeldSend[];

  constructor(held: readonly HeldSend[] = []) {
    this.held = [...held];
  }

  hold(entry: HeldSend): void {
    this.held.push(entry);
  }

  /**
   * Sends every held item whose time has come and that is still in its mailbox's Drafts; `send` does the
   * transport (delivery.ts). Items withdrawn in the meantime are forgotten.
   */
  release(
    nowMs: number,
    mailboxOf: (address: string) => Mailbox | undefined,
    send: (caller: Mailbox, mailbox: Mailbox, message: StoredMessage) => void,
  ): void {
    if (this.held.length === 0) return;
    const waiting: HeldSend[] = [];
    const due: HeldSend[] = [];
    for (const entry of this.held) (entry.dueAtMs > nowMs ? waiting : due).push(entry);
    this.held = waiting;
    for (const entry of due) {
      const mailbox = mailboxOf(entry.mailbox);
      const message = mailbox?.messages.get(entry.messageId);
      if (!mailbox || !message || message.folder !== "drafts") continue;
      const caller = mailboxOf(entry.caller) ?? mailbox;
      try {
        send(caller, mailbox, message);
      } catch {
        // A send refused when it leaves (e.g. Send As removed meanwhile) stays in Drafts, as a draft does.
      }
    }
  }

  /** Held items still waiting (persisted with the tenant). */
  list(): HeldSend[] {
    return [...this.held];
  }

  /** Whether an item is being held (for the demo's "scheduled" mark and tests). */
  isHeld(mailbox: string, messageId: string): boolean {
    return this.held.some((h) => h.mailbox === mailbox && h.messageId === messageId);
  }
}
