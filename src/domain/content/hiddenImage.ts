// Images nobody sees: 1×1 (or 0-wide, 0-tall) images and images styled out of sight. In mail they are tracking
// pixels and spacers: a tracking pixel tells its owner who opened the mail, when and from where, so neither the
// panes nor the mass mail may keep one. Decided on the image's own attributes, before any style is filtered
// (the sanitizer drops display and visibility, which would hide the evidence).

export interface ImageAttributes {
  width?: string | null | undefined;
  height?: string | null | undefined;
  style?: string | null | undefined;
}

/** "0", "1", "1px", " 1 ", "0.5px": a length of at most one pixel. Percentages and other units are not. */
function atMostOnePixel(value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(px)?\s*$/i.exec(value);
  return !!m && Number(m[1]) <= 1;
}

/** The declarations of a style attribute, names lower-cased, values trimmed (last one wins, as in CSS). */
function declarations(style: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of style.split(";")) {
    const colon = part.indexOf(":");
    if (colon === -1) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, "")
      .trim()
      .toLowerCase();
    found.set(name, value);
  }
  return found;
}

/** The image shows nothing to a reader: at most one pixel wide or tall, display:none or visibility:hidden. */
export function isHiddenImage(attrs: ImageAttributes): boolean {
  if (atMostOnePixel(attrs.width) || atMostOnePixel(attrs.height)) return true;
  const style = declarations(attrs.style ?? "");
  if (style.get("display") === "none") return true;
  if (style.get("visibility") === "hidden" || style.get("visibility") === "collapse") return true;
  if (atMostOnePixel(style.get("width")) || atMostOnePixel(style.get("height"))) return true;
  if (atMostOnePixel(style.get("max-width")) || atMostOnePixel(style.get("max-height"))) return true;
  return false;
}
