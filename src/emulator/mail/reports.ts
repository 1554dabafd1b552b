// What Exchange transport tells people after a send it accepted (202) but could not carry out in full:
//
// - A group whose delivery is restricted (AcceptMessagesOnlyFromSendersOrMembers) refuses any other sender:
//   the sending mailbox gets a non-delivery report and the group's members get nothing. Exchange Online's NDR
//   names the restricted group, tells the sender to ask the group's owner for permission, and carries the
//   diagnostic "550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized" (learn.microsoft.com, "Fix NDR error
//   550 5.7.1 in Exchange Online": "If the recipient is an internal group … the NDR will include the names of
//   the restricted groups … Ask the owner of the restricted group to grant you permission"). Its message class
//   is REPORT.IPM.Note.NDR (Exchange SDK, "Nondelivery Reports"), readable through Graph as the tagged
//   property `String 0x1a` (PidTagMessageClass). Outlook shows it in the conversation of the original, and the
//   report answers the original's Message-ID. The original itself travels as an embedded item attachment in
//   Exchange; item attachments are not emulated (README), so the report references it by Message-ID only.
//   The subject prefix follows the sending mailbox's language ("Undeliverable:" / "No se puede entregar:").
// - A moderated group (ModerationEnabled, ModeratedBy) holds mail from anyone but its moderators: members get
//   nothing yet, each moderator gets an approval request (class IPM.Note.Microsoft.Approval.Request, subject
//   "Approval requested: …"), and the sender is not told at all unless a moderator rejects it (university
//   help-desk pages on Exchange moderation: "it will appear that the message has been sent … If the email is
//   rejected, you will receive a message"). So nothing lands in the sender's Inbox at send time.
import { newChangeKey, newMessageId } from "../state/ids";
import type { DirectoryGroup } from "../state/config";
import type { Mailbox } from "../state/mailbox";
import type { StoredMessage } from "../state/message";
import type { Tenant } from "../state/tenant";
import type { GraphRecipient } from "../types";
import { escapeHtml } from "./compose";

/** PidTagMessageClass as a Graph tagged extended-property id (canonical form). */
export const MESSAGE_CLASS_PROPERTY = "String 0x1a";
export const NDR_MESSAGE_CLASS = "REPORT.IPM.Note.NDR";
export const APPROVAL_REQUEST_CLASS = "IPM.Note.Microsoft.Approval.Request";

export interface HeldOrRefused {
  /** Restricted groups that refused the sender. */
  refused: readonly DirectoryGroup[];
  /** Moderated groups holding the message for approval. */
  held: readonly DirectoryGroup[];
}

/** The reports transport writes after accepting `message` from `sender` (the mailbox it was sent from). */
export function writeTransportReports(
  tenant: Tenant,
  sender: Mailbox,
  message: StoredMessage,
  outcome: HeldOrRefused,
  now: string,
): void {
  for (const group of outcome.refused) nonDeliveryReport(tenant, sender, message, group, now);
  for (const group of outcome.held) approvalRequests(tenant, message, group, now);
}

function isSpanish(mailbox: Mailbox): boolean {
  return mailbox.preferredLanguage.toLowerCase().startsWith("es");
}

function report(
  tenant: Tenant,
  target: Mailbox,
  original: StoredMessage,
  fields: Pick<StoredMessage, "subject" | "body" | "from"> & { messageClass: string },
  now: string,
): StoredMessage {
  const stored: StoredMessage = {
    ...original,
    id: newMessageId(target.id),
    seq: tenant.nextSeq(),
    folder: "inbox",
    changeKey: newChangeKey(),
    createdDateTime: now,
    lastModifiedDateTime: now,
    receivedDateTime: now,
    sentDateTime: now,
    subject: fields.subject,
    body: fields.body,
    from: fields.from,
    sender: fields.from,
    toRecipients: [target.recipient()],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    internetMessageId: `<${newChangeKey()}@${tenant.domain}>`,
    inReplyTo: original.internetMessageId,
    isDraft: false,
    isRead: false,
    categories: [],
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: [],
    singleValueExtendedProperties: [{ id: MESSAGE_CLASS_PROPERTY, value: fields.messageClass }],
    attachments: [],
  };
  target.messages.set(stored.id, stored);
  return stored;
}

function nonDeliveryReport(
  tenant: Tenant,
  sender: Mailbox,
  message: StoredMessage,
  group: DirectoryGroup,
  now: string,
): void {
  const postmaster: GraphRecipient = {
    emailAddress: { name: "Microsoft Outlook", address: `postmaster@${tenant.domain}` },
  };
  const address = escapeHtml(group.address);
  const name = escapeHtml(group.displayName);
  const spanish = isSpanish(sender);
  const userPart = spanish
    ? `<p>No se pudo entregar su mensaje a ${name} (${address}).</p>` +
      `<p>No tiene permiso para enviar a este grupo. Pida al propietario del grupo que le conceda permiso ` +
      `para enviarle mensajes.</p>`
    : `<p>Your message to ${name} (${address}) couldn't be delivered.</p>` +
      `<p>You don't have permission to send to this group. Ask the owner of the group to grant you ` +
      `permission to send messages to it.</p>`;
  report(
    tenant,
    sender,
    message,
    {
      subject: `${spanish ? "No se puede entregar" : "Undeliverable"}: ${message.subject}`,
      body: {
        contentType: "html",
        content:
          userPart +
          `<p>${spanish ? "Información de diagnóstico para administradores" : "Diagnostic information for administrators"}:</p>` +
          `<p>${address}<br>Remote Server returned '550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized'</p>` +
          `<p>Message-ID: ${escapeHtml(message.internetMessageId)}</p>`,
      },
      from: postmaster,
      messageClass: NDR_MESSAGE_CLASS,
    },
    now,
  );
}

function approvalRequests(tenant: Tenant, message: StoredMessage, group: DirectoryGroup, now: string): void {
  const assistant: GraphRecipient = {
    emailAddress: { name: "Microsoft Exchange Approval Assistant", address: `postmaster@${tenant.domain}` },
  };
  for (const moderator of group.moderatedBy ?? []) {
    const mailbox = tenant.mailbox(moderator);
    if (!mailbox) continue;
    report(
      tenant,
      mailbox,
      message,
      {
        subject: `Approval requested: ${message.subject}`,
        body: {
          contentType: "html",
          content: `<p>A message to ${escapeHtml(group.address)} needs your approval before it is delivered.</p>`,
        },
        from: assistant,
        messageClass: APPROVAL_REQUEST_CLASS,
      },
      now,
    );
  }
}
