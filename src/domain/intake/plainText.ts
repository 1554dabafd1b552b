// Text hygiene for everything the proposal shows as text: the request is untrusted, so a field is plain
// text with no markup, no leftover entities and no stray whitespace, whatever the request contained.
import { IMAGE_MARK } from "./htmlText";

const TAG_LIKE = /<\/?[a-z!][^<>]*>/gi;
const QUOTES: ReadonlyArray<[string, string]> = [
  ['"', '"'],
  ["“", "”"],
  ["«", "»"],
  ["'", "'"],
  ["‘", "’"],
];

/** A sentence's final period is not part of a subject or a name; an ellipsis is kept. */
function withoutFinalPeriod(s: string): string {
  return /[^.]\.$/.test(s) ? s.slice(0, -1).trimEnd() : s;
}

/** One line of plain text: no tags, no image marks, whitespace collapsed, no wrapping quotes or final period. */
export function cleanInline(text: string): string {
  let s = withoutFinalPeriod(
    text.replaceAll(IMAGE_MARK, " ").replace(TAG_LIKE, " ").replace(/\s+/g, " ").trim(),
  );
  for (const [open, close] of QUOTES) {
    if (s.length > 1 && s.startsWith(open) && s.endsWith(close))
      s = s.slice(open.length, -close.length).trim();
  }
  return withoutFinalPeriod(s);
}

/** A block of plain text: lines cleaned, at most one blank line between paragraphs. */
export function cleanBlock(text: string): string {
  return text
    .replaceAll(IMAGE_MARK, " ")
    .replace(TAG_LIKE, " ")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const NEEDS_ESCAPE = /[&<>]/;

export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replaceAll('"', "&quot;");
}

/** A plain-text message as HTML: a paragraph per blank-line-separated block, <br> for single breaks. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block) => `<p>${block.split("\n").map(escapeText).join("<br>")}</p>`)
    .join("");
}
