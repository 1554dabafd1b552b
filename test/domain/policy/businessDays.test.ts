import {
  addBusinessDays,
  businessDayOnOrAfter,
  businessDayOnOrBefore,
  businessDaysAfter,
  isBusinessDay,
  nextBusinessDay,
  nonWorkingReasons,
  previousBusinessDay,
} from "../../../src/domain/policy/businessDays";
import type { WorkCalendar } from "../../../src/domain/types";

const calendar: WorkCalendar = { closedDays: ["2026-12-24", "2026-12-31"], timeZone: "America/Bogota" };
const open: WorkCalendar = { closedDays: [], timeZone: "America/Bogota" };

describe("isBusinessDay and nonWorkingReasons", () => {
  it("treats an ordinary weekday as working", () => {
    expect(isBusinessDay("2026-11-25", calendar)).toBe(true);
    expect(nonWorkingReasons("2026-11-25", calendar)).toEqual([]);
  });

  it("gives every reason a date is off", () => {
    expect(nonWorkingReasons("2026-11-28", calendar)).toEqual(["weekend"]);
    expect(nonWorkingReasons("2026-11-16", calendar)).toEqual(["holiday"]);
    expect(nonWorkingReasons("2026-12-24", calendar)).toEqual(["closed"]);
    expect(nonWorkingReasons("2027-05-01", calendar)).toEqual(["weekend", "holiday"]);
    expect(isBusinessDay("2026-12-24", calendar)).toBe(false);
    expect(isBusinessDay("2026-12-24", open)).toBe(true);
  });
});

describe("stepping over non-working days", () => {
  it("skips Holy Thursday, Good Friday and the weekend", () => {
    expect(nextBusinessDay("2026-04-01", calendar)).toBe("2026-04-06");
    expect(previousBusinessDay("2026-04-06", calendar)).toBe("2026-04-01");
  });

  it("skips closed days and Christmas", () => {
    expect(nextBusinessDay("2026-12-23", calendar)).toBe("2026-12-28");
    expect(nextBusinessDay("2026-12-30", calendar)).toBe("2027-01-04");
  });

  it("keeps a business day when asked for on-or-after / on-or-before", () => {
    expect(businessDayOnOrAfter("2026-11-25", calendar)).toBe("2026-11-25");
    expect(businessDayOnOrBefore("2026-11-25", calendar)).toBe("2026-11-25");
    expect(businessDayOnOrAfter("2026-11-14", calendar)).toBe("2026-11-17");
    expect(businessDayOnOrBefore("2026-11-16", calendar)).toBe("2026-11-13");
  });
});

describe("addBusinessDays", () => {
  it("adds working days across a holiday Monday", () => {
    // Fri 13 Nov + 3 → Tue 17, Wed 18, Thu 19 (Mon 16 is Independencia de Cartagena).
    expect(addBusinessDays("2026-11-13", 3, calendar)).toBe("2026-11-19");
  });

  it("counts from a weekend as from the evening before", () => {
    expect(addBusinessDays("2026-11-28", 1, calendar)).toBe("2026-11-30");
  });

  it("goes backwards with a negative count", () => {
    expect(addBusinessDays("2026-11-19", -3, calendar)).toBe("2026-11-13");
  });

  it("returns the date unchanged for zero, and refuses fractions", () => {
    expect(addBusinessDays("2026-11-28", 0, calendar)).toBe("2026-11-28");
    expect(() => addBusinessDays("2026-11-28", 1.5, calendar)).toThrow(RangeError);
  });

  it("crosses the year end with closed days", () => {
    expect(addBusinessDays("2026-12-22", 3, calendar)).toBe("2026-12-29");
  });
});

describe("businessDaysAfter", () => {
  it("counts working days after the start up to and including the end", () => {
    expect(businessDaysAfter("2026-11-13", "2026-11-19", calendar)).toBe(3);
    expect(businessDaysAfter("2026-11-13", "2026-11-22", calendar)).toBe(4);
  });

  it("is zero when the end is not after the start", () => {
    expect(businessDaysAfter("2026-11-19", "2026-11-19", calendar)).toBe(0);
    expect(businessDaysAfter("2026-11-19", "2026-11-10", calendar)).toBe(0);
  });
});
