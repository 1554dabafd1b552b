// Intake extraction: from a request e-mail to a proposal the professional checks and completes.
// Pure and deterministic: the only outside help is the injected HTML sanitizer; "today" is the day the
// request arrived in the institution's time zone, never the machine's clock.
//
// Order matters: the innermost request of a forwarded chain is found first; then labelled lines; then
// the message (so its content is never read as instructions); then free-text phrases for the sender and
// subject; what every field consumed is blanked before audiences, dates and urgency read the rest.
import { toLocalDate } from "../dates";
import type { AudienceKey, RequestMessage, Urgency } from "../types";
import { attachmentsToCarry } from "./attachments";
import { findAudiences } from "./audiences";
import { readBody } from "./body";
import { fold } from "./fold";
import { findInnermost } from "./forwarded";
import { htmlToText } from "./htmlText";
import type { LabelField } from "./labels";
import { findLabels, labelValueSpan } from "./labels";
import { detectLanguage } from "./language";
import { mask } from "./mask";
import { proposeMessage } from "./messageField";
import { locateMessage } from "./messagePart";
import { findSenderPhrase, findSubjectPhrase } from "./phrases";
import { inferSendDate, labelledSendDate } from "./sendDate";
import { cleanInline } from "./plainText";
import type { ExtractOptions, IntakeNote, ProposedField, RequestProposal, Span } from "./types";
import { REQUIRED_FIELDS } from "./types";
import { proposeUnit } from "./unit";
import { soundsUrgent, urgencyFromLabel } from "./urgency";

export type * from "./types";
export { REQUIRED_FIELDS } from "./types";

interface LabelledValue {
  value: string;
  folded: string;
}

const missing = { value: null, source: "missing" } as const;

export function extractRequest(message: RequestMessage, options: ExtractOptions): RequestProposal {
  const body = readBody(message.body, message.bodyType);
  const text = body.text;
  const folded = fold(text);
  const inner = findInnermost(text);
  const region: Span = { start: inner.start, end: text.length };
  const requester = inner.from ?? message.from;
  const forwardedBy = inner.start > 0 ? message.from : undefined;
  const subjectLines = fold(`${htmlToText(message.subject)}\n${htmlToText(inner.subjectLine ?? "")}`);
  const today = toLocalDate(message.receivedAt, options.timeZone);
  const lang = detectLanguage(`${folded.slice(region.start)}\n${subjectLines}`);

  // Labelled lines, the message, and what they consume.
  const allHits = findLabels(folded, region);
  const located = locateMessage(folded, allHits, region);
  const hits = allHits.filter(
    (h) => h.field !== "message" && (!located || h.start < located.cueStart || h.start >= located.span.end),
  );
  const consumed: Span[] = [{ start: 0, end: region.start }];
  if (located) consumed.push({ start: located.cueStart, end: located.span.end });
  const labelled = new Map<LabelField, LabelledValue>();
  for (const hit of hits) {
    const span = labelValueSpan(text, hit, allHits);
    consumed.push({ start: hit.start, end: span.end });
    const value = cleanInline(text.slice(span.start, span.end));
    if (value !== "" && !labelled.has(hit.field)) labelled.set(hit.field, { value, folded: fold(value) });
  }
  const freeText = mask(folded, consumed);

  // Free-text phrases for the sender and subject; then blank them too.
  const senderPhrase = labelled.has("desiredSender") ? undefined : findSenderPhrase(freeText);
  const subjectPhrase = labelled.has("subject") ? undefined : findSubjectPhrase(freeText);
  const instructions = `${mask(freeText, [senderPhrase?.phrase, subjectPhrase?.phrase].filter(isSpan))}\n${subjectLines}`;
  const fromLabelOrPhrase = (
    field: LabelField,
    phrase: { value: Span } | undefined,
  ): ProposedField<string> => {
    const label = labelled.get(field);
    if (label) return { value: label.value, source: "labelled" };
    const value = phrase ? cleanInline(text.slice(phrase.value.start, phrase.value.end)) : "";
    return value ? { value, source: "inferred" } : missing;
  };
  const desiredSender = fromLabelOrPhrase("desiredSender", senderPhrase);
  const subject = fromLabelOrPhrase("subject", subjectPhrase);

  const notes: IntakeNote[] = forwardedBy ? [{ code: "forwarded", forwardedBy }] : [];
  const msg = proposeMessage(body, located, message.attachments, options.sanitizeHtml);
  notes.push(...msg.notes);
  const date = proposeDate(labelled.get("requestedDate"), instructions, today, lang);
  notes.push(...date.notes);
  const proposal: RequestProposal = {
    lang,
    requester,
    ...(forwardedBy ? { forwardedBy } : {}),
    requestingUnit: proposeUnit(labelled.get("requestingUnit")?.value, desiredSender, requester),
    desiredSender,
    subject,
    message: msg.field,
    audiences: proposeAudiences(labelled.get("audiences"), instructions),
    requestedDate: date.field,
    urgency: proposeUrgency(
      labelled.get("urgency"),
      `${instructions}\n${labelled.get("requestedDate")?.folded ?? ""}`,
    ),
    attachments: {
      value: attachmentsToCarry(message.attachments, msg.field.value?.html ?? ""),
      source: "default",
    },
    missing: [],
    notes,
  };
  proposal.missing = REQUIRED_FIELDS.filter((field) => proposal[field].source === "missing");
  return proposal;
}

function isSpan(span: Span | undefined): span is Span {
  return span !== undefined;
}

function proposeAudiences(
  label: LabelledValue | undefined,
  instructions: string,
): ProposedField<AudienceKey[]> {
  const fromLabel = label ? findAudiences(label.folded) : [];
  if (fromLabel.length > 0) return { value: fromLabel, source: "labelled" };
  const inferred = findAudiences(instructions);
  return inferred.length > 0 ? { value: inferred, source: "inferred" } : missing;
}

function proposeDate(
  label: LabelledValue | undefined,
  instructions: string,
  today: string,
  lang: RequestProposal["lang"],
): { field: ProposedField<string>; notes: IntakeNote[] } {
  const ctx = { today, lang };
  const fromLabel = label ? labelledSendDate(label.folded, ctx) : undefined;
  if (fromLabel?.date)
    return { field: { value: fromLabel.date, source: "labelled" }, notes: fromLabel.notes };
  const inferred = inferSendDate(instructions, ctx);
  return {
    field: inferred.date ? { value: inferred.date, source: "inferred" } : missing,
    notes: inferred.notes,
  };
}

function proposeUrgency(label: LabelledValue | undefined, instructions: string): ProposedField<Urgency> {
  const fromLabel = label ? urgencyFromLabel(label.folded) : undefined;
  if (fromLabel) return { value: fromLabel, source: "labelled" };
  return soundsUrgent(instructions)
    ? { value: "urgent", source: "inferred" }
    : { value: "normal", source: "default" };
}
