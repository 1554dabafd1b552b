// Intake extraction: from a request e-mail to a proposal the professional checks and completes.
// Pure and deterministic: the only outside help is the injected HTML sanitizer; "today" is the day the
// request arrived in the institution's time zone, never the machine's clock.
//
// Order matters: the innermost request of a forwarded chain is found first; then labelled lines; then
// the message (so its content is never read as instructions); then free-text phrases for the sender and
// subject; what every field consumed is blanked before audiences, dates and urgency read the rest.
import { checkAddress } from "../address";
import { toLocalDate } from "../dates";
import type { RequestMessage } from "../types";
import { attachmentsToCarry } from "./attachments";
import { readBodySteps } from "./body";
import { proposeAudiences, proposeDate, proposeText, proposeUrgency } from "./fieldRules";
import { fold } from "./fold";
import { findInnermost, findQuoteStarts } from "./forwarded";
import { htmlToText } from "./htmlText";
import { readLabelledValues } from "./labelledValues";
import { findLabels } from "./labels";
import { detectLanguage } from "./language";
import { mask } from "./mask";
import { proposeMessageSteps } from "./messageField";
import { locateMessage } from "./messagePart";
import { findSenderPhrase, findSubjectPhrase } from "./phrases";
import type { ExtractOptions, IntakeNote, RequestProposal, Span } from "./types";
import { REQUIRED_FIELDS } from "./types";
import { proposeUnit } from "./unit";
import { soundsUrgent, urgencyFromLabel } from "./urgency";

export type * from "./types";
export { REQUIRED_FIELDS } from "./types";

/**
 * How much of a request body extraction reads, in UTF-16 units. Extraction is linear in the body's size; a
 * 1 MB request is read whole, while a 10 MB one (a pasted document, a base64 image inlined in the HTML) is read
 * up to here so that opening it cannot freeze the pane; the proposal then says so (`truncated`).
 */
export const MAX_BODY_LENGTH = 1_100_000;

/**
 * The body cut at MAX_BODY_LENGTH: before a tag (HTML) or at a line break (text), never inside one; undefined
 * when it is not longer. Whatever reads a request body on opening reads no more than this.
 */
export function boundedBody(body: string, bodyType: "html" | "text"): string | undefined {
  if (body.length <= MAX_BODY_LENGTH) return undefined;
  const cut = body.lastIndexOf(bodyType === "html" ? "<" : "\n", MAX_BODY_LENGTH);
  return body.slice(0, cut > 0 ? cut : MAX_BODY_LENGTH);
}

/**
 * A reply that states the request itself above the mail it quotes ("Mensaje: …" and the rest on top, the
 * earlier thread below): the request is on top. A forward's cover note ("Les reenvío la solicitud") states no
 * fields, so a forwarded request is still read from the innermost message.
 */
function requestAboveQuotes(folded: string, quotes: readonly number[]): boolean {
  const first = quotes[0];
  if (first === undefined || first === 0) return false;
  const hits = findLabels(folded, { start: 0, end: first }).filter((h) => h.lineStart && h.endsMessage);
  return hits.some((h) => h.field === "message") || new Set(hits.map((h) => h.field)).size >= 2;
}

