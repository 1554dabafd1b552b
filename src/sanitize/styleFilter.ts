// Inline styles carry most of a mail's formatting (Outlook writes everything as style=""), so they are
// kept, but only properties that format text and boxes. Left out on purpose:
// - anything that loads something (url(), @import, old IE expression()/behavior, -moz-binding);
// - positioning and layering (position, z-index, transform …): mail HTML shown in the pane must not be able
//   to cover the pane's own buttons with look-alikes;
// - hiding (display, visibility, opacity): the professional must see everything the recipients could.
// CSS escapes and comments are refused outright, since they are how filters like this one are evaded.

const ALLOWED_PROPERTIES: ReadonlySet<string> = new Set([
  "color",
  "background-color",
  "font",
  "font-family",
  "font-size",
  "font-style",
  "font-weight",
  "font-variant",
  "text-align",
  "text-decoration",
  "text-indent",
  "text-transform",
  "letter-spacing",
  "word-spacing",
  "line-height",
  "white-space",
  "vertical-align",
  "direction",
  "list-style-type",
  "list-style-position",
  "border-collapse",
  "border-spacing",
  "width",
  "height",
  "min-width",
  "max-width",
  "min-height",
  "float",
  "clear",
]);
const ALLOWED_PREFIXES: readonly string[] = ["margin", "padding", "border"];
const REFUSED_VALUE =
  /url\s*\(|image-set|expression|javascript|vbscript|@import|behavior|binding|[\\<>{}]|\/\*/i;
const PROPERTY_NAME = /^[a-z-]+$/;

function isAllowedProperty(name: string): boolean {
  if (!PROPERTY_NAME.test(name)) return false;
  return ALLOWED_PROPERTIES.has(name) || ALLOWED_PREFIXES.some((p) => name === p || name.startsWith(`${p}-`));
}

/** Keeps the allowed declarations of a style attribute; returns "" when none is left. */
export function filterStyle(style: string): string {
  if (REFUSED_VALUE.test(style)) return "";
  return style
    .split(";")
    .map((declaration) => {
      const colon = declaration.indexOf(":");
      if (colon === -1) return undefined;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration.slice(colon + 1).trim();
      return value !== "" && isAllowedProperty(name) ? `${name}: ${value}` : undefined;
    })
    .filter((d): d is string => d !== undefined)
    .join("; ");
}
