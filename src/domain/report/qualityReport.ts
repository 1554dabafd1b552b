// The monthly quality report of the procedure (PE-GE-2.3-PR-21, step 5 "Act"): how many requests came in, how
// many went out, were cancelled or ran late, and how long each step took in business hours — for the whole
// institution, per requesting unit and per audience. Computed from the case records the dashboard already holds
// (each record's history has every step's time), so it costs no request per case.
import { toLocalDate } from "../dates";
import { isOverdue } from "../lifecycle";
import type { AudienceKey, Case, DateOnly, HistoryAction, Instant, WorkCalendar } from "../types";
import { AUDIENCE_KEYS } from "../types";
import type { BusinessHours } from "./businessHours";
import { DEFAULT_BUSINESS_HOURS, businessHoursBetween } from "./businessHours";
import { median, nearestRankPercentile } from "./percentile";

/** The steps of the case lifecycle the report times, and the whole case from receipt to close. */
export type ReportStep = "forward" | "send" | "confirm" | "close" | "total";
export const REPORT_STEPS: readonly ReportStep[] = ["forward", "send", "confirm", "close", "total"];

/** A period of local dates, both ends included. */
export interface DateRange {
  from: DateOnly;
  to: DateOnly;
}

export interface StepStats {
  step: ReportStep;
  /** Cases of the group that have both ends of the step. */
  measured: number;
  /** Business hours; undefined when no case was measured. See percentile.ts for both definitions. */
  medianHours: number | undefined;
  p90Hours: number | undefined;
}

export interface ReportSummary {
  /** Cases created in the period. */
  requests: number;
  /** Of those, the ones whose mass mail went out (by now; a cancelled case IT sent anyway counts here too). */
  sent: number;
  cancelled: number;
  /** Sent after their due date, or forwarded and still not sent with the due date passed (as the dashboard says). */
  overdue: number;
  steps: StepStats[];
}

export interface GroupSummary<K extends string = string> {
  key: K;
  summary: ReportSummary;
}

export interface QualityReport {
  range: DateRange;
  /** When the report was computed: the open cases' state (overdue or not) is as of this instant. */
  asOf: Instant;
  businessHours: BusinessHours;
  all: ReportSummary;
  /** One group per requesting unit (as the professional wrote it, spaces trimmed), by number of requests. */
  byUnit: GroupSummary[];
  /** One group per audience a case went to, in the configured order; a case with two audiences is in both. */
  byAudience: GroupSummary<AudienceKey>[];
}

export interface ReportOptions {
  calendar: WorkCalendar;
  asOf: Instant | Date;
  businessHours?: BusinessHours;
}

/** The first and last day of a calendar month (month 1–12). */
export function monthRange(year: number, month: number): DateRange {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
}

function firstAt(c: Case, actions: readonly HistoryAction[]): Instant | undefined {
  return c.history.find((h) => actions.includes(h.action))?.at;
}

/**
 * When the mass mail went out as far as the record says: the send's own time in its evidence, else when the
 * entry was written (a send detected later in Sent Items is recorded after the fact). A scheduled send counts from
 * when IT sent it to Exchange, not from when Exchange let it leave: the wait for the requested date is not IT's.
 */
function sentAt(c: Case): Instant | undefined {
  const sent = c.history.find((h) => h.action === "sent");
  return sent ? (sent.evidence?.sentAt ?? sent.at) : undefined;
}

/**
 * Each step's ends in the record. "Received" is when the case was created: the record keeps no time for the
 * request message itself (reading it would cost a request per case). "Closed" is the relay to the requester or a
 * close without one.
 */
export function stepTimes(
  c: Case,
): Record<"received" | "forwarded" | "sent" | "confirmed" | "closed", Instant | undefined> {
  return {
    received: c.createdAt,
    forwarded: firstAt(c, ["forwarded"]),
    sent: sentAt(c),
    confirmed: firstAt(c, ["confirmed"]),
    closed: firstAt(c, ["relayed", "closed"]),
  };
}

