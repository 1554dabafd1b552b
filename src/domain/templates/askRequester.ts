// The reply that asks the requesting unit for what its request left out (the message text, the send date…), in
// the language the request was written in. It lists each missing item with what to send, and names the case so
// that the answer can be matched to it. Its words live here rather than in strings.ts: only this mail uses them.
import type { RequiredField } from "../intake/types";
import type { Lang } from "../types";
import type { SafeHtml } from "./html";
import { factsTable, mailBody, paragraph } from "./html";
import { cleanCaseId, taggedSubject } from "./subject";
import type { MailTemplate } from "./types";

export interface AskRequesterInput {
  lang: Lang;
  caseId: string;
  /** The request's own subject (the reply answers it). */
  subject: string;
  /** What the request left out, in the order the procedure lists it. */
  missing: readonly RequiredField[];
}

interface AskStrings {
  kind: string;
  greeting: string;
  intro: string;
  caseId: string;
  closing: string;
  items: Record<RequiredField, string>;
}

const STRINGS: Record<Lang, AskStrings> = {
  es: {
    kind: "Información pendiente",
    greeting: "Buen día:",
    intro:
      "Recibimos su solicitud de envío de correo masivo. Para tramitarla necesitamos que nos envíe, respondiendo este mismo correo, lo siguiente:",
    caseId: "Caso",
    closing: "En cuanto lo recibamos, continuamos con el trámite. Gracias.",
    items: {
      message: "El texto del mensaje, tal como deben recibirlo los destinatarios.",
      subject: "El asunto que llevará el correo masivo.",
      desiredSender: "El remitente con el que debe salir el correo (la unidad o cuenta institucional).",
      audiences: "A quién va dirigido: estudiantes, docentes o administrativos.",
      requestedDate: "La fecha en la que desea que se haga el envío.",
    },
  },
  en: {
    kind: "Information needed",
    greeting: "Hello,",
    intro:
      "We received your mass e-mail request. To process it, please reply to this message with the following:",
    caseId: "Case",
    closing: "As soon as we have it, we will carry on with your request. Thank you.",
    items: {
      message: "The text of the message, exactly as the recipients should read it.",
      subject: "The subject line of the mass mail.",
      desiredSender: "The sender the mail should go out as (the unit or institutional account).",
      audiences: "Who it is for: students, faculty or administrative staff.",
      requestedDate: "The date you would like it sent.",
    },
  },
};

export function askRequesterTemplate(input: AskRequesterInput): MailTemplate {
  const s = STRINGS[input.lang];
  const blocks: SafeHtml[] = [
    paragraph(s.greeting),
    paragraph(s.intro),
    ...input.missing.map((field, i) => paragraph(`${i + 1}. ${s.items[field]}`)),
    factsTable([{ label: s.caseId, value: cleanCaseId(input.caseId) }]),
    paragraph(s.closing),
  ];
  return {
    subject: taggedSubject(input.caseId, s.kind, input.subject),
    html: mailBody(input.lang, blocks),
  };
}
