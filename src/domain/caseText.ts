// A new message text after the forward travels in the body of the update notice, between two marker lines, so
// that IT's pane can take it out again whatever Exchange does to the surrounding markup (plain-text markers
// survive HTML rewriting; extended properties do not travel between mailboxes; an x- header is too small for a
// message body). The notice's x-pregon-case header says `changed: ["text"]`, so IT knows which message holds it.
// The text put in is HTML the caller sanitized; the text taken out is sanitized again by IT's pane.
export const TEXT_BEGIN = "[[pregon:text:begin]]";
export const TEXT_END = "[[pregon:text:end]]";

/** The markers around the new text, each on its own line. `sanitizedHtml` must already be sanitized. */
export function wrapText(sanitizedHtml: string): string {
  return `<p style="margin:0;color:#8a8886;font-size:11px">${TEXT_BEGIN}</p>${sanitizedHtml}<p style="margin:0;color:#8a8886;font-size:11px">${TEXT_END}</p>`;
}

/**
 * The text between the first pair of markers in a notice's body (untrusted HTML), without the markers' own
 * paragraphs; undefined when the markers are not there.
 */
export function unwrapText(bodyHtml: string): string | undefined {
  const begin = bodyHtml.indexOf(TEXT_BEGIN);
  if (begin < 0) return undefined;
  const end = bodyHtml.indexOf(TEXT_END, begin + TEXT_BEGIN.length);
  if (end < 0) return undefined;
  // From the end of the element that holds the begin marker to the start of the one that holds the end marker.
  const afterBegin = bodyHtml.indexOf(">", begin + TEXT_BEGIN.length);
  const from = afterBegin < 0 || afterBegin > end ? begin + TEXT_BEGIN.length : afterBegin + 1;
  const beforeEnd = bodyHtml.lastIndexOf("<", end);
  const to = beforeEnd < from ? end : beforeEnd;
  return bodyHtml.slice(from, to).trim();
}
