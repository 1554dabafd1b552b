// The words of the mails Pregón sends, in Spanish (the working language) and English. Values arrive already
// formatted (dates, counts) and are plain text: html.ts escapes whole sentences when it writes them.
import type { Lang, Urgency } from "../types";

export interface TemplateStrings {
  subjects: {
    forward: string;
    reminder: string;
    confirmation: string;
    relay: string;
    /** Issue 13: put before the kind on an urgent case's forward, so IT sees it in the inbox list. */
    urgentMark: string;
  };
  fields: {
    caseId: string;
    requestingUnit: string;
    requester: string;
    desiredSender: string;
    subject: string;
    audiences: string;
    requestedDate: string;
    dueDate: string;
    urgency: string;
    attachments: string;
    forwardedAt: string;
    overdue: string;
    sentAt: string;
    /** When a scheduled mass mail leaves (Exchange holds it until then). */
    scheduledFor: string;
    sentFrom: string;
    group: string;
    recipients: string;
    total: string;
    internetMessageId: string;
  };
  urgency: Record<Urgency, string>;
  noRequestedDate: string;
  days: (n: string, one: boolean) => string;
  noteForIt: string;
  note: string;
  evidence: string;
  forward: {
    heading: (tag: string) => string;
    urgent: (due: string) => string;
    instructions: (due: string, tag: string) => string;
    /** Above the message as Communications reviewed it (what the mass mail will carry). */
    messageToSend: string;
    originalBelow: string;
  };
  reminder: {
    heading: (tag: string) => string;
    overdue: (subject: string, unit: string, due: string, days: string) => string;
    onDemand: (subject: string, unit: string, due: string) => string;
    instructions: (tag: string) => string;
  };
  confirmation: {
    heading: (tag: string) => string;
    sent: (subject: string, when: string) => string;
    /** The mass mail is held by Exchange until `when` (deferred delivery), not sent yet. */
    scheduled: (subject: string, when: string) => string;
    countUnknown: string;
    refused: (groups: string) => string;
  };
  relay: {
    greeting: string;
    sent: (subject: string, unit: string, when: string, audiences: string) => string;
    /** IT scheduled the mass mail: it leaves at `when`, not sent yet. */
    scheduled: (subject: string, unit: string, when: string, audiences: string) => string;
    closing: string;
  };
}

const es: TemplateStrings = {
  subjects: {
    forward: "Solicitud de envío masivo",
    urgentMark: "[URGENTE]",
    reminder: "Recordatorio de envío masivo",
    confirmation: "Envío masivo realizado",
    relay: "Su envío masivo fue realizado",
  },
  fields: {
    caseId: "Caso",
    requestingUnit: "Unidad solicitante",
    requester: "Solicitante",
    desiredSender: "Remitente deseado",
    subject: "Asunto",
    audiences: "Audiencias",
    requestedDate: "Fecha solicitada",
    dueDate: "Fecha límite",
    urgency: "Urgencia",
    attachments: "Adjuntos",
    forwardedAt: "Enviada a TIC",
    overdue: "Retraso",
    sentAt: "Fecha de envío",
    scheduledFor: "Programado para",
    sentFrom: "Enviado desde",
    group: "Grupo",
    recipients: "Destinatarios",
    total: "Total",
    internetMessageId: "internetMessageId",
  },
  urgency: { normal: "Normal", urgent: "Urgente" },
  noRequestedDate: "Sin fecha solicitada",
  days: (n, one) => (one ? `${n} día` : `${n} días`),
  noteForIt: "Nota para TIC",
  note: "Nota",
  evidence: "(hora de envío, grupos, número de destinatarios e internetMessageId)",
  forward: {
    heading: (tag) => `Solicitud de envío masivo ${tag}`,
    urgent: (due) => `URGENTE: enviar a más tardar el ${due}`,
    instructions: (due, tag) =>
      `Por favor realice el envío a más tardar el ${due} y responda a este correo con la evidencia ` +
      `${es.evidence}, conservando ${tag} en el asunto.`,
    messageToSend: "Mensaje a enviar, tal como lo revisó Comunicaciones:",
    originalBelow: "La solicitud original va a continuación.",
  },
  reminder: {
    heading: (tag) => `Recordatorio ${tag}`,
    overdue: (subject, unit, due, days) =>
      `La solicitud de envío masivo «${subject}» de ${unit} debía enviarse a más tardar el ${due} ` +
      `y lleva ${days} de retraso.`,
    onDemand: (subject, unit, due) =>
      `Le recordamos la solicitud de envío masivo «${subject}» de ${unit}, con fecha límite el ${due}.`,
    instructions: (tag) =>
      `Si el envío ya se realizó, responda a este correo con la evidencia ${es.evidence}, ` +
      `conservando ${tag} en el asunto.`,
  },
  confirmation: {
    heading: (tag) => `Envío masivo realizado ${tag}`,
    sent: (subject, when) => `El envío masivo «${subject}» se realizó el ${when}.`,
    scheduled: (subject, when) =>
      `El envío masivo «${subject}» quedó programado para el ${when}; saldrá a esa hora sin más acciones.`,
    countUnknown: "no disponible",
    refused: (groups) =>
      `Atención: ${groups} rechazó el envío (informe de no entrega de Exchange); sus miembros no lo recibieron. ` +
      `TIC está gestionando el permiso con el propietario del grupo.`,
  },
  relay: {
    greeting: "Cordial saludo:",
    sent: (subject, unit, when, audiences) =>
      `Le informamos que el envío masivo «${subject}» solicitado por ${unit} se realizó el ${when}, ` +
      `dirigido a ${audiences}.`,
    scheduled: (subject, unit, when, audiences) =>
      `Le informamos que el envío masivo «${subject}» solicitado por ${unit} quedó programado para el ${when}, ` +
      `dirigido a ${audiences}; saldrá a esa hora sin más acciones.`,
    closing: "Quedamos atentos a cualquier inquietud.",
  },
};

