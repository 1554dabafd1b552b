// The declarations of an inline `style` attribute ("color: #777; font-size: 10pt"), as a map from property to
// value. Only what the content checks read: no shorthand expansion, no cascade, no CSS escapes.

/**
 * Property names in lower case, values trimmed and without `!important`; a later declaration of the same
 * property wins, as in CSS. A declaration without a colon is skipped (CSS drops it too). Semicolons inside a
 * quoted `url(…)` would split a value in two; colour and size values never hold one.
 */
export function declarationsOf(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon <= 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, "")
      .trim();
    if (property !== "") declarations.set(property, value);
  }
  return declarations;
}
