// One pass over untrusted mail HTML, without a DOM (the domain runs in plain Node), collecting what the content
// checks need: the text a reader sees, the images, each link's visible text and target, and the colours each
// piece of text is shown in (from inline styles and the old colour attributes, the only styling a mail keeps).
import { Parser } from "htmlparser2";
import { parseCssColor } from "./cssColor";
import { declarationsOf } from "./inlineStyle";

export interface ScannedLink {
  href: string;
  /** The link's visible text, whitespace collapsed. */
  text: string;
}

export interface ScannedImage {
  /** The `src` attribute as written (trimmed); "" when absent. */
  src: string;
  /** The `alt` attribute; undefined when the element has none (`alt=""` marks a decorative image). */
  alt: string | undefined;
}

/**
 * A piece of visible text with the colours it inherits. Colours are the CSS values as written (the checks parse
 * them); undefined when no element around the text sets one (the reader's default: black on white in mail).
 */
export interface StyledText {
  text: string;
  color: string | undefined;
  /** null when an image or gradient lies behind the text: the colour it is read against is not known. */
  background: string | null | undefined;
  /** The nearest inline `font-size`, as written (e.g. "18pt", "24px"); undefined when none. */
  fontSize: string | undefined;
  /** Inside `<b>`/`<strong>` or an inline `font-weight` of bold or 600 and more. */
  bold: boolean;
}

export interface HtmlScan {
  /** Visible text, whitespace collapsed (script, style, head and similar content excluded). */
  text: string;
  /** `<img>` elements that show something: 1×1 spacers and tracking pixels are not counted. */
  imageCount: number;
  links: ScannedLink[];
  /** The same `<img>` elements `imageCount` counts, with their source and alternative text. */
  images: ScannedImage[];
  /** Visible text pieces (whitespace-only ones left out) with the colours around them. */
  styledText: StyledText[];
}

/** What an element passes down to the text inside it. */
interface Presentation {
  color: string | undefined;
  background: string | null | undefined;
  fontSize: string | undefined;
  bold: boolean;
}

const DEFAULT_PRESENTATION: Presentation = {
  color: undefined,
  background: undefined,
  fontSize: undefined,
  bold: false,
};

/** Elements that never get a closing tag: they style nothing inside them, so they are not pushed. */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "wbr",
]);

/** Values that leave the inherited one in place (a transparent background shows the one behind it). */
const NOT_A_COLOUR = new Set(["", "transparent", "inherit", "initial", "unset", "currentcolor", "none"]);

function colourValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return NOT_A_COLOUR.has(v.toLowerCase()) ? undefined : v;
}

/**
 * The colour a `background` shorthand sets: its token that is a colour ("#fff no-repeat" → "#fff"). With an
 * image or gradient, what lies behind the text is not known: null.
 */