const en: TemplateStrings = {
  subjects: {
    forward: "Mass mail request",
    urgentMark: "[URGENT]",
    reminder: "Mass mail reminder",
    confirmation: "Mass mail sent",
    relay: "Your mass mail was sent",
  },
  fields: {
    caseId: "Case",
    requestingUnit: "Requesting unit",
    requester: "Requested by",
    desiredSender: "Desired sender",
    subject: "Subject",
    audiences: "Audiences",
    requestedDate: "Requested date",
    dueDate: "Due date",
    urgency: "Urgency",
    attachments: "Attachments",
    forwardedAt: "Sent to IT",
    overdue: "Overdue by",
    sentAt: "Sent at",
    scheduledFor: "Scheduled for",
    sentFrom: "Sent from",
    group: "Group",
    recipients: "Recipients",
    total: "Total",
    internetMessageId: "internetMessageId",
  },
  urgency: { normal: "Normal", urgent: "Urgent" },
  noRequestedDate: "No date requested",
  days: (n, one) => (one ? `${n} day` : `${n} days`),
  noteForIt: "Note for IT",
  note: "Note",
  evidence: "(time sent, groups, number of recipients and internetMessageId)",
  forward: {
    heading: (tag) => `Mass mail request ${tag}`,
    urgent: (due) => `URGENT: send by ${due}`,
    instructions: (due, tag) =>
      `Please send it by ${due} and reply to this e-mail with the evidence ${en.evidence}, ` +
      `keeping ${tag} in the subject.`,
    messageToSend: "The message to send, as Communications reviewed it:",
    originalBelow: "The original request follows.",
  },
  reminder: {
    heading: (tag) => `Reminder ${tag}`,
    overdue: (subject, unit, due, days) =>
      `The mass mail request “${subject}” from ${unit} was due by ${due} and is ${days} overdue.`,
    onDemand: (subject, unit, due) =>
      `This is a reminder of the mass mail request “${subject}” from ${unit}, due by ${due}.`,
    instructions: (tag) =>
      `If it has already been sent, please reply to this e-mail with the evidence ${en.evidence}, ` +
      `keeping ${tag} in the subject.`,
  },
  confirmation: {
    heading: (tag) => `Mass mail sent ${tag}`,
    sent: (subject, when) => `The mass mail “${subject}” was sent on ${when}.`,
    scheduled: (subject, when) =>
      `The mass mail “${subject}” is scheduled for ${when}; it will go out then with nothing more to do.`,
    countUnknown: "not available",
    refused: (groups) =>
      `Note: ${groups} refused the mail (Exchange non-delivery report); its members did not receive it. ` +
      `IT is asking the group's owner for permission.`,
  },
  relay: {
    greeting: "Hello,",
    sent: (subject, unit, when, audiences) =>
      `This is to let you know that the mass mail “${subject}” requested by ${unit} was sent on ${when} ` +
      `to ${audiences}.`,
    scheduled: (subject, unit, when, audiences) =>
      `This is to let you know that the mass mail “${subject}” requested by ${unit} is scheduled for ${when} ` +
      `to ${audiences}; it will go out then with nothing more to do.`,
    closing: "Please let us know if you have any questions.",
  },
};

export function templateStrings(lang: Lang): TemplateStrings {
  switch (lang) {
    case "es":
      return es;
    case "en":
      return en;
  }
}
