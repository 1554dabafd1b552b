import { findDates } from "../../../src/domain/intake/dates";
import type { DateContext } from "../../../src/domain/intake/dates";
import { fold } from "../../../src/domain/intake/fold";

const es = (today: string): DateContext => ({ today, lang: "es" });
const en = (today: string): DateContext => ({ today, lang: "en" });
const dates = (text: string, ctx: DateContext) => findDates(fold(text), ctx).map((m) => m.date);

describe("findDates: explicit dates", () => {
  it.each([
    ["4 de diciembre de 2026", "2026-12-04"],
    ["4 de Diciembre del 2026", "2026-12-04"],
    ["4 dic. 2026", "2026-12-04"],
    ["diciembre 4 de 2026", "2026-12-04"],
    ["December 2, 2026", "2026-12-02"],
    ["Dec 2 2026", "2026-12-02"],
    ["2nd of December 2026", "2026-12-02"],
    ["2026-12-04", "2026-12-04"],
    ["2/12/2026", "2026-12-02"],
    ["02.12.2026", "2026-12-02"],
    ["2-12-26", "2026-12-02"],
  ])("%s → %s", (text, date) => {
    expect(dates(text, es("2026-11-27"))).toEqual([date]);
  });

  it("reads a date without a year as its next occurrence, keeping a recent past date in this year", () => {
    expect(dates("el 8 de diciembre", es("2026-11-28"))).toEqual(["2026-12-08"]);
    expect(dates("el 5 de enero", es("2026-12-20"))).toEqual(["2027-01-05"]);
    expect(dates("el 20 de noviembre", es("2026-11-30"))).toEqual(["2026-11-20"]);
    expect(dates("el 20 de septiembre", es("2026-11-30"))).toEqual(["2027-09-20"]);
    expect(dates("December 24", en("2026-11-30"))).toEqual(["2026-12-24"]);
  });

  it("ignores impossible dates", () => {
    expect(dates("31 de febrero de 2026", es("2026-01-10"))).toEqual([]);
    expect(dates("30/02/2026", es("2026-01-10"))).toEqual([]);
    expect(dates("2026-13-01", es("2026-01-10"))).toEqual([]);
    // Only this year and the next are considered: a request is about the coming weeks.
    expect(dates("29 de febrero", es("2026-01-10"))).toEqual([]);
    expect(dates("29 de febrero", es("2027-12-10"))).toEqual(["2028-02-29"]);
  });

  it("reads numeric dates day first; in English it flags the ambiguous ones", () => {
    expect(findDates("2/12/2026", es("2026-11-27"))[0]).toEqual({ start: 0, end: 9, date: "2026-12-02" });
    expect(findDates("2/12/2026", en("2026-11-27"))[0]).toMatchObject({
      date: "2026-12-02",
      ambiguous: true,
    });
    expect(findDates("12/13/2026", en("2026-11-27"))[0]).toEqual({ start: 0, end: 10, date: "2026-12-13" });
    expect(findDates("13/12/2026", en("2026-11-27"))[0]).toEqual({ start: 0, end: 10, date: "2026-12-13" });
    expect(findDates("5/5/2026", en("2026-11-27"))[0]?.ambiguous).toBeUndefined();
  });
});

describe("findDates: weekdays", () => {
  it("keeps the explicit date when the weekday disagrees, and says which weekday was written", () => {
    expect(findDates(fold("el próximo martes 8 de diciembre"), es("2026-11-28"))).toEqual([
      { start: 0, end: 32, date: "2026-12-08" },
    ]);
    expect(findDates(fold("lunes 8 de diciembre de 2026"), es("2026-11-28"))[0]).toMatchObject({
      date: "2026-12-08",
      statedWeekday: 1,
    });
    expect(findDates(fold("Monday, December 8"), en("2026-11-28"))[0]).toMatchObject({
      date: "2026-12-08",
      statedWeekday: 1,
    });
  });

  it("reads a qualified weekday as the next such day (this/este may be today)", () => {
    // 2026-12-03 is a Thursday; 2026-11-30 a Monday; 2026-12-04 a Friday.
    expect(dates("next Monday", en("2026-12-03"))).toEqual(["2026-12-07"]);
    expect(dates("next Monday", en("2026-11-30"))).toEqual(["2026-12-07"]);
    expect(dates("on Tuesday", en("2026-11-30"))).toEqual(["2026-12-01"]);
    expect(dates("this Friday", en("2026-12-04"))).toEqual(["2026-12-04"]);
    expect(dates("el viernes", es("2026-12-04"))).toEqual(["2026-12-11"]);
    expect(dates("el próximo miércoles", es("2026-11-30"))).toEqual(["2026-12-02"]);
    expect(dates("este sábado", es("2026-11-30"))).toEqual(["2026-12-05"]);
  });

  it("does not read a bare weekday in a schedule as a date", () => {
    expect(dates("abierto de lunes a viernes", es("2026-11-30"))).toEqual([]);
  });
});

describe("findDates: relative words", () => {
  it.each([
    ["hoy", "2026-11-30"],
    ["hoy mismo", "2026-11-30"],
    ["mañana", "2026-12-01"],
    ["pasado mañana", "2026-12-02"],
    ["today", "2026-11-30"],
    ["tonight", "2026-11-30"],
    ["tomorrow", "2026-12-01"],
    ["the day after tomorrow", "2026-12-02"],
  ])("%s", (text, date) => {
    expect(dates(text, es("2026-11-30"))).toEqual([date]);
  });

  it("does not take the morning for tomorrow", () => {
    expect(dates("a las 9:00 de la mañana", es("2026-11-30"))).toEqual([]);
    expect(dates("por la mañana", es("2026-11-30"))).toEqual([]);
  });

  it("lists several mentions in order with their positions", () => {
    const found = findDates(fold("hoy no, mejor el 4 de diciembre"), es("2026-11-30"));
    expect(found).toEqual([
      { start: 0, end: 3, date: "2026-11-30" },
      { start: 14, end: 31, date: "2026-12-04" },
    ]);
  });
});
