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
const LINE_PREFIX = /^[ \t]*(?:[-•*·–]|\d{1,2}[.)])?[ \t]*$/;
const AFTER_SENTENCE = /(?:[.;!?]|\t) *$/;

function labelPosition(folded: string, index: number, regionStart: number): "line" | "inline" | undefined {
  const lineStart = Math.max(regionStart, folded.lastIndexOf("\n", index - 1) + 1);
  const prefix = folded.slice(lineStart, index);
  if (LINE_PREFIX.test(prefix)) return "line";
  return AFTER_SENTENCE.test(prefix) ? "inline" : undefined;
}

/** Every label in `region` of the folded text, in order. */
export function findLabels(folded: string, region: Span): LabelHit[] {
  const hits: LabelHit[] = [];
  const text = folded.slice(0, region.end);
  LABEL.lastIndex = region.start;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const group = byName.get(m[1] ?? "");
    const position = labelPosition(text, m.index, region.start);
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
