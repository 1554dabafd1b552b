// Mail HTML → the request's text, the way a reader sees it: block elements and <br> become line breaks,
// table cells are separated by a tab (so "<td>Asunto</td><td>…</td>" still reads as a label), images
// become one placeholder character, and what is never shown (script, style, head …) is left out.
// Every node records its [start, end) in the text so that a span of text can be cut back out as HTML.
import type { HtmlElement, HtmlNode } from "./htmlTree";
import { parseHtml } from "./htmlTree";
import { wordSet } from "./words";

/** Stands for an image in the text, so that spans keep or drop images exactly where they are. */
export const IMAGE_MARK = "\uFFFC";

/** Never shown to a reader, or not mail content: skipped entirely (text and children). */
export const HIDDEN_ELEMENTS: ReadonlySet<string> = wordSet(`
  script style head title template noscript iframe frame frameset object embed applet svg math
  select textarea button input meta link base
`);

/** Block elements that stand apart as paragraphs (a blank line before and after). */
const PARAGRAPHS = wordSet("p h1 h2 h3 h4 h5 h6 blockquote table ul ol pre hr dl figure");
/** Block elements that start a new line. */
const LINES = wordSet(`
  div li tr dt dd section article header footer main nav aside center caption address fieldset
  details summary form
`);

// Invisible characters Outlook and Word scatter through mail (word joiner, byte-order mark, soft hyphen); they
// only get in the way of matching. Never the zero-width JOINER or NON-JOINER (U+200D, U+200C): they are part of
// the text (👨‍👩‍👧‍👦 is four people joined by U+200D; Persian and Indic scripts need U+200C), nor variation
// selectors or combining marks.
const INVISIBLE = /[\u2060\uFEFF\u00AD]/g;
/** What an emoji sequence is made of: a zero-width space next to one of these is left alone. */
const EMOJI_PART =
  "\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u200D\\uFE0E\\uFE0F\\u20E3\\u{E0020}-\\u{E007F}";
/**
 * A zero-width space, removed only where removing it cannot make or break an emoji sequence or a character:
 * between two regional indicators it would join them into a flag, between 👍 and a skin tone it would tone the
 * thumb, before a combining mark or variation selector it would put that mark on the character before it.
 */
// eslint-disable-next-line no-misleading-character-class -- the class lists joiners and selectors on their own, on purpose.
const ZERO_WIDTH_SPACE = new RegExp(`(?<![${EMOJI_PART}])\\u200B(?![${EMOJI_PART}\\p{M}])`, "gu");
/** Any of the invisible characters above: most text has none, and then both passes are skipped. */
const HAS_INVISIBLE = /[\u2060\uFEFF\u00AD\u200B]/;
const SPACES = /[ \t\n\r\f\v\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Builds the text in pieces: line breaks and cell tabs are pieces of their own, so that everything the writer
 * asks about the end of the text ("at a line start?", "how many line breaks?") looks at the last few pieces
 * only. Appending to one string and reading its end would make V8 flatten the whole text at every block,
 * which is quadratic in the size of the request.
 */
class TextWriter {
  private readonly pieces: string[] = [];
  /** Length of the text written so far. */
  length = 0;
  private pendingSpace = false;

  private last(back = 0): string | undefined {
    return this.pieces[this.pieces.length - 1 - back];
  }

  private append(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
  }

  private atLineStart(): boolean {
    const last = this.last();
    return last === undefined || last === "\n" || last === "\t";
  }

  /** Appends collapsed text; returns what was written and where, or undefined for whitespace only. */
  text(raw: string): { shown: string; start: number } | undefined {
    const visible = HAS_INVISIBLE.test(raw) ? raw.replace(INVISIBLE, "").replace(ZERO_WIDTH_SPACE, "") : raw;
    let s = visible.replace(SPACES, " ");
    if (s.startsWith(" ")) {
      this.pendingSpace = true;
      s = s.slice(1);
    }
    if (s === "") return undefined;
    const trailing = s.endsWith(" ");
    if (trailing) s = s.slice(0, -1);
    if (this.pendingSpace && !this.atLineStart()) this.append(" ");
    this.pendingSpace = trailing;
    const start = this.length;
    this.append(s);
    return { shown: s, start };
  }

  image(): void {
    if (this.pendingSpace && !this.atLineStart()) this.append(" ");
    this.pendingSpace = false;
    this.append(IMAGE_MARK);
  }

  /** Ensures the text ends with `count` line breaks (none at the very start). */
  breakLines(count: 1 | 2): void {
    this.pendingSpace = false;
    if (this.pieces.length === 0) return;
    while (this.last() === "\t") {
      this.pieces.pop();
      this.length -= 1;
    }
    let have = 0;
    while (this.last(have) === "\n") have++;
    for (let i = have; i < count; i++) this.append("\n");
  }

  /** A <br>: always a new line, but never more than one blank line in a row. */
  lineBreak(): void {
    this.pendingSpace = false;
    if (!(this.last() === "\n" && this.last(1) === "\n")) this.append("\n");
  }

  cell(): void {
    this.pendingSpace = false;
    if (!this.atLineStart()) this.append("\t");
  }

  toString(): string {
    return this.pieces.join("");
  }
}

function layoutNode(node: HtmlNode, w: TextWriter): void {
  if (node.kind === "text") {
    const written = w.text(node.data);
    node.shown = written?.shown ?? "";
    node.start = written?.start ?? w.length;
    node.end = node.start + node.shown.length;
    return;
  }
  if (HIDDEN_ELEMENTS.has(node.name)) {
    node.start = node.end = w.length;
    return;
  }
  const block = PARAGRAPHS.has(node.name) ? 2 : LINES.has(node.name) ? 1 : 0;
  if (block) w.breakLines(block);
  if (node.name === "td" || node.name === "th") w.cell();
  node.start = w.length;
  if (node.name === "br") w.lineBreak();
  else if (node.name === "img") w.image();
  for (const child of node.children) layoutNode(child, w);
  node.end = w.length;
  if (block) w.breakLines(block);
}

/** Lays out a parsed tree as text, filling in every node's position; returns the text. */
export function layoutHtml(root: HtmlElement): string {
  const w = new TextWriter();
  for (const child of root.children) layoutNode(child, w);
  root.start = 0;
  root.end = w.length;
  return w.toString().trimEnd();
}

/** The text a reader sees in an HTML fragment (used for untrusted subject lines and sanitized HTML). */
export function htmlToText(html: string): string {
  return layoutHtml(parseHtml(html));
}
