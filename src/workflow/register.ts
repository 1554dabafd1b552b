// The quality system's register: one row per case with every step's date and who did it, as CSV that Excel
// opens with the right characters (UTF-8 with a byte-order mark) and the separator of the user's locale. Times
// are the institution's wall clock (config `timeZone`), as the pane shows them, written "YYYY-MM-DD HH:MM" so
// Excel reads them as dates in either language: an ISO instant in UTC would put a case closed late in the
// evening on another day than the pane does.
import Papa from "papaparse";
import { reminderCount } from "../domain/compaction";
import { toLocalDate, toLocalDateTime } from "../domain/dates";
import { sendConflictOf } from "../domain/lifecycle";
import type { ContentFindingCode } from "../domain/policy";
import type { Case, HistoryAction, HistoryEntry, Instant, Lang } from "../domain/types";

const STEPS: readonly HistoryAction[] = [
  "created",
  "forwarded",
  "sent",
  "confirmed",
  "relayed",
  "closed",
  "cancelled",
];

/** The content checks' findings by name, as the register lists them; an unknown code is shown as it is. */
const CONTENT_WARNING_NAMES: Record<Lang, Record<ContentFindingCode, string>> = {
  es: {
    imageOnly: "Mensaje solo en imagen",
    imageWithoutAlt: "Imagen sin texto alternativo",
    vagueLinkText: "Texto de enlace impreciso",
    deceptiveLink: "Enlace engañoso",
    lowContrast: "Contraste insuficiente",
    heavySend: "Envío pesado",
    shoutingSubject: "Asunto en mayúsculas",
  },
  en: {
    imageOnly: "Message only in an image",
    imageWithoutAlt: "Image without alternative text",
    vagueLinkText: "Vague link text",
    deceptiveLink: "Deceptive link",
    lowContrast: "Low contrast",
    heavySend: "Heavy send",
    shoutingSubject: "Subject in capitals",
  },
};

function contentWarningName(code: string, lang: Lang): string {
  const names: Record<string, string> = CONTENT_WARNING_NAMES[lang];
  return names[code] ?? code;
}

const HEADERS: Record<Lang, Record<string, string>> = {
  es: {
    id: "Caso",
    state: "Estado",
    unit: "Unidad solicitante",
    requester: "Correo del solicitante",
    sender: "Remitente",
    subject: "Asunto",
    audiences: "Destinatarios",
    requestedDate: "Fecha solicitada",
    dueDate: "Fecha límite",
    reminders: "Recordatorios",
    recipients: "Destinatarios alcanzados",
    cancelReason: "Motivo de cancelación",
    conflict: "Conflicto",
    approvedBy: "Prueba aprobada por",
    approvedAt: "Prueba aprobada (fecha)",
    contentWarnings: "Avisos de contenido",
    created: "Recibido",
    forwarded: "Enviado a TIC",
    sent: "Enviado por TIC",
    confirmed: "Confirmado por TIC",
    relayed: "Informado al solicitante",
    closed: "Cerrado",
    cancelled: "Cancelado",
    at: "fecha",
    by: "por",
  },
  en: {
    id: "Case",
    state: "State",
    unit: "Requesting unit",
    requester: "Requester e-mail",
    sender: "Sender",
    subject: "Subject",
    audiences: "Audiences",
    requestedDate: "Requested date",
    dueDate: "Due date",
    reminders: "Reminders",
    recipients: "Recipients reached",
    cancelReason: "Cancellation reason",
    conflict: "Conflict",
    approvedBy: "Test approved by",
    approvedAt: "Test approved (date)",
    contentWarnings: "Content warnings",
    created: "Received",
    forwarded: "Forwarded to IT",
    sent: "Sent by IT",
    confirmed: "Confirmed by IT",
    relayed: "Relayed to requester",
    closed: "Closed",
    cancelled: "Cancelled",
    at: "date",
    by: "by",
  },
};

/** "Cancelled, but IT sent the mass mail on …" when the send crossed the cancellation; else empty. */
export function conflictCell(c: Case, lang: Lang, timeZone: string): string {
  const sent = sendConflictOf(c);
  if (!sent) return "";
  const at = toLocalDateTime(sent.evidence?.sentAt ?? sent.at, timeZone);
  return lang === "es"
    ? `Cancelado, pero TIC envió el correo masivo el ${at}: registrar una corrección`
    : `Cancelled, but IT sent the mass mail on ${at}: record a correction`;
}

/** A cell Excel would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The entry of `action` in the case's history. A case is closed either by relaying IT's confirmation (a "relayed"
 * entry, lifecycle.relayConfirmation) or without a relay (a "closed" entry): the closed columns name whichever
 * entry closed it, so they are never empty for a closed case.
 */
function stepEntry(c: Case, action: HistoryAction): HistoryEntry | undefined {
  const own = c.history.find((e) => e.action === action);
  if (own || action !== "closed" || c.state !== "closed") return own;
  return c.history.findLast((e) => e.action === "relayed");
}

/** The register's file name, in the pane's language and dated by the institution's calendar. */
export function registerFileName(lang: Lang, now: Instant | Date, timeZone: string): string {
  const name = lang === "es" ? "pregon-registro" : "pregon-register";
  return `${name}-${toLocalDate(now, timeZone)}.csv`;
}

export function registerCsv(
  cases: readonly Case[],
  lang: Lang,
  stateLabel: (c: Case) => string,
  timeZone: string,
): string {
  const h = HEADERS[lang];
  const header = [
    h.id!,
    h.state!,
    h.unit!,
    h.requester!,
    h.sender!,
    h.subject!,
    h.audiences!,
    h.requestedDate!,
    h.dueDate!,
    ...STEPS.flatMap((s) => [`${h[s]} (${h.at})`, `${h[s]} (${h.by})`]),
    h.reminders!,
    h.recipients!,
    h.cancelReason!,
    h.conflict!,
    h.approvedBy!,
    h.approvedAt!,
    h.contentWarnings!,
  ];
  const rows = cases.map((c) => {
    const step = (action: HistoryAction) => stepEntry(c, action);
    const at = (entry: HistoryEntry | undefined) => (entry ? toLocalDateTime(entry.at, timeZone) : "");
    const sent = step("sent");
    return [
      c.id,
      stateLabel(c),
      c.fields.requestingUnit,
      c.requester.address,
      c.fields.desiredSender,
      c.fields.subject,
      c.fields.audiences.join(", "),
      c.fields.requestedDate ?? "",
      c.dueDate,
      ...STEPS.flatMap((s) => [at(step(s)), step(s)?.by ?? ""]),
      // Older reminders of a long case are folded into one entry that counts them (domain/compaction.ts).
      String(reminderCount(c.history)),
      sent?.evidence?.recipientCount !== undefined ? String(sent.evidence.recipientCount) : "",
      c.cancelReason ?? "",
      conflictCell(c, lang, timeZone),
      // Who approved IT's test send and when, from IT's confirmation (workflow/it/testSend.ts).
      sent?.evidence?.approvedBy ?? "",
      sent?.evidence?.approvedAt ? toLocalDateTime(sent.evidence.approvedAt, timeZone) : "",
      // The content findings IT sent the mass mail with anyway, by name (workflow/it/sendMassMail.ts).
      (sent?.evidence?.contentWarnings ?? []).map((code) => contentWarningName(code, lang)).join(", "),
    ].map(safeCell);
  });
  const csv = Papa.unparse([header, ...rows], {
    delimiter: lang === "es" ? ";" : ",",
    newline: "\r\n",
    quotes: true,
  });
  return `\uFEFF${csv}`;
}
