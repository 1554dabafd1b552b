import { parseHtml } from "../../../src/domain/intake/htmlTree";
import { sliceHtml } from "../../../src/domain/intake/htmlSlice";
import { IMAGE_MARK, htmlToText, layoutHtml } from "../../../src/domain/intake/htmlText";

describe("htmlToText", () => {
  it("turns blocks and <br> into lines, paragraphs into blank-line-separated blocks", () => {
    expect(htmlToText("<p>Uno<br>dos</p><div>tres</div><ul><li>a</li><li>b</li></ul><h2>fin</h2>")).toBe(
      "Uno\ndos\n\ntres\n\na\nb\n\nfin",
    );
  });

  it("collapses whitespace, decodes entities and drops invisible characters", () => {
    expect(htmlToText("  <b>Asunto:</b>\n  Hola&nbsp;&amp;\u200B adiós  &lt;b&gt; ")).toBe(
      "Asunto: Hola & adiós <b>",
    );
  });

  it("never more than one blank line, whatever the <br>s", () => {
    expect(htmlToText("a<br><br><br><br>b")).toBe("a\n\nb");
  });

  it("separates table cells with a tab and rows with a line break", () => {
    expect(htmlToText("<table><tr><td>Asunto</td><td>X</td></tr><tr><td></td><td>Y</td></tr></table>")).toBe(
      "Asunto\tX\nY",
    );
  });

  it("leaves out what is never shown", () => {
    expect(
      htmlToText(
        "<head><title>t</title><style>p{}</style></head><script>alert(1)</script>Hola<svg><text>x</text></svg><iframe>y</iframe><noscript>n</noscript>",
      ),
    ).toBe("Hola");
  });

  it("marks images with one character", () => {
    expect(htmlToText('a <img src="x"> b')).toBe(`a ${IMAGE_MARK} b`);
  });

  it("tolerates stray closing tags and unclosed elements", () => {
    // A <div> closes the open <p>, as in a browser.
    expect(htmlToText("</div>a<p>b<div>c")).toBe("a\n\nb\n\nc");
  });
});

describe("sliceHtml", () => {
  function cut(html: string, from: string, to?: string) {
    const root = parseHtml(html);
    const text = layoutHtml(root);
    const start = text.indexOf(from);
    const end = to === undefined ? text.length : text.indexOf(to);
    return sliceHtml(root, start, end);
  }

  it("keeps the elements that overlap the span, with their attributes, and trims text", () => {
    expect(
      cut(
        '<p>Mensaje: <a href="https://x.example/?a=1&amp;b=2">enlace</a> y más</p><p>Cordialmente</p>',
        "enlace",
        "Cordialmente",
      ),
    ).toBe('<p><a href="https://x.example/?a=1&amp;b=2">enlace</a> y más</p>');
  });

  it("cuts inside a text node", () => {
    expect(cut("<div>Mensaje: Hola a todos &lt;3</div>", "Hola")).toBe("<div>Hola a todos &lt;3</div>");
  });

  it("keeps images and line breaks inside the span and writes void elements without closing tags", () => {
    expect(cut('<p>Mensaje:</p><p><img src="cid:a" alt="x &quot;y&quot;">texto<br>dos</p>', IMAGE_MARK)).toBe(
      '<p><img src="cid:a" alt="x &quot;y&quot;">texto<br>dos</p>',
    );
  });

  it("drops what is never shown and attributes with names that cannot be written back", () => {
    expect(
      cut('<p>Mensaje:</p><p a"b="1" title="t">x<script>alert(1)</script><style>p{}</style></p>', "x"),
    ).toBe('<p title="t">x</p>');
  });

  it("keeps an empty element strictly inside the span, not one at its edge", () => {
    expect(cut("<p>a</p><table><tr><td></td><td>b</td></tr></table><p>c</p>", "a")).toBe(
      "<p>a</p><table><tr><td></td><td>b</td></tr></table><p>c</p>",
    );
  });
});
