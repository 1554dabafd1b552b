// Policy warnings on a request: typed codes with the facts behind them, never text, so that the UI can say
// them in the user's language and tests can assert on them.
import { isDateOnly, toLocalDate, weekday } from "../dates";
import type { DateOnly, Instant, WorkCalendar } from "../types";
import { businessDaysAfter } from "./businessDays";
import type { MessageContent } from "./contentChecks";
import type { ContentFinding } from "./contentFindings";
import { contentFindings } from "./contentFindings";
import type { Holiday } from "./holidays";
import { holidaysOn } from "./holidays";

export type PolicyWarning =
  | { code: "missingFields"; fields: readonly string[] }
  | { code: "requestedDateInvalid"; value: string }
  | { code: "requestedDatePast"; date: DateOnly; today: DateOnly }
  | { code: "requestedDateHoliday"; date: DateOnly; holidays: readonly Holiday[] }
  | { code: "requestedDateWeekend"; date: DateOnly; day: "saturday" | "sunday" }
  | { code: "requestedDateClosed"; date: DateOnly }
  | { code: "shortLeadTime"; date: DateOnly; businessDaysAvailable: number; leadTimeDays: number }
  | ContentFinding;

export type PolicyWarningCode = PolicyWarning["code"];

export interface PolicyInput {
  /** When the request arrived; the lead time is counted from here (from `now` when absent). */
  receivedAt?: Instant;
  requestedDate?: string;
  /** Names of required fields the intake could not fill. */
  missingFields?: readonly string[];
  /** The message to be mass-mailed. */
  message?: MessageContent;
  /** The mass mail's subject (checked for capitals). */
  subject?: string;
  /** How many people the mass mail goes to, when known (the weight of the send is judged on it). */
  recipients?: number;
}

export interface PolicyConfig {
  /** The procedure's minimum notice, in business days. */
  leadTimeDays: number;
  /** size × recipients from which a send is heavy, in GB (default: sendWeight.ts HEAVY_SEND_GIGABYTES). */
  heavySendGigabytes?: number;
}

function requestedDateWarnings(
  requested: string,
  input: PolicyInput,
  calendar: WorkCalendar,
  now: Instant | Date,
  config: PolicyConfig,
): PolicyWarning[] {
  if (!isDateOnly(requested)) return [{ code: "requestedDateInvalid", value: requested }];
  const warnings: PolicyWarning[] = [];
  const today = toLocalDate(now, calendar.timeZone);
  // A date in the past makes the lead time meaningless; say the one thing that matters.
  if (requested < today) return [{ code: "requestedDatePast", date: requested, today }];

  const holidays = holidaysOn(requested);
  if (holidays.length > 0) warnings.push({ code: "requestedDateHoliday", date: requested, holidays });
  const day = weekday(requested);
  if (day === 0 || day === 6) {
    warnings.push({ code: "requestedDateWeekend", date: requested, day: day === 0 ? "sunday" : "saturday" });
  }
  if (calendar.closedDays.includes(requested))
    warnings.push({ code: "requestedDateClosed", date: requested });

  // The lead time is the notice the requester gave, so it is counted from the day the request arrived.
  const from = toLocalDate(input.receivedAt ?? now, calendar.timeZone);
  const available = businessDaysAfter(from, requested, calendar);
  if (available < config.leadTimeDays) {
    warnings.push({
      code: "shortLeadTime",
      date: requested,
      businessDaysAvailable: available,
      leadTimeDays: config.leadTimeDays,
    });
  }
  return warnings;
}

/**
 * Everything about a request the professional should know before forwarding it, in a stable order: missing
 * fields, the requested date, then the content. Several date warnings can apply at once (a holiday on a
 * Saturday gives both); the UI decides how to group them.
 */
export function policyWarnings(
  input: PolicyInput,
  calendar: WorkCalendar,
  now: Instant | Date,
  config: PolicyConfig,
): PolicyWarning[] {
  const warnings: PolicyWarning[] = [];
  if (input.missingFields && input.missingFields.length > 0) {
    warnings.push({ code: "missingFields", fields: [...input.missingFields] });
  }
  if (input.requestedDate !== undefined) {
    warnings.push(...requestedDateWarnings(input.requestedDate, input, calendar, now, config));
  }
  if (input.message) {
    const content = { message: input.message, subject: input.subject, recipients: input.recipients };
    warnings.push(...contentFindings(content, { heavySendGigabytes: config.heavySendGigabytes }));
  }
  return warnings;
}
