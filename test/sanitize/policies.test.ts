import { filterStyle } from "../../src/sanitize/styleFilter";
import { isAllowedImage, isAllowedLink } from "../../src/sanitize/urlPolicy";

describe("filterStyle", () => {
  it("keeps text and box formatting, normalized", () => {
    expect(filterStyle("COLOR:Red; font-family: 'Calibri', sans-serif ;border-left:1px solid #ccc;")).toBe(
      "color: Red; font-family: 'Calibri', sans-serif; border-left: 1px solid #ccc",
    );
  });

  it("drops unknown properties and declarations without a value or colon", () => {
    expect(filterStyle("position: fixed; color: ; junk; x-y: 1; padding: 0")).toBe("padding: 0");
  });

  it("refuses the whole attribute when it tries to load or escape", () => {
    expect(filterStyle("color: red; background: url(x)")).toBe("");
    expect(filterStyle("color: \\000072ed")).toBe("");
    expect(filterStyle("color: red; } body { display: none")).toBe("");
  });
});

describe("URL policy", () => {
  it("links: http, https, mailto", () => {
    expect(isAllowedLink("https://u.example")).toBe(true);
    expect(isAllowedLink(" http://u.example")).toBe(true);
    expect(isAllowedLink("MAILTO:a@u.example")).toBe(true);
    expect(isAllowedLink("java\nscript:alert(1)")).toBe(false);
    expect(isAllowedLink("\u0000javascript:alert(1)")).toBe(false);
    expect(isAllowedLink("https:evil")).toBe(false);
    expect(isAllowedLink("//u.example")).toBe(false);
    expect(isAllowedLink("tel:123")).toBe(false);
  });

  it("images: https and cid only", () => {
    expect(isAllowedImage("https://u.example/a.png")).toBe(true);
    expect(isAllowedImage("cid:image001.png@01DA")).toBe(true);
    expect(isAllowedImage("http://u.example/a.png")).toBe(false);
    expect(isAllowedImage("data:image/png;base64,AAAA")).toBe(false);
  });
});
