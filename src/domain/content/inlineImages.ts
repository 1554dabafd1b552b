// Inline images: an <img src="cid:…"> in a message names one of the message's own attachments by its Content-ID
// (RFC 2392; Graph's fileAttachment.contentId with isInline true). Outside a mail client a cid: URL loads
// nothing, so the pane shows the attachment's own bytes instead — never anything fetched from the web.

/** The raster image types the pane shows inline (no SVG: it is a document, not a picture). */
const SHOWN_TYPES = new Set(["image/png", "image/jpeg", "image/jpg", "image/gif", "image/webp", "image/bmp"]);

export interface InlineCandidate {
  id: string;
  name: string;
  contentType: string;
  isInline: boolean;
  contentId?: string;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed %-escape: compare it as written
  }
}

/** The Content-ID a `cid:` URL names, without angle brackets, in lower case; undefined for any other URL. */
export function contentIdOfUrl(src: string): string | undefined {
  const m = /^\s*cid:(.+)$/i.exec(src);
  if (!m?.[1]) return undefined;
  return normalizeContentId(decoded(m[1].trim()));
}

/** A Content-ID as compared: angle brackets (as MIME headers write it) dropped, lower case. */
export function normalizeContentId(contentId: string): string {
  return contentId.trim().replace(/^<|>$/g, "").toLowerCase();
}

/**
 * The attachment a `cid:` reference names: the one whose contentId is it (Graph gives it with or without angle
 * brackets), else — as Outlook writes cid:image001.png@01DA… for an attachment named image001.png — the one
 * whose name is the part before "@". Only images the pane can show are candidates.
 */
export function inlineAttachmentFor<T extends InlineCandidate>(
  contentId: string,
  attachments: readonly T[],
): T | undefined {
  const images = attachments.filter((a) => SHOWN_TYPES.has(a.contentType.toLowerCase()));
  const byId = images.find((a) => a.contentId !== undefined && normalizeContentId(a.contentId) === contentId);
  if (byId) return byId;
  const name = contentId.split("@")[0] ?? "";
  return name === "" ? undefined : images.find((a) => a.isInline && a.name.toLowerCase() === name);
}

/** Whether these bytes' declared type is one the pane shows inline. */
export function isShownImageType(contentType: string): boolean {
  return SHOWN_TYPES.has(contentType.toLowerCase());
}
