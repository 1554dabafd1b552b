// Everything a template puts into HTML from a request (unit names, subjects, notes, addresses) is untrusted:
// a subject like `<img src=x onerror=…>` must reach IT as text, not as markup.

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Escapes text and keeps its line breaks, for notes people typed on several lines. */
export function escapeMultiline(text: string): string {
  return text.replace(/\r\n?/g, "\n").split("\n").map(escapeHtml).join("<br>");
}
