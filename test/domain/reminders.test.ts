import { AppError } from "../../src/domain/errors";
import { guardReminderPace, reminderBusinessDay, reminderSameBusinessDay } from "../../src/domain/reminders";
import type { HistoryEntry, WorkCalendar } from "../../src/domain/types";

const CALENDAR: WorkCalendar = { timeZone: "America/Bogota", closedDays: ["2026-12-24"] };

function reminded(at: string): HistoryEntry {
  return { action: "reminded", at, by: "comunicaciones@universidad.edu.co" };
}

describe("reminder pace: one per case per Colombian business day", () => {
  it("counts an instant for its local business day, in Bogotá's time zone", () => {
    // 2026-12-04 is a Friday; 03:00Z is still Thursday evening in Bogotá.
    expect(reminderBusinessDay("2026-12-04T14:00:00Z", CALENDAR)).toBe("2026-12-04");
    expect(reminderBusinessDay("2026-12-04T03:00:00Z", CALENDAR)).toBe("2026-12-03");
  });

  it("counts a weekend or a holiday for the next business day (8 December is a holiday)", () => {
    expect(reminderBusinessDay("2026-12-05T15:00:00Z", CALENDAR)).toBe("2026-12-07");
    expect(reminderBusinessDay("2026-12-08T15:00:00Z", CALENDAR)).toBe("2026-12-09");
    expect(reminderBusinessDay("2026-12-24T15:00:00Z", CALENDAR)).toBe("2026-12-28");
  });

  it("finds the latest reminder of the same business day, none from another day", () => {
    const history = [
      reminded("2026-12-03T20:00:00Z"),
      reminded("2026-12-04T14:00:00Z"),
      reminded("2026-12-04T16:30:00Z"),
    ];
    expect(reminderSameBusinessDay({ history }, "2026-12-04T21:00:00Z", CALENDAR)?.at).toBe(
      "2026-12-04T16:30:00Z",
    );
    expect(reminderSameBusinessDay({ history }, "2026-12-07T14:00:00Z", CALENDAR)).toBeUndefined();
    // Saturday's reminder counts for Monday: a Monday reminder is the second of that business day.
    expect(
      reminderSameBusinessDay(
        { history: [reminded("2026-12-05T15:00:00Z")] },
        "2026-12-07T14:00:00Z",
        CALENDAR,
      )?.at,
    ).toBe("2026-12-05T15:00:00Z");
  });

  it("refuses a second reminder the same business day with its own code and the earlier instant", () => {
    const c = { id: "CM-2612-7F3K", history: [reminded("2026-12-04T14:00:00Z")] };
    let refusal: unknown;
    try {
      guardReminderPace(c, "2026-12-04T20:00:00Z", CALENDAR, false);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("reminderAlreadySentToday");
    expect((refusal as AppError).details).toEqual({ at: "2026-12-04T14:00:00Z" });
  });

  it("lets the second one through when confirmed, and the first one always", () => {
    const c = { id: "CM-2612-7F3K", history: [reminded("2026-12-04T14:00:00Z")] };
    expect(() => guardReminderPace(c, "2026-12-04T20:00:00Z", CALENDAR, true)).not.toThrow();
    expect(() =>
      guardReminderPace({ ...c, history: [] }, "2026-12-04T20:00:00Z", CALENDAR, false),
    ).not.toThrow();
    expect(() => guardReminderPace(c, "2026-12-07T14:00:00Z", CALENDAR, false)).not.toThrow();
  });

  it("ignores other history entries", () => {
    const history: HistoryEntry[] = [{ action: "forwarded", at: "2026-12-04T14:00:00Z", by: "x@y.co" }];
    expect(reminderSameBusinessDay({ history }, "2026-12-04T15:00:00Z", CALENDAR)).toBeUndefined();
  });
});
