// bodyPreview reads a long body from its start only as far as it must: whatever the body, the preview is the one
// derived from the whole body (the reference below: tags, style and script blocks out, the four entities, white
// space collapsed, 255 characters).
import { bodyPreview } from "../../src/emulator/state/message";
import type { GraphItemBody } from "../../src/emulator/types";

function reference(body: GraphItemBody): string {
  const text =
    body.contentType === "html"
      ? body.content
          .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, " ")
          .replace(/<[^>]+>/g, " ")
          .replace(/&nbsp;/g, " ")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&")
      : body.content;
  return text.replace(/\s+/g, " ").trim().slice(0, 255);
}

const html = (content: string): GraphItemBody => ({ contentType: "html", content });
const LONG = 70_000;
const paragraphs = (count: number, word = "palabra") =>
  `<p>${word} ${"x ".repeat(20)}</p>\n`.repeat(count).replace(/x/g, (_m, i: number) => String(i % 10));

const CASES: Array<[string, GraphItemBody]> = [
  ["a short body", html("<p>Hola &amp; adiós</p>")],
  ["a long body of paragraphs", html(paragraphs(10_000))],
  [
    "a long style block across the first prefix",
    html(`<style>${"p{}".repeat(LONG)}</style>${paragraphs(50)}`),
  ],
  ["a script left open", html(`<script>${"x".repeat(LONG)} ${paragraphs(50)}`)],
  ["a tag open across the cut", html(`<p title="${"a".repeat(LONG)}">texto</p>${paragraphs(50)}`)],
  ["little text then a long tail", html(`<p>uno</p>${"<br>".repeat(LONG)}<p>dos</p>${paragraphs(50)}`)],
  ["entities everywhere", html(`${"&lt;b&gt; &amp;amp; &nbsp;".repeat(LONG / 10)}`)],
  ["a lone < in the text", html(`<p>a < b ${"y ".repeat(LONG)}</p>`)],
  ["plain text", { contentType: "text", content: `  ${"línea de texto\n\n".repeat(LONG / 5)}` }],
  [
    "plain text, spaces across the cut",
    { contentType: "text", content: `${" ".repeat(LONG)}fin ${"z".repeat(300)}` },
  ],
];

describe("bodyPreview", () => {
  it.each(CASES)("is the whole body's preview: %s", (_name, body) => {
    expect(bodyPreview(body)).toBe(reference(body));
  });
});
