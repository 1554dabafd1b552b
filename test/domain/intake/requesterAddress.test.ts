// The requester's address is checked where it enters: the relay at the end of the case goes to it, so a request
// with no From, a forwarded "De:" line with only a name, or a malformed address is a named problem at intake.
import { extractRequest } from "../../../src/domain/intake";
import type { RequestMessage } from "../../../src/domain/types";
import { fixtureNames, loadRequest } from "./requestFixtures";
import { sanitizeForTests } from "./testSanitizer";

const options = { sanitizeHtml: sanitizeForTests, timeZone: "America/Bogota" };

function request(body: string, from: RequestMessage["from"]): RequestMessage {
  return {
    subject: "Solicitud de envío masivo",
    from,
    body,
    bodyType: "text",
    receivedAt: "2026-11-30T15:00:00Z",
    attachments: [],
  };
}

const BODY = "Asunto: Convocatoria\nDestinatarios: estudiantes\nMensaje: Se abre la convocatoria.";

describe("intake: the requester's address", () => {
  it("names a request with no From at all as a missing requester address", () => {
    const p = extractRequest(request(BODY, { address: "" }), options);
    expect(p.requesterProblem).toBe("missing");
  });

  it.each([
    ["laura.universidad.edu.co", "noAt"],
    ["laura@@universidad.edu.co", "manyAt"],
    ["laura gomez@universidad.edu.co", "spaces"],
    ["@universidad.edu.co", "emptyLocal"],
    ["laura@", "emptyDomain"],
  ] as const)("names a malformed From %s as %s", (address, problem) => {
    const p = extractRequest(request(BODY, { name: "Laura", address }), options);
    expect(p.requesterProblem).toBe(problem);
    expect(p.requester.address).toBe(address);
  });

  it("does not fall back to the forwarder when the forwarded 'De:' line has only a name", () => {
    const forwarded =
      "Les reenvío la solicitud.\n\nDe: Comité Electoral\nEnviado: jueves, 26 de noviembre de 2026 10:12\n" +
      "Para: Secretaría General\nAsunto: Solicitud de divulgación\n\n" +
      BODY;
    const p = extractRequest(
      request(forwarded, { name: "Secretaría", address: "secretaria@universidad.example" }),
      options,
    );
    expect(p.forwardedBy?.address).toBe("secretaria@universidad.example");
    expect(p.requester).toEqual({ name: "Comité Electoral", address: "" });
    expect(p.requesterProblem).toBe("missing");
  });

  it("finds no problem with a well-formed From", () => {
    const p = extractRequest(request(BODY, { address: "laura@universidad.edu.co" }), options);
    expect(p.requesterProblem).toBeUndefined();
  });

  it.each(fixtureNames())("finds no problem in the requester of fixture %s", (name) => {
    const p = extractRequest(loadRequest(name), options);
    expect(p.requesterProblem).toBeUndefined();
  });
});
