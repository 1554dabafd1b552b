// Dates as requesters write them, in Spanish and English: "4 de diciembre de 2026", "December 2, 2026",
// "2/12/2026" (day first, as the institution writes), "el próximo martes 8 de diciembre", "next Monday",
// "hoy", "mañana", "today", "tomorrow". Relative words are read from `today`, the day the request arrived
// in the institution's time zone. Matching runs on folded text (see fold.ts).
import { addDays, isDateOnly, parts, weekday } from "../dates";
import type { DateOnly, Lang } from "../types";

export interface DateMention {
  start: number;
  end: number;
  date: DateOnly;
  /** The weekday the text stated (0 = Sunday) when it disagrees with the date; the date wins. */
  statedWeekday?: number;
  /** A numeric date in English whose order could be read both ways. */
  ambiguous?: boolean;
}

export interface DateContext {
  /** The day the request arrived, in the institution's time zone. */
  today: DateOnly;
  lang: Lang;
}

// Folded month names (Spanish, English, abbreviations), by month number - 1.
const MONTH_NAMES: ReadonlyArray<readonly string[]> = [
  ["enero", "january", "ene", "jan"],
  ["febrero", "february", "feb"],
  ["marzo", "march", "mar"],
  ["abril", "april", "abr", "apr"],
  ["mayo", "may"],
  ["junio", "june", "jun"],
  ["julio", "july", "jul"],
  ["agosto", "august", "ago", "aug"],
  ["septiembre", "setiembre", "september", "sept", "sep"],
  ["octubre", "october", "oct"],
  ["noviembre", "november", "nov"],
  ["diciembre", "december", "dic", "dec"],
];
// Folded weekday names by weekday number (0 = Sunday).
const WEEKDAY_NAMES: ReadonlyArray<readonly string[]> = [
  ["domingo", "sunday"],
  ["lunes", "monday"],
  ["martes", "tuesday"],
  ["miercoles", "wednesday"],
  ["jueves", "thursday"],
  ["viernes", "friday"],
  ["sabado", "saturday"],
];

function numbered(names: ReadonlyArray<readonly string[]>, first: number): Readonly<Record<string, number>> {
  return Object.fromEntries(names.flatMap((words, i) => words.map((w) => [w, i + first] as const)));
}
const MONTHS = numbered(MONTH_NAMES, 1);
const WEEKDAYS = numbered(WEEKDAY_NAMES, 0);

const alternatives = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join("|");
const MON = `(${alternatives(MONTHS)})\\.?`;
const WD = `(${alternatives(WEEKDAYS)})`;
/** Words before a weekday that make it a reference to a day ("el lunes", "next Monday", "este viernes"). */
const QUALIFIER = `(el proximo|este proximo|proximo|proxima|el|este|esta|next|this coming|this|coming|on)`;

// Each pattern's groups are read by its own reader below.
const DAY_MONTH = new RegExp(
  `\\b(?:${QUALIFIER} )?(?:${WD},? )?(?:el |the )?(\\d{1,2})(?:st|nd|rd|th)?(?: de| of)? ${MON}(?:,? ?(?:de |del )?(\\d{4}))?(?!\\w)`,
  "g",
);
const MONTH_DAY = new RegExp(
  `\\b(?:${QUALIFIER} )?(?:${WD},? )?${MON} (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? ?(?:de |del )?(\\d{4}))?(?!\\w)`,
  "g",
);
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const RELATIVE = /\b(pasado manana|manana|hoy|day after tomorrow|tomorrow|today|tonight)\b/g;
const WEEKDAY_ONLY = new RegExp(`\\b${QUALIFIER} ${WD}\\b`, "g");

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  hoy: 0,
  today: 0,
  tonight: 0,
  manana: 1,
  tomorrow: 1,
  "pasado manana": 2,
  "day after tomorrow": 2,
};

/** A day and month without a year: the next time it comes, allowing a month back for recent dates. */
function resolveYear(month: number, day: number, today: DateOnly): DateOnly | undefined {
  const year = parts(today).year;
  for (const y of [year, year + 1]) {
    const candidate = makeDateSafe(y, month, day);
    if (candidate && candidate >= addDays(today, -31)) return candidate;
  }
  return undefined;
}

/** A date from its parts, or undefined for an impossible one ("31 de febrero"). */
function makeDateSafe(year: number, month: number, day: number): DateOnly | undefined {
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isDateOnly(value) ? value : undefined;
}

