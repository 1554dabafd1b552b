// What Communications tells IT about a forwarded case after the forward: the case was cancelled (do not send),
// or it changed (send with these facts). It goes on the forward's thread; the facts IT's pane uses travel in the
// x-pregon-case header (caseHeader.ts), this body is for the person who reads the mail.
import type { DateOnly, Lang } from "../types";
import { formatDate } from "./format";
import type { Fact, SafeHtml } from "./html";
import { banner, factsTable, heading, labelled, mailBody, paragraph } from "./html";
import { caseTag, cleanCaseId, taggedSubject } from "./subject";
import type { MailTemplate } from "./types";

import { wrapText } from "../caseText";

export type NoticeChange = "requestedDate" | "audiences" | "subject" | "dueDate" | "text";

export type CaseNoticeInput = {
  lang: Lang;
  caseId: string;
  subject: string;
  note?: string;
} & (
  | { kind: "cancel"; reason: string; by: string }
  | {
      kind: "update";
      changed: readonly NoticeChange[];
      requestedDate?: DateOnly;
      dueDate: DateOnly;
      audienceLabels: readonly string[];
      /** The new message text, HTML already sanitized by the caller (when "text" changed). */
      textHtml?: string;
    }
);

const STRINGS = {
  es: {
    cancelSubject: "Caso cancelado — no enviar",
    updateSubject: "Caso actualizado",
    cancelHeading: (tag: string) => `Caso ${tag} cancelado`,
    cancelLead: (subject: string) =>
      `Comunicaciones canceló la solicitud de envío masivo “${subject}”. No la envíe; si ya la envió, responda a este mensaje.`,
    updateHeading: (tag: string) => `Caso ${tag} actualizado`,
    updateLead: (subject: string) =>
      `Comunicaciones cambió la solicitud “${subject}”. Prepare el envío con estos datos.`,
    reason: "Motivo",
    by: "Cancelado por",
    caseId: "Caso",
    changed: "Cambió",
    names: {
      requestedDate: "Fecha solicitada",
      audiences: "Destinatarios",
      subject: "Asunto",
      dueDate: "Fecha límite",
      text: "Texto del mensaje",
    } as Record<NoticeChange, string>,
    newText: "Nuevo texto del mensaje (prepare el envío con este texto):",
    none: "sin fecha",
    note: "Nota",
  },
  en: {
    cancelSubject: "Case cancelled — do not send",
    updateSubject: "Case updated",
    cancelHeading: (tag: string) => `Case ${tag} cancelled`,
    cancelLead: (subject: string) =>
      `Communications cancelled the mass mail request “${subject}”. Do not send it; if it has gone out, reply to this message.`,
    updateHeading: (tag: string) => `Case ${tag} updated`,
    updateLead: (subject: string) =>
      `Communications changed the request “${subject}”. Prepare the mass mail with these facts.`,
    reason: "Reason",
    by: "Cancelled by",
    caseId: "Case",
    changed: "Changed",
    names: {
      requestedDate: "Requested date",
      audiences: "Audiences",
      subject: "Subject",
      dueDate: "Due date",
      text: "Message text",
    } as Record<NoticeChange, string>,
    newText: "New message text (prepare the mass mail with this text):",
    none: "no date",
    note: "Note",
  },
};

export function caseNoticeTemplate(input: CaseNoticeInput): MailTemplate {
  const s = STRINGS[input.lang];
  const tag = caseTag(input.caseId);
  const blocks: SafeHtml[] = [];
  let subject: string;
  if (input.kind === "cancel") {
    subject = taggedSubject(input.caseId, s.cancelSubject, input.subject);
    blocks.push(heading(s.cancelHeading(tag)), banner(s.cancelLead(input.subject)));
    blocks.push(
      factsTable([
        { label: s.caseId, value: cleanCaseId(input.caseId), strong: true },
        { label: s.reason, value: input.reason, strong: true },
        { label: s.by, value: input.by },
      ]),
    );
  } else {
    subject = taggedSubject(input.caseId, s.updateSubject, input.subject);
    blocks.push(heading(s.updateHeading(tag)), paragraph(s.updateLead(input.subject)));
    const facts: Fact[] = [
      { label: s.caseId, value: cleanCaseId(input.caseId), strong: true },
      { label: s.changed, value: input.changed.map((c) => s.names[c]).join(", "), strong: true },
      { label: s.names.subject, value: input.subject },
      {
        label: s.names.requestedDate,
        value: input.requestedDate ? formatDate(input.requestedDate, input.lang) : s.none,
      },
      { label: s.names.dueDate, value: formatDate(input.dueDate, input.lang) },
      { label: s.names.audiences, value: input.audienceLabels.join(", ") },
    ];
    blocks.push(factsTable(facts));
    if (input.textHtml !== undefined && input.changed.includes("text")) {
      // Sanitized by the caller (workflow), like every body Pregón sends; the markers let IT's pane find it.
      blocks.push(paragraph(s.newText), wrapText(input.textHtml) as SafeHtml);
    }
  }
  const note = input.note?.trim();
  if (note) blocks.push(labelled(s.note, note));
  return { subject, html: mailBody(input.lang, blocks) };
}
