// Where a mass mail's images may come from: the message's own parts (cid:) and the institution's web sites
// (configuration `imageHosts`). An image from anywhere else is a request to a server nobody at the university
// controls every time one of 20,000 people opens the mail.

/** The lower-case host of an https image URL, or undefined for anything else (cid:, http:, data:, junk). */
export function httpsHostOf(src: string): string | undefined {
  try {
    const url = new URL(src.trim());
    return url.protocol === "https:" && url.hostname !== "" ? url.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

export function isCidImage(src: string): boolean {
  return /^\s*cid:/i.test(src);
}

/** The image comes from the message itself or from a host on the allow list (exact host names, any case). */
export function isAllowedImageSource(src: string, imageHosts: readonly string[]): boolean {
  if (isCidImage(src)) return true;
  const host = httpsHostOf(src);
  return host !== undefined && imageHosts.some((h) => h.toLowerCase() === host);
}
