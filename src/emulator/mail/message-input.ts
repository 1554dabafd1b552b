// Validation of message JSON sent by clients (POST /messages, PATCH, sendMail, the `message` parameter of
// reply/forward). Graph refuses: unknown properties (400 RequestBodyRead), read-only ones (400
// ErrorInvalidPropertySet), non-"x-" internet headers (400 InvalidInternetMessageHeader), and draft-only
// properties on a message that was already sent (400 ErrorInvalidPropertySet).
import { GraphError } from "../errors";
import { dataKeys, isRecord, isString } from "../json";
import type { JsonObject } from "../json";
import { parsePropertyId } from "../state/extended-props";
import type { GraphExtendedProperty, GraphHeader, GraphItemBody, GraphRecipient } from "../types";

export interface AttachmentInput {
  name: string;
  contentType: string;
  contentBytes: string;
  size: number;
  isInline: boolean;
  contentId: string | null;
}

export interface MessageInput {
  subject?: string;
  body?: GraphItemBody;
  from?: GraphRecipient | null;
  sender?: GraphRecipient | null;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  bccRecipients?: GraphRecipient[];
  replyTo?: GraphRecipient[];
  categories?: string[];
  isRead?: boolean;
  isDeliveryReceiptRequested?: boolean;
  isReadReceiptRequested?: boolean;
  importance?: "low" | "normal" | "high";
  inferenceClassification?: "focused" | "other";
  flag?: { flagStatus: "notFlagged" | "flagged" | "complete" };
  internetMessageId?: string;
  internetMessageHeaders?: GraphHeader[];
  singleValueExtendedProperties?: GraphExtendedProperty[];
  attachments?: AttachmentInput[];
}

/** Writable only while the message is a draft (Graph's "Updatable only if isDraft = true"). */
export const DRAFT_ONLY = new Set([
  "subject",
  "body",
  "from",
  "sender",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "internetMessageId",
  "internetMessageHeaders",
]);
const ALWAYS_WRITABLE = new Set([
  "categories",
  "isRead",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "importance",
  "inferenceClassification",
  "flag",
  "singleValueExtendedProperties",
]);
const CREATE_ONLY = new Set(["attachments"]);
const READ_ONLY = new Set([
  "id",
  "createdDateTime",
  "lastModifiedDateTime",
  "changeKey",
  "receivedDateTime",
  "sentDateTime",
  "hasAttachments",
  "bodyPreview",
  "parentFolderId",
  "conversationId",
  "conversationIndex",
  "isDraft",
  "webLink",
  "uniqueBody",
  "extensions",
  "multiValueExtendedProperties",
]);

export const MAX_INLINE_ATTACHMENT_BYTES = 3 * 1024 * 1024;

export function parseMessageInput(value: unknown, mode: "create" | "update"): MessageInput {
  if (!isRecord(value)) throw bodyRead("The message payload must be a JSON object.");
  const input: MessageInput = {};
  for (const key of dataKeys(value)) {
    const known = DRAFT_ONLY.has(key) || ALWAYS_WRITABLE.has(key) || CREATE_ONLY.has(key);
    if (!known && !READ_ONLY.has(key)) {
      throw bodyRead(`The property '${key}' does not exist on type 'microsoft.graph.message'.`);
    }
    if (READ_ONLY.has(key) || (CREATE_ONLY.has(key) && mode === "update")) {
      throw new GraphError(400, "ErrorInvalidPropertySet", `Set action is invalid for property '${key}'.`);
    }
    readProperty(input, key, value[key]);
  }
  return input;
}

function readProperty(input: MessageInput, key: string, raw: unknown): void {
  switch (key) {
    case "subject":
      input.subject = stringOf(key, raw);
      return;
    case "internetMessageId":
      input.internetMessageId = stringOf(key, raw);
      return;
    case "body":
      input.body = bodyOf(raw);
      return;
    case "from":
    case "sender":
      input[key] = raw === null ? null : recipientOf(key, raw);
      return;
    case "toRecipients":
    case "ccRecipients":
    case "bccRecipients":
    case "replyTo":
      input[key] = arrayOf(key, raw).map((r) => recipientOf(key, r));
      return;
    case "categories":
      input.categories = arrayOf(key, raw).map((c) => stringOf(key, c));
      return;
    case "isRead":
    case "isDeliveryReceiptRequested":
    case "isReadReceiptRequested":
      input[key] = booleanOf(key, raw);
      return;
    case "importance":
      input.importance = enumOf(key, raw, ["low", "normal", "high"] as const);
      return;
    case "inferenceClassification":
      input.inferenceClassification = enumOf(key, raw, ["focused", "other"] as const);
      return;
    case "flag":
      if (!isRecord(raw)) throw bodyRead(`The property 'flag' must be an object.`);
      input.flag = {
        flagStatus: enumOf("flagStatus", raw.flagStatus, ["notFlagged", "flagged", "complete"] as const),
      };
      return;
    case "internetMessageHeaders":
      input.internetMessageHeaders = arrayOf(key, raw).map(headerOf);
      return;
    case "singleValueExtendedProperties":
      input.singleValueExtendedProperties = arrayOf(key, raw).map(extendedPropertyOf);
      return;
    case "attachments":
      input.attachments = arrayOf(key, raw).map(attachmentOf);
      return;
  }
}

