// A minimal tree of mail HTML, built with htmlparser2's streaming parser so that the domain needs no DOM.
// Positions (start/end in the request's text) are filled in later by htmlText.ts; htmlSlice.ts uses them
// to cut out the part of the HTML that is the message.
import { Parser } from "htmlparser2";
import { wordSet } from "./words";

export interface HtmlElement {
  kind: "element";
  name: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  start: number;
  end: number;
}

export interface HtmlText {
  kind: "text";
  /** The text as parsed (entities decoded). */
  data: string;
  /** What the text contributes to the request's text (whitespace collapsed, maybe trimmed). */
  shown: string;
  start: number;
  end: number;
}

export type HtmlNode = HtmlElement | HtmlText;

/** Elements that never have children or a closing tag. */
export const VOID_ELEMENTS: ReadonlySet<string> = wordSet(
  "area base br col embed hr img input link meta source track wbr",
);

function element(name: string, attrs: Record<string, string>): HtmlElement {
  return { kind: "element", name, attrs, children: [], start: 0, end: 0 };
}

/** Parses HTML into a fragment root (named "#root"). Never throws: htmlparser2 is forgiving by design. */
export function parseHtml(html: string): HtmlElement {
  const root = element("#root", {});
  const stack: HtmlElement[] = [root];
  const current = (): HtmlElement => stack[stack.length - 1] ?? root;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        // htmlparser2 hands each tag a fresh object: kept as it is, not copied.
        const el = element(name, attribs);
        current().children.push(el);
        stack.push(el);
      },
      ontext(data) {
        const siblings = current().children;
        const last = siblings[siblings.length - 1];
        if (last?.kind === "text") last.data += data;
        else siblings.push({ kind: "text", data, shown: "", start: 0, end: 0 });
      },
      onclosetag(name) {
        // Close the nearest open element of that name; a stray closing tag closes nothing.
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i]?.name === name) {
            stack.length = i;
            return;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return root;
}
