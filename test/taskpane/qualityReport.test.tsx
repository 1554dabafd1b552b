// The quality report's screen: reached from the dashboard's header, it computes the previous month's figures from
// the cases the dashboard reads, in Spanish and English, and exports them as a CSV Excel opens.
//
// The seeded set: three cases in December 2026 on the demo tenant, Bogotá time (UTC−5), business hours
// 08:00–17:00. Tuesday 8 (Immaculate Conception) is a holiday but no step spans it.
// Each asks for a date (A Fri 11, B Thu 10, C Fri 18 December), so its due date is that date whatever day the
// request message itself arrived (dueDate.ts: a requested business day wins).
//   A  Biblioteca Central, students.        Created Fri 4 09:00, forwarded Fri 4 11:00, IT sends Mon 7 10:00
//                                           and confirms Mon 7 10:30 (linked when the dashboard loads).
//        forward 09:00 → 11:00                          = 2 h
//        send    Fri 11:00 → 17:00 (6) + Mon 08:00 → 10:00 (2) = 8 h
//        confirm 10:00 → 10:30                          = 0.5 h
//        sent on Mon 7, before its due date Fri 11: not overdue.
//   B  Biblioteca Central, students+faculty. Created Fri 4 10:00, forwarded Mon 7 09:00, never sent.
//        forward Fri 10:00 → 17:00 (7) + Mon 08:00 → 09:00 (1) = 8 h
//        still forwarded on 5 January 2027 (the clock when the report is read), long past its due date Thu 10 December:
//        overdue.
//   C  Facultad de Ingeniería, faculty.     Created Mon 7 11:00, cancelled Mon 7 12:00. No step measured.
// The report is read on Tue 5 January 2027, so its default month is December 2026:
//   all:       requests 3, sent 1 (A), cancelled 1 (C), overdue 1 (B)
//   forward:   values {2, 8}: measured 2, median (2 + 8) / 2 = 5, p90 nearest rank ⌈0.9 × 2⌉ = 2nd = 8
//   send:      {8}: 1, 8, 8;  confirm: {0.5}: 1, 0.5, 0.5;  close and total: no case measured
//   by unit:   Biblioteca Central (A, B) 2 requests, 1 sent, 0 cancelled, 1 overdue, forward 5 / 8, send 8 / 8,
//              confirm 0.5 / 0.5; Facultad de Ingeniería (C) 1, 0, 1, 0, nothing measured
//   by audience (configured order): students (A, B) as Biblioteca Central; faculty (B, C) 2 requests, 0 sent,
//              1 cancelled, 1 overdue, forward {8}: 8 / 8.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import Papa from "papaparse";
import type { MailHost } from "../../src/ports/mailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();
const HOUR = 60 * 60_000;

/** Bogotá wall-clock time → the UTC instant (UTC−5 all year). */
function bogota(date: string, time: string): string {
  return new Date(`${date}T${time}:00-05:00`).toISOString();
}

async function seedDecember(w: World): Promise<void> {
  w.clock.set(bogota("2026-12-04", "09:00"));
  const a = await newCase(w, "01-structured-es.json", {
    requestingUnit: "Biblioteca Central",
    audiences: ["estudiantes"],
    urgency: "normal",
    requestedDate: "2026-12-11",
  });
  w.clock.advance(HOUR);
  const b = await newCase(w, "02-freeform-es.json", {
    requestingUnit: "Biblioteca Central",
    audiences: ["estudiantes", "docentes"],
    urgency: "normal",
    requestedDate: "2026-12-10",
  });
  w.clock.advance(HOUR);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, a.messageId);
  w.clock.set(bogota("2026-12-07", "09:00"));
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, b.messageId);
  w.clock.advance(HOUR);
  const forwardA = await openForward(w, a.case.id);
  await prepareForCase(w, forwardA);
  await sendMassMail(w.it.ctx, forwardA);
  w.clock.advance(HOUR / 2);
  await confirmToCommunications(w.it.ctx, forwardA);
  w.clock.set(bogota("2026-12-07", "11:00"));
  const c = await newCase(w, "06-english.json", {
    requestingUnit: "Facultad de Ingeniería",
    audiences: ["docentes"],
    urgency: "normal",
    requestedDate: "2026-12-18",
  });
  w.clock.advance(HOUR);
  await cancelCase(w.comms.ctx, COMMUNICATIONS, c.messageId, "La unidad retiró la solicitud");
  w.clock.set(bogota("2027-01-05", "09:00"));
}

