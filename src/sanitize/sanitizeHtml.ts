// The one place where untrusted mail HTML becomes HTML Pregón shows (in the pane) and sends (in the mass
// mail). DOMPurify does the parsing and the element/attribute allowlist; the hooks below add Pregón's own
// rules: per-element URL schemes, safe inline styles, links that open in a new, unlinked tab, and no hidden or 1×1
// images (tracking pixels: see domain/content/hiddenImage.ts).
// DOMPurify needs a DOM: the browser's window in the add-in, a jsdom window in Node tests.
import DOMPurify from "dompurify";
import type { Config, WindowLike } from "dompurify";
import { isHiddenImage } from "../domain/content/hiddenImage";
import { AppError } from "../domain/errors";
import { filterStyle } from "./styleFilter";
import { isAllowedImage, isAllowedLink } from "./urlPolicy";

export type HtmlSanitizer = (html: string) => string;

const words = (list: string): string[] => list.trim().split(/\s+/);

/**
 * Ordinary mail formatting: text, lists, tables, links and images. Nothing that runs, loads or submits. Plus
 * `body`, as in DOMPurify's own list: the parsed fragment's body is where the walk starts and its inner HTML is
 * the output, so it is never written out itself (a `<body>` tag in mail only adds attributes to it, which are
 * filtered like any other). Left out, DOMPurify treats that root as an element to unwrap and first copies the
 * whole document beside it, which is a fifth of the time of sanitizing a 1 MB message.
 */
const ALLOWED_TAGS = words(`
  a abbr address b bdi bdo blockquote body br caption center cite code col colgroup dd del dfn div dl dt em
  figcaption figure font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span
  strike strong sub sup table tbody td tfoot th thead time tr tt u ul var wbr
`);

/** No id/class/name (they could reach the pane's own CSS and scripts), no event handlers, no data-*. */
const ALLOWED_ATTR = words(`
  href src alt title width height align valign border cellpadding cellspacing colspan rowspan scope
  headers color face size dir lang bgcolor start reversed type datetime style
`);

/** Named for the reader; the allowlists above already exclude them. */
const FORBID_TAGS = words(`
  script style iframe frame frameset object embed applet form input button textarea select option svg
  math link meta base template noscript video audio source track canvas portal
`);

/** Where a URL can be: only href and src are allowed at all. */
const URL_ATTRIBUTES = new Set(["href", "src"]);

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  // First gate for URLs; the hooks then apply the stricter per-element rule. DOMPurify tests this
  // expression against every attribute not marked URI-safe, so the plain ones are marked below.
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|cid:)/i,
  ADD_URI_SAFE_ATTR: ALLOWED_ATTR.filter((name) => !URL_ATTRIBUTES.has(name)),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

/** Creates a sanitizer over a window (the browser's, or jsdom's in Node). Fails closed without a DOM. */
export function createHtmlSanitizer(window: WindowLike): HtmlSanitizer {
  const purify = DOMPurify(window);
  // Without a usable DOM, DOMPurify returns its input unchanged; refusing here is the only safe answer.
  if (!purify.isSupported) {
    throw new AppError("unknown", "The HTML sanitizer needs a DOM (a browser window or jsdom).");
  }
  // Tracking pixels and hidden images go before their attributes are filtered: the style filter drops display
  // and visibility, which would make a hidden pixel look like an ordinary image.
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName !== "img" || !("getAttribute" in node)) return;
    const el = node as Element;
    const attrs = {
      width: el.getAttribute("width"),
      height: el.getAttribute("height"),
      style: el.getAttribute("style"),
    };
    if (isHiddenImage(attrs)) el.parentNode?.removeChild(el);
  });
  purify.addHook("uponSanitizeAttribute", (_node, data) => {
    if (data.attrName !== "style") return;
    data.attrValue = filterStyle(data.attrValue);
    if (data.attrValue === "") data.keepAttr = false;
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    const tag = node.nodeName.toLowerCase();
    if (tag === "a") {
      const href = node.getAttribute("href");
      if (href !== null && !isAllowedLink(href)) node.removeAttribute("href");
      if (node.hasAttribute("href")) {
        // A new tab that cannot reach back into the pane (window.opener) nor learn where it came from.
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    }
    if (tag === "img") {
      const src = node.getAttribute("src");
      if (src !== null && !isAllowedImage(src)) node.removeAttribute("src");
    }
  });
  return (html: string) => purify.sanitize(html, CONFIG);
}

let browserSanitizer: HtmlSanitizer | undefined;

/** Sanitizes with the current page's window (the add-in's pane); created on first use. */
export function sanitizeHtml(html: string): string {
  browserSanitizer ??= createHtmlSanitizer(window);
  return browserSanitizer(html);
}
