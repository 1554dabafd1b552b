// Resolving recipients the way the tenant's transport does: mailboxes in the tenant receive a copy,
// distribution groups expand to their members that have mailboxes here (nested groups too), external
// addresses are accepted and leave the tenant. Groups that only accept listed senders refuse everyone else;
// moderated groups hold mail from anyone but their moderators (see reports.ts). Dynamic distribution groups,
// invisible to Graph, expand here like any other group: Exchange evaluates them at delivery.
import type { DirectoryGroup } from "../state/config";
import type { Mailbox } from "../state/mailbox";
import type { Tenant } from "../state/tenant";
import type { GraphRecipient } from "../types";

export interface Resolution {
  mailboxes: Mailbox[];
  /** Groups that refused the sender (each produces a non-delivery report). */
  refused: DirectoryGroup[];
  /** Moderated groups holding the message for approval (their members get nothing yet). */
  held: DirectoryGroup[];
  external: string[];
}

export function resolveRecipients(
  tenant: Tenant,
  recipients: readonly GraphRecipient[],
  senderAddress: string,
): Resolution {
  const mailboxes = new Map<string, Mailbox>();
  const refused: DirectoryGroup[] = [];
  const held: DirectoryGroup[] = [];
  const external: string[] = [];
  const visited = new Set<string>();
  const sender = senderAddress.toLowerCase();

  const visit = (address: string): void => {
    const lower = address.toLowerCase();
    if (visited.has(lower)) return;
    visited.add(lower);
    const mailbox = tenant.mailbox(lower);
    if (mailbox) {
      mailboxes.set(mailbox.address, mailbox);
      return;
    }
    const group = tenant.group(lower);
    if (!group) {
      external.push(lower);
      return;
    }
    if (group.acceptsMessagesOnlyFrom && !group.acceptsMessagesOnlyFrom.includes(sender)) {
      refused.push(group);
      return;
    }
    if (group.moderatedBy && group.moderatedBy.length > 0 && !group.moderatedBy.includes(sender)) {
      held.push(group);
      return;
    }
    for (const member of group.members) visit(member);
  };

  for (const recipient of recipients) visit(recipient.emailAddress.address);
  return { mailboxes: [...mailboxes.values()], refused, held, external };
}

/**
 * Whether transport can resolve `address` as an SMTP address at all: one "@" with something on each side, no
 * spaces or control characters, a domain of dot-separated non-empty labels. Deliberately only what no mail system
 * accepts, so the emulator never refuses an address Exchange would take; Exchange's refusal of such a recipient
 * is in delivery.ts.
 */
export function isSmtpAddress(address: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(address)) return false;
  const parts = address.split("@");
  if (parts.length !== 2) return false;
  const [local = "", domain = ""] = parts;
  return local !== "" && domain !== "" && domain.split(".").every((label) => label !== "");
}
