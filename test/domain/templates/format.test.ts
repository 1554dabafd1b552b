import {
  audienceLabel,
  formatAddress,
  formatAudiences,
  formatCount,
  formatDate,
  formatInstant,
} from "../../../src/domain/templates/format";
import type { AudienceLabel } from "../../../src/domain/templates/types";

const labels: AudienceLabel[] = [
  { key: "estudiantes", labelEs: "Estudiantes", labelEn: "Students" },
  { key: "docentes", labelEs: "Docentes", labelEn: "Faculty" },
];

// Intl may use narrow no-break spaces around times; compare on plain spaces.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("dates", () => {
  it("formats a calendar date the same day whatever the zone", () => {
    expect(formatDate("2026-11-27", "es")).toBe("viernes, 27 de noviembre de 2026");
    expect(formatDate("2026-11-27", "en")).toBe("Friday, November 27, 2026");
    expect(() => formatDate("2026-13-01", "es")).toThrow(RangeError);
  });

  it("formats an instant in the institution's zone, with the zone shown", () => {
    const es = plain(formatInstant("2026-11-28T03:30:00Z", "es", "America/Bogota"));
    expect(es).toContain("viernes, 27 de noviembre de 2026");
    expect(es).toContain("10:30");
    const en = plain(formatInstant("2026-11-28T03:30:00Z", "en", "America/Bogota"));
    expect(en).toContain("Friday, November 27, 2026");
    expect(en).toContain("10:30 PM");
    expect(() => formatInstant("yesterday", "en", "America/Bogota")).toThrow(RangeError);
  });
});

describe("numbers, audiences and addresses", () => {
  it("groups thousands the local way", () => {
    expect(formatCount(12345, "es")).toBe("12.345");
    expect(formatCount(12345, "en")).toBe("12,345");
  });

  it("uses configured labels, falling back to the key", () => {
    expect(audienceLabel("docentes", labels, "en")).toBe("Faculty");
    expect(audienceLabel("administrativos", labels, "es")).toBe("administrativos");
    expect(formatAudiences(["estudiantes", "docentes", "administrativos"], labels, "es")).toBe(
      "Estudiantes, Docentes y administrativos",
    );
    expect(formatAudiences(["estudiantes", "docentes"], labels, "en")).toBe("Students and Faculty");
  });

  it("writes an address with its name when there is one", () => {
    expect(formatAddress({ name: "Bienestar", address: "bienestar@universidad.example" })).toBe(
      "Bienestar <bienestar@universidad.example>",
    );
    expect(formatAddress({ name: " ", address: "x@universidad.example" })).toBe("x@universidad.example");
  });
});
