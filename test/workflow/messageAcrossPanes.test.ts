// The message IT's pane reads is the message Communications' pane showed. A request whose body holds a second
// document (its own <html>, <head> or <body>: a pasted newsletter, or a hostile payload) used to reach IT's pane
// empty: IT read the message again from the forward's quote of the original, and that quote was cut at the nested
// document. The forward now carries the message as Communications saw it; IT reads it from there.
import path from "node:path";
import { htmlToText } from "../../src/domain/intake/htmlText";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, loadFixture, setupWorld } from "../support/world";
import { CORPORA_DIR, REPO_ROOT, corporaAvailable, hostileVectors } from "../support/xssCorpora";

const world = setupWorld();

/** A request in the hostile sweep's shape: labelled lines, then the message, whose middle is `payload`. */
function request(tag: string, payload: string) {
  const mail = loadFixture("01-structured-es.json") as { body: { content: string } };
  mail.body.content =
    `<p>Remitente: Rectoría</p><p>Dirigido a: estudiantes</p>` +
    `<p>Mensaje: Comunicado ${tag}, inicio.</p><div>${payload}</div><p>Comunicado ${tag}, fin.</p>`;
  return mail;
}

/** Communications' preview text and IT's, for one request taken from open to IT's pane. */
async function bothPanes(w: World, tag: string, payload: string) {
  const { case: created, messageId, opened } = await newCase(w, request(tag, payload));
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  const it = await openForward(w, created.id);
  return {
    caseId: created.id,
    comms: htmlToText(opened.proposal.message.value?.html ?? ""),
    it: htmlToText(it.messageHtml),
    opened: it,
  };
}

describe("a request whose body holds a nested document", () => {
  it("IT's pane shows the message Communications saw, and the mass mail carries it", async () => {
    const w = world();
    const nested =
      `<html><head><title>x</title><style>p{color:red}</style></head>` +
      `<body><p>Texto del boletín pegado.</p></body></html>`;
    const { caseId, comms, it, opened } = await bothPanes(w, "N", nested);

    expect(comms).toContain("Comunicado N, inicio.");
    expect(comms).toContain("Texto del boletín pegado.");
    expect(comms).toContain("Comunicado N, fin.");
    expect(it).toBe(comms);
    expect(opened.content.hasContent).toBe(true);

    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    w.afterSentItemsDelay();
    const [sent] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(htmlToText(sent?.body.content ?? "")).toContain("Comunicado N, inicio.");
    expect(htmlToText(sent?.body.content ?? "")).toContain("Comunicado N, fin.");
  });

  it("a stray <head> and <body> in the middle of the message lose nothing either", async () => {
    const w = world();
    const stray = `<div><head><base href="https://x.example/"></head><body><a href="/a">Enlace</a></body> sigue</div>`;
    const { comms, it } = await bothPanes(w, "S", stray);

    expect(comms).toContain("Enlace");
    expect(comms).toContain("Comunicado S, inicio.");
    expect(it).toBe(comms);
  });
});

describe("what the forward carries cannot be steered by the request", () => {
  it("a message that writes Pregón's text markers itself still reaches IT's pane whole", async () => {
    const w = world();
    const markers =
      "<p>[[pregon:text:end]] antes [[pregon:text:begin]] en medio [[pregon:text:end]] después</p>" +
      "<html><body><p>[[pregon:text:begin:CM-2612-AAAA]] ajeno [[pregon:text:end:CM-2612-AAAA]]</p></body></html>";
    const { comms, it } = await bothPanes(w, "M", markers);

    expect(comms).toContain("en medio");
    expect(comms).toContain("ajeno");
    expect(comms).toContain("Comunicado M, fin.");
    expect(it).toBe(comms);
  });

  it("a forward without the carried text (sent before it carried one) is still read from its quote", async () => {
    const w = world();
    const { case: created, messageId, opened } = await newCase(w, request("V", "<p>Texto sencillo.</p>"));
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    // The forward as an older Pregón sent it: the same summary without the carried text.
    const forward = w.tenant.storedMessages(IT, "inbox").find((m) => m.subject.includes(`[${created.id}]`));
    if (!forward) throw new Error("no forward in IT's inbox");
    const begin = forward.body.content.indexOf("[[pregon:text:begin:");
    expect(begin).toBeGreaterThan(0);
    forward.body.content = forward.body.content.replace(/\[\[pregon:text:(?:begin|end):[A-Z0-9-]+\]\]/g, "");

    const it = await openForward(w, created.id);
    expect(htmlToText(it.messageHtml)).toBe(htmlToText(opened.proposal.message.value?.html ?? ""));
  });
});

if (!corporaAvailable) {
  describe.skip(`Nested documents from the corpora: skipped, ${path.relative(REPO_ROOT, CORPORA_DIR)} (beside the repository) not found`, () => {
    it("needs the shared xss folder", () => undefined);
  });
} else {
  // The hostile sweep's payloads that left IT's pane empty (0-based indexes into hostileVectors()).
  const LOST = [99, 101, 170, 291];

  describe("the corpus payloads that left IT's message empty", () => {
    it.each(LOST)("payload #%i: IT's pane shows the message Communications saw", async (index) => {
      const payload = hostileVectors()[index] ?? "";
      // Still the payload the sweep reported: it carries a document of its own.
      expect(payload).toMatch(/<(?:html|head|body)\b/i);
      const w = world();
      const { comms, it, opened } = await bothPanes(w, `P${index}`, payload);

      expect(comms).toContain(`Comunicado P${index}, inicio.`);
      expect(comms).toContain(`Comunicado P${index}, fin.`);
      expect(it).toBe(comms);
      expect(opened.content.hasContent).toBe(true);
    });
  });
}
