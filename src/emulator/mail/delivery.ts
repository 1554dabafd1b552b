// Sending: the Send As check, the copy that lands in Sent Items, and one copy per recipient mailbox in the
// tenant. Transport carries what real transport carries: headers (including the draft's x- headers and any
// extended properties in the internet-headers set, which become x- headers), body and attachments; Bcc is
// not shown to recipients and ordinary extended properties stay with the sender's copy.
import { GraphError } from "../errors";
import { INTERNET_HEADERS_SET, internetHeaderName } from "../state/extended-props";
import { newAttachmentId, newChangeKey, newMessageId } from "../state/ids";
import type { Mailbox } from "../state/mailbox";
import type { StoredMessage } from "../state/message";
import type { Tenant } from "../state/tenant";
import type { GraphExtendedProperty, GraphHeader, GraphRecipient } from "../types";
import { isSmtpAddress, resolveRecipients } from "./recipients";
import { recipientProperties } from "./transport-props";
import { writeTransportReports } from "./reports";

export interface SendOptions {
  saveToSentItems: boolean;
}

export interface SendResult {
  sentItem: StoredMessage | null;
  delivered: StoredMessage[];
}

export function sendMessage(
  tenant: Tenant,
  caller: Mailbox,
  mailbox: Mailbox,
  message: StoredMessage,
  options: SendOptions,
): SendResult {
  const { recipients, from } = checkSendable(tenant, caller, mailbox, message);
  const now = tenant.nowIso();
  const headers = transportHeaders(message, from, now);
  const headerProperties = headers
    .filter((h) => /^x-/i.test(h.name))
    .map((h) => ({ id: `String {${INTERNET_HEADERS_SET}} Name ${h.name.toLowerCase()}`, value: h.value }));

  mailbox.messages.delete(message.id);
  let sentItem: StoredMessage | null = null;
  if (options.saveToSentItems) {
    sentItem = copyOf(tenant, mailbox, message, {
      folder: "sentitems",
      isRead: true,
      from,
      now,
      headers,
      properties: message.singleValueExtendedProperties,
      bcc: message.bccRecipients,
      categories: message.categories,
    });
    // Filed seconds later, not at once (see sentItemsDelay.ts).
    tenant.sentItems.hold(mailbox, sentItem, tenant.now().getTime());
  }
  const resolution = resolveRecipients(tenant, recipients, from.emailAddress.address);
  const delivered = resolution.mailboxes.map((target) =>
    copyOf(tenant, target, message, {
      folder: "inbox",
      isRead: false,
      from,
      now,
      headers,
      properties: recipientProperties(
        tenant.behaviour.namedPropertiesOnDelivery,
        message.singleValueExtendedProperties,
        headerProperties,
      ),
      bcc: [],
      categories: [],
    }),
  );
  writeTransportReports(tenant, mailbox, message, resolution, now);
  return { sentItem, delivered };
}

/**
 * What Exchange checks when a message is submitted, before anything is delivered or held: at least one
 * recipient, every recipient an SMTP address, and Send As for the From. A deferred send (deferredSend.ts) is
 * checked at submission too, since /send answers its errors then.
 */
export function checkSendable(
  tenant: Tenant,
  caller: Mailbox,
  mailbox: Mailbox,
  message: StoredMessage,
): { recipients: GraphRecipient[]; from: GraphRecipient } {
  const recipients = [...message.toRecipients, ...message.ccRecipients, ...message.bccRecipients];
  if (recipients.length === 0) {
    throw new GraphError(
      400,
      "ErrorInvalidRecipients",
      "At least one recipient is required, but none were found.",
    );
  }
  const unresolved = recipients.find((r) => !isSmtpAddress(r.emailAddress.address));
  if (unresolved) {
    // Real Graph refuses the whole send (nothing is delivered, the draft stays) when a recipient is not an SMTP
    // address: 400 ErrorInvalidRecipients "At least one recipient isn't valid., Recipient "bad" isn't resolved.
    // All recipients must be resolved before a message can be submitted." (reported from real Graph in
    // microsoftgraph/ruby-connect-rest-sample#15 and microsoftgraph/php-connect-sample#13).
    throw new GraphError(
      400,
      "ErrorInvalidRecipients",
      `At least one recipient isn't valid., Recipient "${unresolved.emailAddress.address}" isn't resolved. All recipients must be resolved before a message can be submitted.`,
    );
  }
  const from = sendingAs(tenant, mailbox, message.from);
  if (!tenant.canSendAs(caller, from.emailAddress.address)) {
    throw new GraphError(
      403,
      "ErrorSendAsDenied",
      "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.",
    );
  }
  return { recipients, from };
}

