// One view of a request body, whether it arrived as HTML or as plain text: its text (what a reader
// sees) and a way to get the HTML of any span of that text back. The rest of intake works on the text.
import { parseHtml } from "./htmlTree";
import { sliceHtmlPieces } from "./htmlSlice";
import { layoutHtml } from "./htmlText";
import { textToHtml } from "./plainText";

export interface RequestBody {
  readonly text: string;
  /** The HTML between two positions of `text` (still untrusted: sanitize before use). */
  htmlBetween(from: number, to: number): string;
  /**
   * The same HTML in consecutive pieces of whole top-level elements (paragraphs, tables…), each about `length`
   * characters or more, joined they are htmlBetween's: a long message can be sanitized a piece at a time.
   */
  htmlPiecesBetween(from: number, to: number, length: number): string[];
}

/** Consecutive parts joined into pieces of at least `length` characters (the last may be shorter). */
function joinParts(parts: readonly string[], length: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const part of parts) {
    piece += part;
    if (piece.length >= length) {
      pieces.push(piece);
      piece = "";
    }
  }
  if (piece !== "" || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** Plain text, with lines trimmed and runs of blank lines reduced to one, as the HTML layout does. */
function normalizePlain(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00A0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export function readBody(body: string, bodyType: "html" | "text"): RequestBody {
  const steps = readBodySteps(body, bodyType);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * readBody in steps: each `yield` is a point where the caller may let the page run before the next one (the
 * parse and the layout of a 1 MB body each take a good part of what opening it costs).
 */
export function* readBodySteps(body: string, bodyType: "html" | "text"): Generator<void, RequestBody> {
  if (bodyType === "text") {
    const text = normalizePlain(body);
    return {
      text,
      htmlBetween: (from, to) => textToHtml(text.slice(from, to)),
      // textToHtml makes one paragraph of each block between blank lines.
      htmlPiecesBetween: (from, to, length) =>
        joinParts(
          text
            .slice(from, to)
            .split(/\n{2,}/)
            .map(textToHtml),
          length,
        ),
    };
  }
  const root = parseHtml(body);
  yield;
  const text = layoutHtml(root);
  return {
    text,
    htmlBetween: (from, to) => sliceHtmlPieces(root, from, to).join(""),
    htmlPiecesBetween: (from, to, length) => joinParts(sliceHtmlPieces(root, from, to), length),
  };
}
