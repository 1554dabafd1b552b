// Reply and forward drafts, built the way Exchange builds them: the original's conversation, a prefixed
// subject, the original quoted under a header block, and (for forwards) the original's attachments.
// Prefixes are the English "RE: " / "FW: " that Exchange Online writes for API-created responses, whatever the
// mailbox language; the add-in must not rely on localized prefixes ("RV:", "RE:") to find its threads.
import { newAttachmentId } from "../state/ids";
import type { Mailbox } from "../state/mailbox";
import type { StoredMessage } from "../state/message";
import type { Tenant } from "../state/tenant";
import type { GraphItemBody, GraphRecipient } from "../types";
import { newDraft } from "./drafts";

export type ResponseKind = "reply" | "replyAll" | "forward";

const PREFIX: Record<ResponseKind, string> = { reply: "RE: ", replyAll: "RE: ", forward: "FW: " };

export function responseSubject(kind: ResponseKind, subject: string): string {
  const prefix = PREFIX[kind];
  return subject.toLowerCase().startsWith(prefix.toLowerCase().trim()) ? subject : `${prefix}${subject}`;
}

export function composeResponse(
  tenant: Tenant,
  mailbox: Mailbox,
  original: StoredMessage,
  kind: ResponseKind,
): StoredMessage {
  const draft = newDraft(tenant, mailbox);
  draft.subject = responseSubject(kind, original.subject);
  draft.conversationId = original.conversationId;
  draft.conversationIndex = original.conversationIndex;
  draft.inReplyTo = kind === "forward" ? null : original.internetMessageId;
  draft.toRecipients = kind === "forward" ? [] : replyTargets(kind, original, mailbox);
  draft.ccRecipients = kind === "replyAll" ? withoutSelf(original.ccRecipients, mailbox) : [];
  draft.body = { contentType: "html", content: quotedBody(original, "") };
  draft.attachments = original.attachments
    .filter((a) => kind === "forward" || a.isInline)
    .map((a) => ({ ...a, id: newAttachmentId(draft.id) }));
  return draft;
}

/** Puts the client's comment (or message.body) above the quoted original. */
export function setLead(draft: StoredMessage, original: StoredMessage, lead: GraphItemBody): void {
  const html = lead.contentType === "html" ? lead.content : textToHtml(lead.content);
  draft.body = { contentType: "html", content: quotedBody(original, html) };
}

function replyTargets(kind: ResponseKind, original: StoredMessage, mailbox: Mailbox): GraphRecipient[] {
  const author =
    original.replyTo.length > 0
      ? original.replyTo
      : [original.from ?? original.sender].filter((r): r is GraphRecipient => r !== null);
  if (kind === "reply") return author;
  return dedupe([...author, ...withoutSelf(original.toRecipients, mailbox)]);
}

function withoutSelf(recipients: readonly GraphRecipient[], mailbox: Mailbox): GraphRecipient[] {
  return recipients.filter((r) => r.emailAddress.address.toLowerCase() !== mailbox.address);
}

function dedupe(recipients: GraphRecipient[]): GraphRecipient[] {
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.emailAddress.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The original's sent time as Exchange writes it in the quote header of createReply/createForward: English, in
 * UTC with no zone named, whatever the mailbox's settings or a `Prefer: outlook.timezone` header — e.g.
 * "Tuesday, August 20, 2019 7:53:20 AM" (public reports of real Graph: microsoftgraph/microsoft-graph-docs
 * issues #5481, #5035, #15767; see src/emulator/README.md).
 */
export function exchangeSentTime(instant: string): string {
  const d = new Date(instant);
  const h = d.getUTCHours();
  const two = (n: number) => String(n).padStart(2, "0");
  return (
    `${WEEKDAYS[d.getUTCDay()]}, ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ` +
    `${h % 12 === 0 ? 12 : h % 12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? "AM" : "PM"}`
  );
}

function quotedBody(original: StoredMessage, leadHtml: string): string {
  const people = (list: readonly GraphRecipient[]) => list.map(display).join("; ");
  const header = [
    `<b>From:</b> ${original.from ? display(original.from) : ""}`,
    `<b>Sent:</b> ${escapeHtml(exchangeSentTime(original.sentDateTime))}`,
    `<b>To:</b> ${people(original.toRecipients)}`,
    ...(original.ccRecipients.length > 0 ? [`<b>Cc:</b> ${people(original.ccRecipients)}`] : []),
    `<b>Subject:</b> ${escapeHtml(original.subject)}`,
  ].join("<br>");
  const quoted =
    original.body.contentType === "html"
      ? innerBody(original.body.content)
      : textToHtml(original.body.content);
  return (
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>` +
    `<div>${leadHtml}</div><hr style="display:inline-block;width:98%">` +
    `<div id="divRplyFwdMsg" dir="ltr">${header}</div><div>${quoted}</div></body></html>`
  );
}

function display(recipient: GraphRecipient): string {
  const { name, address } = recipient.emailAddress;
  return name ? `${escapeHtml(name)} &lt;${escapeHtml(address)}&gt;` : escapeHtml(address);
}

function innerBody(html: string): string {
  const match = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html);
  return match?.[1] ?? html;
}

function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, "<br>");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
