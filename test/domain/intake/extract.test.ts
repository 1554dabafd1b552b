// extractRequest as a whole: the untrusted-input guarantees, the injected sanitizer, and the paths the
// fixtures do not take.
import { Parser } from "htmlparser2";
import { MAX_BODY_LENGTH, extractRequest } from "../../../src/domain/intake";
import type { RequestProposal } from "../../../src/domain/intake";
import type { RequestMessage } from "../../../src/domain/types";
import { fixtureNames, loadRequest } from "./requestFixtures";
import { sanitizeForTests } from "./testSanitizer";

const options = { sanitizeHtml: sanitizeForTests, timeZone: "America/Bogota" };

function request(body: string, overrides: Partial<RequestMessage> = {}): RequestMessage {
  return {
    subject: "Solicitud",
    from: { name: "Oficina de Prueba", address: "prueba@universidad.example" },
    body,
    bodyType: "html",
    receivedAt: "2026-11-30T15:00:00Z",
    attachments: [],
    ...overrides,
  };
}

/** Tags, attributes and URLs an HTML string really contains once parsed. */
function parsed(html: string) {
  const tags: string[] = [];
  const attributes: Array<[string, string]> = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      tags.push(name);
      attributes.push(...Object.entries(attribs));
    },
  });
  parser.write(html);
  parser.end();
  return { tags, attributes };
}

function textFields(p: RequestProposal): string[] {
  return [
    p.requestingUnit.value,
    p.desiredSender.value,
    p.subject.value,
    p.message.value?.text,
    p.requester.name,
  ].filter((v): v is string => typeof v === "string");
}

describe.each(fixtureNames())("untrusted input, %s", (file) => {
  const proposal = extractRequest(loadRequest(file), options);

  it("every text field is plain text: no markup, no entities, no script URLs, whitespace collapsed", () => {
    for (const value of textFields(proposal)) {
      expect(value).not.toMatch(/[<>]/);
      expect(value).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
      expect(value).not.toMatch(/javascript:|vbscript:/i);
      expect(value).not.toMatch(/\uFFFC|\t| {2}/);
      expect(value).toBe(value.trim());
    }
  });

  it("the message HTML has nothing that runs or loads", () => {
    const { tags, attributes } = parsed(proposal.message.value?.html ?? "");
    for (const tag of [
      "script",
      "style",
      "iframe",
      "object",
      "embed",
      "svg",
      "math",
      "form",
      "link",
      "meta",
    ]) {
      expect(tags).not.toContain(tag);
    }
    for (const [name, value] of attributes) {
      expect(name).not.toMatch(/^on/);
      if (name === "href") expect(value).toMatch(/^(?:https?:|mailto:)/);
      if (name === "src") expect(value).toMatch(/^(?:https:|cid:)/);
    }
  });
});

