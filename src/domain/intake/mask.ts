// Blanking spans of the folded text once a field has consumed them, so that later readers (audiences,
// dates, urgency) do not read a subject or a message as the requester's instructions. Line breaks stay,
// so sentence and line boundaries are unchanged; positions do not move.
import type { Span } from "./types";

/** A span's text with every character but line breaks turned into a space. */
function blank(text: string): string {
  return text.replace(/[^\n]+/g, (run) => " ".repeat(run.length));
}

export function mask(text: string, spans: readonly Span[]): string {
  // Clamped, in order, overlaps merged: then the text is copied once, blanked pieces in between.
  const ordered = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const span of ordered) {
    const start = Math.max(at, span.start);
    if (span.end <= start) continue;
    pieces.push(text.slice(at, start), blank(text.slice(start, span.end)));
    at = span.end;
  }
  pieces.push(text.slice(at));
  return pieces.join("");
}
