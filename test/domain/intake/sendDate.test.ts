import { fold } from "../../../src/domain/intake/fold";
import { inferSendDate, labelledSendDate } from "../../../src/domain/intake/sendDate";

const ctx = { today: "2026-11-30", lang: "es" as const };
const infer = (text: string) => inferSendDate(fold(text), ctx);

describe("labelledSendDate", () => {
  it("reads the date in a labelled value", () => {
    expect(labelledSendDate(fold("4 de diciembre de 2026"), ctx)).toEqual({ date: "2026-12-04", notes: [] });
  });

  it("reads 'as soon as possible' as today", () => {
    expect(labelledSendDate(fold("Lo antes posible"), ctx)).toEqual({ date: "2026-11-30", notes: [] });
    expect(labelledSendDate(fold("ASAP"), ctx).date).toBe("2026-11-30");
  });

  it("gives nothing for a value without a date", () => {
    expect(labelledSendDate(fold("a convenir"), ctx)).toEqual({ date: undefined, notes: [] });
  });

  it("notes a weekday that disagrees, an ambiguous English date and a date in the past", () => {
    expect(labelledSendDate(fold("lunes 8 de diciembre"), ctx).notes).toEqual([
      { code: "weekdayMismatch", date: "2026-12-08", statedWeekday: 1 },
    ]);
    expect(labelledSendDate("2/12/2026", { today: "2026-11-30", lang: "en" }).notes).toEqual([
      { code: "ambiguousNumericDate", date: "2026-12-02" },
    ]);
    expect(labelledSendDate(fold("20 de noviembre"), ctx).notes).toEqual([
      { code: "dateInThePast", date: "2026-11-20" },
    ]);
  });
});

describe("inferSendDate", () => {
  it("takes a date tied to sending", () => {
    expect(infer("URGENTE - enviar hoy mismo.").date).toBe("2026-11-30");
    expect(infer("Could you please send it next Monday?").date).toBe("2026-12-07");
    expect(infer("Les pedimos publicarlo el 4 de diciembre.").date).toBe("2026-12-04");
  });

  it("takes a date when the sending cue follows it in the sentence", () => {
    expect(infer("El 4 de diciembre debe salir el correo.").date).toBe("2026-12-04");
  });

  it("does not take an event date for the send date, and reports it", () => {
    const result = infer(
      "Enviar a toda la comunidad la invitación a la jornada de vacunación que será el próximo martes 8 de diciembre.",
    );
    expect(result).toEqual({ date: undefined, notes: [{ code: "eventDate", date: "2026-12-08" }] });
  });

  it("reports each event date once and keeps the first send date", () => {
    const result = infer(
      "Enviar mañana. El evento es el 8 de diciembre. Recuerden: el evento es el 8 de diciembre.",
    );
    expect(result).toEqual({ date: "2026-12-01", notes: [{ code: "eventDate", date: "2026-12-08" }] });
  });

  it("ignores a date with no cue at all", () => {
    expect(infer("Buenas tardes, 4 de diciembre.")).toEqual({ date: undefined, notes: [] });
  });
});
