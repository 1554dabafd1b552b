import {
  CASE_ID_ALPHABET,
  findCaseId,
  formatCaseTag,
  generateCaseId,
  isCaseId,
  normalizeCaseId,
} from "../../src/domain/caseId";
import type { RandomBytes } from "../../src/domain/caseId";
import { AppError } from "../../src/domain/errors";

/** A small seeded generator (mulberry32) so that "random" ids are the same on every run. */
function seededBytes(seed: number): RandomBytes {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  };
  return (count) => Uint8Array.from({ length: count }, next);
}

/** Returns the given bytes in order, then repeats the last one. */
function scriptedBytes(bytes: number[]): RandomBytes {
  let i = 0;
  return (count) => Uint8Array.from({ length: count }, () => bytes[Math.min(i++, bytes.length - 1)] ?? 0);
}

const BOGOTA = "America/Bogota";
const NOV_2026 = "2026-11-27T14:05:00Z";

describe("the alphabet", () => {
  it("has no look-alike or sound-alike symbols", () => {
    for (const ambiguous of ["0", "1", "O", "I", "L", "U", "V"]) {
      expect(CASE_ID_ALPHABET).not.toContain(ambiguous);
    }
  });

  it("has 29 distinct upper-case symbols", () => {
    expect(CASE_ID_ALPHABET).toHaveLength(29);
    expect(new Set(CASE_ID_ALPHABET).size).toBe(29);
    expect(CASE_ID_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });
});

describe("generateCaseId", () => {
  it("builds CM-YYMM-XXXX from the creation month and the random bytes", () => {
    const id = generateCaseId({
      now: NOV_2026,
      timeZone: BOGOTA,
      randomBytes: scriptedBytes([5, 13, 1, 17]),
    });
    expect(id).toBe("CM-2611-7F3K");
  });

  it("takes the month in the institution's time zone, not UTC", () => {
    // 03:00 UTC on 1 December is still 30 November in Bogotá (UTC−5).
    const id = generateCaseId({ now: "2026-12-01T03:00:00Z", timeZone: BOGOTA, randomBytes: seededBytes(1) });
    expect(id.startsWith("CM-2611-")).toBe(true);
    const utc = generateCaseId({ now: "2026-12-01T03:00:00Z", timeZone: "UTC", randomBytes: seededBytes(1) });
    expect(utc.startsWith("CM-2612-")).toBe(true);
  });

  it("accepts a Date and pads the year of a new century", () => {
    const id = generateCaseId({
      now: new Date("2100-01-15T12:00:00Z"),
      timeZone: "UTC",
      randomBytes: seededBytes(2),
    });
    expect(id).toMatch(/^CM-0001-/);
  });

  it("discards bytes that would bias the draw (232 and above)", () => {
    const id = generateCaseId({
      now: NOV_2026,
      timeZone: BOGOTA,
      randomBytes: scriptedBytes([255, 232, 5, 250, 13, 1, 240, 17]),
    });
    expect(id).toBe("CM-2611-7F3K");
  });

  it("gives every symbol the same chance", () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 232; byte++) {
      const id = generateCaseId({ now: NOV_2026, timeZone: "UTC", randomBytes: scriptedBytes([byte]) });
      const symbol = id.slice(-1);
      counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(29);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it("draws again while the candidate is taken", () => {
    const taken = new Set(["CM-2611-7F3K"]);
    const id = generateCaseId({
      now: NOV_2026,
      timeZone: BOGOTA,
      randomBytes: scriptedBytes([5, 13, 1, 17, 5, 13, 1, 17, 0]),
      isTaken: (candidate) => taken.has(candidate),
    });
    expect(id).not.toBe("CM-2611-7F3K");
    expect(isCaseId(id)).toBe(true);
  });

  it("gives up with a conflict error when every draw is taken", () => {
    const attempt = () =>
      generateCaseId({ now: NOV_2026, timeZone: BOGOTA, randomBytes: seededBytes(3), isTaken: () => true });
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code: "conflict" }));
  });

  it("refuses a random source that never gives a usable byte instead of looping", () => {
    const attempt = () =>
      generateCaseId({ now: NOV_2026, timeZone: BOGOTA, randomBytes: () => new Uint8Array(8).fill(255) });
    expect(attempt).toThrow(expect.objectContaining({ code: "unknown" }));
  });

  it("uses the platform's crypto by default", () => {
    const ids = new Set(
      Array.from({ length: 50 }, () => generateCaseId({ now: NOV_2026, timeZone: BOGOTA })),
    );
    for (const id of ids) expect(isCaseId(id)).toBe(true);
    expect(ids.size).toBeGreaterThan(45);
  });

  it("mints 10,000 distinct ids in one month, each found again in a reply subject", () => {
    const randomBytes = seededBytes(2611);
    const taken = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = generateCaseId({
        now: NOV_2026,
        timeZone: BOGOTA,
        randomBytes,
        isTaken: (c) => taken.has(c),
      });
      expect(taken.has(id)).toBe(false);
      taken.add(id);
      expect(findCaseId(`RE: RV: ${formatCaseTag(id)} Convocatoria de becas 2027`)).toBe(id);
    }
    expect(taken.size).toBe(10_000);
  });

  it("collides without the mailbox check about as often as the birthday bound says", () => {
    // 2,000 draws among 29^4 ids: expected ≈ 2000² / (2 · 707,281) ≈ 2.8 collisions. This is why isTaken exists.
    const randomBytes = seededBytes(7);
    const ids = Array.from({ length: 2_000 }, () =>
      generateCaseId({ now: NOV_2026, timeZone: BOGOTA, randomBytes }),
    );
    const collisions = ids.length - new Set(ids).size;
    expect(collisions).toBeLessThan(15);
  });
});

