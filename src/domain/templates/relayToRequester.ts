// The message that closes the loop with the requesting unit (end of step 4): their mass mail went out, when,
// and to whom. It speaks of audiences, not distribution-group addresses, which mean nothing to the unit.
import type { AudienceKey, Instant, Lang } from "../types";
import { formatAudiences, formatCount, formatInstant } from "./format";
import type { Fact, SafeHtml } from "./html";
import { mailBody, factsTable, labelled, paragraph, signature } from "./html";
import { templateStrings } from "./strings";
import { cleanCaseId, taggedSubject } from "./subject";
import type { AudienceLabel, MailTemplate } from "./types";

export interface RelayToRequesterInput {
  lang: Lang;
  caseId: string;
  requestingUnit: string;
  subject: string;
  sentAt: Instant;
  /** When IT scheduled the mass mail to leave (IT's confirmation says so): the relay says "scheduled for". */
  scheduledFor?: Instant;
  /** IANA zone for `sentAt` and `scheduledFor`. */
  timeZone: string;
  audiences: readonly AudienceKey[];
  audienceLabels: readonly AudienceLabel[];
  /** Total recipients from IT's evidence, when known. */
  totalRecipients?: number;
  note?: string;
  /** The Communications office's signature in `lang` (configuration `signature.communications`). */
  signature?: string;
}

export function relayToRequesterTemplate(input: RelayToRequesterInput): MailTemplate {
  const { lang } = input;
  const s = templateStrings(lang);
  const when = formatInstant(input.scheduledFor ?? input.sentAt, lang, input.timeZone);
  const audiences = formatAudiences(input.audiences, input.audienceLabels, lang);

  const facts: Fact[] = [
    { label: s.fields.caseId, value: cleanCaseId(input.caseId) },
    { label: s.fields.subject, value: input.subject },
    { label: input.scheduledFor ? s.fields.scheduledFor : s.fields.sentAt, value: when, strong: true },
    { label: s.fields.audiences, value: audiences },
  ];
  if (input.totalRecipients !== undefined) {
    facts.push({ label: s.fields.recipients, value: formatCount(input.totalRecipients, lang) });
  }

  const blocks: SafeHtml[] = [
    paragraph(s.relay.greeting),
    paragraph(
      (input.scheduledFor ? s.relay.scheduled : s.relay.sent)(
        input.subject,
        input.requestingUnit,
        when,
        audiences,
      ),
    ),
    factsTable(facts),
  ];
  const note = input.note?.trim();
  if (note) blocks.push(labelled(s.note, note));
  blocks.push(paragraph(s.relay.closing), ...signature(input.signature));

  return {
    subject: taggedSubject(input.caseId, s.subjects.relay, input.subject),
    html: mailBody(lang, blocks),
  };
}
