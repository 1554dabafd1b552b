// Calendar-date arithmetic on "YYYY-MM-DD" strings, independent of the machine's time zone.
import type { DateOnly, Instant } from "./types";

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateOnly(value: string): value is DateOnly {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Builds a date from its parts; month is 1-based. Throws on an impossible date. */
export function makeDate(year: number, month: number, day: number): DateOnly {
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (!isDateOnly(value)) throw new RangeError(`Not a calendar date: ${value}`);
  return value;
}

function toUtcMidnight(date: DateOnly): Date {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function fromUtcMidnight(d: Date): DateOnly {
  return makeDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: DateOnly, days: number): DateOnly {
  const d = toUtcMidnight(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtcMidnight(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: DateOnly): number {
  return toUtcMidnight(date).getUTCDay();
}

export function isWeekend(date: DateOnly): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: DateOnly, b: DateOnly): number {
  return Math.round((toUtcMidnight(b).getTime() - toUtcMidnight(a).getTime()) / 86_400_000);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs about a millisecond; one per time zone is kept. */
function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in an IANA time zone. */
export function toLocalDate(instant: Instant | Date, timeZone: string): DateOnly {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  const parts = dateFormatter(timeZone).formatToParts(d);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return makeDate(get("year"), get("month"), get("day"));
}

export function parts(date: DateOnly): { year: number; month: number; day: number } {
  const d = toUtcMidnight(date);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as "YYYY-MM-DD HH:MM" on the wall clock of an IANA time zone: the form Excel reads as a date and time
 * in any locale, for files (the register CSV) read by people of that institution. Seconds are dropped.
 */
export function toLocalDateTime(instant: Instant | Date, timeZone: string): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    dateTimeFormatters.set(timeZone, f);
  }
  const p = f.formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/**
 * How a person types a date in each language: day first in Spanish ("04/12/2026"), month first in English
 * ("12/04/2026"), four-digit year. The pane's date field uses this instead of the browser's date input, whose
 * format follows the browser's locale, not the pane's language ("mm/dd/yyyy" beside Spanish text).
 */
export const TYPED_DATE_ORDER = { es: "dmy", en: "mdy" } as const;

/** A calendar date as typed in `lang` (see TYPED_DATE_ORDER): "04/12/2026" in Spanish is 4 December 2026. */
export function typedDate(date: DateOnly, lang: "es" | "en"): string {
  const { year, month, day } = parts(date);
  const dd = String(day).padStart(2, "0");
  const mm = String(month).padStart(2, "0");
  return TYPED_DATE_ORDER[lang] === "dmy" ? `${dd}/${mm}/${year}` : `${mm}/${dd}/${year}`;
}

/**
 * Reads a date typed in `lang`'s order, with "/", "-" or "." between the parts and a four-digit year; an ISO
 * date ("2026-12-04", what a paste from elsewhere often is) is accepted too. Undefined when it is not a date.
 */
export function parseTypedDate(text: string, lang: "es" | "en"): DateOnly | undefined {
  const trimmed = text.trim();
  if (isDateOnly(trimmed)) return trimmed;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!m) return undefined;
  const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [day, month] = TYPED_DATE_ORDER[lang] === "dmy" ? [first, second] : [second, first];
  try {
    return makeDate(year, month, day);
  } catch {
    return undefined;
  }
}
