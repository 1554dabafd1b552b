// Checks on the message a unit wants mass-mailed: things that hurt readers or the institution's reputation if
// IT sends them as they are. They report facts; whether to go ahead is the professional's call.
import type { AttachmentInfo, RequestMessage } from "../types";
import type { HtmlScan, ScannedImage, ScannedLink } from "./htmlScan";
import { scanHtml } from "./htmlScan";

export type MessageContent = Pick<RequestMessage, "body" | "bodyType" | "attachments">;

/**
 * At most this many letters and digits of visible text still count as "no text": enough for "Ver imagen adjunta"
 * or "Cordial saludo", too little for a message. A mail that is only an image is unreadable to screen readers
 * and to clients that block images, and spam filters score it badly.
 */
export const TRIVIAL_TEXT_MAX_CHARS = 40;

export interface ImageOnlyFinding {
  imageCount: number;
  /** Letters and digits of visible text found. */
  textLength: number;
}

const IMAGE_EXTENSION = /\.(png|jpe?g|gif|bmp|webp|tiff?|heic)$/i;

function isImageAttachment(a: AttachmentInfo): boolean {
  return a.contentType.toLowerCase().startsWith("image/") || IMAGE_EXTENSION.test(a.name);
}

function meaningfulLength(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

/**
 * The message's content is images: trivial visible text and at least one image, in the HTML or attached.
 * Inline attachments are the HTML's own `cid:` images, so only the other attachments are added to the count.
 */
export function findImageOnly(message: MessageContent): ImageOnlyFinding | undefined {
  const scan = message.bodyType === "html" ? scanHtml(message.body) : { text: message.body, imageCount: 0 };
  return imageOnlyIn(scan, message);
}

/** findImageOnly on a body already scanned (a text body: its text and no images). */
export function imageOnlyIn(
  scan: Pick<HtmlScan, "text" | "imageCount">,
  message: MessageContent,
): ImageOnlyFinding | undefined {
  const attached = message.attachments.filter((a) => !a.isInline && isImageAttachment(a)).length;
  const imageCount = scan.imageCount + attached;
  const textLength = meaningfulLength(scan.text);
  return imageCount > 0 && textLength <= TRIVIAL_TEXT_MAX_CHARS ? { imageCount, textLength } : undefined;
}

export interface DeceptiveLink {
  text: string;
  href: string;
  /** The host the text shows (without "www."). */
  shownHost: string;
  /** The host the link goes to, or null when it goes to no web host at all (mailto:, javascript:, relative). */
  targetHost: string | null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DOMAIN_LIKE =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,63}\.?(?::\d{1,5})?(?:[/?#]\S*)?$/u;

function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\./, "");
}

/** The host a link text shows, when the text looks like an address ("https://…", "www.x.example/path"). */
export function shownHostOf(text: string): string | undefined {
  const t = text.trim();
  if (t === "" || /\s/.test(t)) return undefined;
  const candidate = SCHEME.test(t) ? t : DOMAIN_LIKE.test(t) ? `http://${t}` : undefined;
  if (candidate === undefined) return undefined;
  try {
    const host = new URL(candidate).hostname;
    return host === "" ? undefined : normalizeHost(host);
  } catch {
    return undefined;
  }
}

function targetHostOf(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? normalizeHost(url.hostname) : null;
  } catch {
    return null;
  }
}

/**
 * Links whose text shows one address and whose target is another: the classic phishing shape, and a mass mail
 * from the university must never carry one. The target may be the shown host or a subdomain of it (whoever
 * owns the shown domain owns its subdomains); anything else is reported. Without a public-suffix list this
 * trusts subdomains of shared hosting suffixes too, an accepted gap.
 */
export function findDeceptiveLinks(html: string): DeceptiveLink[] {
  return deceptiveLinksIn(scanHtml(html).links);
}

/** findDeceptiveLinks on the links of a body already scanned. */
export function deceptiveLinksIn(links: readonly ScannedLink[]): DeceptiveLink[] {
  const found: DeceptiveLink[] = [];
  for (const link of links) {
    const shownHost = shownHostOf(link.text);
    if (shownHost === undefined) continue;
    const targetHost = targetHostOf(link.href);
    const sameOwner =
      targetHost !== null && (targetHost === shownHost || targetHost.endsWith(`.${shownHost}`));
    if (!sameOwner) found.push({ text: link.text, href: link.href, shownHost, targetHost });
  }
  return found;
}

export interface MissingAltFinding {
  /** The image's address, shortened (a `data:` image by its type only). */
  where: string;
}

const WHERE_CHARS = 80;

/** An image's address as a finding shows it: `data:` images by their type, long addresses shortened. */
export function imageWhere(src: string): string {
  if (src === "") return "<img>";
  if (/^data:/i.test(src)) {
    const comma = src.indexOf(",");
    const header = comma < 0 ? src : src.slice(0, comma);
    return `${header.slice(0, 40)},…`;
  }
  return src.length <= WHERE_CHARS ? src : `${src.slice(0, WHERE_CHARS - 1)}…`;
}

/**
 * Images with no `alt` attribute: a screen reader reads out the file name or nothing, and a client that blocks
 * images shows an empty box. `alt=""` is how HTML marks a decorative image, so it is not reported (a mail that is
 * only such images is the image-only check's finding). 1×1 spacers are not images to describe.
 */
export function findImagesWithoutAlt(images: readonly ScannedImage[]): MissingAltFinding[] {
  return images.filter((i) => i.alt === undefined).map((i) => ({ where: imageWhere(i.src) }));
}
