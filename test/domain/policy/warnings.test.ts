import { policyWarnings } from "../../../src/domain/policy/warnings";
import type { WorkCalendar } from "../../../src/domain/types";

const calendar: WorkCalendar = { closedDays: ["2026-12-24"], timeZone: "America/Bogota" };
const config = { leadTimeDays: 3 };
// Tuesday 10 Nov 2026, 10:00 in Bogotá.
const now = "2026-11-10T15:00:00Z";

describe("policyWarnings", () => {
  it("returns nothing for a well-formed request with enough notice", () => {
    expect(
      policyWarnings(
        {
          receivedAt: now,
          requestedDate: "2026-11-20",
          missingFields: [],
          message: {
            body: "<p>Convocatoria abierta a movilidad internacional 2027 para estudiantes.</p>",
            bodyType: "html",
            attachments: [],
          },
        },
        calendar,
        now,
        config,
      ),
    ).toEqual([]);
  });

  it("names the holiday a requested date falls on", () => {
    const warnings = policyWarnings({ receivedAt: now, requestedDate: "2026-11-16" }, calendar, now, config);
    expect(warnings).toEqual([
      {
        code: "requestedDateHoliday",
        date: "2026-11-16",
        holidays: [
          {
            date: "2026-11-16",
            key: "independenciaDeCartagena",
            nameEs: "Independencia de Cartagena",
            nameEn: "Independence of Cartagena",
          },
        ],
      },
    ]);
  });

  it("reports a weekend, and a holiday on a weekend as both", () => {
    expect(policyWarnings({ requestedDate: "2026-11-22" }, calendar, now, config)).toEqual([
      { code: "requestedDateWeekend", date: "2026-11-22", day: "sunday" },
    ]);
    const codes = policyWarnings({ requestedDate: "2027-05-01" }, calendar, now, config).map((w) => w.code);
    expect(codes).toEqual(["requestedDateHoliday", "requestedDateWeekend"]);
  });

  it("reports a closed day", () => {
    expect(policyWarnings({ requestedDate: "2026-12-24" }, calendar, now, config)).toEqual([
      { code: "requestedDateClosed", date: "2026-12-24" },
    ]);
  });

  it("reports a past date alone, with today's date", () => {
    expect(policyWarnings({ receivedAt: now, requestedDate: "2026-11-09" }, calendar, now, config)).toEqual([
      { code: "requestedDatePast", date: "2026-11-09", today: "2026-11-10" },
    ]);
  });

  it("reports short notice with the business days available since the request arrived", () => {
    // Received Fri 13 Nov; Mon 16 is a holiday, so only Tue 17 and Wed 18 are available.
    expect(
      policyWarnings(
        { receivedAt: "2026-11-13T15:00:00Z", requestedDate: "2026-11-18" },
        calendar,
        now,
        config,
      ),
    ).toEqual([{ code: "shortLeadTime", date: "2026-11-18", businessDaysAvailable: 2, leadTimeDays: 3 }]);
  });

  it("counts notice from now when the arrival time is unknown", () => {
    expect(policyWarnings({ requestedDate: "2026-11-10" }, calendar, now, config)).toEqual([
      { code: "shortLeadTime", date: "2026-11-10", businessDaysAvailable: 0, leadTimeDays: 3 },
    ]);
  });

  it("reports an unreadable requested date", () => {
    expect(policyWarnings({ requestedDate: "20/11/2026" }, calendar, now, config)).toEqual([
      { code: "requestedDateInvalid", value: "20/11/2026" },
    ]);
  });

  it("lists missing fields first, then content findings", () => {
    const warnings = policyWarnings(
      {
        missingFields: ["desiredSender", "audiences"],
        message: {
          body: '<img src="cid:x"><a href="https://attacker.example">www.universidad.example</a>',
          bodyType: "html",
          attachments: [],
        },
      },
      calendar,
      now,
      config,
    );
    expect(warnings).toEqual([
      { code: "missingFields", fields: ["desiredSender", "audiences"] },
      { code: "imageOnly", where: "cid:x", imageCount: 1, textLength: 21 },
      // The image has no alt attribute: the content checks say so too (issue 13).
      { code: "imageWithoutAlt", where: "cid:x" },
      {
        code: "deceptiveLink",
        where: "www.universidad.example",
        text: "www.universidad.example",
        href: "https://attacker.example",
        shownHost: "universidad.example",
        targetHost: "attacker.example",
      },
    ]);
  });

  it("checks a text body for images only (it has no links)", () => {
    const warnings = policyWarnings(
      {
        message: {
          body: "",
          bodyType: "text",
          attachments: [{ id: "1", name: "a.png", contentType: "image/png", size: 1, isInline: false }],
        },
      },
      calendar,
      now,
      config,
    );
    expect(warnings).toEqual([{ code: "imageOnly", where: "a.png", imageCount: 1, textLength: 0 }]);
  });
});
