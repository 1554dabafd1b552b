// The stored form of a message and its projection to Graph JSON. Field names follow Graph's, so the OData
// filter can walk a stored message directly; computed properties (bodyPreview, hasAttachments, etag…) are
// derived at read time and never stored.
import type { FolderName, GraphExtendedProperty, GraphHeader, GraphItemBody, GraphRecipient } from "../types";
import { etagOf } from "./etag";

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId: string | null;
  lastModifiedDateTime: string;
  /** Base64, as Graph carries fileAttachment.contentBytes. */
  contentBytes: string;
}

export interface StoredMessage {
  id: string;
  /** Insertion order: breaks ties between equal timestamps so "newest first" is stable. */
  seq: number;
  folder: FolderName;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  sentDateTime: string;
  subject: string;
  body: GraphItemBody;
  from: GraphRecipient | null;
  sender: GraphRecipient | null;
  toRecipients: GraphRecipient[];
  ccRecipients: GraphRecipient[];
  bccRecipients: GraphRecipient[];
  replyTo: GraphRecipient[];
  conversationId: string;
  conversationIndex: string;
  internetMessageId: string;
  /** Message-ID of the message this one replies to (becomes In-Reply-To/References when sent). */
  inReplyTo: string | null;
  isDraft: boolean;
  isRead: boolean;
  isDeliveryReceiptRequested: boolean;
  isReadReceiptRequested: boolean;
  importance: "low" | "normal" | "high";
  inferenceClassification: "focused" | "other";
  categories: string[];
  flag: { flagStatus: "notFlagged" | "flagged" | "complete" };
  internetMessageHeaders: GraphHeader[];
  /** Ids are stored in canonical form (see extended-props.ts). */
  singleValueExtendedProperties: GraphExtendedProperty[];
  attachments: StoredAttachment[];
}

/** Characters of preview Graph returns. */
const PREVIEW_LENGTH = 255;
/** The first prefix of a long body that bodyPreview tries; then 4 times longer, and so on. */
const FIRST_PREFIX = 65_536;

/**
 * Properties Graph computes; the filter resolver and the projection share this. The preview only needs the
 * body's first words: a long body is read from its start, in growing prefixes, until a prefix certainly gives what
 * the whole body gives (previewOfPrefix); the whole body is read only when none does. Deriving it from all of a
 * 10 MB body on every read (five passes of replace) was half a second of the demo's page per read.
 */
export function bodyPreview(body: GraphItemBody): string {
  const html = body.contentType === "html";
  for (let length = FIRST_PREFIX; length < body.content.length; length *= 4) {
    const preview = previewOfPrefix(body.content, length, html);
    if (preview !== undefined) return preview;
  }
  return collapse(html ? textOfHtml(body.content) : body.content).slice(0, PREVIEW_LENGTH);
}

function textOfHtml(content: string): string {
  return tagsOut(content.replace(STYLE_OR_SCRIPT, " "))
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

const STYLE_OR_SCRIPT = /<(style|script)[^>]*>[\s\S]*?<\/\1>/gi;
const tagsOut = (html: string): string => html.replace(/<[^>]+>/g, " ");
const collapse = (text: string): string => text.replace(/\s+/g, " ").trim();

/**
 * The preview from the body's first `length` characters (HTML cut before a "<"), or undefined when that prefix
 * cannot be known to give the whole body's preview: a style or script block, or a tag, still open where it ends
 * (in the whole body they would match across the cut), or fewer than PREVIEW_LENGTH + 2 characters of text (the
 * last one may merge with the whitespace after the cut). Otherwise every replacement above matches the same
 * characters in the prefix as in the whole body, and the first PREVIEW_LENGTH characters are the same.
 */
function previewOfPrefix(content: string, length: number, html: boolean): string | undefined {
  const cut = html ? content.lastIndexOf("<", length) : length;
  if (cut <= 0) return undefined;
  const prefix = content.slice(0, cut);
  let text = prefix;
  if (html) {
    const blocksOut = prefix.replace(STYLE_OR_SCRIPT, " ");
    if (/<(style|script)/i.test(blocksOut)) return undefined;
    const tagsGone = tagsOut(blocksOut);
    if (/<[^>]*$/.test(tagsGone)) return undefined;
    text = textOfHtml(prefix);
  }
  const collapsed = text.replace(/\s+/g, " ").trimStart();
  return collapsed.length >= PREVIEW_LENGTH + 2 ? collapsed.slice(0, PREVIEW_LENGTH) : undefined;
}

export function hasAttachments(message: StoredMessage): boolean {
  return message.attachments.some((a) => !a.isInline);
}

export interface ProjectionContext {
  folderId: string;
  webLinkBase: string;
}

/**
 * The message as Graph returns it by default. internetMessageHeaders and singleValueExtendedProperties are
 * not part of the default projection: Graph only returns them with $select / $expand.
 */
export function toGraphMessage(message: StoredMessage, context: ProjectionContext): Record<string, unknown> {
  return {
    "@odata.etag": etagOf(message.changeKey),
    id: message.id,
    createdDateTime: message.createdDateTime,
    lastModifiedDateTime: message.lastModifiedDateTime,
    changeKey: message.changeKey,
    categories: [...message.categories],
    receivedDateTime: message.receivedDateTime,
    sentDateTime: message.sentDateTime,
    hasAttachments: hasAttachments(message),
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    // Computed when read (a $select without it never reads it): stripping the tags of a 10 MB body for 255
    // characters nobody asked for would be the emulator's cost, not Graph's, in the demo's timings.
    get bodyPreview() {
      return bodyPreview(message.body);
    },
    importance: message.importance,
    parentFolderId: context.folderId,
    conversationId: message.conversationId,
    conversationIndex: message.conversationIndex,
    isDeliveryReceiptRequested: message.isDeliveryReceiptRequested,
    isReadReceiptRequested: message.isReadReceiptRequested,
    isRead: message.isRead,
    isDraft: message.isDraft,
    webLink: `${context.webLinkBase}?ItemID=${encodeURIComponent(message.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: message.inferenceClassification,
    body: { ...message.body },
    sender: message.sender,
    from: message.from,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients,
    bccRecipients: message.bccRecipients,
    replyTo: message.replyTo,
    flag: { ...message.flag },
  };
}

/** Attachment properties a client may $select (directly or inside $expand=attachments(...)). */
/** Properties of microsoft.graph.attachment, the base type: what $select may name without a cast. */
export const ATTACHMENT_PROPERTIES = [
  "id",
  "name",
  "contentType",
  "size",
  "isInline",
  "lastModifiedDateTime",
];

/** What only the derived types have: $select reaches them with a cast, e.g. microsoft.graph.fileAttachment/contentId. */
export const ATTACHMENT_DERIVED_PROPERTIES: Readonly<Record<string, readonly string[]>> = {
  "microsoft.graph.fileAttachment": ["contentId", "contentLocation", "contentBytes"],
  // itemAttachment's `item` is a navigation property ($expand), referenceAttachment adds nothing in v1.0.
  "microsoft.graph.itemAttachment": [],
  "microsoft.graph.referenceAttachment": [],
};

export function toGraphAttachment(
  attachment: StoredAttachment,
  withContent: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    "@odata.type": "#microsoft.graph.fileAttachment",
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime,
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    contentId: attachment.contentId,
    contentLocation: null,
  };
  if (withContent) out.contentBytes = attachment.contentBytes;
  return out;
}
