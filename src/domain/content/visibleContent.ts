// What a reader of a mail actually sees: visible characters and visible images. A mass mail with neither goes
// to 20,000 people as an empty message, so IT's steps refuse it (workflow/it/massMailContent.ts).
import type { AttachmentInfo } from "../types";
import type { HtmlNode } from "../intake/htmlTree";
import { parseHtml } from "../intake/htmlTree";
import { HIDDEN_ELEMENTS, IMAGE_MARK, layoutHtml } from "../intake/htmlText";
import { isHiddenImage } from "./hiddenImage";

export interface ContentMeasure {
  /** The text a reader sees, as plain text (no image marks). */
  text: string;
  /** Characters that show something: not whitespace, not control or format characters. */
  visibleChars: number;
  /** Images with a source that are not hidden or 1×1. */
  images: number;
  /** Images with a source that are hidden or 1×1 (tracking pixels, spacers). */
  hiddenImages: number;
}

/** A character that puts ink on the screen (letters, digits, punctuation, symbols and emoji). */
const VISIBLE = /[^\s\p{Z}\p{C}]/gu;

function countImages(node: HtmlNode, counts: { images: number; hidden: number }): void {
  if (node.kind === "text" || HIDDEN_ELEMENTS.has(node.name)) return;
  if (node.name === "img" && (node.attrs.src ?? "").trim() !== "") {
    if (isHiddenImage(node.attrs)) counts.hidden++;
    else counts.images++;
  }
  for (const child of node.children) countImages(child, counts);
}

export function measureHtml(html: string): ContentMeasure {
  // One parse for the text and the images: laying the tree out only records positions, the attributes stay.
  const root = parseHtml(html);
  const text = layoutHtml(root)
    .replaceAll(IMAGE_MARK, " ")
    .replace(/[ \t]+/g, " ")
    .trim();
  const counts = { images: 0, hidden: 0 };
  countImages(root, counts);
  return {
    text,
    visibleChars: (text.match(VISIBLE) ?? []).length,
    images: counts.images,
    hiddenImages: counts.hidden,
  };
}

/** An attached image that is not one of the body's own inline parts: the graphic piece a unit sends. */
export function isAttachedPicture(a: Pick<AttachmentInfo, "contentType" | "isInline" | "name">): boolean {
  return (
    !a.isInline &&
    (a.contentType.toLowerCase().startsWith("image/") || /\.(png|jpe?g|gif|webp)$/i.test(a.name))
  );
}

type PictureInfo = Pick<AttachmentInfo, "contentType" | "isInline" | "name">;

/** hasVisibleContent for a body already measured (the content check measures it anyway: no second parse). */
export function showsContent(m: ContentMeasure, attachments: readonly PictureInfo[] = []): boolean {
  return m.visibleChars > 0 || m.images > 0 || attachments.some(isAttachedPicture);
}

/**
 * The mail shows something: a visible character, a visible image in the body, or an attached picture (the
 * "see the attached piece" requests, whose body is empty on purpose).
 */
export function hasVisibleContent(html: string, attachments: readonly PictureInfo[] = []): boolean {
  return showsContent(measureHtml(html), attachments);
}
