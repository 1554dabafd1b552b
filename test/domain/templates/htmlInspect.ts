// Test helper: what an HTML string really contains once parsed, so assertions are about structure, not substrings.
import { Parser } from "htmlparser2";

export interface Inspection {
  tags: Set<string>;
  attributes: Set<string>;
  /** Visible text with whitespace collapsed (entities decoded). */
  text: string;
}

export function inspectHtml(html: string): Inspection {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const text: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        tags.add(name);
        for (const a of Object.keys(attribs)) attributes.add(a);
        text.push(" ");
      },
      ontext(data) {
        text.push(data);
      },
      onclosetag() {
        text.push(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { tags, attributes, text: text.join("").replace(/\s+/g, " ").trim() };
}

/** Every element and attribute the templates are allowed to produce. */
export const TEMPLATE_TAGS = new Set([
  "div",
  "p",
  "b",
  "span",
  "br",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
]);
export const TEMPLATE_ATTRIBUTES = new Set([
  "lang",
  "style",
  "scope",
  "cellpadding",
  "cellspacing",
  "border",
]);

export const HOSTILE = `<script>alert("x")</script> & "Tom's" <img src=x onerror=alert(1)>`;
