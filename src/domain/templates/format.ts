// Dates, numbers and lists in the reader's language. Dates are calendar dates, so they are formatted at UTC
// midnight in UTC (no time-zone shift can move them a day); instants are formatted in the institution's zone.
import { isDateOnly } from "../dates";
import type { AudienceKey, DateOnly, Instant, Lang, MailAddress } from "../types";
import type { AudienceLabel } from "./types";

export function localeFor(lang: Lang): "es-CO" | "en-US" {
  switch (lang) {
    case "es":
      return "es-CO";
    case "en":
      return "en-US";
  }
}

/** "viernes, 27 de noviembre de 2026" / "Friday, November 27, 2026". */
export function formatDate(date: DateOnly, lang: Lang): string {
  if (!isDateOnly(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Intl.DateTimeFormat(localeFor(lang), {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Date and time with the zone's long name in the reader's language ("hora estándar de Colombia", "Central
 * European Standard Time"), so that IT's evidence is unambiguous. Not the short name: outside the locale's own
 * zones it is an offset, and "GMT+1" in a Spanish mail reads as another language.
 */
export function formatInstant(instant: Instant, lang: Lang, timeZone: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${instant}`);
  return new Intl.DateTimeFormat(localeFor(lang), {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "long",
    timeZone,
  }).format(d);
}

export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeFor(lang)).format(n);
}

/** "estudiantes, docentes y administrativos" / "students, faculty, and staff". */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(localeFor(lang), { type: "conjunction", style: "long" }).format(items);
}

/** The configured label of an audience; its key when configuration has none, so nothing silently disappears. */
export function audienceLabel(key: AudienceKey, labels: readonly AudienceLabel[], lang: Lang): string {
  const found = labels.find((l) => l.key === key);
  if (!found) return key;
  switch (lang) {
    case "es":
      return found.labelEs;
    case "en":
      return found.labelEn;
  }
}

export function formatAudiences(
  keys: readonly AudienceKey[],
  labels: readonly AudienceLabel[],
  lang: Lang,
): string {
  return formatList(
    keys.map((k) => audienceLabel(k, labels, lang)),
    lang,
  );
}

/** "Oficina de Bienestar <bienestar@universidad.example>", or the bare address when there is no name. */
export function formatAddress(mail: MailAddress): string {
  const name = mail.name?.trim();
  return name ? `${name} <${mail.address}>` : mail.address;
}
