// Which attachments go on to the mass mail: every real (non-inline) attachment, and the inline images the
// message shows (cid: references). Inline images elsewhere in the request, such as the requester's
// signature logo, stay behind. When the message is only "ver imagen adjunta", the attachment is the piece.
import type { AttachmentInfo } from "../types";

// "ver imagen adjunta", "pieza gráfica adjunta", "see attached flyer": a pointer, not a message.
const SEE_ATTACHED =
  /^(?:(?:ver|vea|vease|see|please see)\b[^.]*\b(?:adjunt|anex|attach|enclosed)|(?:(?:la|el|the) )?(?:imagen|pieza|afiche|flyer|poster|archivo|image|file)\b[^.]*\b(?:adjunt|anex|attach)|(?:adjunt|anex|attach))/;
const CID = /\bsrc\s*=\s*["']?cid:([^"'\s>]+)/gi;

/** Graph's contentId, when the adapter maps it (the domain type does not require it). */
function contentIdOf(attachment: AttachmentInfo): string | undefined {
  const withCid = attachment as AttachmentInfo & { contentId?: unknown };
  return typeof withCid.contentId === "string" ? withCid.contentId : undefined;
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed %-escape: compare it as written
  }
}

/** The cid: references in (sanitized) message HTML. */
export function referencedContentIds(html: string): string[] {
  return [...html.matchAll(CID)].map((m) => decoded(m[1] ?? "").toLowerCase());
}

function isReferenced(attachment: AttachmentInfo, cids: readonly string[]): boolean {
  const keys = [contentIdOf(attachment), attachment.id, attachment.name]
    .filter((k): k is string => Boolean(k))
    .map((k) => k.toLowerCase());
  // Outlook writes cid:image001.png@01DA…; the attachment is named image001.png.
  return cids.some((cid) => keys.includes(cid) || keys.includes(cid.split("@")[0] ?? ""));
}

export function attachmentsToCarry(all: readonly AttachmentInfo[], messageHtml: string): AttachmentInfo[] {
  const cids = referencedContentIds(messageHtml);
  return all.filter((a) => !a.isInline || isReferenced(a, cids));
}

/** Is a short message text only a pointer to an attachment ("ver imagen adjunta (pieza gráfica)")? */
export function pointsToAttachment(foldedText: string): boolean {
  return foldedText.length <= 80 && SEE_ATTACHED.test(foldedText);
}

/** The attachments that are the message: attached images first, else any carried attachment. */
export function pieceAttachments(carried: readonly AttachmentInfo[]): AttachmentInfo[] {
  const files = carried.filter((a) => !a.isInline);
  const images = files.filter((a) => a.contentType.toLowerCase().startsWith("image/"));
  return images.length > 0 ? images : files;
}
