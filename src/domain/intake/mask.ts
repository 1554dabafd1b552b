// Blanking spans of the folded text once a field has consumed them, so that later readers (audiences,
// dates, urgency) do not read a subject or a message as the requester's instructions. Line breaks stay,
// so sentence and line boundaries are unchanged; positions do not move.
import type { Span } from "./types";

export function mask(text: string, spans: readonly Span[]): string {
  const chars = text.split("");
  for (const span of spans) {
    for (let i = Math.max(0, span.start); i < Math.min(chars.length, span.end); i++) {
      if (chars[i] !== "\n") chars[i] = " ";
    }
  }
  return chars.join("");
}
