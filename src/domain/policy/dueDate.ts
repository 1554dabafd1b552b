// When IT must have sent a case's mass mail. "Overdue" is derived from this date, so it must be predictable:
// the rules are few and the result says which one applied.
import { isDateOnly, toLocalDate } from "../dates";
import type { DateOnly, Instant, Urgency, WorkCalendar } from "../types";
import { addBusinessDays, businessDayOnOrAfter, businessDayOnOrBefore } from "./businessDays";
import { urgentDueDate } from "./urgent";

export type DueDateReason = "requested" | "leadTime" | "urgent";

export interface DueDateInput {
  receivedAt: Instant;
  requestedDate?: DateOnly;
  urgency: Urgency;
  /** The procedure's lead time, in business days after the day the request arrived. */
  leadTimeDays: number;
  /**
   * The configuration's `urgent.dueHours`: an urgent request without a date is due the day these business hours
   * after arrival run out (policy/urgent.ts). Absent: the same business day.
   */
  urgentDueHours?: number;
}

export interface DueDate {
  date: DateOnly;
  reason: DueDateReason;
  /** The requested date, when the due date had to differ from it (non-working day, or already past). */
  movedFrom?: DateOnly;
}

/**
 * - A requested date wins (also for urgent requests: the requester said when). When it is not a working day the
 *   due date is the last business day before it: IT does not send on holidays, and sending the working day
 *   before keeps the promise "by the requested date", whereas the working day after would break it. It is never
 *   earlier than the first business day on or after the day the request arrived, so a case is not born overdue;
 *   a past or impossible date is reported by the policy warnings instead.
 * - Urgent without a date: the day it arrived if that is a business day, otherwise the next one; or, with
 *   `urgentDueHours`, the day those business hours after arrival run out (08:00–17:00 office hours).
 * - Otherwise: `leadTimeDays` business days after the arrival date (in the calendar's time zone).
 */
export function computeDueDate(input: DueDateInput, calendar: WorkCalendar): DueDate {
  const { requestedDate, urgency, leadTimeDays } = input;
  if (!Number.isInteger(leadTimeDays) || leadTimeDays < 0) {
    throw new RangeError(`Lead time must be a whole number of days ≥ 0, not ${leadTimeDays}`);
  }
  const received = toLocalDate(input.receivedAt, calendar.timeZone);
  const earliest = businessDayOnOrAfter(received, calendar);

  if (requestedDate !== undefined) {
    if (!isDateOnly(requestedDate)) throw new RangeError(`Not a calendar date: ${requestedDate}`);
    const beforeRequested = businessDayOnOrBefore(requestedDate, calendar);
    const date = beforeRequested < earliest ? earliest : beforeRequested;
    return date === requestedDate
      ? { date, reason: "requested" }
      : { date, reason: "requested", movedFrom: requestedDate };
  }
  switch (urgency) {
    case "urgent":
      return {
        date:
          input.urgentDueHours === undefined
            ? earliest
            : urgentDueDate(input.receivedAt, { dueHours: input.urgentDueHours }, calendar),
        reason: "urgent",
      };
    case "normal":
      return {
        date: leadTimeDays === 0 ? earliest : addBusinessDays(received, leadTimeDays, calendar),
        reason: "leadTime",
      };
  }
}
