// The urgent lane's clock (issue 13): business hours 08:00–17:00 in Bogotá (UTC−5, no daylight saving), weekends
// and Colombian holidays skipped. 2026-12-04 is a Friday, 2026-12-07 a Monday, 2026-12-08 (Immaculate
// Conception) a holiday on Tuesday. Every expected value below is counted by hand in the comment next to it.
import { computeDueDate } from "../../../src/domain/policy/dueDate";
import {
  addBusinessHours,
  urgentDueDate,
  urgentReminderDue,
  urgentReminderTooRecent,
} from "../../../src/domain/policy/urgent";
import { createCase, forwardCase, recordReminder } from "../../../src/domain/lifecycle";
import type { Case, Urgency, WorkCalendar } from "../../../src/domain/types";

const calendar: WorkCalendar = { closedDays: ["2026-12-24"], timeZone: "America/Bogota" };
const BY = "comunicaciones@universidad.example";

function forwardedAt(at: string, urgency: Urgency): Case {
  const c = createCase({
    id: "CM-2612-7F3K",
    at,
    by: BY,
    requester: { name: "Bienestar", address: "bienestar@universidad.example" },
    fields: {
      requestingUnit: "Bienestar",
      desiredSender: "Bienestar",
      subject: "Jornada de vacunación",
      audiences: ["estudiantes"],
      urgency,
      attachmentIds: [],
    },
    dueDate: "2026-12-07",
  });
  return forwardCase(c, { at, by: BY });
}

describe("addBusinessHours", () => {
  it("crosses a weekend: Friday 16:00 + 3 h = 1 h on Friday, 2 h on Monday → Monday 10:00", () => {
    expect(addBusinessHours("2026-12-04T21:00:00Z", 3, calendar)).toEqual({
      date: "2026-12-07",
      minutes: 600,
    });
  });

  it("crosses a holiday: Monday 15:00 + 4 h = 2 h on Monday, Tuesday 8 December off, 2 h on Wednesday → 10:00", () => {
    expect(addBusinessHours("2026-12-07T20:00:00Z", 4, calendar)).toEqual({
      date: "2026-12-09",
      minutes: 600,
    });
  });

  it("lands on the closing time the same day (Friday 13:00 + 4 h = Friday 17:00)", () => {
    expect(addBusinessHours("2026-12-04T18:00:00Z", 4, calendar)).toEqual({
      date: "2026-12-04",
      minutes: 1020,
    });
  });

  it("starts counting at the next opening after closing time (Friday 18:00 + 1 h = Monday 09:00)", () => {
    expect(addBusinessHours("2026-12-04T23:00:00Z", 1, calendar)).toEqual({
      date: "2026-12-07",
      minutes: 540,
    });
  });

  it("refuses a negative number of hours", () => {
    expect(() => addBusinessHours("2026-12-04T18:00:00Z", -1, calendar)).toThrow(RangeError);
  });
});

describe("the urgent due date", () => {
  it("is the day the configured business hours run out, across a holiday", () => {
    expect(urgentDueDate("2026-12-07T20:00:00Z", { dueHours: 4 }, calendar)).toBe("2026-12-09");
    expect(
      computeDueDate(
        { receivedAt: "2026-12-07T20:00:00Z", urgency: "urgent", leadTimeDays: 3, urgentDueHours: 4 },
        calendar,
      ),
    ).toEqual({ date: "2026-12-09", reason: "urgent" });
  });

  it("stays the same business day within the hours left that day (Monday 09:00 + 4 h = Monday 13:00)", () => {
    expect(
      computeDueDate(
        { receivedAt: "2026-12-07T14:00:00Z", urgency: "urgent", leadTimeDays: 3, urgentDueHours: 4 },
        calendar,
      ),
    ).toEqual({ date: "2026-12-07", reason: "urgent" });
  });

  it("without configured hours is the same business day; a requested date still wins", () => {
    expect(
      computeDueDate({ receivedAt: "2026-12-07T20:00:00Z", urgency: "urgent", leadTimeDays: 3 }, calendar),
    ).toEqual({ date: "2026-12-07", reason: "urgent" });
    expect(
      computeDueDate(
        {
          receivedAt: "2026-12-07T20:00:00Z",
          requestedDate: "2026-12-11",
          urgency: "urgent",
          leadTimeDays: 3,
          urgentDueHours: 4,
        },
        calendar,
      ),
    ).toEqual({ date: "2026-12-11", reason: "requested" });
  });

  it("leaves a normal request on business days (Monday + 3 business days, the holiday skipped = Friday)", () => {
    expect(
      computeDueDate(
        { receivedAt: "2026-12-07T20:00:00Z", urgency: "normal", leadTimeDays: 3, urgentDueHours: 4 },
        calendar,
      ),
    ).toEqual({ date: "2026-12-11", reason: "leadTime" });
  });
});

describe("the urgent reminder, after business hours rather than days", () => {
  const timing = { reminderHours: 4 };
  // Forwarded Monday 7 December at 15:00 Bogotá.
  const forwarded = forwardedAt("2026-12-07T20:00:00Z", "urgent");

  it("is not offered before the hours pass: 2 h on Monday + 0 on the holiday + 1 h on Wednesday = 3 h", () => {
    expect(urgentReminderDue(forwarded, "2026-12-07T21:59:00Z", timing, calendar)).toBe(false);
    expect(urgentReminderDue(forwarded, "2026-12-09T14:00:00Z", timing, calendar)).toBe(false);
  });

  it("is offered once they have: 2 h on Monday + 2 h on Wednesday (to 10:00) = 4 h", () => {
    expect(urgentReminderDue(forwarded, "2026-12-09T15:00:00Z", timing, calendar)).toBe(true);
  });

  it("counts again from the latest reminder, and a reminder within the hours asks first", () => {
    const reminded = recordReminder(forwarded, { at: "2026-12-09T15:00:00Z", by: BY });
    // Wednesday 10:00 → 12:00 = 2 h.
    expect(urgentReminderDue(reminded, "2026-12-09T17:00:00Z", timing, calendar)).toBe(false);
    expect(urgentReminderTooRecent(reminded, "2026-12-09T17:00:00Z", timing, calendar)?.at).toBe(
      "2026-12-09T15:00:00Z",
    );
    // Wednesday 10:00 → 14:00 = 4 h.
    expect(urgentReminderDue(reminded, "2026-12-09T19:00:00Z", timing, calendar)).toBe(true);
    expect(urgentReminderTooRecent(reminded, "2026-12-09T19:00:00Z", timing, calendar)).toBeUndefined();
  });

  it("is never due early for a normal case (it goes by the due date)", () => {
    const normal = forwardedAt("2026-12-07T20:00:00Z", "normal");
    expect(urgentReminderDue(normal, "2026-12-10T20:00:00Z", timing, calendar)).toBe(false);
  });
});
