import { fold } from "../../../src/domain/intake/fold";
import { findLabels, labelValueSpan } from "../../../src/domain/intake/labels";

function labels(text: string) {
  const hits = findLabels(fold(text), { start: 0, end: text.length });
  return hits.map((hit) => {
    const span = labelValueSpan(text, hit, hits);
    return { field: hit.field, lineStart: hit.lineStart, value: text.slice(span.start, span.end).trim() };
  });
}

describe("findLabels", () => {
  it("reads labels at the start of lines, with or without bullets, in any case and accents", () => {
    expect(labels("Remitente: Rectoría\n- ASUNTO: Comunicado: suspensión\n2) Fecha de envío: hoy")).toEqual([
      { field: "desiredSender", lineStart: true, value: "Rectoría" },
      { field: "subject", lineStart: true, value: "Comunicado: suspensión" },
      { field: "requestedDate", lineStart: true, value: "hoy" },
    ]);
  });

  it("reads labels after the end of a sentence in running text", () => {
    expect(
      labels("Remitente sugerido: Secretaría General. Asunto: Calendario 2027. Mensaje: Se informa"),
    ).toEqual([
      { field: "desiredSender", lineStart: true, value: "Secretaría General." },
      { field: "subject", lineStart: false, value: "Calendario 2027." },
      { field: "message", lineStart: false, value: "Se informa" },
    ]);
  });

  it("reads table cells (label and value separated by a tab) without a colon", () => {
    expect(labels("Dirigido a\tDocentes\nSend date\tDecember 2")).toEqual([
      { field: "audiences", lineStart: true, value: "Docentes" },
      { field: "requestedDate", lineStart: true, value: "December 2" },
    ]);
  });

  it("does not take a word inside a sentence for a label", () => {
    expect(labels("Les cuento el asunto: es largo")).toEqual([]);
    expect(labels("Please send it to: all")).toEqual([]);
    expect(labels("Subasunto: x")).toEqual([]);
  });

  it("reads a value on the next line when the label ends its line, unless that line is a label", () => {
    expect(labels("Asunto:\nConvocatoria 2027")).toEqual([
      { field: "subject", lineStart: true, value: "Convocatoria 2027" },
    ]);
    expect(labels("Asunto:\nRemitente: Rectoría")).toEqual([
      { field: "subject", lineStart: true, value: "" },
      { field: "desiredSender", lineStart: true, value: "Rectoría" },
    ]);
  });

  it("knows the English labels", () => {
    expect(
      labels("Sender: Office\nSubject: Lecture\nTo: all faculty\nMessage: Hello\nPriority: high"),
    ).toEqual([
      { field: "desiredSender", lineStart: true, value: "Office" },
      { field: "subject", lineStart: true, value: "Lecture" },
      { field: "audiences", lineStart: true, value: "all faculty" },
      { field: "message", lineStart: true, value: "Hello" },
      { field: "urgency", lineStart: true, value: "high" },
    ]);
  });

  it("only looks inside the region", () => {
    const text = "Asunto: viejo\nAsunto: nuevo";
    expect(findLabels(fold(text), { start: 14, end: text.length }).map((h) => h.start)).toEqual([14]);
  });
});
