// Inline images in the request's preview: each cid: image shows the bytes of the message's own inline attachment
// (read through the mail port from the embedded tenant), never a remote URL; and the mail sits on a light sheet
// with dark default text even in the dark theme, as Outlook shows mail.
import { render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { toEwsId } from "../../src/demo/officeIds";
import { contentIdOfUrl, inlineAttachmentFor } from "../../src/domain/content/inlineImages";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { withInlineImages } from "../../src/taskpane/components/inlineImages";
import { COMMUNICATIONS, PROFESSIONAL, loadFixture, setupWorld } from "../support/world";

const world = setupWorld();

// A 1×1 PNG and a 1×1 GIF: real bytes, so the data: URLs are images a browser would draw.
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const GIF = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

function fixtureWithBytes(): Record<string, unknown> {
  const fixture = loadFixture("12-table-inline-images.json");
  const attachments = fixture.attachments as Array<Record<string, unknown>>;
  for (const a of attachments) {
    if (a.name === "banner.png") a.contentBytes = PNG;
    else if (a.name === "image001.png") {
      a.contentBytes = GIF;
      a.contentType = "image/gif";
    } else a.contentBytes = "JVBERi0xLjQK";
  }
  return fixture;
}

function renderRequest(theme: "light" | "dark") {
  const w = world();
  const id = w.deliverRequest(fixtureWithBytes());
  const host = new DemoMailHost({
    userAddress: PROFESSIONAL,
    displayLanguage: "es-CO",
    theme,
    onOpenDraft: () => undefined,
    viewedMailbox: COMMUNICATIONS,
  });
  host.select({ ewsItemId: toEwsId(id), subject: "", mailbox: COMMUNICATIONS });
  render(
    <App
      services={{ host, mail: w.comms.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
    />,
  );
  return w;
}

describe("inline images in the preview", () => {
  it("show the message's own inline attachments as data: URLs, with no request to the web", async () => {
    const w = renderRequest("light");
    const preview = await screen.findByRole("region", { name: /Vista previa/ }, { timeout: 10_000 });
    // The banner (by contentId); the signature's logo is not part of the request's message (intake drops it).
    await waitFor(
      () =>
        expect(within(preview).getByAltText("Convocatoria").getAttribute("src")).toBe(
          `data:image/png;base64,${PNG}`,
        ),
      { timeout: 10_000 },
    );
    const srcs = Array.from(preview.querySelectorAll("img")).map((img) => img.getAttribute("src") ?? "");
    expect(srcs.every((src) => src.startsWith("data:image/"))).toBe(true);
    expect(within(preview).getByAltText("Convocatoria")).toBeTruthy();
    // The bytes came from the message's attachments in Graph, nothing else.
    const reads = w.tenant.log.entries().filter((e) => /\/attachments\//.test(e.url));
    expect(reads.length).toBe(srcs.length);
    expect(reads.every((e) => e.method === "GET")).toBe(true);
  });

  it("keep the mail on a light sheet with dark default text in the dark theme", async () => {
    renderRequest("dark");
    const preview = await screen.findByRole("region", { name: /Vista previa/ }, { timeout: 10_000 });
    const style = getComputedStyle(preview);
    expect(style.backgroundColor).toBe(toRgb(webLightTheme.colorNeutralBackground1));
    expect(style.color).toBe(toRgb(webLightTheme.colorNeutralForeground1));
  });
});

describe("cid: references", () => {
  it("match an attachment by contentId (with or without angle brackets) or by Outlook's image name", () => {
    const attachments = [
      { id: "a", name: "banner.png", contentType: "image/png", isInline: true, contentId: "<Banner@01DB>" },
      { id: "b", name: "image001.png", contentType: "image/png", isInline: true },
      { id: "c", name: "terms.pdf", contentType: "application/pdf", isInline: false, contentId: "terms@x" },
      { id: "d", name: "draw.svg", contentType: "image/svg+xml", isInline: true, contentId: "draw@x" },
    ];
    expect(inlineAttachmentFor(contentIdOfUrl("cid:banner@01db") ?? "", attachments)?.id).toBe("a");
    expect(inlineAttachmentFor(contentIdOfUrl("cid:image001.png@01DB1234") ?? "", attachments)?.id).toBe("b");
    // Not an image the pane draws: no match.
    expect(inlineAttachmentFor("terms@x", attachments)).toBeUndefined();
    expect(inlineAttachmentFor("draw@x", attachments)).toBeUndefined();
    expect(contentIdOfUrl("https://example.org/a.png")).toBeUndefined();
  });

  it("an image with no readable attachment loses its src (alt text, not a broken image)", () => {
    const html =
      '<p>x</p><img src="cid:missing@x" alt="Falta"><img src="https://www.universidad.example/a.png">';
    const out = withInlineImages(html, new Map());
    expect(out).toContain('<img alt="Falta">');
    expect(out).toContain("https://www.universidad.example/a.png");
  });
});

function toRgb(hex: string): string {
  const h = hex.replace("#", "");
  const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
  return `rgb(${n(0)}, ${n(2)}, ${n(4)})`;
}
