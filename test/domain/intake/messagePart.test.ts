import { fold } from "../../../src/domain/intake/fold";
import { findLabels } from "../../../src/domain/intake/labels";
import { locateMessage } from "../../../src/domain/intake/messagePart";

function message(text: string) {
  const folded = fold(text);
  const region = { start: 0, end: text.length };
  const located = locateMessage(folded, findLabels(folded, region), region);
  return located && { source: located.source, text: text.slice(located.span.start, located.span.end) };
}

describe("locateMessage", () => {
  it("runs from the label to the sign-off", () => {
    expect(message("Asunto: x\nMensaje:\nHola a todos.\nSegunda línea.\nCordialmente,\nDecanatura")).toEqual({
      source: "labelled",
      text: "Hola a todos.\nSegunda línea.",
    });
  });

  it("keeps the message's own sign-off and cuts the requester's, which comes last", () => {
    expect(message("Mensaje: Hola.\nAtentamente,\nDecanatura\n\nCordialmente,\nLaura")?.text).toBe(
      "Hola.\nAtentamente,\nDecanatura",
    );
  });

  it("takes sign-off lines with only blank lines between them as one", () => {
    expect(message("Mensaje: Hola.\nGracias.\n\nCordialmente,\nLaura")?.text).toBe("Hola.");
  });

  it("ends at a labelled line after a sign-off at the sign-off", () => {
    expect(message("Mensaje: Hola.\nCordialmente,\nLaura\nFecha de envío: hoy")?.text).toBe("Hola.");
  });

  it("never takes the message's first line for a sign-off unless it is only that", () => {
    expect(message("Mensaje:\nGracias a todos por participar.\nMil gracias,\nAna")).toEqual({
      source: "labelled",
      text: "Gracias a todos por participar.",
    });
    expect(message("Message:\nThanks, everyone!\nBest regards")).toEqual({
      source: "labelled",
      text: "Thanks, everyone!",
    });
    expect(message("Mensaje:\nCordialmente,\nAna")).toEqual({ source: "labelled", text: "" });
  });

  it("stops at the next labelled line that ends a message, not at generic ones", () => {
    expect(message("Mensaje: Hola.\nFecha: el evento es el lunes.\nFecha de envío: hoy")).toEqual({
      source: "labelled",
      text: "Hola.\nFecha: el evento es el lunes.",
    });
  });

  it("finds inferred cues in Spanish and English", () => {
    expect(message("El texto es:\nHola")).toEqual({ source: "inferred", text: "Hola" });
    expect(message("Por favor enviar el siguiente comunicado: Hola")).toEqual({
      source: "inferred",
      text: "Hola",
    });
    expect(message("Here is the text:\nHello\nKind regards")).toEqual({ source: "inferred", text: "Hello" });
    expect(message("Please send the following:\nHello")).toEqual({ source: "inferred", text: "Hello" });
  });

  it("prefers a labelled message to an inferred cue", () => {
    expect(message("El texto es: uno\nMensaje: dos")?.text).toBe("dos");
  });

  it("finds nothing without a label or cue, and an empty span for an empty message", () => {
    expect(message("para enviar lo del concierto, gracias")).toBeUndefined();
    expect(message("Mensaje:\nAsunto: x")).toEqual({ source: "labelled", text: "" });
  });
});
