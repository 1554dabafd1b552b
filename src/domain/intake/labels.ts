// Labelled lines: the structured part of a request ("Asunto: …", "Dirigido a: …", "Subject: …").
// A label counts at the start of a line (after an optional bullet), in a table cell, or right after the
// end of a sentence (requests often run "Remitente sugerido: X. Asunto: Y. Mensaje: …" in one paragraph).
import type { Span } from "./types";
import { phrases } from "./words";

export type LabelField =
  "requestingUnit" | "desiredSender" | "subject" | "audiences" | "requestedDate" | "message" | "urgency";

interface LabelGroup {
  field: LabelField;
  /** Folded (lower-case, unaccented) label names. */
  names: string[];
  /** A line that starts with one of these ends the message that runs above it. */
  endsMessage: boolean;
}

// Specific names end a message; generic ones ("Fecha:", "Para:", "To:") are too common inside messages.
const GROUPS: readonly LabelGroup[] = [
  {
    field: "requestingUnit",
    names: phrases(`
      unidad solicitante | dependencia solicitante | solicitante | requesting unit
      requesting office | requested by
    `),
    endsMessage: true,
  },
  { field: "requestingUnit", names: phrases("dependencia | unidad | department | unit"), endsMessage: false },
  {
    field: "desiredSender",
    names: phrases(`
      remitente sugerido | remitente propuesto | remitente deseado | remitente del correo
      remitente del mensaje | nombre del remitente | remitente | enviar a nombre de
      a nombre de | enviar como | suggested sender | sender name | sender | send as
      on behalf of
    `),
    endsMessage: true,
  },
  {
    field: "subject",
    names: phrases(`
      asunto sugerido | asunto propuesto | asunto del correo | asunto del mensaje | asunto
      subject line | subject
    `),
    endsMessage: true,
  },
  {
    field: "audiences",
    names: phrases(`
      dirigido a | dirigida a | destinatarios | destinatario | publico objetivo
      poblacion objetivo | target audience | audience | recipients | send to
    `),
    endsMessage: true,
  },
  { field: "audiences", names: phrases("publico | poblacion | enviar a | para | to"), endsMessage: false },
  {
    field: "requestedDate",
    names: phrases(`
      fecha de envio | fecha sugerida de envio | fecha deseada de envio | fecha y hora de envio
      fecha sugerida | fecha deseada | fecha de publicacion | fecha de divulgacion | send date
      sending date | date to send | send on | publication date
    `),
    endsMessage: true,
  },
  { field: "requestedDate", names: phrases("fecha | date"), endsMessage: false },
  {
    field: "message",
    names: phrases(`
      texto del mensaje | texto del correo | contenido del mensaje | contenido del correo
      cuerpo del mensaje | cuerpo del correo | mensaje | message text | message body | message
    `),
    endsMessage: true,
  },
  {
    field: "message",
    names: phrases("texto | contenido | cuerpo | text | body | content"),
    endsMessage: false,
  },
  { field: "urgency", names: phrases("prioridad | urgencia | priority | urgency"), endsMessage: false },
];

export interface LabelHit {
  field: LabelField;
  /** Where the label's name starts. */
  start: number;
  /** Just after the colon (or tab). */
  valueStart: number;
  /** The label is the first thing on its line (or in its table cell). */
  lineStart: boolean;
  endsMessage: boolean;
}

const byName = new Map<string, LabelGroup>();
for (const group of GROUPS) for (const name of group.names) byName.set(name, group);
const LABEL = new RegExp(
  `(${[...byName.keys()].sort((a, b) => b.length - a.length).join("|")})[ \\u00A0]*[:\\t]`,
  "g",
);
const BULLETS = new Set(["-", "•", "*", "·", "–"]);
const isBlank = (c: string) => c === " " || c === "\t";
const isDigit = (c: string) => c >= "0" && c <= "9";

/**
 * Is `folded[lineStart, index)` only an optional bullet ("-", "•", "1.", "2)") between spaces and tabs?
 * Read backwards from the label, so the work is the prefix's few characters, not the whole line.
 */
function onlyBulletBefore(folded: string, lineStart: number, index: number): boolean {
  let at = index;
  while (at > lineStart && isBlank(folded.charAt(at - 1))) at--;
  if (at === lineStart) return true;
  const mark = folded.charAt(at - 1);
  if (BULLETS.has(mark)) at--;
  else if (mark === "." || mark === ")") {
    // One or two digits before the mark.
    let first = at - 1;
    while (at - 1 - first < 2 && first > lineStart && isDigit(folded.charAt(first - 1))) first--;
    if (first === at - 1) return false;
    at = first;
  } else return false;
  while (at > lineStart && isBlank(folded.charAt(at - 1))) at--;
  return at === lineStart;
}

/** Does `folded[lineStart, index)` end with a sentence's end (or a cell's tab) and spaces? */
function afterSentence(folded: string, lineStart: number, index: number): boolean {
  let at = index;
  while (at > lineStart && folded.charAt(at - 1) === " ") at--;
  return at > lineStart && ".;!?\t".includes(folded.charAt(at - 1));
}

function labelPosition(folded: string, index: number, lineStart: number): "line" | "inline" | undefined {
  if (onlyBulletBefore(folded, lineStart, index)) return "line";
  return afterSentence(folded, lineStart, index) ? "inline" : undefined;
}

/** Every label in `region` of the folded text, in order. */
export function findLabels(folded: string, region: Span): LabelHit[] {
  const hits: LabelHit[] = [];
  const text = folded.slice(0, region.end);
  // Matches come in order, so the start of the current line is followed forwards: one pass in all.
  let scanned = region.start;
  let lineStart = region.start;
  LABEL.lastIndex = region.start;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    for (; scanned < m.index; scanned++) if (text.charAt(scanned) === "\n") lineStart = scanned + 1;
    const group = byName.get(m[1] ?? "");
    const position = labelPosition(text, m.index, lineStart);
    if (!group || !position) {
      LABEL.lastIndex = m.index + 1;
      continue;
    }
    hits.push({
      field: group.field,
      start: m.index,
      valueStart: m.index + m[0].length,
      lineStart: position === "line",
      endsMessage: group.endsMessage,
    });
  }
  return hits;
}

/**
 * The span of a one-line label's value: to the end of its line or the next label on that line; when the
 * label ends its line ("<b>Asunto:</b><br>…"), the next line that is not itself a label.
 */
export function labelValueSpan(text: string, hit: LabelHit, hits: readonly LabelHit[]): Span {
  const lineEnd = (from: number) => {
    const nl = text.indexOf("\n", from);
    return nl === -1 ? text.length : nl;
  };
  const nextOnLine = (from: number, end: number) =>
    hits.find((h) => h.start >= from && h.start < end)?.start ?? end;
  let start = hit.valueStart;
  let end = nextOnLine(start, lineEnd(start));
  if (text.slice(start, end).trim() === "" && end < text.length && text[end] === "\n") {
    let next = end + 1;
    while (text[next] === "\n") next++;
    if (!hits.some((h) => h.start >= next && h.start < lineEnd(next) && h.lineStart)) {
      start = next;
      end = nextOnLine(start, lineEnd(start));
    }
  }
  return { start, end };
}
