// The taskpane asks for its configuration in the HTML, so the file downloads while Office.js and the pane's
// script load; the preload must name the very URL the loader reads and match its request (as="fetch",
// crossorigin → a CORS request with same-origin credentials, like fetch()'s default), or the browser ignores it
// and downloads the file twice.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CONFIG_URL } from "../../src/config/startConfig";

const html = readFileSync(join(__dirname, "../../src/app/taskpane.html"), "utf8");
const main = readFileSync(join(__dirname, "../../src/app/main.tsx"), "utf8");

describe("taskpane.html preloads the configuration", () => {
  const links = [...html.matchAll(/<link\b[^>]*rel="preload"[^>]*>/g)].map((m) => m[0]);

  it("with a fetch preload of the loader's URL, before Office.js", () => {
    const link = links.find((l) => l.includes(`href="${DEFAULT_CONFIG_URL}"`));
    expect(link).toBeDefined();
    expect(link).toMatch(/\bas="fetch"/);
    expect(link).toMatch(/\bcrossorigin\b/);
    expect(html.indexOf(link!)).toBeLessThan(html.indexOf("<script"));
  });

  it("which the pane's loader consumes (default cache mode)", () => {
    expect(main).toMatch(/fetchTextWith\(window\.fetch\.bind\(window\), \{ preloaded: true \}\)/);
  });
});
