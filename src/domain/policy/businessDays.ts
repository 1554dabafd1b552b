// Working-day arithmetic for the institution: weekends, Colombian public holidays and the configured closed days
// are non-working. Due dates and lead-time checks are all built on these few functions.
import { addDays, isWeekend } from "../dates";
import type { DateOnly, WorkCalendar } from "../types";
import { isColombianHoliday } from "./holidays";

/** Why a date is not a working day; a date can have several reasons (a holiday on a Saturday). */
export type NonWorkingReason = "weekend" | "holiday" | "closed";

export function nonWorkingReasons(date: DateOnly, calendar: WorkCalendar): NonWorkingReason[] {
  const reasons: NonWorkingReason[] = [];
  if (isWeekend(date)) reasons.push("weekend");
  if (isColombianHoliday(date)) reasons.push("holiday");
  if (calendar.closedDays.includes(date)) reasons.push("closed");
  return reasons;
}

export function isBusinessDay(date: DateOnly, calendar: WorkCalendar): boolean {
  return !isWeekend(date) && !isColombianHoliday(date) && !calendar.closedDays.includes(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: DateOnly, calendar: WorkCalendar): DateOnly {
  let d = addDays(date, 1);
  while (!isBusinessDay(d, calendar)) d = addDays(d, 1);
  return d;
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: DateOnly, calendar: WorkCalendar): DateOnly {
  let d = addDays(date, -1);
  while (!isBusinessDay(d, calendar)) d = addDays(d, -1);
  return d;
}

/** `date` itself when it is a business day, otherwise the next one. */
export function businessDayOnOrAfter(date: DateOnly, calendar: WorkCalendar): DateOnly {
  return isBusinessDay(date, calendar) ? date : nextBusinessDay(date, calendar);
}

/** `date` itself when it is a business day, otherwise the previous one. */
export function businessDayOnOrBefore(date: DateOnly, calendar: WorkCalendar): DateOnly {
  return isBusinessDay(date, calendar) ? date : previousBusinessDay(date, calendar);
}

/**
 * Moves `n` business days from `date` (backwards when negative). Each step lands on a business day, so the
 * result is one whenever n ≠ 0; with n = 0 the date is returned unchanged, even if it is not a working day.
 * Starting on a non-working day counts from it as from the previous evening: Saturday + 1 is Monday.
 */
export function addBusinessDays(date: DateOnly, n: number, calendar: WorkCalendar): DateOnly {
  if (!Number.isInteger(n)) throw new RangeError(`Business days must be a whole number, not ${n}`);
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) {
    d = n > 0 ? nextBusinessDay(d, calendar) : previousBusinessDay(d, calendar);
  }
  return d;
}

/**
 * How many business days lie after `from` up to and including `to`: the working days someone who learns of a
 * request on `from` has to act by `to`. Zero when `to` is not after `from`.
 */
export function businessDaysAfter(from: DateOnly, to: DateOnly, calendar: WorkCalendar): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    if (isBusinessDay(d, calendar)) count++;
  }
  return count;
}