const STEP_ENDS: Record<
  ReportStep,
  readonly [keyof ReturnType<typeof stepTimes>, keyof ReturnType<typeof stepTimes>]
> = {
  forward: ["received", "forwarded"],
  send: ["forwarded", "sent"],
  confirm: ["sent", "confirmed"],
  close: ["confirmed", "closed"],
  total: ["received", "closed"],
};

/** Business hours each step of the case took; a step the case has not finished (or began) is absent. */
export function stepHours(
  c: Case,
  calendar: WorkCalendar,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Partial<Record<ReportStep, number>> {
  const times = stepTimes(c);
  const result: Partial<Record<ReportStep, number>> = {};
  for (const step of REPORT_STEPS) {
    const [from, to] = STEP_ENDS[step];
    const start = times[from];
    const end = times[to];
    if (start !== undefined && end !== undefined)
      result[step] = businessHoursBetween(start, end, calendar, hours);
  }
  return result;
}

/** Late: sent after its due date (on the local calendar), or still waiting for IT past it (lifecycle isOverdue). */
export function wasOverdue(c: Case, asOf: Instant | Date, calendar: WorkCalendar): boolean {
  const sent = sentAt(c);
  if (sent !== undefined) return toLocalDate(sent, calendar.timeZone) > c.dueDate;
  return isOverdue(c, asOf, calendar);
}

interface Measured {
  c: Case;
  hours: Partial<Record<ReportStep, number>>;
  overdue: boolean;
}

function summarize(cases: readonly Measured[]): ReportSummary {
  return {
    requests: cases.length,
    sent: cases.filter((m) => m.c.history.some((h) => h.action === "sent")).length,
    cancelled: cases.filter((m) => m.c.state === "cancelled").length,
    overdue: cases.filter((m) => m.overdue).length,
    steps: REPORT_STEPS.map((step) => {
      const values = cases.map((m) => m.hours[step]).filter((v): v is number => v !== undefined);
      return {
        step,
        measured: values.length,
        medianHours: median(values),
        p90Hours: nearestRankPercentile(values, 90),
      };
    }),
  };
}

/** The unit as a grouping key: spaces trimmed and collapsed, so "Biblioteca  Central " is "Biblioteca Central". */
function unitKey(c: Case): string {
  return c.fields.requestingUnit.replace(/\s+/g, " ").trim();
}

/**
 * The report for the cases created in `range` (local dates in the calendar's time zone, both ends included).
 * Every figure is about those cases, followed to where they stand at `asOf`: a November request sent in December
 * counts as sent in November's report, and its send time counts in November's durations.
 */
export function qualityReport(
  cases: readonly Case[],
  range: DateRange,
  options: ReportOptions,
): QualityReport {
  const { calendar } = options;
  const hours = options.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const asOf = typeof options.asOf === "string" ? options.asOf : options.asOf.toISOString();
  const inRange = cases.filter((c) => {
    const day = toLocalDate(c.createdAt, calendar.timeZone);
    return day >= range.from && day <= range.to;
  });
  const measured: Measured[] = inRange.map((c) => ({
    c,
    hours: stepHours(c, calendar, hours),
    overdue: wasOverdue(c, asOf, calendar),
  }));

  const units = new Map<string, Measured[]>();
  for (const m of measured) {
    const key = unitKey(m.c);
    const group = units.get(key);
    if (group) group.push(m);
    else units.set(key, [m]);
  }
  const byUnit = [...units.entries()]
    .map(([key, group]) => ({ key, summary: summarize(group) }))
    .sort((a, b) => b.summary.requests - a.summary.requests || a.key.localeCompare(b.key, "es"));
  const byAudience = AUDIENCE_KEYS.map((key) => ({
    key,
    summary: summarize(measured.filter((m) => m.c.fields.audiences.includes(key))),
  })).filter((g) => g.summary.requests > 0);

  return { range, asOf, businessHours: hours, all: summarize(measured), byUnit, byAudience };
}
