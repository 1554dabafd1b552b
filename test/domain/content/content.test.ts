// The pure rules about what a mass mail shows: visible content, hidden images, allowed image hosts, and how much
// the sanitizer took away.
import { compareContent } from "../../../src/domain/content/contentChange";
import { isHiddenImage } from "../../../src/domain/content/hiddenImage";
import { httpsHostOf, isAllowedImageSource } from "../../../src/domain/content/imageHosts";
import { keepAllowedImages } from "../../../src/domain/content/massMailImages";
import { hasVisibleContent, measureHtml } from "../../../src/domain/content/visibleContent";

const HOSTS = ["www.universidad.example"];
const png = { contentType: "image/png", isInline: false, name: "pieza.png" };

describe("hasVisibleContent", () => {
  it.each([
    ["empty", ""],
    ["whitespace and &nbsp;", " <p>&nbsp;</p>\n<p>   </p><br>"],
    ["zero-width and format characters only", "<p>\u200B\u200D\uFEFF\u2060</p>"],
    [
      "only script, style and a form's hidden parts",
      "<script>x</script><style>p{}</style><template>t</template>",
    ],
    ["an image without a source", "<p><img alt=''></p>"],
    ["a tracking pixel", '<img src="https://t.example/p.gif" width="1" height="1">'],
  ])("no: %s", (_name, html) => {
    expect(hasVisibleContent(html)).toBe(false);
  });

  it.each([
    ["a word", "<p>Hola</p>"],
    ["one emoji", "<p>\u{1F389}</p>"],
    ["a visible image", '<p><img src="cid:banner@01" width="600"></p>'],
  ])("yes: %s", (_name, html) => {
    expect(hasVisibleContent(html)).toBe(true);
  });

  it("an empty body with an attached picture shows the picture; with only an inline part or a PDF it does not", () => {
    expect(hasVisibleContent("", [png])).toBe(true);
    expect(hasVisibleContent("", [{ ...png, isInline: true }])).toBe(false);
    expect(hasVisibleContent("", [{ contentType: "application/pdf", isInline: false, name: "a.pdf" }])).toBe(
      false,
    );
  });
});

describe("isHiddenImage", () => {
  it.each([
    [{ width: "1", height: "1" }],
    [{ width: "0" }],
    [{ height: " 1px " }],
    [{ style: "display:none" }],
    [{ style: "visibility: hidden" }],
    [{ style: "width: 1px; height: 1px" }],
    [{ style: "max-height:0" }],
  ])("hidden: %j", (attrs) => {
    expect(isHiddenImage(attrs)).toBe(true);
  });

  it.each([
    [{}],
    [{ width: "600", height: "200" }],
    [{ width: "100%" }],
    [{ style: "display:block; width:2px" }],
  ])("visible: %j", (attrs) => {
    expect(isHiddenImage(attrs)).toBe(false);
  });
});

describe("image sources", () => {
  it("cid: always; https only from an allowed host, compared without case; nothing else", () => {
    expect(isAllowedImageSource("cid:image001.png@01DB", [])).toBe(true);
    expect(isAllowedImageSource("https://WWW.Universidad.example/a.png", HOSTS)).toBe(true);
    expect(isAllowedImageSource("https://www.universidad.example.evil.example/a.png", HOSTS)).toBe(false);
    expect(isAllowedImageSource("https://evil.example/www.universidad.example/a.png", HOSTS)).toBe(false);
    expect(isAllowedImageSource("http://www.universidad.example/a.png", HOSTS)).toBe(false);
    expect(isAllowedImageSource("data:image/png;base64,AAAA", HOSTS)).toBe(false);
    expect(httpsHostOf("not a url")).toBeUndefined();
  });
});

describe("keepAllowedImages", () => {
  it("removes and counts tracking pixels and images from other hosts; keeps allowed and cid: images and the text", () => {
    const html =
      '<p>Hola <img src="https://www.universidad.example/logo.png" alt="Logo"></p>' +
      '<p><img src="cid:banner@01"><img src="https://tracker.example/o.gif" width="1" height="1">' +
      '<img src="https://cdn.other.example/photo.jpg" alt="Foto"></p><p>Fin</p>';
    const result = keepAllowedImages(html, HOSTS);
    expect(result).toMatchObject({ hidden: 1, external: 1 });
    expect(result.html).toBe(
      '<p>Hola <img src="https://www.universidad.example/logo.png" alt="Logo"></p><p><img src="cid:banner@01"></p><p>Fin</p>',
    );
  });

  it("leaves HTML without images as it is", () => {
    expect(keepAllowedImages("<p>a &amp; b</p>", HOSTS)).toEqual({
      html: "<p>a &amp; b</p>",
      hidden: 0,
      external: 0,
    });
  });
});

describe("compareContent", () => {
  it("a message that lost most of its visible text changed substantially", () => {
    const before = measureHtml(
      "<p>Inscripciones abiertas hasta el viernes</p><video>Vea el video en el portal</video>",
    );
    const after = measureHtml("<p>Inscripciones abiertas hasta el viernes</p>");
    expect(compareContent(before, after)).toMatchObject({ substantial: true });
    expect(compareContent(before, after).lostChars).toBe("Veaelvideoenelportal".length);
  });

  it("a message that lost nothing visible, or only a little, did not", () => {
    const html = "<p>Inscripciones abiertas hasta el viernes 12 de diciembre en el portal</p>";
    expect(compareContent(measureHtml(html), measureHtml(html))).toEqual({
      beforeChars: "Inscripcionesabiertashastaelviernes12dediciembreenelportal".length,
      lostChars: 0,
      lostImages: 0,
      substantial: false,
    });
    const little = measureHtml(`${html}<p><a>!</a></p>`);
    expect(compareContent(little, measureHtml(html)).substantial).toBe(false);
  });

  it("all the text gone is substantial", () => {
    expect(compareContent(measureHtml("<p>Hola</p>"), measureHtml("")).substantial).toBe(true);
  });
});
