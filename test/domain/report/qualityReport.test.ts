// A synthetic November 2026 in Bogotá (UTC−5, no daylight saving), business hours 08:00–17:00 local
// (13:00–22:00 UTC). Colombian holidays that month: Monday 2 (All Saints, moved) and Monday 16 (Independence
// of Cartagena, moved). Every figure below is worked out by hand in the comments.
import Papa from "papaparse";
// Both languages, as the demo and the pane tests have them (English is otherwise fetched on demand).
import "../../../src/i18n/bundledLanguages";
import {
  cancelCase,
  closeCase,
  createCase,
  forwardCase,
  linkConfirmation,
  markConfirmed,
  markSent,
  relayConfirmation,
} from "../../../src/domain/lifecycle";
import { isColombianHoliday } from "../../../src/domain/policy";
import {
  businessHoursBetween,
  median,
  monthRange,
  nearestRankPercentile,
  qualityReport,
  qualityReportCsv,
} from "../../../src/domain/report";
import type { QualityReport, ReportStep, ReportSummary } from "../../../src/domain/report";
import type { AudienceKey, Case, DateOnly, Instant, WorkCalendar } from "../../../src/domain/types";
import { formatters, translate } from "../../../src/i18n/translate";
import { reportCsvLabels } from "../../../src/taskpane/components/reportCsvLabels";

const calendar: WorkCalendar = { closedDays: [], timeZone: "America/Bogota" };
const BY = "profesional@universidad.example";
const IT = "operador@universidad.example";

/** Bogotá wall-clock time → the UTC instant (Bogotá is UTC−5 all year). */
function bogota(date: DateOnly, time: string): Instant {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMinutes(h * 60 + m + 5 * 60);
  return d.toISOString();
}

let serial = 0;
function newCase(unit: string, audiences: AudienceKey[], at: Instant, dueDate: DateOnly): Case {
  serial++;
  return createCase({
    id: `CM-2611-T${"23456789ABCDEFGHJK"[serial] ?? "Z"}AA`,
    at,
    by: BY,
    requester: { address: "unidad@universidad.example" },
    fields: {
      requestingUnit: unit,
      desiredSender: unit,
      subject: "Asunto",
      audiences,
      urgency: "normal",
      attachmentIds: [],
    },
    dueDate,
  });
}

const sentBy = (at: Instant) => ({ at, by: IT, evidence: { sentAt: at, recipientCount: 100 } });

// A — Biblioteca Central, students + faculty, due Fri 6. Everything inside opening hours.
//   forward  Tue 3 09:00 → Tue 3 11:00                          = 2 h
//   send     Tue 3 11:00 → Wed 4 10:00   (6 h Tue + 2 h Wed)     = 8 h
//   confirm  Wed 4 10:00 → Wed 4 10:30                           = 0.5 h
//   close    Wed 4 10:30 → Thu 5 08:30   (6.5 h Wed + 0.5 h Thu) = 7 h
//   total    Tue 3 09:00 → Thu 5 08:30   (8 + 9 + 0.5)           = 17.5 h; sent Wed 4 ≤ due Fri 6: on time.
const caseA = relayConfirmation(
  markConfirmed(
    markSent(
      forwardCase(
        newCase(
          "Biblioteca Central",
          ["estudiantes", "docentes"],
          bogota("2026-11-03", "09:00"),
          "2026-11-06",
        ),
        {
          at: bogota("2026-11-03", "11:00"),
          by: BY,
        },
      ),
      sentBy(bogota("2026-11-04", "10:00")),
    ),
    { at: bogota("2026-11-04", "10:30"), by: BY },
  ),
  { at: bogota("2026-11-05", "08:30"), by: BY },
);

// B — Biblioteca Central, students, due Tue 10. Across a weekend; sent late; confirmed, not yet closed.
//   forward  Fri 6 16:00 → Tue 10 08:30  (1 h Fri + 9 h Mon 9 + 0.5 h Tue) = 10.5 h
//   send     Tue 10 08:30 → Wed 11 09:00 (8.5 h Tue + 1 h Wed)            = 9.5 h; Wed 11 > due Tue 10: late.
//   confirm  Wed 11 09:00 → Wed 11 12:00                                 = 3 h
const caseB = linkConfirmation(
  forwardCase(newCase("Biblioteca Central", ["estudiantes"], bogota("2026-11-06", "16:00"), "2026-11-10"), {
    at: bogota("2026-11-10", "08:30"),
    by: BY,
  }),
  { sent: sentBy(bogota("2026-11-11", "09:00")), confirmed: { at: bogota("2026-11-11", "12:00"), by: BY } },
);

