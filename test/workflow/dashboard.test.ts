// The dashboard at an institution's real scale (10,000 cases in comunicaciones@, read page by page through the
// server-side filters), and the quality register exported from it.
import Papa from "papaparse";
import { toLocalDateTime } from "../../src/domain/dates";
import type { HistoryAction } from "../../src/domain/types";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { stateCategory } from "../../src/workflow/categories";
import { firstDashboardPage, nextDashboardPage, sortRows } from "../../src/workflow/dashboard";
import type { CaseRow, DashboardPage } from "../../src/workflow/dashboard";
import { registerCsv } from "../../src/workflow/register";
import { newCase, openCase } from "../support/cases";
import { requestJson, seededCase } from "../support/manyCases";
import { itSendsAndConfirms } from "../support/procedure";
import { logged } from "../support/requestLog";
import { COMMUNICATIONS, IT, PROFESSIONAL, setupWorld } from "../support/world";

const world = setupWorld();
/** The register writes the institution's wall clock; a zone other than the machine's shows it is the one used. */
const TZ = "Europe/Madrid";

const CASES = 10_000;
const UNREADABLE = 3;

describe("dashboard at scale", () => {
  it("reads all 10,000 cases page by page and finds the overdue ones", async () => {
    const w = world();
    const seedStarted = performance.now();
    const cases = Array.from({ length: CASES }, (_, i) => seededCase(i));
    const messages = cases.map((c, i) =>
      requestJson(c, i < UNREADABLE ? `{"v":1,"id":"${c.id}",` : undefined),
    );
    // Mail that is not a case is not listed.
    messages.push({ subject: "Boletín semanal", receivedDateTime: "2026-11-20T10:00:00Z" });
    w.tenant.seedMessages(COMMUNICATIONS, messages);
    const seedMs = performance.now() - seedStarted;

    const started = performance.now();
    const { result: pages, entries } = await logged(w.tenant, async () => {
      const all: DashboardPage[] = [await firstDashboardPage(w.comms.ctx, COMMUNICATIONS)];
      for (let next = all[0]?.next; next; next = all.at(-1)?.next)
        all.push(await nextDashboardPage(w.comms.ctx, next));
      return all;
    });
    const readMs = performance.now() - started;

    const rows: CaseRow[] = pages.flatMap((p) => p.rows);
    const unreadable = pages.flatMap((p) => p.unreadable);
    expect(rows).toHaveLength(CASES - UNREADABLE);
    expect(unreadable.map((u) => u.caseId).sort()).toEqual(
      cases
        .slice(0, UNREADABLE)
        .map((c) => c.id)
        .sort(),
    );
    expect(new Set(rows.map((r) => r.case.id)).size).toBe(rows.length);
    expect(entries).toHaveLength(pages.length);
    expect(pages.length).toBe(Math.ceil(CASES / 1000));

    const overdue = rows.filter((r) => r.overdue);
    const expectedOverdue = cases.slice(UNREADABLE).filter((_, k) => (k + UNREADABLE) % 5 === 2);
    expect(overdue.map((r) => r.case.id).sort()).toEqual(expectedOverdue.map((c) => c.id).sort());
    expect(overdue.every((r) => r.case.state === "forwarded" && r.case.dueDate < "2026-12-04")).toBe(true);
    const sorted = sortRows(rows);
    expect(sorted.slice(0, overdue.length).every((r) => r.overdue)).toBe(true);

    // Only open cases, still server-side.
    const open = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS, ["forwarded"]);
    expect(open.rows.every((r) => r.case.state === "forwarded")).toBe(true);
    expect(open.rows).toHaveLength(1000);

    console.info(
      `Dashboard: ${rows.length} cases (+${unreadable.length} unreadable) in ${pages.length} pages, ` +
        `${overdue.length} overdue; read in ${Math.round(readMs)} ms (seeded in ${Math.round(seedMs)} ms)`,
    );
  });
});

describe("the register", () => {
  function parse(csv: string, delimiter: string): string[][] {
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  }

  it("every step's date and actor, Excel-safe, with the locale's separator", async () => {
    const w = world();
    const formulaUnit = '=HIPERVINCULO("http://ejemplo.invalid";"clic")';
    const done = await newCase(w, "02-freeform-es.json", { requestingUnit: formulaUnit });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, done.messageId);
    await itSendsAndConfirms(w, done.case.id);
    await openCase(w.comms, done.messageId);
    await relayToRequester(w.comms.ctx, COMMUNICATIONS, done.messageId);
    const dropped = await newCase(w, "06-english.json");
    await cancelCase(w.comms.ctx, COMMUNICATIONS, dropped.messageId, "La unidad retiró la solicitud");

    const page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
    const byId = new Map(page.rows.map((r) => [r.case.id, r.case]));
    const closed = byId.get(done.case.id);
    const cancelled = byId.get(dropped.case.id);
    if (!closed || !cancelled) throw new Error("The dashboard lost a case");
    expect(closed.state).toBe("closed");
    expect(cancelled.state).toBe("cancelled");

    const csv = registerCsv([closed, cancelled], "es", (c) => stateCategory(c.state, "es"), TZ);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")[0]?.split(";").length).toBeGreaterThan(10);
    const [header = [], closedRow = [], cancelledRow = []] = parse(csv, ";");
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(header.length).toBe(closedRow.length);

    expect(cell(closedRow, "Caso")).toBe(closed.id);
    expect(cell(closedRow, "Unidad solicitante")).toBe(`'${formulaUnit}`);
    const steps: Array<[HistoryAction, string]> = [
      ["created", "Recibido"],
      ["forwarded", "Enviado a TIC"],
      ["sent", "Enviado por TIC"],
      ["confirmed", "Confirmado por TIC"],
      ["relayed", "Informado al solicitante"],
    ];
    for (const [action, label] of steps) {
      const entry = closed.history.find((h) => h.action === action);
      expect([label, cell(closedRow, `${label} (fecha)`)]).toEqual([
        label,
        entry && toLocalDateTime(entry.at, TZ),
      ]);
      expect([label, cell(closedRow, `${label} (por)`)]).toEqual([label, entry?.by]);
      expect(entry?.at).toBeTruthy();
    }
    expect(cell(closedRow, "Enviado por TIC (por)")).toBe(IT);
    // Relaying IT's confirmation is what closed the case: the closed columns say when and who.
    const relayed = closed.history.find((h) => h.action === "relayed");
    expect(cell(closedRow, "Cerrado (fecha)")).toBe(relayed && toLocalDateTime(relayed.at, TZ));
    expect(cell(closedRow, "Cerrado (por)")).toBe(relayed?.by);
    expect(relayed?.by).toBeTruthy();
    expect(cell(closedRow, "Destinatarios alcanzados")).toBe(
      String(closed.history.find((h) => h.action === "sent")?.evidence?.recipientCount),
    );
    expect(cell(cancelledRow, "Cancelado (por)")).toBe(PROFESSIONAL);
    expect(cell(cancelledRow, "Motivo de cancelación")).toBe("La unidad retiró la solicitud");
    expect(cell(cancelledRow, "Enviado a TIC (fecha)")).toBe("");

    const english = registerCsv([closed], "en", (c) => stateCategory(c.state, "en"), TZ);
    const [enHeader = [], enRow = []] = parse(english, ",");
    expect(enHeader[0]).toBe("Case");
    expect(enRow[enHeader.indexOf("Requesting unit")]).toBe(`'${formulaUnit}`);
  });
});
