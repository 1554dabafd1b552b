// Looks strings up in the typed catalogue and formats dates and numbers through Intl.
import type { Lang } from "../domain/types";
import type { MessageKey } from "./catalogue";
import { catalogueFor } from "./languages";
import { formatMessage } from "./message";
import type { Params } from "./message";

export type { Params } from "./message";

/** Outlook's display language → the catalogue to use (Spanish for any "es-*", English otherwise). */
export function pickLanguage(displayLanguage: string | undefined, fallback: Lang = "es"): Lang {
  if (!displayLanguage) return fallback;
  const primary = displayLanguage.toLowerCase().split(/[-_]/)[0];
  if (primary === "es") return "es";
  if (primary === "en") return "en";
  return fallback === "es" ? "en" : fallback;
}

export function localeOf(lang: Lang): string {
  return lang === "es" ? "es-CO" : "en-US";
}

/**
 * Replaces `{name}` placeholders (a missing parameter stays visible rather than vanishing) and picks the plural
 * form of `{count, plural, one {…} other {…}}` blocks by the language's plural rules (see ./message.ts).
 */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return formatMessage(localeOf(lang), catalogueFor(lang)[key], params);
}

export interface Formatters {
  date(value: string | Date): string;
  /** A calendar date ("YYYY-MM-DD") in words, unambiguous in any order: "viernes, 4 de diciembre de 2026". */
  dateLong(value: string): string;
  dateTime(value: string | Date): string;
  /** The time of day of an instant (HH:MM), in the institution's time zone. */
  time(value: string | Date): string;
  /** An instant as a short weekday, date and 24-hour time in the institution's zone: "jue 4 dic 2026, 08:00". */
  weekdayDateTime(value: string | Date): string;
  number(value: number): string;
}

/** Dates given as "YYYY-MM-DD" are calendar dates: format them in UTC so they never shift a day. */
export function formatters(lang: Lang, timeZone: string): Formatters {
  const locale = localeOf(lang);
  const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const instantDate = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const dateLong = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const time = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  });
  const weekday = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  });
  const number = new Intl.NumberFormat(locale);
  const asDate = (v: string | Date) =>
    typeof v === "string" ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v) : v;
  return {
    date: (v) =>
      (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? dateOnly : instantDate).format(asDate(v)),
    dateLong: (v) => dateLong.format(asDate(v)),
    dateTime: (v) => dateTime.format(asDate(v)),
    time: (v) => time.format(asDate(v)),
    weekdayDateTime: (v) => {
      // Built from the parts, so both languages read the same way whatever punctuation the locale adds.
      const p = weekday.formatToParts(asDate(v));
      const get = (type: Intl.DateTimeFormatPartTypes) =>
        (p.find((x) => x.type === type)?.value ?? "").replace(/\.$/, "");
      return `${get("weekday")} ${get("day")} ${get("month")} ${get("year")}, ${get("hour")}:${get("minute")}`;
    },
    number: (v) => number.format(v),
  };
}
