// The mail that hands a request to IT (step 2 of the procedure). It becomes the comment of a Graph forward, so
// it sits above the original request: the summary must let IT see what, for whom and by when at a glance.
import { wrapText } from "../caseText";
import type { CaseFields, DateOnly, Lang, MailAddress } from "../types";
import { formatAddress, formatAudiences, formatCount, formatDate } from "./format";
import type { Fact, SafeHtml } from "./html";
import { banner, mailBody, factsTable, heading, labelled, paragraph } from "./html";
import { templateStrings } from "./strings";
import { caseTag, cleanCaseId, taggedSubject } from "./subject";
import type { AudienceLabel, MailTemplate } from "./types";

export interface ForwardToItInput {
  lang: Lang;
  caseId: string;
  fields: CaseFields;
  requester: MailAddress;
  dueDate: DateOnly;
  audienceLabels: readonly AudienceLabel[];
  /** A short note from the professional to IT, optional. */
  note?: string;
  /**
   * The request's message as Communications' pane showed it, sanitized by the caller. It travels between the
   * case's text markers (caseText.ts) so that IT's pane reads exactly this text, whatever Exchange does to the quoted
   * original below (a request whose body holds a second <html>/<body> can come out of the quote cut short).
   */
  messageHtml?: string;
}

export function forwardToItTemplate(input: ForwardToItInput): MailTemplate {
  const { lang, fields } = input;
  const s = templateStrings(lang);
  const tag = caseTag(input.caseId);
  const due = formatDate(input.dueDate, lang);
  const isUrgent = fields.urgency === "urgent";

  const facts: Fact[] = [
    { label: s.fields.caseId, value: cleanCaseId(input.caseId), strong: true },
    { label: s.fields.requestingUnit, value: fields.requestingUnit },
    { label: s.fields.desiredSender, value: fields.desiredSender },
    { label: s.fields.subject, value: fields.subject },
    { label: s.fields.audiences, value: formatAudiences(fields.audiences, input.audienceLabels, lang) },
    {
      label: s.fields.requestedDate,
      value: fields.requestedDate ? formatDate(fields.requestedDate, lang) : s.noRequestedDate,
    },
    { label: s.fields.dueDate, value: due, strong: true },
    { label: s.fields.urgency, value: s.urgency[fields.urgency], strong: isUrgent },
    { label: s.fields.attachments, value: formatCount(fields.attachmentIds.length, lang) },
    { label: s.fields.requester, value: formatAddress(input.requester) },
  ];

  const blocks: SafeHtml[] = [heading(s.forward.heading(tag))];
  if (isUrgent) blocks.push(banner(s.forward.urgent(due)));
  blocks.push(factsTable(facts), paragraph(s.forward.instructions(due, tag)));
  const note = input.note?.trim();
  if (note) blocks.push(labelled(s.noteForIt, note));
  if (input.messageHtml !== undefined) {
    blocks.push(paragraph(s.forward.messageToSend), wrapText(input.messageHtml, input.caseId) as SafeHtml);
  }
  blocks.push(paragraph(s.forward.originalBelow));

  return {
    // The case tag still leads (replies are matched by it); the urgent mark comes right after it.
    subject: taggedSubject(
      input.caseId,
      isUrgent ? `${s.subjects.urgentMark} ${s.subjects.forward}` : s.subjects.forward,
      fields.subject,
    ),
    html: mailBody(lang, blocks),
  };
}
