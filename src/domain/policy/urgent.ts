// The urgent lane (issue 13): an urgent case is due within business hours, not business days, and Communications
// may remind IT after a few business hours instead of waiting for the due date to pass.
import { addDays } from "../dates";
import { DEFAULT_BUSINESS_HOURS, businessHoursBetween, localClock } from "../report/businessHours";
import type { BusinessHours } from "../report/businessHours";
import type { Case, DateOnly, HistoryEntry, Instant, WorkCalendar } from "../types";
import { isBusinessDay } from "./businessDays";

/** The configuration's `urgent` block (config/schema.ts); see DEFAULT_URGENT for the values when it is absent. */
export interface UrgentTiming {
  /**
   * Business hours after arrival within which IT must send; absent: by the close of the day it arrived (or of the
   * next business day when it arrived on a non-working day or after closing).
   */
  dueHours?: number;
  /** Business hours after the forward (or the latest reminder) after which a reminder is offered. */
  reminderHours: number;
}

/**
 * Same business day, and a reminder offered after four business hours: half of the 08:00–17:00 office day, so a
 * morning request not sent by early afternoon can still be chased the same day.
 */
export const DEFAULT_URGENT: UrgentTiming = { reminderHours: 4 };

/** When `hours` business hours after `start` are used up, on the institution's clock (a local date and minute). */
export function addBusinessHours(
  start: Instant,
  hours: number,
  calendar: WorkCalendar,
  office: BusinessHours = DEFAULT_BUSINESS_HOURS,
): { date: DateOnly; minutes: number } {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`Not a number of hours ≥ 0: ${hours}`);
  if (!(office.closesAt > office.opensAt)) throw new RangeError("Business hours must close after they open");
  const from = localClock(start, calendar.timeZone);
  let left = hours * 60;
  for (let day = from.date, first = true; ; day = addDays(day, 1), first = false) {
    if (!isBusinessDay(day, calendar)) continue;
    const begin = Math.max(office.opensAt, first ? from.minutes : 0);
    if (begin >= office.closesAt) continue;
    const available = office.closesAt - begin;
    // Landing exactly on the closing time stays on that day: the work is due by its close.
    if (left <= available) return { date: day, minutes: begin + left };
    left -= available;
  }
}

/**
 * The due date of an urgent case with no requested date: the day `dueHours` business hours after arrival run out,
 * or, without `dueHours`, the first business day on which the office is still open at or after arrival.
 */
export function urgentDueDate(
  receivedAt: Instant,
  timing: Pick<UrgentTiming, "dueHours">,
  calendar: WorkCalendar,
  office: BusinessHours = DEFAULT_BUSINESS_HOURS,
): DateOnly {
  // Zero hours lands on the first open minute at or after arrival: the close of that business day is the deadline.
  return addBusinessHours(receivedAt, timing.dueHours ?? 0, calendar, office).date;
}

/** The last time Communications chased IT on this case: its latest reminder, else its forward. */
function lastChase(c: Pick<Case, "history">): HistoryEntry | undefined {
  return c.history.findLast((h) => h.action === "reminded" || h.action === "forwarded");
}

/**
 * An urgent forwarded case is due a reminder once `reminderHours` business hours have passed since the forward or
 * the latest reminder. Always false for a case that is not urgent or not waiting for IT (they go by the due date).
 */
export function urgentReminderDue(
  c: Pick<Case, "history" | "state" | "fields">,
  now: Instant | Date,
  timing: Pick<UrgentTiming, "reminderHours">,
  calendar: WorkCalendar,
  office: BusinessHours = DEFAULT_BUSINESS_HOURS,
): boolean {
  if (c.state !== "forwarded" || c.fields.urgency !== "urgent") return false;
  const since = lastChase(c);
  if (!since) return false;
  const at = now instanceof Date ? now.toISOString() : now;
  return businessHoursBetween(since.at, at, calendar, office) >= timing.reminderHours;
}

/**
 * An urgent case's reminder sent less than `reminderHours` business hours before `now`: a further one then needs
 * the person's yes (the urgent counterpart of "one reminder per business day", reminders.ts).
 */
export function urgentReminderTooRecent(
  c: Pick<Case, "history">,
  now: Instant | Date,
  timing: Pick<UrgentTiming, "reminderHours">,
  calendar: WorkCalendar,
  office: BusinessHours = DEFAULT_BUSINESS_HOURS,
): HistoryEntry | undefined {
  const at = now instanceof Date ? now.toISOString() : now;
  const last = c.history.findLast((h) => h.action === "reminded");
  return last && businessHoursBetween(last.at, at, calendar, office) < timing.reminderHours
    ? last
    : undefined;
}
