// Reminders to IT: at most one per case per business day, unless the person confirms a second one.
// Two reminders fall on the same business day when their local dates (institution's time zone) lead to the same
// business day: one sent on a Saturday, a holiday or a closed day counts for the next business day, so a weekend
// does not let a second reminder through unasked.
import { toLocalDate } from "./dates";
import { AppError } from "./errors";
import { businessDayOnOrAfter } from "./policy/businessDays";
import { urgentReminderTooRecent } from "./policy/urgent";
import type { UrgentTiming } from "./policy/urgent";
import type { Case, HistoryEntry, Instant, WorkCalendar } from "./types";

/** The business day an instant counts for. */
export function reminderBusinessDay(at: Instant | Date, calendar: WorkCalendar) {
  return businessDayOnOrAfter(toLocalDate(at, calendar.timeZone), calendar);
}

/** The latest reminder of `c` that counts for the same business day as `now`, if any. */
export function reminderSameBusinessDay(
  c: Pick<Case, "history">,
  now: Instant | Date,
  calendar: WorkCalendar,
): HistoryEntry | undefined {
  const today = reminderBusinessDay(now, calendar);
  return c.history
    .filter((h) => h.action === "reminded" && reminderBusinessDay(h.at, calendar) === today)
    .at(-1);
}

/**
 * The reminder that makes another one need the person's yes: for an urgent case (with the urgent timing given),
 * one sent less than `reminderHours` business hours ago (policy/urgent.ts); otherwise one of the same business day.
 */
export function earlierReminder(
  c: Pick<Case, "history"> & { fields?: Pick<Case["fields"], "urgency"> },
  now: Instant | Date,
  calendar: WorkCalendar,
  urgent?: Pick<UrgentTiming, "reminderHours">,
): HistoryEntry | undefined {
  return urgent && c.fields?.urgency === "urgent"
    ? urgentReminderTooRecent(c, now, urgent, calendar)
    : reminderSameBusinessDay(c, now, calendar);
}

/**
 * Refuses a second reminder on the same business day (an urgent case: within its reminder hours) unless
 * `confirmSecond` is set, with the distinct code "reminderAlreadySentToday" and the earlier reminder's instant
 * (details.at), so the pane can ask.
 */
export function guardReminderPace(
  c: Pick<Case, "history" | "id"> & { fields?: Pick<Case["fields"], "urgency"> },
  now: Instant | Date,
  calendar: WorkCalendar,
  confirmSecond: boolean,
  urgent?: Pick<UrgentTiming, "reminderHours">,
): void {
  const earlier = earlierReminder(c, now, calendar, urgent);
  if (earlier && !confirmSecond) {
    throw new AppError("reminderAlreadySentToday", `Case ${c.id} was already reminded at ${earlier.at}`, {
      details: { at: earlier.at },
    });
  }
}
