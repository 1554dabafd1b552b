import { instantAt, requestedSendInstant } from "../../src/domain/schedule";

describe("the scheduled send instant", () => {
  it("is the requested date at the send time on the institution's clock (Bogotá is UTC-5)", () => {
    expect(instantAt("2026-12-04", "08:00", "America/Bogota")).toBe("2026-12-04T13:00:00.000Z");
  });

  it("follows daylight saving time where the zone has it", () => {
    expect(instantAt("2026-07-01", "08:00", "Europe/Madrid")).toBe("2026-07-01T06:00:00.000Z");
    expect(instantAt("2026-12-01", "08:00", "Europe/Madrid")).toBe("2026-12-01T07:00:00.000Z");
  });

  it("is absent when the request names no date or the time has passed", () => {
    const now = new Date("2026-12-01T15:00:00Z");
    expect(requestedSendInstant(undefined, "08:00", "America/Bogota", now)).toBeUndefined();
    expect(requestedSendInstant("2026-12-01", "08:00", "America/Bogota", now)).toBeUndefined();
    expect(requestedSendInstant("2026-12-04", "08:00", "America/Bogota", now)).toBe(
      "2026-12-04T13:00:00.000Z",
    );
  });

  it("refuses a time that is not HH:MM", () => {
    expect(() => instantAt("2026-12-04", "8am", "America/Bogota")).toThrow();
  });
});