function bodyRead(message: string): GraphError {
  return new GraphError(400, "RequestBodyRead", message);
}

function stringOf(key: string, raw: unknown): string {
  if (!isString(raw))
    throw bodyRead(`An unexpected value was found for property '${key}'; expected Edm.String.`);
  return raw;
}

function booleanOf(key: string, raw: unknown): boolean {
  if (typeof raw !== "boolean")
    throw bodyRead(`An unexpected value was found for property '${key}'; expected Edm.Boolean.`);
  return raw;
}

function arrayOf(key: string, raw: unknown): unknown[] {
  if (!Array.isArray(raw)) throw bodyRead(`The property '${key}' must be a collection.`);
  return raw;
}

function enumOf<T extends string>(key: string, raw: unknown, values: readonly T[]): T {
  const found = isString(raw) ? values.find((v) => v.toLowerCase() === raw.toLowerCase()) : undefined;
  if (!found) throw bodyRead(`The value '${String(raw)}' is not valid for property '${key}'.`);
  return found;
}

function bodyOf(raw: unknown): GraphItemBody {
  if (!isRecord(raw)) throw bodyRead("The property 'body' must be an itemBody object.");
  const contentType =
    raw.contentType === undefined
      ? "text"
      : enumOf("contentType", raw.contentType, ["text", "html"] as const);
  return { contentType, content: raw.content === undefined ? "" : stringOf("content", raw.content) };
}

function recipientOf(key: string, raw: unknown): GraphRecipient {
  if (!isRecord(raw) || !isRecord(raw.emailAddress))
    throw bodyRead(`Each '${key}' entry must have an emailAddress.`);
  const address = stringOf("address", raw.emailAddress.address);
  const name = raw.emailAddress.name;
  return { emailAddress: isString(name) ? { name, address } : { address } };
}

function headerOf(raw: unknown): GraphHeader {
  if (!isRecord(raw)) throw bodyRead("Each internet message header must be an object.");
  const name = stringOf("name", raw.name);
  const value = stringOf("value", raw.value);
  if (!/^x-/i.test(name)) {
    throw new GraphError(
      400,
      "InvalidInternetMessageHeader",
      `The internet message header name '${name}' should start with 'x-' or 'X-'.`,
    );
  }
  return { name, value };
}

function extendedPropertyOf(raw: unknown): GraphExtendedProperty {
  if (!isRecord(raw)) throw bodyRead("Each extended property must be an object.");
  const id = stringOf("id", raw.id);
  const value = stringOf("value", raw.value);
  parsePropertyId(id);
  return { id, value };
}

function attachmentOf(raw: unknown): AttachmentInput {
  if (!isRecord(raw)) throw bodyRead("Each attachment must be an object.");
  return parseFileAttachment(raw);
}

/** A #microsoft.graph.fileAttachment body; item and reference attachments are not emulated. */
export function parseFileAttachment(raw: JsonObject): AttachmentInput {
  const type = raw["@odata.type"];
  if (type !== "#microsoft.graph.fileAttachment" && type !== "microsoft.graph.fileAttachment") {
    throw new GraphError(501, "NotImplemented", "Only #microsoft.graph.fileAttachment is emulated.");
  }
  const contentBytes = stringOf("contentBytes", raw.contentBytes);
  const size = decodedLength(contentBytes);
  if (size > MAX_INLINE_ATTACHMENT_BYTES) {
    throw new GraphError(
      413,
      "RequestEntityTooLarge",
      "The attachment exceeds 3 MB; use an upload session (createUploadSession).",
    );
  }
  return {
    name: stringOf("name", raw.name),
    contentType:
      raw.contentType === undefined ? "application/octet-stream" : stringOf("contentType", raw.contentType),
    contentBytes,
    size,
    isInline: raw.isInline === undefined ? false : booleanOf("isInline", raw.isInline),
    contentId:
      raw.contentId === undefined || raw.contentId === null ? null : stringOf("contentId", raw.contentId),
  };
}

function decodedLength(base64: string): number {
  const clean = base64.replace(/\s/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw bodyRead("contentBytes is not valid base64.");
  const padding = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - padding;
}
