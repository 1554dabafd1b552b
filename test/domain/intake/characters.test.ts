// Text keeps its characters: an emoji sequence, a flag, a keycap, a skin tone, a variation selector or a combining
// accent in a request's subject or message reaches the proposal exactly as the requester wrote it. Only
// invisible characters that cannot be part of such a sequence are dropped.
import { extractRequest } from "../../../src/domain/intake";
import { htmlToText } from "../../../src/domain/intake/htmlText";
import type { RequestMessage } from "../../../src/domain/types";
import { sanitizeForTests } from "./testSanitizer";

const options = { sanitizeHtml: sanitizeForTests, timeZone: "America/Bogota" };

/** Each sequence spelled out by code point, so that an editor cannot normalise it away. */
export const SEQUENCES: ReadonlyArray<[string, string]> = [
  ["family (ZWJ)", "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}"],
  ["flag of Colombia", "\u{1F1E8}\u{1F1F4}"],
  ["keycap 1", "1\uFE0F\u20E3"],
  ["thumbs up, medium skin tone", "\u{1F44D}\u{1F3FD}"],
  ["text-style heart (VS15)", "\u2764\uFE0E"],
  ["ideograph with a variation selector supplement", "\u845B\u{E0100}"],
  ["combining acute accents", "Bogota\u0301 n\u0303an\u0303u"],
  ["zero-width non-joiner (Persian)", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"],
];

function request(subject: string, message: string): RequestMessage {
  return {
    subject: "Solicitud de envío",
    from: { name: "Oficina de Prueba", address: "prueba@universidad.example" },
    body:
      `<p>Remitente: Oficina de Prueba<br>Asunto: ${subject}</p>` +
      `<p>Mensaje: ${message} en la primera línea.</p><p>Y ${message} en la segunda.</p><p>Cordialmente,</p>`,
    bodyType: "html",
    receivedAt: "2026-11-30T15:00:00Z",
    attachments: [],
  };
}

describe.each(SEQUENCES)("%s", (_name, sequence) => {
  const proposal = extractRequest(request(`Jornada ${sequence} 2027`, sequence), options);

  it("stays whole in the subject", () => {
    expect(proposal.subject.value).toBe(`Jornada ${sequence} 2027`);
  });

  it("stays whole in the message's text and HTML, in the label's line and on its own", () => {
    expect(proposal.message.value?.text).toBe(
      `${sequence} en la primera línea.\n\nY ${sequence} en la segunda.`,
    );
    const html = proposal.message.value?.html ?? "";
    expect(html.split(sequence)).toHaveLength(3);
  });
});

describe("zero-width spaces", () => {
  it("are dropped between ordinary letters (Outlook scatters them through mail)", () => {
    expect(htmlToText("Asun\u200Bto: Hola")).toBe("Asunto: Hola");
  });

  it("are kept where dropping one would make or change a sequence", () => {
    // Two regional indicators kept apart, a thumb kept apart from a skin tone, a letter from a combining accent.
    for (const apart of ["\u{1F1E8}\u200B\u{1F1F4}", "\u{1F44D}\u200B\u{1F3FD}", "e\u200B\u0301"]) {
      expect(htmlToText(`<p>${apart}</p>`)).toBe(apart);
    }
  });
});
