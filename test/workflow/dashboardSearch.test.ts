// The dashboard's search folds accents and case on both sides; its "open" filter keeps closed and cancelled
// cases out; the overdue count is of the rows given.
import { createCase } from "../../src/domain/lifecycle";
import type { Case, CaseState } from "../../src/domain/types";
import type { CaseRow } from "../../src/workflow/dashboard";
import { compareRows, matchesSearch, overdueCount, rowFilter, searchKey } from "../../src/workflow/dashboard";

function row(id: string, unit: string, state: CaseState, overdue = false, dueDate = "2026-12-15"): CaseRow {
  const c: Case = createCase({
    id,
    at: "2026-11-02T14:00:00Z",
    by: "ana@universidad.example",
    requester: { name: unit, address: "unidad@universidad.example" },
    fields: {
      requestingUnit: unit,
      desiredSender: unit,
      subject: "Convocatoria",
      audiences: ["estudiantes"],
      urgency: "normal",
      attachmentIds: [],
    },
    dueDate,
  });
  return { messageId: id, case: { ...c, state }, overdue };
}

describe("dashboard search and order", () => {
  it("folds accents, ñ and case", () => {
    expect(searchKey("  Ingeniería ")).toBe("ingenieria");
    expect(searchKey("AÑO")).toBe("ano");
    const r = row("CM-2611-AAAA", "Facultad de Ingeniería", "received");
    for (const q of ["ingenieria", "INGENIERIA", "Ingeniería", "ingeniería", "cm-2611-aaaa"])
      expect(matchesSearch(r, q)).toBe(true);
    expect(matchesSearch(r, "medicina")).toBe(false);
    // A query never matches across two fields.
    expect(matchesSearch(r, "aaaafacultad")).toBe(false);
  });

  it("puts closed and cancelled cases after every open one, even when due earlier", () => {
    const open = row("CM-2611-AAAB", "A", "forwarded", false, "2026-12-20");
    const overdue = row("CM-2611-AAAC", "B", "forwarded", true, "2026-11-20");
    const closed = row("CM-2611-AAAD", "C", "closed", false, "2026-11-01");
    const cancelled = row("CM-2611-AAAE", "D", "cancelled", false, "2026-11-02");
    const sorted = [closed, open, cancelled, overdue].sort(compareRows).map((r) => r.case.id);
    expect(sorted).toEqual([overdue.case.id, open.case.id, closed.case.id, cancelled.case.id]);

    const onlyOpen = rowFilter("open", "");
    expect([closed, open, cancelled, overdue].filter((r) => onlyOpen?.(r)).map((r) => r.case.id)).toEqual([
      open.case.id,
      overdue.case.id,
    ]);
    expect(overdueCount([closed, open, overdue])).toBe(1);
  });
});
