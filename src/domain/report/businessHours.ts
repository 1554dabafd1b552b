// Business hours between two instants: the time the institution was open, on its working days, in its time zone.
// The quality report measures each step of the procedure in these hours, so that a request that arrives on a
// Friday afternoon and is forwarded on Monday morning counts as the hour or two it really waited, not 65.
import { addDays } from "../dates";
import { isBusinessDay } from "../policy/businessDays";
import type { DateOnly, Instant, WorkCalendar } from "../types";

/** The working day's opening hours, in minutes after local midnight. */
export interface BusinessHours {
  /** e.g. 8 × 60 for 08:00. */
  opensAt: number;
  /** e.g. 17 × 60 for 17:00; after `opensAt`. */
  closesAt: number;
}

/**
 * 08:00–17:00: the institution's office day (the procedure names no hours; Colombian public offices open about
 * eight to five). A lunch break is not taken out: people answer mail then too. Pass other hours to the report
 * when the institution keeps other ones.
 */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { opensAt: 8 * 60, closesAt: 17 * 60 };

const MINUTES_PER_DAY = 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** An instant as the institution's clock shows it: the local date and the minutes since local midnight. */
export function localClock(instant: Instant, timeZone: string): { date: DateOnly; minutes: number } {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an instant: ${instant}`);
  const parts = wallClock(timeZone).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const seconds = Number(get("second")) + d.getUTCMilliseconds() / 1000;
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    minutes: Number(get("hour")) * 60 + Number(get("minute")) + seconds / 60,
  };
}

/**
 * Business hours from `start` to `end`: for each working day between them (weekends, Colombian holidays and the
 * calendar's closed days are not), the part of [opensAt, closesAt] that lies inside [start, end], on the local
 * clock. Zero when `end` is not after `start`. Counted on the wall clock, so a day is never 23 or 25 hours long.
 */
export function businessHoursBetween(
  start: Instant,
  end: Instant,
  calendar: WorkCalendar,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): number {
  if (!(hours.closesAt > hours.opensAt)) throw new RangeError("Business hours must close after they open");
  if (new Date(end).getTime() <= new Date(start).getTime()) return 0;
  const from = localClock(start, calendar.timeZone);
  const to = localClock(end, calendar.timeZone);
  let minutes = 0;
  for (let day = from.date; day <= to.date; day = addDays(day, 1)) {
    if (!isBusinessDay(day, calendar)) continue;
    const begin = Math.max(hours.opensAt, day === from.date ? from.minutes : 0);
    const finish = Math.min(hours.closesAt, day === to.date ? to.minutes : MINUTES_PER_DAY);
    if (finish > begin) minutes += finish - begin;
  }
  return minutes / 60;
}