// C — Vicerrectoría de Investigaciones, faculty, due Fri 20. Across the Monday 16 holiday; never sent, so still
// waiting for IT on 1 December with its due date passed: overdue.
//   forward  Fri 13 10:00 → Tue 17 10:00 (7 h Fri + 0 h Mon 16, a holiday + 2 h Tue) = 9 h
const caseC = forwardCase(
  newCase("Vicerrectoría de Investigaciones", ["docentes"], bogota("2026-11-13", "10:00"), "2026-11-20"),
  { at: bogota("2026-11-17", "10:00"), by: BY },
);

// D — Vicerrectoría de Investigaciones, administrative staff: cancelled before the forward (no step to time).
const caseD = cancelCase(
  newCase(
    "Vicerrectoría de Investigaciones",
    ["administrativos"],
    bogota("2026-11-23", "08:00"),
    "2026-11-26",
  ),
  { at: bogota("2026-11-23", "09:00"), by: BY, reason: "La unidad retiró la solicitud" },
);

// E — " Bienestar  Universitario " (stray spaces: the same unit as F), students, due Fri 27. Steps outside hours.
//   forward  Tue 24 14:00 → Tue 24 14:30                              = 0.5 h
//   send     Tue 24 14:30 → Wed 25 18:00 (2.5 h Tue + 9 h Wed, closes 17:00) = 11.5 h
//   confirm  Wed 25 18:00 → Thu 26 07:00 (closed all that time)       = 0 h
//   close    Thu 26 07:00 → Thu 26 09:00 (opens 08:00)                = 1 h
//   total    Tue 24 14:00 → Thu 26 09:00 (3 + 9 + 1)                  = 13 h
const caseE = closeCase(
  markConfirmed(
    markSent(
      forwardCase(
        newCase(" Bienestar  Universitario ", ["estudiantes"], bogota("2026-11-24", "14:00"), "2026-11-27"),
        {
          at: bogota("2026-11-24", "14:30"),
          by: BY,
        },
      ),
      sentBy(bogota("2026-11-25", "18:00")),
    ),
    { at: bogota("2026-11-26", "07:00"), by: BY },
  ),
  { at: bogota("2026-11-26", "09:00"), by: BY },
);

// F — created at 03:00 UTC on 1 December, which is 22:00 on 30 November in Bogotá: a November case. Received only.
const caseF = newCase("Bienestar Universitario", ["estudiantes"], "2026-12-01T03:00:00Z", "2026-12-03");

// Outside the month on Bogotá's calendar: 31 October 23:00 local, and 1 December 08:00 local.
const october = newCase("Biblioteca Central", ["estudiantes"], "2026-11-01T04:00:00Z", "2026-11-05");
const december = newCase("Biblioteca Central", ["estudiantes"], bogota("2026-12-01", "08:00"), "2026-12-04");

const ALL = [caseA, caseB, caseC, caseD, caseE, caseF, october, december];
const asOf = bogota("2026-12-01", "10:00");
const november = (): QualityReport => qualityReport(ALL, monthRange(2026, 11), { calendar, asOf });

const stepOf = (s: ReportSummary, step: ReportStep) => s.steps.find((x) => x.step === step);

describe("business hours", () => {
  it("the synthetic month's holidays are the ones the comments assume", () => {
    expect(isColombianHoliday("2026-11-02")).toBe(true);
    expect(isColombianHoliday("2026-11-16")).toBe(true);
    expect(isColombianHoliday("2026-11-09")).toBe(false);
  });

  it("counts only opening hours of working days, on the local clock", () => {
    // Fri 6 16:00 → Tue 10 08:30: 1 h + (Sat, Sun) + 9 h + 0.5 h.
    expect(businessHoursBetween(bogota("2026-11-06", "16:00"), bogota("2026-11-10", "08:30"), calendar)).toBe(
      10.5,
    );
    // Fri 13 10:00 → Tue 17 10:00 with the holiday Monday: 7 h + 2 h.
    expect(businessHoursBetween(bogota("2026-11-13", "10:00"), bogota("2026-11-17", "10:00"), calendar)).toBe(
      9,
    );
    // A closed day of the institution's own counts like a holiday: Tue 17 closed leaves Fri's 7 h + Wed's 2 h.
    const closed = { ...calendar, closedDays: ["2026-11-17"] };
    expect(businessHoursBetween(bogota("2026-11-13", "10:00"), bogota("2026-11-18", "10:00"), closed)).toBe(
      9,
    );
    // Other opening hours: 07:00–12:00, from 11:00 to the next day's 08:00 is 1 h + 1 h.
    const hours = { opensAt: 7 * 60, closesAt: 12 * 60 };
    expect(
      businessHoursBetween(bogota("2026-11-03", "11:00"), bogota("2026-11-04", "08:00"), calendar, hours),
    ).toBe(2);
    // Backwards or equal: zero.
    expect(businessHoursBetween(bogota("2026-11-04", "10:00"), bogota("2026-11-03", "10:00"), calendar)).toBe(
      0,
    );
  });
});

