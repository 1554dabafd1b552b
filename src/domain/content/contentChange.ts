// How much of what the request had survives into what will be sent. The sanitizer removes what could run, load
// or hide (scripts, forms, embedded media, tracking pixels, images from outside the allow list); when that takes
// away a real part of the visible text, IT must see both versions before the mail goes to thousands of people.
import type { ContentMeasure } from "./visibleContent";

/** At least this share of the visible characters lost counts as a substantial change. */
export const SUBSTANTIAL_LOSS_SHARE = 0.2;

export interface ContentChange {
  /** Visible characters the request had. */
  beforeChars: number;
  /** Visible characters the request had that the mail to send does not. */
  lostChars: number;
  /** Visible images the request had that the mail to send does not (external or unloadable ones). */
  lostImages: number;
  /** IT must compare "what the request had" with "what will be sent" before sending. */
  substantial: boolean;
}

export function compareContent(before: ContentMeasure, after: ContentMeasure): ContentChange {
  const lostChars = Math.max(0, before.visibleChars - after.visibleChars);
  const lostImages = Math.max(0, before.images - after.images);
  const substantial =
    before.visibleChars > 0 &&
    (after.visibleChars === 0 || lostChars / before.visibleChars >= SUBSTANTIAL_LOSS_SHARE);
  return { beforeChars: before.visibleChars, lostChars, lostImages, substantial };
}