function backgroundOfShorthand(value: string): string | null | undefined {
  if (/url\(|gradient\(/i.test(value)) return null;
  // Tokens split on spaces outside parentheses, so "rgb(1, 2, 3) no-repeat" keeps "rgb(1, 2, 3)" whole.
  const tokens = value.match(/[a-z-]+\([^)]*\)|[^\s()]+/gi) ?? [];
  return tokens.find((t) => parseCssColor(t) !== undefined);
}

function isBoldWeight(value: string): boolean {
  const v = value.trim().toLowerCase();
  return v === "bold" || v === "bolder" || (/^\d+$/.test(v) && Number(v) >= 600);
}

/** The presentation inside an element: its own attributes and inline style over what it inherits. */
function presentationOf(name: string, attribs: Record<string, string>, outer: Presentation): Presentation {
  const inner = { ...outer };
  if (name === "b" || name === "strong") inner.bold = true;
  if (name === "font") inner.color = colourValue(attribs.color) ?? inner.color;
  inner.background = colourValue(attribs.bgcolor) ?? inner.background;
  const style = attribs.style === undefined ? new Map<string, string>() : declarationsOf(attribs.style);
  inner.color = colourValue(style.get("color")) ?? inner.color;
  const shorthand = style.get("background");
  const background =
    style.get("background-color") ?? (shorthand === undefined ? undefined : backgroundOfShorthand(shorthand));
  if (background === null) inner.background = null;
  else inner.background = colourValue(background) ?? inner.background;
  const fontSize = style.get("font-size");
  if (fontSize !== undefined && fontSize.trim() !== "") inner.fontSize = fontSize.trim();
  const weight = style.get("font-weight");
  if (weight !== undefined) inner.bold = isBoldWeight(weight);
  return inner;
}

/** Elements whose content a reader never sees as text. */
const INVISIBLE = new Set(["script", "style", "head", "title", "template", "noscript", "xml"]);

/**
 * Elements that separate words. Only these add a space: inline elements must not, or a link text split across
 * spans ("www.</span><span>bank.example") would stop looking like an address and slip past the link check.
 */
const BREAKING = new Set([
  "br",
  "p",
  "div",
  "li",
  "tr",
  "td",
  "th",
  "table",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "hr",
]);

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function isSpacer(attribs: Record<string, string>): boolean {
  const tiny = (v: string | undefined) => v !== undefined && /^\s*[01](px)?\s*$/i.test(v);
  return tiny(attribs.width) && tiny(attribs.height);
}

/**
 * The last body scanned, with its scan: the request pane assesses the request again at every change of its form,
 * and IT's content review scans the same HTML for its findings and for its weight, while the message (up to a
 * megabyte) is the same string. A scan is frozen, so that sharing it cannot let one reader change another's.
 */
let last: { html: string; scan: HtmlScan } | undefined;

export function scanHtml(html: string): HtmlScan {
  if (last?.html === html) return last.scan;
  const scan = scanOnce(html);
  for (const list of [scan.links, scan.images, scan.styledText]) Object.freeze(list);
  Object.freeze(scan);
  last = { html, scan };
  return scan;
}

function scanOnce(html: string): HtmlScan {
  const text: string[] = [];
  const links: ScannedLink[] = [];
  // Open anchors; `href` undefined for anchors without one (they still need popping when closed).
  const anchors: { href: string | undefined; text: string[] }[] = [];
  const images: ScannedImage[] = [];
  const styledText: StyledText[] = [];
  // The presentation of each open element (void elements are never pushed: they have no content).
  const presentations: { name: string; presentation: Presentation }[] = [];
  const current = () => presentations.at(-1)?.presentation ?? DEFAULT_PRESENTATION;
  let invisibleDepth = 0;
  let imageCount = 0;

  const append = (chunk: string) => {
    text.push(chunk);
    anchors.at(-1)?.text.push(chunk);
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (INVISIBLE.has(name)) invisibleDepth++;
        if (BREAKING.has(name)) append(" ");
        if (name === "img" && invisibleDepth === 0 && !isSpacer(attribs)) {
          imageCount++;
          images.push({ src: (attribs.src ?? "").trim(), alt: attribs.alt });
        }
        if (name === "a") anchors.push({ href: attribs.href, text: [] });
        if (!VOID.has(name))
          presentations.push({ name, presentation: presentationOf(name, attribs, current()) });
      },
      ontext(data) {
        if (invisibleDepth > 0) return;
        append(data);
        const text = collapse(data);
        if (text !== "") styledText.push({ text, ...current() });
      },
      onclosetag(name) {
        // htmlparser2 reports the implied end tags itself, so the innermost open element is normally the one
        // closing; should it not be, everything opened inside the closing element ends with it. A stray end tag
        // with no open element of its name changes nothing.
        if (!VOID.has(name)) {
          const open = presentations.map((p) => p.name).lastIndexOf(name);
          if (open >= 0) presentations.length = open;
        }
        if (INVISIBLE.has(name)) invisibleDepth = Math.max(0, invisibleDepth - 1);
        if (BREAKING.has(name)) append(" ");
        if (name === "a") {
          const anchor = anchors.pop();
          if (anchor?.href !== undefined)
            links.push({ href: anchor.href.trim(), text: collapse(anchor.text.join("")) });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text: collapse(text.join("")), imageCount, links, images, styledText };
}
