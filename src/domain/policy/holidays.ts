// Colombian public holidays, computed from their legal rules rather than shipped as data.
// A holiday library (date-holidays) would carry every country's tables into the taskpane bundle for 18 dates a
// year; the rules below are the whole of Colombian law on the matter (Ley 51 de 1983 and the Easter cycle).
import { addDays, makeDate, parts, weekday } from "../dates";
import type { DateOnly } from "../types";
import { easterSunday } from "./easter";

/** Stable identifiers, so that the UI or tests can refer to a holiday without matching on its name. */
export type HolidayKey =
  | "anoNuevo"
  | "reyesMagos"
  | "sanJose"
  | "juevesSanto"
  | "viernesSanto"
  | "diaDelTrabajo"
  | "ascension"
  | "corpusChristi"
  | "sagradoCorazon"
  | "sanPedroYSanPablo"
  | "independencia"
  | "batallaDeBoyaca"
  | "asuncion"
  | "diaDeLaRaza"
  | "todosLosSantos"
  | "independenciaDeCartagena"
  | "inmaculadaConcepcion"
  | "navidad";

export interface Holiday {
  date: DateOnly;
  key: HolidayKey;
  nameEs: string;
  nameEn: string;
}

/**
 * How a holiday's date is found:
 * - `fixed`: always on its day;
 * - `nextMonday`: Ley 51 de 1983 ("Ley Emiliani") moves it to the following Monday unless it falls on one;
 * - `easter`: a feast `offset` days from Easter Sunday, moved to the following Monday when `toMonday` is set.
 */
type HolidayRule =
  | { kind: "fixed"; month: number; day: number }
  | { kind: "nextMonday"; month: number; day: number }
  | { kind: "easter"; offset: number; toMonday: boolean };

interface HolidayDefinition {
  key: HolidayKey;
  nameEs: string;
  nameEn: string;
  rule: HolidayRule;
}

/** Ley 51 de 1983 took effect in 1984; before that the movable holidays stayed on their days. */
export const FIRST_SUPPORTED_YEAR = 1984;

