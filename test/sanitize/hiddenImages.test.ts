// Tracking pixels and hidden images never survive the sanitizer: neither pane fetches them and no mass mail
// carries them. Visible images stay.
import { createHtmlSanitizer } from "../../src/sanitize/sanitizeHtml";

const sanitize = createHtmlSanitizer(window);
const PIXEL = "https://tracker.example/open.gif?u=1";

describe("hidden and 1×1 images", () => {
  it.each([
    ["1×1 attributes", `<img src="${PIXEL}" width="1" height="1">`],
    ["0 width", `<img src="${PIXEL}" width="0">`],
    ["1px height", `<img src="${PIXEL}" height="1px" width="600">`],
    ["style 1px", `<img src="${PIXEL}" style="width:1px;height:1px">`],
    ["display:none", `<img src="${PIXEL}" style="display: none">`],
    ["visibility:hidden", `<img src="${PIXEL}" style="VISIBILITY:hidden !important">`],
  ])("drops %s", (_name, img) => {
    expect(sanitize(`<p>Hola ${img} mundo</p>`)).toBe("<p>Hola  mundo</p>");
  });

  it("keeps an ordinary image", () => {
    const html = '<p><img src="https://www.universidad.example/banner.png" width="600" alt="Banner"></p>';
    expect(sanitize(html)).toContain('src="https://www.universidad.example/banner.png"');
  });
});