describe("extractRequest", () => {
  it("passes the message HTML through the injected sanitizer and uses its output", () => {
    const sanitize = jest.fn((html: string) => html.replace("Hola", "Adiós"));
    const proposal = extractRequest(request("<p>Mensaje: <b>Hola</b></p>"), {
      ...options,
      sanitizeHtml: sanitize,
    });
    expect(sanitize).toHaveBeenCalledWith("<p><b>Hola</b></p>");
    expect(proposal.message.value).toEqual({
      html: "<p><b>Adiós</b></p>",
      text: "Adiós",
      pieceAttachmentIds: [],
    });
  });

  it("drops what never shows even with a sanitizer that does nothing (defence in depth)", () => {
    const proposal = extractRequest(loadRequest("08-hostile-html.json"), {
      ...options,
      sanitizeHtml: (h) => h,
    });
    const { tags } = parsed(proposal.message.value?.html ?? "");
    expect(tags).not.toContain("svg");
    expect(tags).not.toContain("iframe");
    expect(tags).not.toContain("style");
  });

  it("reads the subject line as text: markup and script content are gone", () => {
    const proposal = extractRequest(
      request("<p>hola</p>", { subject: "URGENTE <script>alert(1)</script> x" }),
      options,
    );
    expect(proposal.urgency).toEqual({ value: "urgent", source: "inferred" });
  });

  it("keeps encoded markup in a label as inert text without the tags", () => {
    const proposal = extractRequest(request("<p>Asunto: &lt;b&gt;Hola&lt;/b&gt; mundo</p>"), options);
    expect(proposal.subject).toEqual({ value: "Hola mundo", source: "labelled" });
  });

  it("reads a labelled requesting unit and a labelled normal priority", () => {
    const proposal = extractRequest(
      request("<p>Unidad solicitante: Programa de Música<br>Prioridad: normal<br>URGENTE</p>"),
      options,
    );
    expect(proposal.requestingUnit).toEqual({ value: "Programa de Música", source: "labelled" });
    expect(proposal.urgency).toEqual({ value: "normal", source: "labelled" });
  });

  it("infers audiences when the labelled audience names none of them", () => {
    const proposal = extractRequest(
      request("<p>Dirigido a: egresados</p><p>Enviar a los estudiantes.</p>"),
      options,
    );
    expect(proposal.audiences).toEqual({ value: ["estudiantes"], source: "inferred" });
  });

  it("falls back to free text when a labelled date cannot be read", () => {
    const proposal = extractRequest(
      request("<p>Fecha de envío: a convenir</p><p>Por favor enviar mañana.</p>"),
      options,
    );
    expect(proposal.requestedDate).toEqual({ value: "2026-12-01", source: "inferred" });
  });

  it("reads 'today' in the institution's time zone, not UTC", () => {
    const late = request("<p>Enviar hoy.</p>", { receivedAt: "2026-12-01T03:30:00Z" });
    expect(extractRequest(late, options).requestedDate.value).toBe("2026-11-30");
    expect(extractRequest(late, { ...options, timeZone: "UTC" }).requestedDate.value).toBe("2026-12-01");
  });

  it("reports a message that points to an attachment that is not there", () => {
    const proposal = extractRequest(request("<p>Mensaje: ver imagen adjunta</p>"), options);
    expect(proposal.message).toEqual({ value: null, source: "missing" });
    expect(proposal.notes).toEqual([{ code: "pieceAttachmentMissing" }]);
    expect(proposal.missing).toContain("message");
  });

  it("takes an empty message for a missing one, but keeps an image-only message", () => {
    expect(extractRequest(request("<p>Mensaje:</p><p>Cordialmente</p>"), options).message.source).toBe(
      "missing",
    );
    expect(extractRequest(request("<p>Mensaje: <b> </b></p>"), options).message.source).toBe("missing");
    const image = extractRequest(
      request('<p>Mensaje: <img src="https://u.example/a.png" alt=""></p>'),
      options,
    );
    expect(image.message.value?.html).toBe('<p><img src="https://u.example/a.png" alt=""></p>');
    expect(image.message.value?.text).toBe("");
  });

  it("escapes a plain-text body's markup into the message HTML", () => {
    const proposal = extractRequest(
      request("Mensaje:\r\n<script>alert(1)</script> Hola\r\n", { bodyType: "text" }),
      options,
    );
    expect(proposal.message.value?.html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; Hola</p>");
  });

  it("does not read the message's own dates, audiences or urgency as the request's", () => {
    const proposal = extractRequest(
      request("<p>Remitente: X</p><p>Mensaje: Es urgente: los estudiantes deben enviar hoy sus notas.</p>"),
      options,
    );
    expect(proposal.urgency.source).toBe("default");
    expect(proposal.audiences.source).toBe("missing");
    expect(proposal.requestedDate.source).toBe("missing");
  });
});

describe("a request to everyone (issue 12.18)", () => {
  it("means every configured audience, inferred", () => {
    const proposal = extractRequest(request("<p>Asunto: Cierre<br>Destinatarios: todos</p>"), {
      ...options,
      audiences: ["estudiantes", "docentes"],
    });
    expect(proposal.audiences).toEqual({ value: ["estudiantes", "docentes"], source: "inferred" });
  });
});

describe("a very long request (issue 11)", () => {
  const head = "<p>Asunto: Semana de la ciencia<br>Destinatarios: estudiantes</p><p>Mensaje:</p>";
  const paragraph = "<p>Texto del mensaje para la comunidad.</p>\n";
  const bodyOf = (length: number) =>
    head + paragraph.repeat(Math.ceil((length - head.length) / paragraph.length));
  const noSanitizer = { ...options, sanitizeHtml: (html: string) => html };

  it("reads a 1 MB request whole", () => {
    const body = bodyOf(1_000_000);
    const proposal = extractRequest(request(body), noSanitizer);
    expect(proposal.truncated).toBeUndefined();
    expect(proposal.message.value?.html).toBe(body.slice(head.length).trimEnd());
  });

  it("reads a 10 MB request up to MAX_BODY_LENGTH, cut before a tag, and says so", () => {
    const body = bodyOf(10_000_000);
    const proposal = extractRequest(request(body), noSanitizer);
    expect(proposal.truncated?.length).toBe(body.length);
    const read = proposal.truncated?.readLength ?? 0;
    expect(read).toBeLessThanOrEqual(MAX_BODY_LENGTH);
    expect(read).toBeGreaterThan(MAX_BODY_LENGTH - paragraph.length);
    expect(body.charAt(read)).toBe("<");
    expect(proposal.subject).toEqual({ value: "Semana de la ciencia", source: "labelled" });
    expect(proposal.message.value?.html.length).toBeLessThanOrEqual(read);
  });
});