/** The first `target` weekday after today (or from today for "este"/"this"). */
function nextWeekday(target: number, qualifier: string, today: DateOnly): DateOnly {
  const includeToday = ["este", "esta", "this", "this coming"].includes(qualifier);
  let date = includeToday ? today : addDays(today, 1);
  while (weekday(date) !== target) date = addDays(date, 1);
  return date;
}

function withWeekday(
  m: RegExpExecArray,
  date: DateOnly | undefined,
  wdGroup: number,
): DateMention | undefined {
  if (!date) return undefined;
  const mention: DateMention = { start: m.index, end: m.index + m[0].length, date };
  const stated = m[wdGroup] === undefined ? undefined : WEEKDAYS[m[wdGroup]];
  if (stated !== undefined && stated !== weekday(date)) mention.statedWeekday = stated;
  return mention;
}

function explicitDate(year: string | undefined, month: number, day: number, ctx: DateContext) {
  return year ? makeDateSafe(Number(year), month, day) : resolveYear(month, day, ctx.today);
}

function readDayMonth(m: RegExpExecArray, ctx: DateContext): DateMention | undefined {
  const month = MONTHS[m[4] ?? ""] ?? 0;
  return withWeekday(m, explicitDate(m[5], month, Number(m[3]), ctx), 2);
}

function readMonthDay(m: RegExpExecArray, ctx: DateContext): DateMention | undefined {
  const month = MONTHS[m[3] ?? ""] ?? 0;
  return withWeekday(m, explicitDate(m[5], month, Number(m[4]), ctx), 2);
}

function readNumeric(m: RegExpExecArray, ctx: DateContext): DateMention | undefined {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const year = (m[4] ?? "").length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
  // Day first, as Colombia writes dates; month first only when the day-first reading is impossible.
  const dayFirst = makeDateSafe(year, b, a);
  const date = dayFirst ?? makeDateSafe(year, a, b);
  if (!date) return undefined;
  const mention: DateMention = { start: m.index, end: m.index + m[0].length, date };
  if (dayFirst && ctx.lang === "en" && a !== b && a <= 12) mention.ambiguous = true;
  return mention;
}

function readIso(m: RegExpExecArray): DateMention | undefined {
  const date = makeDateSafe(Number(m[1]), Number(m[2]), Number(m[3]));
  return date ? { start: m.index, end: m.index + m[0].length, date } : undefined;
}

function readRelative(m: RegExpExecArray, folded: string, ctx: DateContext): DateMention | undefined {
  const word = m[1] ?? "";
  // "la mañana" is the morning ("8:00 de la mañana"), not tomorrow.
  if (word === "manana" && /\b(?:la|las)\s+$/.test(folded.slice(Math.max(0, m.index - 6), m.index)))
    return undefined;
  return { start: m.index, end: m.index + m[0].length, date: addDays(ctx.today, RELATIVE_DAYS[word] ?? 0) };
}

function readWeekday(m: RegExpExecArray, ctx: DateContext): DateMention | undefined {
  const target = WEEKDAYS[m[2] ?? ""];
  if (target === undefined) return undefined;
  return { start: m.index, end: m.index + m[0].length, date: nextWeekday(target, m[1] ?? "", ctx.today) };
}

function collect(
  re: RegExp,
  folded: string,
  read: (m: RegExpExecArray) => DateMention | undefined,
): DateMention[] {
  const found: DateMention[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const mention = read(m);
    if (mention) found.push(mention);
  }
  return found;
}

/** Every date mentioned in a folded text, in order; where two readings overlap the longer one wins. */
export function findDates(folded: string, ctx: DateContext): DateMention[] {
  const all = [
    ...collect(DAY_MONTH, folded, (m) => readDayMonth(m, ctx)),
    ...collect(MONTH_DAY, folded, (m) => readMonthDay(m, ctx)),
    ...collect(NUMERIC, folded, (m) => readNumeric(m, ctx)),
    ...collect(ISO, folded, readIso),
    ...collect(RELATIVE, folded, (m) => readRelative(m, folded, ctx)),
    ...collect(WEEKDAY_ONLY, folded, (m) => readWeekday(m, ctx)),
  ].sort((x, y) => x.start - y.start || y.end - y.start - (x.end - x.start));
  const kept: DateMention[] = [];
  for (const mention of all) {
    const last = kept[kept.length - 1];
    if (last && mention.start < last.end) {
      if (mention.end - mention.start > last.end - last.start) kept[kept.length - 1] = mention;
      continue;
    }
    kept.push(mention);
  }
  return kept;
}
