// A reminder to IT about a forwarded case (step 5): either because the due date has passed or because the
// professional asked for one. It goes on the forward's thread, so the case tag stays in the subject.
import type { DateOnly, Instant, Lang } from "../types";
import { formatCount, formatDate, formatInstant } from "./format";
import type { Fact, SafeHtml } from "./html";
import { mailBody, factsTable, heading, labelled, paragraph } from "./html";
import { templateStrings } from "./strings";
import { caseTag, cleanCaseId, taggedSubject } from "./subject";
import type { MailTemplate } from "./types";

export interface ReminderInput {
  lang: Lang;
  caseId: string;
  subject: string;
  requestingUnit: string;
  dueDate: DateOnly;
  /** Days past the due date; absent or 0 for a reminder sent on demand before it. */
  overdueDays?: number;
  /** When the case went to IT, shown so IT can find the original forward. */
  forwardedAt?: Instant;
  /** IANA zone for `forwardedAt`. */
  timeZone: string;
  note?: string;
}

export function reminderTemplate(input: ReminderInput): MailTemplate {
  const { lang } = input;
  const s = templateStrings(lang);
  const tag = caseTag(input.caseId);
  const due = formatDate(input.dueDate, lang);
  const overdueDays = input.overdueDays ?? 0;
  if (!Number.isInteger(overdueDays) || overdueDays < 0) {
    throw new RangeError(`Overdue days must be a whole number ≥ 0, not ${overdueDays}`);
  }
  const days = s.days(formatCount(overdueDays, lang), overdueDays === 1);

  const lead =
    overdueDays > 0
      ? s.reminder.overdue(input.subject, input.requestingUnit, due, days)
      : s.reminder.onDemand(input.subject, input.requestingUnit, due);
  const facts: Fact[] = [
    { label: s.fields.caseId, value: cleanCaseId(input.caseId), strong: true },
    { label: s.fields.subject, value: input.subject },
    { label: s.fields.requestingUnit, value: input.requestingUnit },
  ];
  if (input.forwardedAt) {
    facts.push({
      label: s.fields.forwardedAt,
      value: formatInstant(input.forwardedAt, lang, input.timeZone),
    });
  }
  facts.push({ label: s.fields.dueDate, value: due, strong: true });
  if (overdueDays > 0) facts.push({ label: s.fields.overdue, value: days, strong: true });

  const blocks: SafeHtml[] = [heading(s.reminder.heading(tag)), paragraph(lead), factsTable(facts)];
  blocks.push(paragraph(s.reminder.instructions(tag)));
  const note = input.note?.trim();
  if (note) blocks.push(labelled(s.note, note));

  return {
    subject: taggedSubject(input.caseId, s.subjects.reminder, input.subject),
    html: mailBody(lang, blocks),
  };
}