// The Easter offsets are the feasts' own days (Ascension is a Thursday, 39 days after Easter; Corpus Christi a
// Thursday, 60 days after; Sacred Heart a Friday, 68 days after). Moving each to the next Monday gives the
// observed offsets +43, +64 and +71.
const DEFINITIONS: readonly HolidayDefinition[] = [
  {
    key: "anoNuevo",
    nameEs: "Año Nuevo",
    nameEn: "New Year's Day",
    rule: { kind: "fixed", month: 1, day: 1 },
  },
  {
    key: "reyesMagos",
    nameEs: "Día de los Reyes Magos",
    nameEn: "Epiphany",
    rule: { kind: "nextMonday", month: 1, day: 6 },
  },
  {
    key: "sanJose",
    nameEs: "Día de San José",
    nameEn: "Saint Joseph's Day",
    rule: { kind: "nextMonday", month: 3, day: 19 },
  },
  {
    key: "juevesSanto",
    nameEs: "Jueves Santo",
    nameEn: "Maundy Thursday",
    rule: { kind: "easter", offset: -3, toMonday: false },
  },
  {
    key: "viernesSanto",
    nameEs: "Viernes Santo",
    nameEn: "Good Friday",
    rule: { kind: "easter", offset: -2, toMonday: false },
  },
  {
    key: "diaDelTrabajo",
    nameEs: "Día del Trabajo",
    nameEn: "Labour Day",
    rule: { kind: "fixed", month: 5, day: 1 },
  },
  {
    key: "ascension",
    nameEs: "Ascensión del Señor",
    nameEn: "Ascension Day",
    rule: { kind: "easter", offset: 39, toMonday: true },
  },
  {
    key: "corpusChristi",
    nameEs: "Corpus Christi",
    nameEn: "Corpus Christi",
    rule: { kind: "easter", offset: 60, toMonday: true },
  },
  {
    key: "sagradoCorazon",
    nameEs: "Sagrado Corazón de Jesús",
    nameEn: "Sacred Heart",
    rule: { kind: "easter", offset: 68, toMonday: true },
  },
  {
    key: "sanPedroYSanPablo",
    nameEs: "San Pedro y San Pablo",
    nameEn: "Saints Peter and Paul",
    rule: { kind: "nextMonday", month: 6, day: 29 },
  },
  {
    key: "independencia",
    nameEs: "Día de la Independencia",
    nameEn: "Independence Day",
    rule: { kind: "fixed", month: 7, day: 20 },
  },
  {
    key: "batallaDeBoyaca",
    nameEs: "Batalla de Boyacá",
    nameEn: "Battle of Boyacá",
    rule: { kind: "fixed", month: 8, day: 7 },
  },
  {
    key: "asuncion",
    nameEs: "Asunción de la Virgen",
    nameEn: "Assumption of Mary",
    rule: { kind: "nextMonday", month: 8, day: 15 },
  },
  {
    key: "diaDeLaRaza",
    nameEs: "Día de la Raza",
    nameEn: "Columbus Day",
    rule: { kind: "nextMonday", month: 10, day: 12 },
  },
  {
    key: "todosLosSantos",
    nameEs: "Día de Todos los Santos",
    nameEn: "All Saints' Day",
    rule: { kind: "nextMonday", month: 11, day: 1 },
  },
  {
    key: "independenciaDeCartagena",
    nameEs: "Independencia de Cartagena",
    nameEn: "Independence of Cartagena",
    rule: { kind: "nextMonday", month: 11, day: 11 },
  },
  {
    key: "inmaculadaConcepcion",
    nameEs: "Inmaculada Concepción",
    nameEn: "Immaculate Conception",
    rule: { kind: "fixed", month: 12, day: 8 },
  },
  { key: "navidad", nameEs: "Navidad", nameEn: "Christmas Day", rule: { kind: "fixed", month: 12, day: 25 } },
];

/** The date itself when it is a Monday, otherwise the Monday after it. */
export function onOrNextMonday(date: DateOnly): DateOnly {
  return addDays(date, (8 - weekday(date)) % 7);
}

function dateOf(rule: HolidayRule, year: number, easter: DateOnly): DateOnly {
  switch (rule.kind) {
    case "fixed":
      return makeDate(year, rule.month, rule.day);
    case "nextMonday":
      return onOrNextMonday(makeDate(year, rule.month, rule.day));
    case "easter": {
      const feast = addDays(easter, rule.offset);
      return rule.toMonday ? onOrNextMonday(feast) : feast;
    }
  }
}

// Holidays are asked for on every business-day step; a year's list is computed once.
const cache = new Map<number, readonly Holiday[]>();

/**
 * The 18 public holidays of a year, sorted by date. Two can share a date (in 2025 Sagrado Corazón and San Pedro y
 * San Pablo are both on 30 June), so the list has 18 entries but may have fewer distinct dates.
 * Throws a RangeError before 1984: the Monday rules did not exist, and silently wrong dates are worse than none.
 */
export function colombianHolidays(year: number): readonly Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > 9999) {
    throw new RangeError(`Colombian holidays are computed for ${FIRST_SUPPORTED_YEAR}–9999, not ${year}`);
  }
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const list = DEFINITIONS.map((def): Holiday =>
    Object.freeze({
      date: dateOf(def.rule, year, easter),
      key: def.key,
      nameEs: def.nameEs,
      nameEn: def.nameEn,
    }),
  ).sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

/** The holidays on a date (usually none, at most two). */
export function holidaysOn(date: DateOnly): Holiday[] {
  return colombianHolidays(parts(date).year).filter((h) => h.date === date);
}

export function isColombianHoliday(date: DateOnly): boolean {
  return holidaysOn(date).length > 0;
}