function renderApp(w: World, displayLanguage: string) {
  const host: MailHost = {
    userAddress: PROFESSIONAL,
    displayLanguage,
    getTheme: () => "light",
    getSelectedItem: async () => null,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
  render(
    <App
      services={{ host, mail: w.comms.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
    />,
  );
}

/** The texts of a table's row, found by its row header. */
function rowCells(table: HTMLElement, header: string): string[] {
  const th = within(table).getByRole("rowheader", { name: header });
  return [...(th.closest("tr")?.children ?? [])].map((cell) => cell.textContent ?? "");
}

async function openReport(user: ReturnType<typeof userEvent.setup>, dashboard: string, report: string) {
  await user.click(await screen.findByRole("button", { name: dashboard }, { timeout: 10_000 }));
  await user.click(await screen.findByRole("button", { name: report }, { timeout: 10_000 }));
  await screen.findByRole("heading", { level: 2, name: report }, { timeout: 10_000 });
}

interface Download {
  name: string;
  text: string;
}

/** Captures what downloadText offers: the object URL's blob and the link's file name. */
function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:report-${++n}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) throw new Error(`No blob for ${this.href}`);
    const name = this.download;
    void blob.text().then((text) => downloads.push({ name, text }));
  });
  return downloads;
}

afterEach(() => jest.restoreAllMocks());

