// Seeding: turning Graph-shaped message JSON (fixtures, demo data) into stored messages without going through
// HTTP. Lenient by design: seed data is trusted and may carry read-only properties (hasAttachments, ids…).
import { isRecord, isString } from "../json";
import type { JsonObject } from "../json";
import type { FolderName, GraphExtendedProperty, GraphHeader, GraphItemBody, GraphRecipient } from "../types";
import { upsertProperties } from "./extended-props";
import { newAttachmentId, newChangeKey, newConversationId, newInternetMessageId, newMessageId } from "./ids";
import type { Mailbox } from "./mailbox";
import type { StoredAttachment, StoredMessage } from "./message";

export interface SeedContext {
  domain: string;
  now: string;
  seq: number;
}

export function recipientsOf(value: unknown): GraphRecipient[] {
  if (!Array.isArray(value)) return [];
  return value.map(recipientOf).filter((r): r is GraphRecipient => r !== null);
}

export function recipientOf(value: unknown): GraphRecipient | null {
  if (!isRecord(value) || !isRecord(value.emailAddress)) return null;
  const { address, name } = value.emailAddress;
  if (!isString(address)) return null;
  return { emailAddress: isString(name) ? { name, address } : { address } };
}

function bodyOf(value: unknown): GraphItemBody {
  if (!isRecord(value)) return { contentType: "text", content: "" };
  const type = isString(value.contentType) && value.contentType.toLowerCase() === "html" ? "html" : "text";
  return { contentType: type, content: isString(value.content) ? value.content : "" };
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isString) : [];
}

function headersOf(value: unknown): GraphHeader[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .flatMap((h) => (isString(h.name) && isString(h.value) ? [{ name: h.name, value: h.value }] : []));
}

function propertiesOf(value: unknown): GraphExtendedProperty[] {
  if (!Array.isArray(value)) return [];
  const list = value
    .filter(isRecord)
    .flatMap((p) => (isString(p.id) && isString(p.value) ? [{ id: p.id, value: p.value }] : []));
  return upsertProperties([], list);
}

function attachmentsOf(value: unknown, messageId: string, now: string): StoredAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((a) => {
    const contentBytes = isString(a.contentBytes) ? a.contentBytes : "";
    return {
      id: newAttachmentId(messageId),
      name: isString(a.name) ? a.name : "attachment",
      contentType: isString(a.contentType) ? a.contentType : "application/octet-stream",
      size: typeof a.size === "number" ? a.size : Math.floor((contentBytes.length * 3) / 4),
      isInline: a.isInline === true,
      contentId: isString(a.contentId) ? a.contentId : null,
      lastModifiedDateTime: now,
      contentBytes,
    };
  });
}

function dateOr(value: unknown, fallback: string): string {
  return isString(value) && !Number.isNaN(Date.parse(value))
    ? new Date(value).toISOString().replace(".000Z", "Z")
    : fallback;
}

/** A received (or, for "drafts", unsent) message in `mailbox`, built from Graph message JSON. */
export function storedFromGraphJson(
  json: JsonObject,
  mailbox: Mailbox,
  folder: FolderName,
  context: SeedContext,
): StoredMessage {
  const id = newMessageId(mailbox.id);
  const received = dateOr(json.receivedDateTime, context.now);
  const from = recipientOf(json.from);
  const isDraft = folder === "drafts";
  return {
    id,
    seq: context.seq,
    folder,
    changeKey: newChangeKey(),
    createdDateTime: received,
    lastModifiedDateTime: received,
    receivedDateTime: received,
    sentDateTime: dateOr(json.sentDateTime, received),
    subject: isString(json.subject) ? json.subject : "",
    body: bodyOf(json.body),
    from,
    sender: recipientOf(json.sender) ?? from,
    toRecipients: recipientsOf(json.toRecipients),
    ccRecipients: recipientsOf(json.ccRecipients),
    bccRecipients: recipientsOf(json.bccRecipients),
    replyTo: recipientsOf(json.replyTo),
    conversationId: isString(json.conversationId) ? json.conversationId : newConversationId(mailbox.id),
    conversationIndex: isString(json.conversationIndex) ? json.conversationIndex : "",
    internetMessageId: isString(json.internetMessageId)
      ? json.internetMessageId
      : newInternetMessageId(context.domain),
    inReplyTo: null,
    isDraft,
    isRead: json.isRead === true || isDraft || folder === "sentitems",
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    importance: json.importance === "high" || json.importance === "low" ? json.importance : "normal",
    inferenceClassification: "focused",
    categories: stringsOf(json.categories),
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: headersOf(json.internetMessageHeaders),
    singleValueExtendedProperties: propertiesOf(json.singleValueExtendedProperties),
    attachments: attachmentsOf(json.attachments, id, received),
  };
}
