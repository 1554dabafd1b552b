/**
 * The mail-HTML sanitizer's policy, in the jsdom environment (the pane's DOM stand-in).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { WindowLike } from "dompurify";
import { isAppError } from "../../src/domain/errors";
import { createHtmlSanitizer, sanitizeHtml } from "../../src/sanitize/sanitizeHtml";

const sanitize = createHtmlSanitizer(window);

function dom(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
}

describe("what mail keeps", () => {
  it("keeps ordinary formatting, lists and tables", () => {
    const html =
      '<p align="center"><b>a</b> <i>b</i> <u>c</u> <font color="#333" face="Arial" size="2">d</font></p><ul><li>x</li></ul><table border="1" cellpadding="2"><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td rowspan="1">1</td><td>2</td></tr></tbody></table>';
    expect(sanitize(html)).toBe(html);
  });

  it("keeps https and cid images with their size and alt text", () => {
    const html =
      '<img src="https://u.example/a.png" alt="A" width="600" height="200"><img src="cid:image001.png@01DA">';
    expect(sanitize(html)).toBe(html);
  });

  it("keeps http, https and mailto links and opens them in a new, unlinked tab", () => {
    expect(sanitize('<a href="https://u.example" target="_self" rel="opener">x</a>')).toBe(
      '<a href="https://u.example" target="_blank" rel="noopener noreferrer">x</a>',
    );
    expect(sanitize('<a href="http://u.example">x</a>')).toContain('href="http://u.example"');
    expect(sanitize('<a href="mailto:a@u.example">x</a>')).toContain('href="mailto:a@u.example"');
  });

  it("keeps the safe part of inline styles", () => {
    expect(sanitize('<p style="color: red; position: fixed; font-weight: bold; margin-top: 2px">x</p>')).toBe(
      '<p style="color: red; font-weight: bold; margin-top: 2px">x</p>',
    );
  });
});

describe("what mail loses", () => {
  it.each([
    ["javascript:alert(1)"],
    [" JaVa\tScRiPt:alert(1)"],
    ["vbscript:msgbox(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["/relative/path"],
    ["#top"],
    ["ftp://u.example/x"],
  ])("links to %j lose their href (and so their target)", (href) => {
    expect(sanitize(`<a href="${href}" target="_blank">x</a>`)).toBe("<a>x</a>");
  });

  it.each([
    ["http://u.example/a.png"],
    ["data:image/png;base64,iVBORw0KGgo="],
    ["javascript:alert(1)"],
    ["a.png"],
  ])("images from %j lose their src", (src) => {
    expect(sanitize(`<img src="${src}" alt="A">`)).toBe('<img alt="A">');
  });

  it("removes script and style with their content, and everything that embeds, submits or draws", () => {
    const out = sanitize(
      "<script>alert(1)</script><style>p{}</style><iframe src='https://x'></iframe><object data='x'></object><embed src='x'><form action='https://x'><input name='q'><button>Go</button></form><svg onload='alert(1)'><circle/></svg><math><mi>x</mi></math><p>ok</p>",
    );
    const doc = dom(out);
    for (const tag of [
      "script",
      "style",
      "iframe",
      "object",
      "embed",
      "form",
      "input",
      "button",
      "svg",
      "math",
    ]) {
      expect(doc.querySelector(tag)).toBeNull();
    }
    expect(out).not.toContain("alert");
    expect(doc.body.textContent).toContain("ok");
  });

  it("removes event handlers, ids, classes, names and data attributes", () => {
    expect(
      sanitize('<p onclick="x()" id="a" class="b" name="c" data-x="d" aria-label="e" title="t">x</p>'),
    ).toBe('<p title="t">x</p>');
  });

  it("drops styles that load, position, hide or escape", () => {
    for (const style of [
      "background: url(https://x/a.png)",
      "background-image: url(javascript:alert(1))",
      "width: expression(alert(1))",
      "position: absolute; top: 0",
      "display: none",
      "visibility: hidden",
      "opacity: 0",
      "z-index: 9999",
      "color: \\72 ed",
      "color: red /* x */",
      "behavior: url(x.htc)",
    ]) {
      expect(sanitize(`<p style="${style}">x</p>`)).toBe("<p>x</p>");
    }
  });
});

describe("the hostile request fixture", () => {
  const fixture = JSON.parse(
    readFileSync(path.resolve(__dirname, "../data/requests/08-hostile-html.json"), "utf8"),
  ) as { body: { content: string } };
  const out = sanitize(fixture.body.content);
  const doc = dom(out);

  it("keeps no script, handler, frame, svg or style", () => {
    expect(doc.querySelectorAll("script, iframe, svg, style, object, embed")).toHaveLength(0);
    for (const el of Array.from(doc.body.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
    }
    expect(out).not.toMatch(/javascript:|onerror|onload|document\.cookie/i);
  });

  it("keeps the text and the https link, which opens in a new tab", () => {
    expect(doc.body.textContent).toContain("Promociones");
    const links = Array.from(doc.querySelectorAll("a"));
    expect(links.map((a) => a.getAttribute("href"))).toEqual([
      null,
      "https://universidad.example.attacker.example/login",
    ]);
    expect(links[1]?.getAttribute("rel")).toBe("noopener noreferrer");
  });
});

describe("createHtmlSanitizer", () => {
  it("refuses to run without a DOM instead of returning the input unchanged", () => {
    let error: unknown;
    try {
      createHtmlSanitizer({} as unknown as WindowLike);
    } catch (e) {
      error = e;
    }
    expect(isAppError(error)).toBe(true);
  });

  it("gives independent sanitizers: one window's hooks do not leak into another", () => {
    const other = createHtmlSanitizer(window);
    expect(other('<a href="https://u.example">x</a>')).toBe(sanitize('<a href="https://u.example">x</a>'));
  });

  it("sanitizeHtml uses the page's window", () => {
    expect(sanitizeHtml('<p onclick="x()">x<script>y</script></p>')).toBe("<p>x</p>");
  });
});
