// ETags on messages are weak validators built from the change key, as Graph returns them in "@odata.etag".

export function etagOf(changeKey: string): string {
  return `W/"${changeKey}"`;
}

/**
 * Whether an If-Match header value allows a write to an item whose current change key is `changeKey`.
 * Accepts "*", weak or strong forms, and comma-separated lists (RFC 9110).
 */
export function ifMatchSatisfied(header: string, changeKey: string): boolean {
  const candidates = header.split(",").map((part) => part.trim());
  return candidates.some((candidate) => {
    if (candidate === "*") return true;
    const bare = candidate.replace(/^W\//i, "").replace(/^"|"$/g, "");
    return bare === changeKey;
  });
}