describe("isCaseId", () => {
  it.each(["CM-2611-7F3K", "CM-0001-2222", "CM-9912-ZZZZ"])("accepts the canonical %s", (id) => {
    expect(isCaseId(id)).toBe(true);
  });

  it.each([
    ["lower case", "cm-2611-7f3k"],
    ["month 13", "CM-2613-7F3K"],
    ["month 00", "CM-2600-7F3K"],
    ["a zero", "CM-2611-7F0K"],
    ["an O", "CM-2611-7FOK"],
    ["an I", "CM-2611-7FIK"],
    ["an L", "CM-2611-7FLK"],
    ["a one", "CM-2611-7F1K"],
    ["a V", "CM-2611-7FVK"],
    ["three symbols", "CM-2611-7F3"],
    ["five symbols", "CM-2611-7F3KX"],
    ["spaces", "CM 2611 7F3K"],
    ["brackets", "[CM-2611-7F3K]"],
  ])("refuses %s", (_label, id) => {
    expect(isCaseId(id)).toBe(false);
  });
});

describe("findCaseId", () => {
  it.each([
    ["RE: [CM-2611-7F3K] Solicitud de envío", "CM-2611-7F3K"],
    ["RV: RE: Re: [CM-2611-7F3K] Solicitud", "CM-2611-7F3K"],
    ["FW: Fwd: [CM-2611-7F3K]", "CM-2611-7F3K"],
    ["RE:[CM-2611-7F3K]Recordatorio", "CM-2611-7F3K"],
    ["rv: [cm-2611-7f3k] minúsculas", "CM-2611-7F3K"],
    ["Recordatorio CM 2611 7F3K (por teléfono)", "CM-2611-7F3K"],
    ["Caso CM2611-7F3K", "CM-2611-7F3K"],
    ["Caso CM26117F3K", "CM-2611-7F3K"],
    ["Caso CM – 2611 – 7F3K (autocorrected dashes)", "CM-2611-7F3K"],
    ["Caso CM_2611_7F3K", "CM-2611-7F3K"],
    ["Confirmación: CM-2611-7F3K.", "CM-2611-7F3K"],
    ["(CM-2611-7F3K)", "CM-2611-7F3K"],
    ["CM-2611-7F3K", "CM-2611-7F3K"],
  ])("finds the id in %j", (subject, expected) => {
    expect(findCaseId(subject)).toBe(expected);
  });

  it.each([
    ["no id at all", "Solicitud de envío masivo: semana de inducción"],
    ["an impossible month", "RE: [CM-2613-7F3K]"],
    ["month zero", "RE: [CM-2600-7F3K]"],
    ["an ambiguous zero", "RE: [CM-2611-7F0K]"],
    ["an ambiguous O", "RE: [CM-2611-7FOK]"],
    ["an ambiguous I", "RE: [CM-2611-7FIK]"],
    ["an ambiguous L", "RE: [CM-2611-LF3K]"],
    ["too few symbols", "RE: [CM-2611-7F3]"],
    ["too many symbols", "RE: CM-2611-7F3KZZ"],
    ["a longer token before", "RE: XCM-2611-7F3K"],
    ["a longer token after", "RE: CM-2611-7F3Kñ"],
    ["a digit glued before", "RE: 4CM-2611-7F3K"],
    ["a five-digit date part", "RE: CM-26111-7F3K"],
    ["a different prefix", "RE: [CN-2611-7F3K]"],
  ])("ignores %s", (_label, subject) => {
    expect(findCaseId(subject)).toBeNull();
  });

  it("skips a look-alike and returns the real id that follows", () => {
    expect(findCaseId("RE: CM-2613-7F3K vs [CM-2611-7F3K]")).toBe("CM-2611-7F3K");
  });

  it("returns the first of two real ids", () => {
    expect(findCaseId("[CM-2611-7F3K] duplicate of [CM-2612-ABCD]")).toBe("CM-2611-7F3K");
  });

  it("does not accept Unicode look-alikes of the symbols (Kelvin sign for K)", () => {
    expect(findCaseId("RE: [CM-2611-7F3\u212A]")).toBeNull();
  });
});

describe("normalizeCaseId", () => {
  it.each([
    ["CM-2611-7F3K", "CM-2611-7F3K"],
    ["  cm 2611 7f3k ", "CM-2611-7F3K"],
    ["[CM-2611-7F3K]", "CM-2611-7F3K"],
    ["[ cm-2611-7F3k ]", "CM-2611-7F3K"],
  ])("normalizes %j", (input, expected) => {
    expect(normalizeCaseId(input)).toBe(expected);
  });

  it.each(["RE: CM-2611-7F3K", "CM-2611-7F3K extra", "CM-2613-7F3K", ""])("refuses %j", (input) => {
    expect(normalizeCaseId(input)).toBeNull();
  });
});

describe("formatCaseTag", () => {
  it("wraps the canonical id in brackets", () => {
    expect(formatCaseTag("CM-2611-7F3K")).toBe("[CM-2611-7F3K]");
    expect(formatCaseTag("cm 2611 7f3k")).toBe("[CM-2611-7F3K]");
  });

  it("refuses something that is not an id", () => {
    expect(() => formatCaseTag("CM-2611-0000")).toThrow(expect.objectContaining({ code: "invalidCaseId" }));
  });
});