describe("the quality report screen", () => {
  it("shows December's figures from the dashboard's cases, in Spanish, and exports them for Excel", async () => {
    const w = world();
    await seedDecember(w);
    const downloads = captureDownloads();
    const user = userEvent.setup();
    renderApp(w, "es-CO");
    await openReport(user, "Tablero de casos", "Informe de calidad");
    await waitFor(() => expect(screen.queryByText("Cargando casos…")).toBeNull(), { timeout: 15_000 });

    // The default period is the previous month of the clock (5 January 2027 → December 2026).
    expect((screen.getByLabelText("Mes") as HTMLInputElement).value).toBe("2026-12");
    expect((screen.getByLabelText("Desde") as HTMLInputElement).value).toBe("2026-12-01");
    expect((screen.getByLabelText("Hasta") as HTMLInputElement).value).toBe("2026-12-31");

    const summary = screen.getByRole("table", { name: "Resumen" });
    expect(rowCells(summary, "Solicitudes")).toEqual(["Solicitudes", "3"]);
    expect(rowCells(summary, "Enviadas")).toEqual(["Enviadas", "1"]);
    expect(rowCells(summary, "Canceladas")).toEqual(["Canceladas", "1"]);
    expect(rowCells(summary, "Vencidas")).toEqual(["Vencidas", "1"]);

    const steps = screen.getByRole("table", { name: "Duración por paso (horas hábiles)" });
    expect(rowCells(steps, "Recibida → enviada a TIC")).toEqual(["Recibida → enviada a TIC", "2", "5", "8"]);
    expect(rowCells(steps, "Enviada a TIC → enviada por TIC")).toEqual([
      "Enviada a TIC → enviada por TIC",
      "1",
      "8",
      "8",
    ]);
    expect(rowCells(steps, "Enviada por TIC → confirmada")).toEqual([
      "Enviada por TIC → confirmada",
      "1",
      "0,5",
      "0,5",
    ]);
    expect(rowCells(steps, "Recibida → cerrada")).toEqual([
      "Recibida → cerrada",
      "0",
      "sin datos",
      "sin datos",
    ]);

    const units = screen.getByRole("table", { name: "Por unidad solicitante" });
    expect(rowCells(units, "Biblioteca Central")).toEqual([
      "Biblioteca Central",
      "2",
      "1",
      "0",
      "1",
      "5 / 8",
      "8 / 8",
      "0,5 / 0,5",
      "sin datos",
      "sin datos",
    ]);
    expect(rowCells(units, "Facultad de Ingeniería").slice(0, 5)).toEqual([
      "Facultad de Ingeniería",
      "1",
      "0",
      "1",
      "0",
    ]);
    const audiences = screen.getByRole("table", { name: "Por destinatarios" });
    expect(rowCells(audiences, "Docentes")).toEqual([
      "Docentes",
      "2",
      "0",
      "1",
      "1",
      "8 / 8",
      "sin datos",
      "sin datos",
      "sin datos",
      "sin datos",
    ]);
    expect(rowCells(audiences, "Estudiantes").slice(1, 5)).toEqual(["2", "1", "0", "1"]);

    // The chart (its own chunk) names its figures for a screen reader.
    const chart = await screen.findByRole("img", {}, { timeout: 10_000 });
    expect(chart.getAttribute("aria-label")).toContain(
      "Recibida → enviada a TIC: mediana 5 h, percentil 90 8 h",
    );

    // axe-core's structural rules (jsdom lays nothing out, so contrast is the browser tests' part): headings,
    // table headers with their scope, labelled inputs, focusable scroll boxes.
    const audit = await axe.run(document.body, { rules: { "color-contrast": { enabled: false } } });
    expect(
      audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);

    await user.click(screen.getByRole("button", { name: "Exportar informe (Excel)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const [download] = downloads;
    expect(download?.name).toBe("pregon-informe-calidad-2026-12-01-a-2026-12-31.csv");
    const parsed = Papa.parse<string[]>((download?.text ?? "").replace(/^\uFEFF/, ""), { delimiter: ";" });
    const rows = parsed.data;
    const period = "2026-12-01 – 2026-12-31";
    // Counts, then per step: measured, median, p90 (two decimals, decimal comma).
    expect(rows[1]).toEqual([
      period,
      "Todas",
      "Todas",
      "3",
      "1",
      "1",
      "1",
      ...["2", "5,00", "8,00"],
      ...["1", "8,00", "8,00"],
      ...["1", "0,50", "0,50"],
      ...["0", "", ""],
      ...["0", "", ""],
    ]);
    expect(rows.find((r) => r[2] === "Facultad de Ingeniería")).toEqual([
      period,
      "Unidad solicitante",
      "Facultad de Ingeniería",
      "1",
      "0",
      "1",
      "0",
      ...["0", "", ""],
      ...["0", "", ""],
      ...["0", "", ""],
      ...["0", "", ""],
      ...["0", "", ""],
    ]);
    expect(rows.find((r) => r[2] === "Docentes")).toEqual([
      period,
      "Destinatarios",
      "Docentes",
      "2",
      "0",
      "1",
      "1",
      ...["1", "8,00", "8,00"],
      ...["0", "", ""],
      ...["0", "", ""],
      ...["0", "", ""],
      ...["0", "", ""],
    ]);
  }, 60_000);

  it("in English, and for another month chosen in the picker", async () => {
    const w = world();
    await seedDecember(w);
    const downloads = captureDownloads();
    const user = userEvent.setup();
    renderApp(w, "en-US");
    await openReport(user, "Case dashboard", "Quality report");
    await waitFor(() => expect(screen.queryByText("Loading cases…")).toBeNull(), { timeout: 15_000 });

    const summary = screen.getByRole("table", { name: "Summary" });
    expect(rowCells(summary, "Requests")).toEqual(["Requests", "3"]);
    expect(rowCells(summary, "Overdue")).toEqual(["Overdue", "1"]);
    const steps = screen.getByRole("table", { name: "Time per step (business hours)" });
    expect(rowCells(steps, "Sent by IT → confirmed")).toEqual(["Sent by IT → confirmed", "1", "0.5", "0.5"]);
    const audiences = screen.getByRole("table", { name: "By audience" });
    expect(rowCells(audiences, "Faculty").slice(0, 6)).toEqual(["Faculty", "2", "0", "1", "1", "8 / 8"]);

    await user.click(screen.getByRole("button", { name: "Export report (Excel)" }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.name).toBe("pregon-quality-report-2026-12-01-to-2026-12-31.csv");
    const rows = Papa.parse<string[]>((downloads[0]?.text ?? "").replace(/^\uFEFF/, ""), {
      delimiter: ",",
    }).data;
    expect(rows[1]?.slice(3, 13)).toEqual(["3", "1", "1", "1", "2", "5.00", "8.00", "1", "8.00", "8.00"]);

    // November 2026 holds none of the seeded cases.
    // A browser's month picker delivers the whole "YYYY-MM" at once (jsdom drops partly typed month values).
    fireEvent.change(screen.getByLabelText("Month"), { target: { value: "2026-11" } });
    expect((screen.getByLabelText("From") as HTMLInputElement).value).toBe("2026-11-01");
    expect((screen.getByLabelText("To") as HTMLInputElement).value).toBe("2026-11-30");
    expect(rowCells(screen.getByRole("table", { name: "Summary" }), "Requests")).toEqual(["Requests", "0"]);
    expect(screen.getByText("No cases were created in this period.")).toBeTruthy();

    // Any from–to range: 7 to 31 December holds only C (A and B were created on the 4th).
    fireEvent.change(screen.getByLabelText("From"), { target: { value: "2026-12-07" } });
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-12-31" } });
    // The month picker is empty: the range is not a whole month.
    expect((screen.getByLabelText("Month") as HTMLInputElement).value).toBe("");
    const range = screen.getByRole("table", { name: "Summary" });
    expect(rowCells(range, "Requests")).toEqual(["Requests", "1"]);
    expect(rowCells(range, "Cancelled")).toEqual(["Cancelled", "1"]);
    expect(
      rowCells(screen.getByRole("table", { name: "By requesting unit" }), "Facultad de Ingeniería")[1],
    ).toBe("1");
    // A range that ends before it starts is refused, and nothing is offered for export.
    fireEvent.change(screen.getByLabelText("To"), { target: { value: "2026-12-01" } });
    expect(screen.getByRole("alert").textContent).toBe("The “From” date must be on or before the “To” date.");
    expect(screen.getByRole("button", { name: "Export report (Excel)" }).hasAttribute("disabled")).toBe(true);
  }, 60_000);
});
