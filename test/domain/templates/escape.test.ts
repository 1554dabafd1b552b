import { escapeHtml, escapeMultiline } from "../../../src/domain/templates/escape";

describe("escapeHtml", () => {
  it("escapes the five characters that can change HTML meaning", () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });

  it("escapes an existing entity again, so text shows exactly as typed", () => {
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it("leaves ordinary and accented text alone", () => {
    expect(escapeHtml("Oficina de Relaciones Internacionales — Convocatoria 2027")).toBe(
      "Oficina de Relaciones Internacionales — Convocatoria 2027",
    );
  });
});

describe("escapeMultiline", () => {
  it("turns any line break into <br> after escaping each line", () => {
    expect(escapeMultiline("a<b\r\nc\rd\ne")).toBe("a&lt;b<br>c<br>d<br>e");
  });
});
