import { findInnermost, findQuoteStarts, parseAddress } from "../../../src/domain/intake/forwarded";

describe("findInnermost", () => {
  it("returns the whole text when nothing was forwarded", () => {
    expect(findInnermost("Hola\nAsunto: x")).toEqual({ start: 0 });
  });

  it("finds the request after an Outlook header block (Spanish)", () => {
    const text =
      "Les reenvío la solicitud.\n\nDe: Comité Electoral <comite@u.example>\nEnviado: jueves, 26 de noviembre de 2026 10:12\nPara: Secretaría General\nAsunto: Solicitud de divulgación\n\nSolicitamos divulgar";
    expect(findInnermost(text)).toEqual({
      start: text.indexOf("Solicitamos"),
      from: { name: "Comité Electoral", address: "comite@u.example" },
      subjectLine: "Solicitud de divulgación",
    });
  });

  it("finds the request after an '-----Original Message-----' block with a mailto address", () => {
    const text =
      "FYI\n-----Original Message-----\nFrom: Student Council [mailto:council@u.example]\nSent: Monday, November 30, 2026 10:12 AM\nTo: Communications\nSubject: Assembly\n\nPlease send";
    expect(findInnermost(text)).toEqual({
      start: text.indexOf("Please"),
      from: { name: "Student Council", address: "council@u.example" },
      subjectLine: "Assembly",
    });
  });

  it("uses the innermost of several forwards", () => {
    const block = (who: string) =>
      `De: ${who} <${who}@u.example>\nEnviado: lunes, 30 de noviembre de 2026 9:00\nAsunto: RV: x\n\n`;
    const text = `Reenvío.\n\n${block("a")}Reenvío otra vez.\n\n${block("b")}La solicitud`;
    expect(findInnermost(text)).toMatchObject({
      start: text.indexOf("La solicitud"),
      from: { address: "b@u.example" },
    });
  });

  it("does not take a requester's own 'De:' line for a forward", () => {
    expect(
      findInnermost("De: Decanatura\nFecha: 4 de diciembre\nAsunto: Convocatoria\n\nMensaje: x").start,
    ).toBe(0);
  });

  it("ends at the text's end when the header block is last", () => {
    const text =
      "---------- Forwarded message ---------\nFrom: a@u.example\nDate: Tue, Dec 1, 2026 at 9:14 AM";
    expect(findInnermost(text)).toEqual({ start: text.length, from: { address: "a@u.example" } });
  });
});

describe("parseAddress", () => {
  it.each([
    ["Comité Electoral <comite@u.example>", { name: "Comité Electoral", address: "comite@u.example" }],
    ['"Rectoría" <rectoria@u.example>', { name: "Rectoría", address: "rectoria@u.example" }],
    ["Council [mailto:council@u.example]", { name: "Council", address: "council@u.example" }],
    ["<solo@u.example>", { address: "solo@u.example" }],
    ["solo@u.example", { address: "solo@u.example" }],
    ["Secretaría General", { name: "Secretaría General", address: "" }],
    ["  ", undefined],
  ])("%s", (value, address) => {
    expect(parseAddress(value)).toEqual(address);
  });
});

describe("findQuoteStarts (issue 12.18: quoted earlier mail)", () => {
  it.each([
    [
      "an Outlook header block (es)",
      "De: Ana <ana@u.example>\nEnviado: martes, 1 de diciembre de 2026 9:05\nAsunto: RE: x",
    ],
    [
      "an Outlook header block (en)",
      "From: Ana <ana@u.example>\nSent: Tuesday, December 1, 2026 9:05 AM\nSubject: RE: x",
    ],
    ["a Spanish marker", "-----Mensaje original-----"],
    ["an English marker", "-----Original Message-----"],
    ["a Spanish attribution", "El mar, 1 dic 2026 a las 9:05, Ana <ana@u.example> escribió:"],
    ["an English attribution", "On Tue, Dec 1, 2026 at 9:05 AM Ana <ana@u.example> wrote:"],
  ])("finds %s", (_name, quote) => {
    const text = `Mensaje: hola\n\n${quote}\n\nTexto viejo`;
    expect(findQuoteStarts(text)).toEqual([text.indexOf(quote)]);
  });

  it("does not take a requester's own 'De:' line or a sentence with 'escribió' for a quote", () => {
    expect(findQuoteStarts("De: Decanatura\nFecha: 4 de diciembre\nAsunto: Convocatoria")).toEqual([]);
    expect(findQuoteStarts("El decano escribió una carta a los estudiantes.")).toEqual([]);
  });
});
