// Graph shapes → Pregón's port shapes (and back), at the edge: nothing above src/graph/ sees a Graph type.
import type {
  InternetMessageHeader,
  Recipient,
  SingleValueLegacyExtendedProperty,
} from "@microsoft/microsoft-graph-types";
import { CASE_STATES } from "../domain/types";
import type { AttachmentInfo, CaseState, MailAddress } from "../domain/types";
import type { CaseProps, MailMessage, MessageKind } from "../ports/mailService";
import type { GraphAttachment, GraphMessage } from "./graphTypes";
import { CASE_PROPERTY_IDS, CASE_PROPERTY_KEYS, casePropertyKeyOf } from "./properties";

export function toMailAddress(recipient: Recipient | null | undefined): MailAddress | undefined {
  const address = recipient?.emailAddress?.address;
  if (!address) return undefined;
  const name = recipient.emailAddress?.name ?? undefined;
  return name ? { name, address } : { address };
}

function toMailAddresses(recipients: Recipient[] | null | undefined): MailAddress[] {
  return (recipients ?? []).map(toMailAddress).filter((a): a is MailAddress => a !== undefined);
}

export function toRecipient(address: MailAddress): Recipient {
  return {
    emailAddress: address.name
      ? { name: address.name, address: address.address }
      : { address: address.address },
  };
}

export function toRecipients(addresses: readonly MailAddress[] | undefined): Recipient[] {
  return (addresses ?? []).map(toRecipient);
}

function isCaseState(value: string): value is CaseState {
  return (CASE_STATES as readonly string[]).includes(value);
}

/** Every MessageKind once; a Record so that a new kind in the port breaks the build here until added. */
const MESSAGE_KINDS: Readonly<Record<MessageKind, true>> = {
  request: true,
  forward: true,
  reminder: true,
  confirmation: true,
  relay: true,
  massMail: true,
  cancellation: true,
  update: true,
  reminderAnswer: true,
  ask: true,
  testSend: true,
};

function isMessageKind(value: string): value is MessageKind {
  return Object.prototype.hasOwnProperty.call(MESSAGE_KINDS, value);
}

/**
 * The case properties found on a message. An unknown state or kind is dropped rather than guessed: the
 * versioned record (validated by the domain codec) stays the source of truth; the small properties serve filters.
 */
export function toCaseProps(properties: SingleValueLegacyExtendedProperty[] | null | undefined): CaseProps {
  const props: CaseProps = {};
  for (const property of properties ?? []) {
    const key = property.id ? casePropertyKeyOf(property.id) : undefined;
    const value = property.value ?? undefined;
    if (!key || value === undefined || value === "") continue;
    if (key === "state") {
      if (isCaseState(value)) props.state = value;
    } else if (key === "kind") {
      if (isMessageKind(value)) props.kind = value;
    } else {
      props[key] = value;
    }
  }
  return props;
}

/** The extended properties to PATCH/POST for the fields that are present (undefined fields are left alone). */
export function toExtendedProperties(props: CaseProps | undefined): SingleValueLegacyExtendedProperty[] {
  if (!props) return [];
  return CASE_PROPERTY_KEYS.flatMap((key) => {
    const value = props[key];
    return value === undefined ? [] : [{ id: CASE_PROPERTY_IDS[key], value }];
  });
}

/** Internet headers by lower-case name; when a name repeats (Received), the first one is kept. */
export function toHeaderRecord(headers: InternetMessageHeader[] | null | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const header of headers ?? []) {
    const name = header.name?.toLowerCase();
    if (name && !(name in record)) record[name] = header.value ?? "";
  }
  return record;
}

/** The domain reads an optional contentId beside AttachmentInfo's fields (see domain/intake/attachments.ts). */
export function toAttachmentInfo(attachment: GraphAttachment): AttachmentInfo {
  const info: AttachmentInfo & { contentId?: string } = {
    id: attachment.id ?? "",
    name: attachment.name ?? "",
    contentType: attachment.contentType ?? "application/octet-stream",
    size: attachment.size ?? 0,
    isInline: attachment.isInline ?? false,
  };
  if (attachment.contentId) info.contentId = attachment.contentId;
  return info;
}

function bodyTypeOf(message: GraphMessage): "html" | "text" | undefined {
  const type = message.body?.contentType;
  if (!type) return undefined;
  return type.toLowerCase() === "text" ? "text" : "html";
}

export function toMailMessage(message: GraphMessage): MailMessage {
  const mapped: MailMessage = {
    id: message.id ?? "",
    subject: message.subject ?? "",
    to: toMailAddresses(message.toRecipients),
    cc: toMailAddresses(message.ccRecipients),
    bcc: toMailAddresses(message.bccRecipients),
    categories: message.categories ?? [],
    isDraft: message.isDraft ?? false,
    hasAttachments: message.hasAttachments ?? false,
    caseProps: toCaseProps(message.singleValueExtendedProperties),
  };
  const from = toMailAddress(message.from);
  if (from) mapped.from = from;
  if (message.receivedDateTime) mapped.receivedAt = message.receivedDateTime;
  if (message.sentDateTime) mapped.sentAt = message.sentDateTime;
  if (message.conversationId) mapped.conversationId = message.conversationId;
  if (message.internetMessageId) mapped.internetMessageId = message.internetMessageId;
  if (message["@odata.etag"]) mapped.etag = message["@odata.etag"];
  if (message.bodyPreview) mapped.bodyPreview = message.bodyPreview;
  if (message.body?.content !== undefined && message.body.content !== null) {
    mapped.body = message.body.content;
    mapped.bodyType = bodyTypeOf(message);
  }
  if (message.attachments) mapped.attachments = message.attachments.map(toAttachmentInfo);
  if (message.internetMessageHeaders) mapped.headers = toHeaderRecord(message.internetMessageHeaders);
  return mapped;
}