describe("median and nearest-rank percentile", () => {
  it("follow their documented definitions", () => {
    expect(median([9, 0.5, 10.5, 2])).toBe(5.5); // (2 + 9) / 2
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeUndefined();
    // Nearest rank ⌈p·n/100⌉: n = 4 → rank ⌈3.6⌉ = 4; n = 10 → rank 9; n = 70 → rank 63 (not 64).
    expect(nearestRankPercentile([9, 0.5, 10.5, 2], 90)).toBe(10.5);
    expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(
      nearestRankPercentile(
        Array.from({ length: 70 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(63);
    expect(nearestRankPercentile([4], 90)).toBe(4);
  });
});

describe("the quality report of a month", () => {
  it("counts November's requests on Bogotá's calendar: sent, cancelled and overdue", () => {
    const report = november();
    expect(report.range).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    // A–F (not the 31 October or 1 December ones). Sent: A, B, E. Cancelled: D. Overdue: B (sent late), C (waiting).
    expect(report.all).toMatchObject({ requests: 6, sent: 3, cancelled: 1, overdue: 2 });
  });

  it("gives each step's median and 90th percentile in business hours", () => {
    const { all } = november();
    expect(all.steps).toEqual([
      // forward: A 2, B 10.5, C 9, E 0.5 → sorted 0.5, 2, 9, 10.5; median (2 + 9) / 2; rank ⌈3.6⌉ = 4.
      { step: "forward", measured: 4, medianHours: 5.5, p90Hours: 10.5 },
      // send: A 8, B 9.5, E 11.5 → median 9.5; rank ⌈2.7⌉ = 3.
      { step: "send", measured: 3, medianHours: 9.5, p90Hours: 11.5 },
      // confirm: A 0.5, B 3, E 0 → sorted 0, 0.5, 3.
      { step: "confirm", measured: 3, medianHours: 0.5, p90Hours: 3 },
      // close: A 7, E 1 → median 4; rank ⌈1.8⌉ = 2.
      { step: "close", measured: 2, medianHours: 4, p90Hours: 7 },
      // total: A 17.5, E 13 → median 15.25; rank 2.
      { step: "total", measured: 2, medianHours: 15.25, p90Hours: 17.5 },
    ]);
  });

  it("groups by requesting unit (spaces tidied) and by audience (a case in each of its audiences)", () => {
    const report = november();
    expect(
      report.byUnit.map((g) => [
        g.key,
        g.summary.requests,
        g.summary.sent,
        g.summary.cancelled,
        g.summary.overdue,
      ]),
    ).toEqual([
      ["Biblioteca Central", 2, 2, 0, 1],
      ["Bienestar Universitario", 2, 1, 0, 0],
      ["Vicerrectoría de Investigaciones", 2, 0, 1, 1],
    ]);
    // Biblioteca's send step: A 8, B 9.5 → median 8.75, nearest rank ⌈1.8⌉ = 2 → 9.5.
    expect(stepOf(report.byUnit[0]!.summary, "send")).toEqual({
      step: "send",
      measured: 2,
      medianHours: 8.75,
      p90Hours: 9.5,
    });
    // Students: A, B, E, F. Faculty: A, C. Administrative staff: D.
    expect(report.byAudience.map((g) => [g.key, g.summary.requests, g.summary.overdue])).toEqual([
      ["estudiantes", 4, 1],
      ["docentes", 2, 1],
      ["administrativos", 1, 0],
    ]);
    // Faculty's forward step: A 2, C 9 → median 5.5, p90 9.
    expect(stepOf(report.byAudience[1]!.summary, "forward")).toMatchObject({ medianHours: 5.5, p90Hours: 9 });
  });

  it("an empty period has zero counts and no durations", () => {
    const report = qualityReport(ALL, monthRange(2026, 2), { calendar, asOf });
    expect(report.all).toMatchObject({ requests: 0, sent: 0, cancelled: 0, overdue: 0 });
    expect(report.all.steps.every((s) => s.measured === 0 && s.medianHours === undefined)).toBe(true);
    expect(report.byUnit).toEqual([]);
    expect(report.byAudience).toEqual([]);
  });

  it("takes any date range, not only a month", () => {
    // 3–10 November: A and B only.
    const report = qualityReport(ALL, { from: "2026-11-03", to: "2026-11-10" }, { calendar, asOf });
    expect(report.all).toMatchObject({ requests: 2, sent: 2, overdue: 1 });
  });
});

describe("the report as CSV", () => {
  const audiences = [
    { key: "estudiantes" as const, labelEs: "Estudiantes", labelEn: "Students" },
    { key: "docentes" as const, labelEs: "Docentes", labelEn: "Faculty" },
    { key: "administrativos" as const, labelEs: "Administrativos", labelEn: "Administrative staff" },
  ];
  const csvIn = (lang: "es" | "en") =>
    qualityReportCsv(
      november(),
      lang,
      reportCsvLabels({ lang, t: (k, p) => translate(lang, k, p) }, audiences),
    );

  it("Spanish: UTF-8 BOM, semicolons, decimal comma, one row per group", () => {
    const csv = csvIn("es");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ";" }).data;
    expect(rows[0]!.slice(0, 7)).toEqual([
      "Periodo",
      "Agrupación",
      "Valor",
      "Solicitudes",
      "Enviadas",
      "Canceladas",
      "Vencidas",
    ]);
    expect(rows[0]![7]).toBe("Recibida → enviada a TIC: Casos medidos");
    // Whole month, then 3 units, then 3 audiences.
    expect(rows).toHaveLength(1 + 1 + 3 + 3);
    expect(rows[1]!.slice(0, 10)).toEqual([
      "2026-11-01 – 2026-11-30",
      "Todas",
      "Todas",
      "6",
      "3",
      "1",
      "2",
      "4",
      "5,50",
      "10,50",
    ]);
    expect(rows[7]!.slice(1, 4)).toEqual(["Destinatarios", "Administrativos", "1"]);
    // Administrative staff's only case never got past received: empty duration cells.
    expect(rows[7]!.slice(7, 10)).toEqual(["0", "", ""]);
  });

  it("English: commas and decimal points", () => {
    const rows = Papa.parse<string[]>(csvIn("en").slice(1), { delimiter: "," }).data;
    expect(rows[0]!.slice(0, 2)).toEqual(["Period", "Grouping"]);
    expect(rows[1]!.slice(7, 10)).toEqual(["4", "5.50", "10.50"]);
    expect(rows[5]!.slice(1, 3)).toEqual(["Audience", "Students"]);
  });

  it("defuses a unit name Excel would run as a formula", () => {
    const risky = newCase(
      '=HYPERLINK("http://x")',
      ["estudiantes"],
      bogota("2026-11-03", "09:00"),
      "2026-11-06",
    );
    const report = qualityReport([risky], monthRange(2026, 11), { calendar, asOf });
    const csv = qualityReportCsv(
      report,
      "en",
      reportCsvLabels({ lang: "en", t: (k, p) => translate("en", k, p) }, audiences),
    );
    expect(csv).toContain('"\'=HYPERLINK(""http://x"")"');
  });
});

// Hours above a thousand (a case forwarded months later): the pane would write "1.234,5", which Excel in an
// English setup reads as 1.2345; the CSV writes the plain number with the language's decimal mark only.
it("writes hours without thousands separators, unlike the pane's number format", () => {
  expect(formatters("es", "America/Bogota").number(1234.5)).toBe("1.234,5");
  const many = Array.from({ length: 3 }, () =>
    forwardCase(newCase("U", ["estudiantes"], bogota("2026-11-02", "08:00"), "2027-06-01"), {
      at: bogota("2027-05-31", "08:00"),
      by: BY,
    }),
  );
  const report = qualityReport(many, monthRange(2026, 11), { calendar, asOf });
  const hours = report.all.steps[0]!.medianHours!;
  expect(hours).toBeGreaterThan(1000);
  const row = Papa.parse<string[]>(
    qualityReportCsv(
      report,
      "es",
      reportCsvLabels({ lang: "es", t: (k, p) => translate("es", k, p) }, []),
    ).slice(1),
    { delimiter: ";" },
  ).data[1]!;
  expect(row[8]).toBe(hours.toFixed(2).replace(".", ","));
});