export function extractRequest(message: RequestMessage, options: ExtractOptions): RequestProposal {
  const steps = extractRequestSteps(message, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same extraction, for a caller that lets the page breathe: `pause` runs between its steps (parsing, laying
 * out the text, reading the fields, cutting out the message, sanitizing it, reading its text), so that opening a
 * 1 MB request is several tasks of the page instead of one that freezes it. Same result as extractRequest.
 */
export async function extractRequestInSteps(
  message: RequestMessage,
  options: ExtractOptions,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<RequestProposal> {
  const steps = extractRequestSteps(message, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

function* extractRequestSteps(
  message: RequestMessage,
  options: ExtractOptions,
): Generator<void, RequestProposal> {
  const bounded = boundedBody(message.body, message.bodyType);
  const body = yield* readBodySteps(bounded ?? message.body, message.bodyType);
  yield;
  const text = body.text;
  const folded = fold(text);
  const quotes = findQuoteStarts(text, folded);
  const inner =
    !options.pregonForward && requestAboveQuotes(folded, quotes) ? { start: 0 } : findInnermost(text, folded);
  // Quoted earlier mail below the request (a reply's history) is not the request: no field reads it.
  const region: Span = { start: inner.start, end: quotes.find((q) => q > inner.start) ?? text.length };
  const requester = inner.from ?? message.from;
  const forwardedBy = inner.start > 0 ? message.from : undefined;
  // Subject lines are untrusted too: read as HTML so that markup and script content fall away.
  const subjectLines = fold(`${htmlToText(message.subject)}\n${htmlToText(inner.subjectLine ?? "")}`);
  const today = toLocalDate(message.receivedAt, options.timeZone);
  const lang = detectLanguage(`${folded.slice(region.start)}\n${subjectLines}`);

  // Labelled lines and the message; labels inside the message are part of its content.
  const allHits = findLabels(folded, region);
  const located = locateMessage(folded, allHits, region);
  const fieldHits = allHits.filter(
    (h) => h.field !== "message" && (!located || h.start < located.cueStart || h.start >= located.span.end),
  );
  const labelled = readLabelledValues(text, fieldHits, allHits);
  const consumed: Span[] = [
    { start: 0, end: region.start },
    { start: region.end, end: text.length },
    ...labelled.spans,
  ];
  if (located) consumed.push({ start: located.cueStart, end: located.span.end });
  const freeText = mask(folded, consumed);
  const label = labelled.values;

  // Free-text phrases for the sender and subject, then blanked too: what is left are the instructions.
  const senderPhrase = label.has("desiredSender") ? undefined : findSenderPhrase(freeText);
  const subjectPhrase = label.has("subject") ? undefined : findSubjectPhrase(freeText);
  const phraseSpans = [senderPhrase?.phrase, subjectPhrase?.phrase].filter((s): s is Span => s !== undefined);
  const instructions = `${mask(freeText, phraseSpans)}\n${subjectLines}`;

  const desiredSender = proposeText(label.get("desiredSender"), senderPhrase, text);
  yield;
  const proposedMessage = yield* proposeMessageSteps(
    body,
    located,
    message.attachments,
    options.sanitizeHtml,
  );
  yield;
  const date = proposeDate(label.get("requestedDate"), instructions, { today, lang });
  // "Fecha de envío: hoy mismo" is a reason for urgency even though it is a labelled date.
  const urgencyText = `${instructions}\n${label.get("requestedDate")?.folded ?? ""}`;
  const notes: IntakeNote[] = [
    ...(forwardedBy ? [{ code: "forwarded" as const, forwardedBy }] : []),
    ...proposedMessage.notes,
    ...date.notes,
  ];
  // Checked where it enters: the relay at the end of the case goes to this address.
  const requesterProblem = checkAddress(requester.address);
  const proposal: RequestProposal = {
    lang,
    requester,
    ...(requesterProblem ? { requesterProblem } : {}),
    ...(forwardedBy ? { forwardedBy } : {}),
    requestingUnit: proposeUnit(label.get("requestingUnit")?.value, desiredSender, requester),
    desiredSender,
    subject: proposeText(label.get("subject"), subjectPhrase, text),
    message: proposedMessage.field,
    audiences: proposeAudiences(label.get("audiences"), instructions, options.audiences),
    requestedDate: date.field,
    urgency: proposeUrgency(label.get("urgency"), urgencyFromLabel, soundsUrgent(urgencyText)),
    attachments: {
      value: attachmentsToCarry(message.attachments, proposedMessage.field.value?.html ?? ""),
      source: "default",
    },
    missing: [],
    notes,
    ...(bounded !== undefined
      ? { truncated: { readLength: bounded.length, length: message.body.length } }
      : {}),
  };
  proposal.missing = REQUIRED_FIELDS.filter((field) => proposal[field].source === "missing");
  return proposal;
}