/** The From the message goes out with: the draft's, or the mailbox it is sent from. */
function sendingAs(tenant: Tenant, mailbox: Mailbox, from: GraphRecipient | null): GraphRecipient {
  if (!from) return mailbox.recipient();
  const known = tenant.mailbox(from.emailAddress.address);
  const name = from.emailAddress.name ?? known?.displayName;
  const address = from.emailAddress.address.toLowerCase();
  return { emailAddress: name ? { name, address } : { address } };
}

interface CopySpec {
  folder: StoredMessage["folder"];
  isRead: boolean;
  from: GraphRecipient;
  now: string;
  headers: GraphHeader[];
  properties: GraphExtendedProperty[];
  bcc: GraphRecipient[];
  categories: string[];
}

function copyOf(tenant: Tenant, target: Mailbox, message: StoredMessage, spec: CopySpec): StoredMessage {
  const id = newMessageId(target.id);
  const copy: StoredMessage = {
    ...message,
    id,
    seq: tenant.nextSeq(),
    folder: spec.folder,
    changeKey: newChangeKey(),
    createdDateTime: spec.now,
    lastModifiedDateTime: spec.now,
    receivedDateTime: spec.now,
    sentDateTime: spec.now,
    from: spec.from,
    sender: spec.from,
    toRecipients: [...message.toRecipients],
    ccRecipients: [...message.ccRecipients],
    bccRecipients: [...spec.bcc],
    isDraft: false,
    isRead: spec.isRead,
    categories: [...spec.categories],
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: spec.headers.map((h) => ({ ...h })),
    singleValueExtendedProperties: spec.properties.map((p) => ({ ...p })),
    attachments: message.attachments.map((a) => ({ ...a, id: newAttachmentId(id) })),
  };
  target.messages.set(copy.id, copy);
  return copy;
}

function transportHeaders(message: StoredMessage, from: GraphRecipient, now: string): GraphHeader[] {
  const address = (r: GraphRecipient) =>
    r.emailAddress.name
      ? `"${r.emailAddress.name}" <${r.emailAddress.address}>`
      : `<${r.emailAddress.address}>`;
  const headers: GraphHeader[] = [
    { name: "From", value: address(from) },
    ...(message.toRecipients.length > 0
      ? [{ name: "To", value: message.toRecipients.map(address).join(", ") }]
      : []),
    ...(message.ccRecipients.length > 0
      ? [{ name: "CC", value: message.ccRecipients.map(address).join(", ") }]
      : []),
    { name: "Subject", value: message.subject },
    { name: "Date", value: new Date(now).toUTCString().replace("GMT", "+0000") },
    { name: "Message-ID", value: message.internetMessageId },
    ...(message.inReplyTo
      ? [
          { name: "In-Reply-To", value: message.inReplyTo },
          { name: "References", value: message.inReplyTo },
        ]
      : []),
    { name: "MIME-Version", value: "1.0" },
    {
      name: "Content-Type",
      value:
        message.body.contentType === "html" ? 'text/html; charset="utf-8"' : 'text/plain; charset="utf-8"',
    },
  ];
  const xHeaders = new Map<string, GraphHeader>();
  for (const header of message.internetMessageHeaders) xHeaders.set(header.name.toLowerCase(), header);
  for (const property of message.singleValueExtendedProperties) {
    const name = internetHeaderName(property.id);
    if (name && /^x-/i.test(name)) xHeaders.set(name, { name, value: property.value });
  }
  return [...headers, ...xHeaders.values()];
}
