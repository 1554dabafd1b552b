// One pass over untrusted mail HTML, without a DOM (the domain runs in plain Node), collecting what the content
// checks need: the text a reader sees, the images, and each link's visible text and target.
import { Parser } from "htmlparser2";

export interface ScannedLink {
  href: string;
  /** The link's visible text, whitespace collapsed. */
  text: string;
}

export interface HtmlScan {
  /** Visible text, whitespace collapsed (script, style, head and similar content excluded). */
  text: string;
  /** `<img>` elements that show something: 1×1 spacers and tracking pixels are not counted. */
  imageCount: number;
  links: ScannedLink[];
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

export function scanHtml(html: string): HtmlScan {
  const text: string[] = [];
  const links: ScannedLink[] = [];
  // Open anchors; `href` undefined for anchors without one (they still need popping when closed).
  const anchors: { href: string | undefined; text: string[] }[] = [];
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
        if (name === "img" && invisibleDepth === 0 && !isSpacer(attribs)) imageCount++;
        if (name === "a") anchors.push({ href: attribs.href, text: [] });
      },
      ontext(data) {
        if (invisibleDepth === 0) append(data);
      },
      onclosetag(name) {
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
  return { text: collapse(text.join("")), imageCount, links };
}
