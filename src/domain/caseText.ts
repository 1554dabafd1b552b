// A new message text after the forward travels in the body of the update notice, between two marker lines, so
// that IT's pane can take it out again whatever Exchange does to the surrounding markup (plain-text markers
// survive HTML rewriting; extended properties do not travel between mailboxes; an x- header is too small for a
// message body). The notice's x-pregon-case header says `changed: ["text"]`, so IT knows which message holds it.
// The text put in is HTML the caller sanitized; the text taken out is sanitized again by IT's pane.
import { escapeMultiline } from "./templates/escape";

export const TEXT_BEGIN = "[[pregon:text:begin]]";
export const TEXT_END = "[[pregon:text:end]]";

/**
 * The marker pair; with `key` (the case id) a pair of that case only. The forward's pair carries the case id: the
 * requester writes the message (and the quote of the original follows the forward's own text), but cannot know the
 * case id beforehand, so no marker written in a request can cut or replace the text the forward carries.
 */
function markers(key?: string): { begin: string; end: string } {
  // Written into HTML as it is: only the characters a case id has.
  const k = key?.toUpperCase().replace(/[^A-Z0-9-]/g, "");
  return k
    ? { begin: `[[pregon:text:begin:${k}]]`, end: `[[pregon:text:end:${k}]]` }
    : { begin: TEXT_BEGIN, end: TEXT_END };
}

/** The markers around the new text, each on its own line. `sanitizedHtml` must already be sanitized. */
export function wrapText(sanitizedHtml: string, key?: string): string {
  const { begin, end } = markers(key);
  return `<p style="margin:0;color:#8a8886;font-size:11px">${begin}</p>${sanitizedHtml}<p style="margin:0;color:#8a8886;font-size:11px">${end}</p>`;
}

/**
 * The text between the first pair of markers in a notice's body (untrusted HTML), without the markers' own
 * paragraphs; undefined when the markers are not there.
 */
export function unwrapText(bodyHtml: string, key?: string): string | undefined {
  const { begin: BEGIN, end: END } = markers(key);
  const begin = bodyHtml.indexOf(BEGIN);
  if (begin < 0) return undefined;
  const end = bodyHtml.indexOf(END, begin + BEGIN.length);
  if (end < 0) return undefined;
  // From the end of the element that holds the begin marker to the start of the one that holds the end marker.
  const afterBegin = bodyHtml.indexOf(">", begin + BEGIN.length);
  const from = afterBegin < 0 || afterBegin > end ? begin + BEGIN.length : afterBegin + 1;
  const beforeEnd = bodyHtml.lastIndexOf("<", end);
  const to = beforeEnd < from ? end : beforeEnd;
  return bodyHtml.slice(from, to).trim();
}

/**
 * A message text the professional typed or pasted (plain text) as the HTML the forward carries: one paragraph per
 * blank-line-separated block, line breaks kept, everything escaped (it is the requester's words, untrusted).
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== "")
    .map((block) => `<p>${escapeMultiline(block)}</p>`)
    .join("");
}
