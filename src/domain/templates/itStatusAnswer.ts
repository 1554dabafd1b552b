// IT's answer to a reminder (step 5, the other way): the case's status in IT's mailbox, in one sentence.
import type { ItStatusHeader } from "../itStatus";
import type { Lang } from "../types";
import { formatDate, formatInstant } from "./format";
import { heading, mailBody, paragraph } from "./html";
import { caseTag, taggedSubject } from "./subject";
import type { MailTemplate } from "./types";

export interface ItStatusAnswerInput {
  lang: Lang;
  caseId: string;
  subject: string;
  status: Omit<ItStatusHeader, "v">;
  timeZone: string;
}

const STRINGS = {
  es: {
    subject: "Estado del caso en TIC",
    heading: (tag: string) => `Estado del caso ${tag}`,
    notPrepared: (due: string) => `Aún no preparado. Fecha límite: ${due}.`,
    prepared: (due: string) => `Preparado, se enviará a más tardar el ${due}.`,
    scheduled: (on: string) => `Programado para el ${on}.`,
    sent: (at: string) => `Enviado el ${at}.`,
    lead: "Respuesta de TIC a su recordatorio:",
  },
  en: {
    subject: "Case status at IT",
    heading: (tag: string) => `Status of case ${tag}`,
    notPrepared: (due: string) => `Not yet prepared. Due date: ${due}.`,
    prepared: (due: string) => `Prepared, to be sent by ${due}.`,
    scheduled: (on: string) => `Scheduled for ${on}.`,
    sent: (at: string) => `Sent on ${at}.`,
    lead: "IT's answer to your reminder:",
  },
};

/** The one sentence of the answer, also what IT's pane shows before sending it. */
export function itStatusSentence(lang: Lang, status: Omit<ItStatusHeader, "v">, timeZone: string): string {
  const s = STRINGS[lang];
  const date = status.on ? formatDate(status.on, lang) : "—";
  switch (status.status) {
    case "sent":
      return s.sent(status.at ? formatInstant(status.at, lang, timeZone) : "—");
    case "scheduled":
      // The time it leaves (held by Exchange, or the requested date at the send time); older answers: the date.
      return s.scheduled(status.at ? formatInstant(status.at, lang, timeZone) : date);
    case "prepared":
      return s.prepared(date);
    case "notPrepared":
      return s.notPrepared(date);
  }
}

export function itStatusAnswerTemplate(input: ItStatusAnswerInput): MailTemplate {
  const s = STRINGS[input.lang];
  return {
    subject: taggedSubject(input.caseId, s.subject, input.subject),
    html: mailBody(input.lang, [
      heading(s.heading(caseTag(input.caseId))),
      paragraph(s.lead),
      paragraph(itStatusSentence(input.lang, input.status, input.timeZone)),
    ]),
  };
}
