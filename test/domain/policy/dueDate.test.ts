import { computeDueDate } from "../../../src/domain/policy/dueDate";
import type { WorkCalendar } from "../../../src/domain/types";

const calendar: WorkCalendar = { closedDays: ["2026-12-24"], timeZone: "America/Bogota" };

describe("computeDueDate", () => {
  it("uses the requested date when it is a business day", () => {
    expect(
      computeDueDate(
        {
          receivedAt: "2026-11-10T15:00:00Z",
          requestedDate: "2026-11-20",
          urgency: "normal",
          leadTimeDays: 3,
        },
        calendar,
      ),
    ).toEqual({ date: "2026-11-20", reason: "requested" });
  });

  it("moves a requested holiday to the last business day before it", () => {
    expect(
      computeDueDate(
        {
          receivedAt: "2026-11-03T15:00:00Z",
          requestedDate: "2026-11-16",
          urgency: "normal",
          leadTimeDays: 3,
        },
        calendar,
      ),
    ).toEqual({ date: "2026-11-13", reason: "requested", movedFrom: "2026-11-16" });
  });

  it("moves a requested weekend or closed day back too", () => {
    const base = { receivedAt: "2026-11-03T15:00:00Z", urgency: "normal" as const, leadTimeDays: 3 };
    expect(computeDueDate({ ...base, requestedDate: "2026-11-22" }, calendar).date).toBe("2026-11-20");
    expect(computeDueDate({ ...base, requestedDate: "2026-12-24" }, calendar).date).toBe("2026-12-23");
  });

  it("never sets a due date before the first business day of the request", () => {
    // Received Saturday for Sunday: the Friday before is already gone, so Monday.
    expect(
      computeDueDate(
        {
          receivedAt: "2026-11-21T15:00:00Z",
          requestedDate: "2026-11-22",
          urgency: "normal",
          leadTimeDays: 3,
        },
        calendar,
      ),
    ).toEqual({ date: "2026-11-23", reason: "requested", movedFrom: "2026-11-22" });
    // A requested date in the past.
    expect(
      computeDueDate(
        {
          receivedAt: "2026-11-25T15:00:00Z",
          requestedDate: "2026-11-01",
          urgency: "urgent",
          leadTimeDays: 3,
        },
        calendar,
      ),
    ).toEqual({ date: "2026-11-25", reason: "requested", movedFrom: "2026-11-01" });
  });

  it("prefers the requested date over urgency", () => {
    expect(
      computeDueDate(
        {
          receivedAt: "2026-11-10T15:00:00Z",
          requestedDate: "2026-11-27",
          urgency: "urgent",
          leadTimeDays: 3,
        },
        calendar,
      ).reason,
    ).toBe("requested");
  });

  it("adds the lead time in business days from the local arrival date", () => {
    // 2026-11-14T03:00Z is Friday 13 Nov, 22:00 in Bogotá: Fri + 3 working days (Mon 16 is a holiday) = Thu 19.
    expect(
      computeDueDate({ receivedAt: "2026-11-14T03:00:00Z", urgency: "normal", leadTimeDays: 3 }, calendar),
    ).toEqual({ date: "2026-11-19", reason: "leadTime" });
  });

  it("with a zero lead time, is the arrival day or the next business day", () => {
    expect(
      computeDueDate({ receivedAt: "2026-11-14T15:00:00Z", urgency: "normal", leadTimeDays: 0 }, calendar)
        .date,
    ).toBe("2026-11-17");
  });

  it("makes an urgent request without a date due the same or next business day", () => {
    expect(
      computeDueDate({ receivedAt: "2026-11-25T15:00:00Z", urgency: "urgent", leadTimeDays: 3 }, calendar),
    ).toEqual({ date: "2026-11-25", reason: "urgent" });
    expect(
      computeDueDate({ receivedAt: "2026-11-28T15:00:00Z", urgency: "urgent", leadTimeDays: 3 }, calendar),
    ).toEqual({ date: "2026-11-30", reason: "urgent" });
  });

  it("refuses a bad lead time or requested date", () => {
    const base = { receivedAt: "2026-11-10T15:00:00Z", urgency: "normal" as const };
    expect(() => computeDueDate({ ...base, leadTimeDays: -1 }, calendar)).toThrow(RangeError);
    expect(() => computeDueDate({ ...base, leadTimeDays: 2.5 }, calendar)).toThrow(RangeError);
    expect(() => computeDueDate({ ...base, leadTimeDays: 3, requestedDate: "2026-02-30" }, calendar)).toThrow(
      RangeError,
    );
  });
});
