// How much of a message the preview lays out. Laying out a 1 MB message in the pane (style, text shaping,
// layout and paint of a few thousand paragraphs) is a task of half a second in which the pane cannot answer; the
// first PREVIEW_MAX_LENGTH characters of HTML are a few screens of any message, and the preview says that the
// rest is not shown. Only the preview is cut: the request, the case and the forward to IT keep the whole message.

/** Characters of (sanitized) HTML the preview shows at most. */
export const PREVIEW_MAX_LENGTH = 100_000;

export interface BoundedPreview {
  /** What the preview shows: the HTML whole, or cut before a tag. */
  html: string;
  /** Set when the HTML was cut: characters shown and the HTML's whole length. */
  cut?: { shown: number; length: number };
}

/**
 * The HTML the preview shows: whole when it is not longer than `max`, else cut before the last tag that starts
 * within `max` characters (never inside a tag), or at `max` when no tag starts there. The input is already
 * sanitized; a prefix of it adds nothing (the browser drops a tag left open at the end, and closes open elements).
 */
export function boundPreview(html: string, max: number = PREVIEW_MAX_LENGTH): BoundedPreview {
  if (html.length <= max) return { html };
  const tag = html.lastIndexOf("<", max);
  const shown = html.slice(0, tag > 0 ? tag : max);
  return { html: shown, cut: { shown: shown.length, length: html.length } };
}
