// IT's confirmation that the mass mail went out (step 4), with the evidence the case history keeps: when, to
// which groups, how many recipients, and the internetMessageId that identifies the sent item.
import type { Instant, Lang } from "../types";
import { formatCount, formatInstant } from "./format";
import type { SafeHtml } from "./html";
import { countsTable, mailBody, heading, labelled, monospace, paragraph, signature } from "./html";
import { templateStrings } from "./strings";
import { caseTag, taggedSubject } from "./subject";
import type { MailTemplate } from "./types";

export interface SentGroup {
  /** The distribution group's address. */
  address: string;
  /** Its display name (e.g. the audience label), shown before the address when given. */
  label?: string;
  /** Absent when the directory could not count the group (e.g. an Exchange dynamic distribution group). */
  recipientCount?: number;
}

export interface ItConfirmationInput {
  lang: Lang;
  caseId: string;
  subject: string;
  sentAt: Instant;
  /** When Exchange lets a scheduled mass mail leave: the confirmation then says "scheduled for", not "sent on". */
  scheduledFor?: Instant;
  /** IANA zone for `sentAt`. */
  timeZone: string;
  groups: readonly SentGroup[];
  internetMessageId: string;
  /** The address the mass mail went out from, when worth stating. */
  sentFrom?: string;
  note?: string;
  /** Groups that refused the mail (a non-delivery report came back): stated so nobody reads "sent" as delivered. */
  refused?: readonly string[];
  /** The IT office's signature in `lang` (configuration `signature.it`). */
  signature?: string;
}

/** The sum of the groups' recipients; the counts are evidence, so an impossible one is refused, not summed. */
export function totalRecipients(groups: readonly SentGroup[]): number {
  return groups.reduce((sum, g) => {
    if (g.recipientCount === undefined) return sum;
    if (!Number.isInteger(g.recipientCount) || g.recipientCount < 0) {
      throw new RangeError(
        `Recipient count of ${g.address} must be a whole number ≥ 0, not ${g.recipientCount}`,
      );
    }
    return sum + g.recipientCount;
  }, 0);
}

export function itConfirmationTemplate(input: ItConfirmationInput): MailTemplate {
  const { lang } = input;
  const s = templateStrings(lang);
  const tag = caseTag(input.caseId);
  const total = totalRecipients(input.groups);
  const when = formatInstant(input.sentAt, lang, input.timeZone);

  const blocks: SafeHtml[] = [
    heading(s.confirmation.heading(tag)),
    paragraph(
      input.scheduledFor
        ? s.confirmation.scheduled(input.subject, formatInstant(input.scheduledFor, lang, input.timeZone))
        : s.confirmation.sent(input.subject, when),
    ),
  ];
  blocks.push(
    countsTable(
      { name: s.fields.group, count: s.fields.recipients },
      input.groups.map((g) => ({
        name: g.label ? `${g.label} <${g.address}>` : g.address,
        count:
          g.recipientCount === undefined ? s.confirmation.countUnknown : formatCount(g.recipientCount, lang),
      })),
      { name: s.fields.total, count: formatCount(total, lang) },
    ),
  );
  if (input.refused && input.refused.length > 0)
    blocks.push(paragraph(s.confirmation.refused(input.refused.join(", "))));
  if (input.sentFrom) blocks.push(labelled(s.fields.sentFrom, input.sentFrom));
  blocks.push(monospace(s.fields.internetMessageId, input.internetMessageId));
  const note = input.note?.trim();
  if (note) blocks.push(labelled(s.note, note));
  blocks.push(...signature(input.signature));

  return {
    subject: taggedSubject(input.caseId, s.subjects.confirmation, input.subject),
    html: mailBody(lang, blocks),
  };
}
