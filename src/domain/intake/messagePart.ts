// Where the message to send is in the request: after "Mensaje:"/"Message:" (labelled) or after a phrase
// such as "El texto es:"/"The text is:" (inferred), up to the requester's sign-off ("Cordialmente",
// "Mil gracias", "Best regards"), the next labelled line, or the end of the request.
import type { LabelHit } from "./labels";
import type { Span } from "./types";

export interface MessageLocation {
  source: "labelled" | "inferred";
  /** Where the label or phrase that introduces the message starts. */
  cueStart: number;
  /** The message itself, whitespace trimmed (may be empty: "Mensaje:" followed by nothing). */
  span: Span;
}

// Folded (lower-case, unaccented) phrases that introduce the message; each ends with the colon.
const CUES: readonly RegExp[] = [
  /\b(?:(?:el|este|este es el|a continuacion(?: el)?) )?(?:texto|mensaje|contenido)(?: (?:a enviar|a publicar|del correo|del mensaje|sugerido|propuesto))? (?:es|seria|sera|es el siguiente|seria el siguiente|quedaria asi|dice) ?:/g,
  /\b(?:el|la) siguiente (?:texto|mensaje|contenido|comunicado|informacion|pieza|correo(?: masivo)?) ?:/g,
  /\blo siguiente ?:/g,
  /\b(?:the )?(?:text|message|content|body|wording)(?: to (?:be )?send| to be sent)? (?:is|reads|would be|should be|will be|is as follows) ?:/g,
  /\bhere is the (?:text|message|content|announcement) ?:/g,
  /\b(?:the )?following(?: (?:text|message|content|announcement))? ?:/g,
  /\bas follows ?:/g,
];

// The requester's sign-off: a short line that is only a closing formula (and maybe ", name").
const CLOSING_WORDS =
  "cordialmente|atentamente|(?:mil|muchas) gracias|gracias|saludos(?: cordiales)?|un (?:cordial )?saludo|quedo atent[oa]|quedamos atent[oa]s|best regards|best wishes|kind regards|warm regards|regards|many thanks|thanks|thank you|sincerely|cheers|best";
const CLOSING = new RegExp(`^(?:${CLOSING_WORDS})(?:\\s*[,.!]+.*)?$`);
/** Nothing but the formula: a sign-off even as the first line after the label. */
const BARE_CLOSING = new RegExp(`^(?:${CLOSING_WORDS})[\\s,.!]*$`);

function firstCue(folded: string, region: Span): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  const text = folded.slice(0, region.end);
  for (const cue of CUES) {
    cue.lastIndex = region.start;
    const m = cue.exec(text);
    if (m && (!best || m.index < best.start)) best = { start: m.index, end: m.index + m[0].length };
  }
  return best;
}

/**
 * Where the message ends: at the next labelled line that ends a message, else at the last sign-off.
 * The last one, because a message often carries its own ("Atentamente, Decanatura") above the
 * requester's ("Cordialmente, Laura"); sign-off lines with only blank lines between them are one.
 */
function messageEnd(folded: string, from: number, hits: readonly LabelHit[], regionEnd: number): number {
  let lineStart = from;
  let sawContent = false;
  let lastSignOff: number | undefined;
  let inSignOff = false;
  // `hits` are in text order: the first one not before the current line is followed forwards, so that a
  // request with many labels inside its message is still one pass.
  let hit = 0;
  while (lineStart < regionEnd) {
    const nl = folded.indexOf("\n", lineStart);
    const lineEnd = nl === -1 || nl > regionEnd ? regionEnd : nl;
    const line = folded.slice(lineStart, lineEnd).trim();
    while (hit < hits.length && (hits[hit]?.start ?? 0) < lineStart) hit++;
    for (let h = hit; h < hits.length && (hits[h]?.start ?? 0) < lineEnd; h++) {
      if (hits[h]?.lineStart && hits[h]?.endsMessage) return lastSignOff ?? lineStart;
    }
    if (line !== "") {
      // The first line is a sign-off only when it is nothing else ("Gracias a todos por…" is a message).
      const closes = line.length <= 60 && (sawContent ? CLOSING : BARE_CLOSING).test(line);
      if (closes && !inSignOff) lastSignOff = lineStart;
      inSignOff = closes;
      sawContent = true;
    }
    lineStart = lineEnd + 1;
  }
  return lastSignOff ?? regionEnd;
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e };
}

export function locateMessage(
  folded: string,
  hits: readonly LabelHit[],
  region: Span,
): MessageLocation | undefined {
  const label = hits.find((h) => h.field === "message");
  const cue = label ? undefined : firstCue(folded, region);
  if (!label && !cue) return undefined;
  const cueStart = label?.start ?? cue?.start ?? region.start;
  const from = label?.valueStart ?? cue?.end ?? region.start;
  const later = hits.filter((h) => h.start >= from);
  const end = messageEnd(folded, from, later, region.end);
  return { source: label ? "labelled" : "inferred", cueStart, span: trimmed(folded, from, end) };
}
