// How a message is rendered for one request: $select, $expand (extended properties, attachments) and the
// Prefer: outlook.body-content-type header. internetMessageHeaders only appear when selected, and an
// expanded singleValueExtendedProperties is omitted when nothing matched, as Graph does.
import { uriParseError } from "../errors";
import { parseExpand } from "../odata/expand";
import { compileFilter } from "../odata/filter-compile";
import type { Predicate } from "../odata/filter-compile";
import { parseFilter } from "../odata/filter-parser";
import { applySelect, parseSelect } from "../odata/select";
import type { Mailbox } from "../state/mailbox";
import { toGraphAttachment, toGraphMessage } from "../state/message";
import type { StoredMessage } from "../state/message";
import type { GraphExtendedProperty } from "../types";
import { parseAttachmentSelect } from "./attachments";
import type { RouteContext } from "./context";
import { extendedPropertySchema } from "./message-schema";

export interface MessageView {
  select: string[] | null;
  /** undefined: not expanded; a predicate: expanded with that filter. */
  extendedProperties?: Predicate<GraphExtendedProperty>;
  /** undefined: not expanded; null: expanded with every property; else the nested $select. */
  attachments?: string[] | null;
  bodyAsText: boolean;
}

const SELECTABLE = [
  "id",
  "createdDateTime",
  "lastModifiedDateTime",
  "changeKey",
  "categories",
  "receivedDateTime",
  "sentDateTime",
  "hasAttachments",
  "internetMessageId",
  "subject",
  "bodyPreview",
  "importance",
  "parentFolderId",
  "conversationId",
  "conversationIndex",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "isRead",
  "isDraft",
  "webLink",
  "inferenceClassification",
  "body",
  "uniqueBody",
  "sender",
  "from",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "flag",
  "internetMessageHeaders",
];

export function parseMessageView(context: RouteContext): MessageView {
  const view: MessageView = {
    select: parseSelect(context.query.get("$select"), SELECTABLE, "microsoft.graph.message"),
    bodyAsText: /outlook\.body-content-type\s*=\s*"?text"?/i.test(
      context.request.headers.get("prefer") ?? "",
    ),
  };
  for (const item of parseExpand(context.query.get("$expand"))) {
    const name = item.name.toLowerCase();
    if (name === "singlevalueextendedproperties") {
      const filter = item.options.get("$filter");
      view.extendedProperties = filter
        ? compileFilter(parseFilter(filter), extendedPropertySchema)
        : () => true;
    } else if (name === "attachments") {
      view.attachments = parseAttachmentSelect(item.options.get("$select") ?? null);
    } else {
      throw uriParseError(
        `Could not find a navigation property named '${item.name}' on type 'microsoft.graph.message'.`,
      );
    }
  }
  return view;
}

export function renderMessage(
  message: StoredMessage,
  mailbox: Mailbox,
  view: MessageView,
  webLinkBase: string,
): Record<string, unknown> {
  const full = toGraphMessage(message, { folderId: mailbox.folderId(message.folder), webLinkBase });
  if (view.bodyAsText && message.body.contentType === "html") {
    full.body = { contentType: "text", content: htmlToText(message.body.content) };
  }
  let out = full;
  if (view.select !== null) {
    full.uniqueBody = full.body;
    full.internetMessageHeaders = message.internetMessageHeaders.map((h) => ({ ...h }));
    out = applySelect(full, view.select, ["@odata.etag", "id"]);
  }
  if (view.extendedProperties) {
    const matched = message.singleValueExtendedProperties
      .filter(view.extendedProperties)
      .map((p) => ({ ...p }));
    if (matched.length > 0) out.singleValueExtendedProperties = matched;
  }
  if (view.attachments !== undefined) {
    const select = view.attachments;
    out.attachments = message.attachments.map((a) =>
      applySelect(toGraphAttachment(a, true), select, ["@odata.type", "id"]),
    );
  }
  return out;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}
