// Puts Pregón's HTML above the quoted original in a reply/forward draft made by Graph.
//
// createForward/createReply return a draft whose body already holds Outlook's quote header ("From: …
// Sent: … Subject: …") and the original message. Our summary goes first, inside <body>, so the draft keeps
// the original's head (styles, charset) and reads like a forward a person wrote.
import type { ItemBody } from "@microsoft/microsoft-graph-types";
import { localizeQuoteHeader } from "./quoteHeader";
import type { QuoteHeaderLanguage } from "./quoteHeader";

const BODY_OPEN_TAG = /<body\b[^>]*>/i;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `quoteHeader`: the language and zone to rewrite Exchange's English, UTC quote header in (quoteHeader.ts). */
export function withCommentAbove(
  commentHtml: string,
  draftBody: ItemBody | null | undefined,
  quoteHeader?: QuoteHeaderLanguage,
): string {
  const raw = draftBody?.content ?? "";
  const isText = draftBody?.contentType?.toLowerCase() === "text";
  const content = quoteHeader && !isText ? localizeQuoteHeader(raw, quoteHeader) : raw;
  if (isText) {
    const quoted = content ? `<hr><div style="white-space:pre-wrap">${escapeHtml(content)}</div>` : "";
    return `${commentHtml}${quoted}`;
  }
  const open = BODY_OPEN_TAG.exec(content);
  if (!open) return `${commentHtml}${content}`;
  const at = open.index + open[0].length;
  return `${content.slice(0, at)}${commentHtml}${content.slice(at)}`;
}
