import { fold } from "../../../src/domain/intake/fold";
import { findSenderPhrase, findSubjectPhrase } from "../../../src/domain/intake/phrases";

const value = (text: string, match: { value: { start: number; end: number } } | undefined) =>
  match && text.slice(match.value.start, match.value.end).trim();
const sender = (text: string) => value(text, findSenderPhrase(fold(text)));
const subject = (text: string) => value(text, findSubjectPhrase(fold(text)));

describe("findSenderPhrase", () => {
  it.each([
    [
      "Que salga a nombre de la Vicerrectoría de Cultura y Bienestar. Gracias",
      "Vicerrectoría de Cultura y Bienestar",
    ],
    ["Enviar como remitente a la Oficina de Egresados, por favor", "Oficina de Egresados"],
    ["El remitente sería la Decanatura", "Decanatura"],
    ["It should go out on behalf of the University Library?", "University Library"],
    ["It should come from the Office of the Dean.", "Office of the Dean"],
    ["The sender should be Student Council", "Student Council"],
  ])("%s", (text, name) => {
    expect(sender(text)).toBe(name);
  });

  it("finds nothing without a cue or without a name after it", () => {
    expect(sender("Gracias por su ayuda")).toBeUndefined();
    expect(sender("a nombre de .")).toBeUndefined();
  });
});

describe("findSubjectPhrase", () => {
  it.each([
    [
      'El asunto puede ser "Jornada de vacunación 8 de diciembre". Gracias',
      "Jornada de vacunación 8 de diciembre",
    ],
    ["El asunto sería Inscripciones abiertas. Gracias", "Inscripciones abiertas"],
    ["con el asunto «Convocatoria 2027»", "Convocatoria 2027"],
    ["El asunto es: Cierre de notas", "Cierre de notas"],
    ["The subject could be “Extended opening hours”.", "Extended opening hours"],
    ["with the subject 'Assembly'", "Assembly"],
  ])("%s", (text, expected) => {
    expect(subject(text)).toBe(expected);
  });

  it("needs a colon or quotes after weak cues", () => {
    expect(subject("El asunto es importante para nosotros")).toBeUndefined();
    expect(subject("The subject is important")).toBeUndefined();
  });

  it("does not run an unclosed quote across lines", () => {
    expect(subject('El asunto puede ser "Convocatoria\nabierta')).toBe('"Convocatoria');
  });
});
