// Issue 11: opening a large request must not freeze the pane. Extraction runs in steps with a pause between them
// (extractRequestInSteps) and sanitizes a long message a few whole top-level elements at a time; both must give
// exactly what extraction in one go gives.
import { extractRequest, extractRequestInSteps } from "../../../src/domain/intake";
import { readBody } from "../../../src/domain/intake/body";
import { SANITIZE_PIECE_LENGTH } from "../../../src/domain/intake/messageField";
import type { RequestMessage } from "../../../src/domain/types";
import { fixtureNames, loadRequest } from "./requestFixtures";
import { sanitizeForTests } from "./testSanitizer";

const options = { sanitizeHtml: sanitizeForTests, timeZone: "America/Bogota" };

/** Runs the stepped extraction, counting its pauses. */
async function inSteps(message: RequestMessage, sanitizeHtml = sanitizeForTests) {
  let pauses = 0;
  const proposal = await extractRequestInSteps(message, { ...options, sanitizeHtml }, async () => {
    pauses += 1;
  });
  return { proposal, pauses };
}

describe("extraction in steps", () => {
  it.each(fixtureNames())("gives what extraction in one go gives: %s", async (name) => {
    const message = loadRequest(name);
    const { proposal, pauses } = await inSteps(message);
    expect(proposal).toEqual(extractRequest(message, options));
    expect(pauses).toBeGreaterThan(0);
  });

  it.each(fixtureNames())(
    "a message sanitized one top-level element at a time is the message sanitized whole: %s",
    (name) => {
      const message = loadRequest(name);
      const body = readBody(message.body, message.bodyType);
      // The whole text: every top-level element of the body, the strictest split there is (pieces of 1 char).
      const pieces = body.htmlPiecesBetween(0, body.text.length, 1);
      expect(pieces.join("")).toBe(body.htmlBetween(0, body.text.length));
      expect(pieces.map(sanitizeForTests).join("").trim()).toBe(
        sanitizeForTests(body.htmlBetween(0, body.text.length)).trim(),
      );
    },
  );

  it("sanitizes a 1 MB message in pieces, pausing between them, and keeps all of it", async () => {
    const head = "<p>Asunto: Semana de la ciencia<br>Destinatarios: estudiantes</p><p>Mensaje:</p>";
    const paragraph =
      '<p>Texto del <b>mensaje</b> con <a href="https://www.universidad.example/x" onclick="x()">enlace</a>.</p>\n';
    const body = head + paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const message: RequestMessage = {
      subject: "Solicitud",
      from: { name: "Oficina de Prueba", address: "prueba@universidad.example" },
      body,
      bodyType: "html",
      receivedAt: "2026-11-30T15:00:00Z",
      attachments: [],
    };
    const calls: number[] = [];
    const counting = (html: string) => {
      calls.push(html.length);
      return sanitizeForTests(html);
    };
    const { proposal } = await inSteps(message, counting);
    // Several pieces, none much over the piece length (a piece ends after the element that reaches it).
    expect(calls.length).toBeGreaterThanOrEqual(Math.floor(1_000_000 / SANITIZE_PIECE_LENGTH));
    for (const length of calls) expect(length).toBeLessThan(SANITIZE_PIECE_LENGTH + paragraph.length);
    const html = proposal.message.value?.html ?? "";
    expect(html).toBe(extractRequest(message, options).message.value?.html);
    expect(html).not.toContain("onclick");
    expect(html.split("<p>").length - 1).toBe(Math.ceil(1_000_000 / paragraph.length));
  });

  it("splits a plain-text message between its paragraphs", () => {
    const body = readBody("uno\n\ndos\nde dos\n\n\ntres", "text");
    const pieces = body.htmlPiecesBetween(0, body.text.length, 1);
    expect(pieces).toEqual(["<p>uno</p>", "<p>dos<br>de dos</p>", "<p>tres</p>"]);
    expect(pieces.join("")).toBe(body.htmlBetween(0, body.text.length));
  });
});
