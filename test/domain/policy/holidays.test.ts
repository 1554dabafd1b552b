import { weekday } from "../../../src/domain/dates";
import { easterSunday } from "../../../src/domain/policy/easter";
import {
  colombianHolidays,
  holidaysOn,
  isColombianHoliday,
  onOrNextMonday,
} from "../../../src/domain/policy/holidays";

// Official lists (decree calendars published each year), one entry per holiday.
const OFFICIAL: Record<number, string[]> = {
  2025: [
    "2025-01-01",
    "2025-01-06",
    "2025-03-24",
    "2025-04-17",
    "2025-04-18",
    "2025-05-01",
    "2025-06-02",
    "2025-06-23",
    "2025-06-30",
    "2025-06-30",
    "2025-07-20",
    "2025-08-07",
    "2025-08-18",
    "2025-10-13",
    "2025-11-03",
    "2025-11-17",
    "2025-12-08",
    "2025-12-25",
  ],
  2026: [
    "2026-01-01",
    "2026-01-12",
    "2026-03-23",
    "2026-04-02",
    "2026-04-03",
    "2026-05-01",
    "2026-05-18",
    "2026-06-08",
    "2026-06-15",
    "2026-06-29",
    "2026-07-20",
    "2026-08-07",
    "2026-08-17",
    "2026-10-12",
    "2026-11-02",
    "2026-11-16",
    "2026-12-08",
    "2026-12-25",
  ],
  2027: [
    "2027-01-01",
    "2027-01-11",
    "2027-03-22",
    "2027-03-25",
    "2027-03-26",
    "2027-05-01",
    "2027-05-10",
    "2027-05-31",
    "2027-06-07",
    "2027-07-05",
    "2027-07-20",
    "2027-08-07",
    "2027-08-16",
    "2027-10-18",
    "2027-11-01",
    "2027-11-15",
    "2027-12-08",
    "2027-12-25",
  ],
};

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ])("Easter %i is %s", (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it("refuses years before the Gregorian calendar", () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
  });
});

describe("colombianHolidays", () => {
  it.each([2025, 2026, 2027])("matches the official list for %i", (year) => {
    expect(colombianHolidays(year).map((h) => h.date)).toEqual(OFFICIAL[year]);
  });

  it("keeps both holidays when two fall on the same Monday (30 June 2025)", () => {
    expect(holidaysOn("2025-06-30").map((h) => h.key)).toEqual(["sagradoCorazon", "sanPedroYSanPablo"]);
  });

  it("names each holiday in Spanish and English", () => {
    const viernes = colombianHolidays(2026).find((h) => h.key === "viernesSanto");
    expect(viernes).toEqual({
      date: "2026-04-03",
      key: "viernesSanto",
      nameEs: "Viernes Santo",
      nameEn: "Good Friday",
    });
    for (const h of colombianHolidays(2026)) {
      expect(h.nameEs.length).toBeGreaterThan(3);
      expect(h.nameEn.length).toBeGreaterThan(3);
    }
  });

  it("places Ascension, Corpus Christi and Sacred Heart 43, 64 and 71 days after Easter", () => {
    for (let year = 1984; year <= 2100; year++) {
      const byKey = new Map(colombianHolidays(year).map((h) => [h.key, h.date]));
      const easter = easterSunday(year);
      const days = (d: string | undefined) =>
        (Date.parse(`${d}T00:00:00Z`) - Date.parse(`${easter}T00:00:00Z`)) / 86_400_000;
      expect([
        days(byKey.get("ascension")),
        days(byKey.get("corpusChristi")),
        days(byKey.get("sagradoCorazon")),
      ]).toEqual([43, 64, 71]);
    }
  });

  it("puts every Ley 51 holiday on a Monday, and always yields 18 sorted entries", () => {
    const mondayKeys = new Set([
      "reyesMagos",
      "sanJose",
      "ascension",
      "corpusChristi",
      "sagradoCorazon",
      "sanPedroYSanPablo",
      "asuncion",
      "diaDeLaRaza",
      "todosLosSantos",
      "independenciaDeCartagena",
    ]);
    for (let year = 1984; year <= 2100; year++) {
      const list = colombianHolidays(year);
      expect(list).toHaveLength(18);
      expect([...list].map((h) => h.date)).toEqual([...list].map((h) => h.date).sort());
      for (const h of list) if (mondayKeys.has(h.key)) expect(weekday(h.date)).toBe(1);
    }
  });

  it("refuses years before Ley 51 de 1983 took effect, and non-years", () => {
    expect(colombianHolidays(1984)).toHaveLength(18);
    expect(() => colombianHolidays(1983)).toThrow(RangeError);
    expect(() => colombianHolidays(2026.5)).toThrow(RangeError);
  });

  it("returns the same frozen list on repeated calls", () => {
    const first = colombianHolidays(2030);
    expect(colombianHolidays(2030)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

describe("holiday lookups", () => {
  it("recognises holidays and ordinary days", () => {
    expect(isColombianHoliday("2026-11-16")).toBe(true);
    expect(isColombianHoliday("2026-11-11")).toBe(false);
    expect(holidaysOn("2026-11-16")[0]?.nameEs).toBe("Independencia de Cartagena");
  });

  it("moves a date to the Monday on or after it", () => {
    expect(onOrNextMonday("2026-01-05")).toBe("2026-01-05");
    expect(onOrNextMonday("2026-01-06")).toBe("2026-01-12");
    expect(onOrNextMonday("2026-11-01")).toBe("2026-11-02");
  });
});
