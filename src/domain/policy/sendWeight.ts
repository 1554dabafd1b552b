// What a mass mail weighs on the institution's mail system: each recipient gets a copy of every attachment and
// embedded image, so a 2 MB flyer to 20 000 students is 40 GB moved and stored. Stated in GB so that the
// professional can weigh it against a link to the file.
import type { AttachmentInfo } from "../types";
import { imageWhere } from "./contentChecks";
import type { ScannedImage } from "./htmlScan";

/**
 * From this many gigabytes (size × recipients) a send is reported as heavy: a 1 MB flyer to 5 000 people, or a
 * 250 KB one to 20 000. An institution can pass its own figure (`ContentCheckOptions.heavySendGigabytes`).
 */
export const HEAVY_SEND_GIGABYTES = 5;
/** Decimal gigabytes (SI), as mail quotas and storage are stated: 10⁹ bytes. */
export const BYTES_PER_GIGABYTE = 1e9;

export interface WeightItem {
  /** The attachment's file name, or the start of an embedded image's `data:` address. */
  name: string;
  bytes: number;
  kind: "attachment" | "inlineImage" | "embeddedImage";
}

export interface HeavySendFinding {
  /** The largest item, the one worth replacing with a link first. */
  where: string;
  /** Bytes of one copy (attachments, inline and embedded images). */
  bytes: number;
  recipients: number;
  /** bytes × recipients in GB, rounded to one decimal. */
  gigabytes: number;
  thresholdGigabytes: number;
  /** What the copy carries, largest first. */
  items: WeightItem[];
}

/** The decoded size of a base64 `data:` image; undefined for any other address (its size is not known here). */
export function embeddedImageBytes(src: string): number | undefined {
  const comma = src.indexOf(",");
  if (!/^data:/i.test(src) || comma < 0 || !/;base64$/i.test(src.slice(0, comma))) return undefined;
  const payload = src.slice(comma + 1).replace(/\s+/g, "");
  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((payload.length * 3) / 4) - padding);
}

/**
 * Everything one copy of the mail carries. Attachment sizes are Graph's `size`; on the wire MIME's base64 adds
 * about a third, so the figure is a floor. Images the mail loads from a web address are not counted: each reader
 * fetches them, the mail system does not store them.
 */
export function weightItems(
  attachments: readonly AttachmentInfo[],
  images: readonly ScannedImage[],
): WeightItem[] {
  const items: WeightItem[] = attachments.map((a) => ({
    name: a.name,
    bytes: a.size,
    kind: a.isInline ? "inlineImage" : "attachment",
  }));
  for (const image of images) {
    const bytes = embeddedImageBytes(image.src);
    if (bytes !== undefined) items.push({ name: imageWhere(image.src), bytes, kind: "embeddedImage" });
  }
  return items.sort((a, b) => b.bytes - a.bytes);
}

/** The send when size × recipients reaches the threshold; undefined when it does not or recipients are unknown. */
export function findHeavySend(
  items: readonly WeightItem[],
  recipients: number | undefined,
  thresholdGigabytes = HEAVY_SEND_GIGABYTES,
): HeavySendFinding | undefined {
  if (recipients === undefined || recipients <= 0 || items.length === 0) return undefined;
  const bytes = items.reduce((sum, i) => sum + i.bytes, 0);
  const exact = (bytes * recipients) / BYTES_PER_GIGABYTE;
  if (exact < thresholdGigabytes) return undefined;
  const sorted = [...items].sort((a, b) => b.bytes - a.bytes);
  return {
    where: sorted[0]?.name ?? "",
    bytes,
    recipients,
    gigabytes: Math.round(exact * 10) / 10,
    thresholdGigabytes,
    items: sorted,
  };
}
