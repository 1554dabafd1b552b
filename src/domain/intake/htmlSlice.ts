// Cuts the HTML that lies between two positions of the request's text (like a DOM Range's cloneContents):
// elements that overlap the span are kept with their attributes, text is trimmed to the span. This is how
// the message keeps its formatting, links and images while the request's own words around it are dropped.
// The result is not trusted: it still goes through the injected sanitizer.
import type { HtmlElement, HtmlNode } from "./htmlTree";
import { VOID_ELEMENTS } from "./htmlTree";
import { HIDDEN_ELEMENTS } from "./htmlText";
import { escapeAttribute, escapeText } from "./plainText";

const SAFE_NAME = /^[a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)?$/;
const SAFE_ATTRIBUTE = /^[a-z_:][a-z0-9_.:-]*$/;

function overlaps(node: HtmlNode, from: number, to: number): boolean {
  // An empty node (an empty cell, a "&nbsp;" spacer paragraph's text) belongs to the span only when it
  // lies strictly inside; at the span's edges it belongs to the words around it.
  if (node.start === node.end) return from < node.start && node.start < to;
  return node.end > from && node.start < to;
}

function openTag(el: HtmlElement): string {
  const attrs = Object.entries(el.attrs)
    .filter(([name]) => SAFE_ATTRIBUTE.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join("");
  return `<${el.name}${attrs}>`;
}

function sliceNode(node: HtmlNode, from: number, to: number): string {
  if (!overlaps(node, from, to)) return "";
  if (node.kind === "text") {
    if (from <= node.start && node.end <= to) return escapeText(node.data);
    return escapeText(
      node.shown.slice(Math.max(from, node.start) - node.start, Math.min(to, node.end) - node.start),
    );
  }
  if (HIDDEN_ELEMENTS.has(node.name)) return "";
  const inner = node.children.map((child) => sliceNode(child, from, to)).join("");
  // A malformed tag name cannot be written back; keep its content.
  if (!SAFE_NAME.test(node.name)) return inner;
  if (VOID_ELEMENTS.has(node.name)) return openTag(node);
  return `${openTag(node)}${inner}</${node.name}>`;
}

/** The HTML of a laid-out tree (see htmlText.ts) between two text positions. */
export function sliceHtml(root: HtmlElement, from: number, to: number): string {
  return sliceHtmlPieces(root, from, to).join("");
}

/** The same, one string per top-level node of the tree (joined, they are sliceHtml's). */
export function sliceHtmlPieces(root: HtmlElement, from: number, to: number): string[] {
  return root.children.map((child) => sliceNode(child, from, to)).filter((piece) => piece !== "");
}
