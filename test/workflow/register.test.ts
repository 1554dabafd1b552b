// The register CSV says when each step happened on the institution's wall clock, as the pane does, in a form
// Excel reads as a date and time; a closed case names who closed it and when; the file is named in the pane's
// language.
import Papa from "papaparse";
import { toLocalDateTime } from "../../src/domain/dates";
import {
  closeCase,
  createCase,
  forwardCase,
  markConfirmed,
  markSent,
  relayConfirmation,
} from "../../src/domain/lifecycle";
import type { Act, NewCase } from "../../src/domain/lifecycle";
import type { Case } from "../../src/domain/types";
import { formatters } from "../../src/i18n/translate";
import { registerCsv, registerFileName } from "../../src/workflow/register";

const COMMS = "ana@universidad.example";
const IT = "luis@universidad.example";
const MADRID = "Europe/Madrid";

const input: NewCase = {
  id: "CM-2612-7F3K",
  at: "2026-12-01T09:00:00Z",
  by: COMMS,
  requester: { name: "Facultad", address: "facultad@universidad.example" },
  fields: {
    requestingUnit: "Facultad",
    desiredSender: "facultad@universidad.example",
    subject: "Convocatoria",
    audiences: ["estudiantes"],
    urgency: "normal",
    attachmentIds: [],
  },
  dueDate: "2026-12-04",
};
const act = (at: string, by = COMMS): Act => ({ at, by });
const confirmed = markConfirmed(
  markSent(forwardCase(createCase(input), act("2026-12-01T10:00:00Z")), act("2026-12-02T08:00:00Z", IT)),
  act("2026-12-02T08:05:00Z", IT),
);
/** Closed at 23:30 UTC on 3 December: already 4 December in Madrid. */
const relayed = relayConfirmation(confirmed, act("2026-12-03T23:30:00Z"));
const closedWithoutRelay = closeCase(confirmed, act("2026-12-03T23:30:00Z", "eva@universidad.example"));

function rows(c: Case, lang: "es" | "en" = "es"): Record<string, string> {
  const csv = registerCsv([c], lang, (x) => x.state, MADRID);
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter: lang === "es" ? ";" : "," });
  const [header = [], row = []] = parsed.data;
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? ""]));
}

describe("register CSV", () => {
  it("writes a case closed at 23:30 UTC on the next day in Europe/Madrid, as the pane shows it", () => {
    const row = rows(relayed);
    expect(row["Cerrado (fecha)"]).toBe("2026-12-04 00:30");
    expect(row["Informado al solicitante (fecha)"]).toBe("2026-12-04 00:30");
    expect(row["Enviado por TIC (fecha)"]).toBe("2026-12-02 09:00");
    // The pane formats the same instant with the same zone: the same calendar day, 4 December.
    const fmt = formatters("es", MADRID);
    expect(fmt.date("2026-12-03T23:30:00Z")).toBe(fmt.date("2026-12-04"));
    expect(fmt.dateTime("2026-12-03T23:30:00Z")).toContain(fmt.date("2026-12-04"));
  });

  it("fills the closed columns from the entry that closed the case", () => {
    expect(rows(relayed)["Cerrado (por)"]).toBe(COMMS);
    const direct = rows(closedWithoutRelay, "en");
    expect(direct["Closed (date)"]).toBe("2026-12-04 00:30");
    expect(direct["Closed (by)"]).toBe("eva@universidad.example");
    // A case not closed has nothing there.
    expect(rows(confirmed)["Cerrado (fecha)"]).toBe("");
    expect(rows(confirmed)["Cerrado (por)"]).toBe("");
  });

  it("is named in the pane's language and dated by the institution's calendar", () => {
    expect(registerFileName("es", "2026-12-03T23:30:00Z", MADRID)).toBe("pregon-registro-2026-12-04.csv");
    expect(registerFileName("en", "2026-12-03T23:30:00Z", MADRID)).toBe("pregon-register-2026-12-04.csv");
    expect(registerFileName("en", "2026-12-03T23:30:00Z", "America/Bogota")).toBe(
      "pregon-register-2026-12-03.csv",
    );
  });

  it("writes wall-clock minutes Excel reads, across a daylight-saving change", () => {
    expect(toLocalDateTime("2026-03-29T00:59:00Z", MADRID)).toBe("2026-03-29 01:59");
    expect(toLocalDateTime("2026-03-29T01:00:00Z", MADRID)).toBe("2026-03-29 03:00");
    expect(toLocalDateTime("2026-12-04T05:00:00Z", "America/Bogota")).toBe("2026-12-04 00:00");
  });
});
