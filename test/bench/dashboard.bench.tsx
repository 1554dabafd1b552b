// The dashboard bench (scripts/bench/dashboard.mjs runs it through jest: the pane's real code needs ts-jest and
// jsdom). For each size it seeds comunicaciones@ with that many cases, renders the real DashboardView against
// the embedded tenant and records, from the DOM itself, when the first row appeared and when every row was in
// the list; the requests, their bytes and the emulator's own time come from the tenant. At 10,000 cases it
// also times the register export (the CSV of every visible case). Figures go to BENCH_REPORT as JSON.
// Wall-clock figures are for people reading the table, never asserted (the machine is shared).
import { writeFileSync } from "node:fs";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, render } from "@testing-library/react";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import type { CaseState } from "../../src/domain/types";
import type { MailService } from "../../src/ports/mailService";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { I18nProvider } from "../../src/taskpane/I18nContext";
import { ServicesContext } from "../../src/taskpane/ServicesContext";
import { DashboardView } from "../../src/taskpane/views/DashboardView";
import { sortRows } from "../../src/workflow/dashboard";
import type { CaseRow } from "../../src/workflow/dashboard";
import { firstDashboardPage, nextDashboardPage } from "../../src/workflow/dashboard";
import { registerCsv } from "../../src/workflow/register";
import { requestJson, seededCase } from "../support/manyCases";
import { COMMUNICATIONS, PROFESSIONAL, makeWorld } from "../support/world";

export interface BenchRow {
  cases: number;
  firstRowsMs: number;
  allRowsMs: number;
  requests: number;
  pageSizes: number[];
  bytes: number;
  emulatorMs: number;
  csvMs?: number;
}

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);

/** Resolves when `test` holds for the container, checked on every DOM change (no polling interval). */
function whenDom(container: HTMLElement, test: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (test()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!test()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(container, { subtree: true, childList: true, attributes: true });
  });
}

async function benchSize(cases: number): Promise<BenchRow> {
  const w = makeWorld();
  try {
    w.tenant.seedMessages(
      COMMUNICATIONS,
      Array.from({ length: cases }, (_, i) => requestJson(seededCase(i))),
    );
    let bytes = 0;
    const pending: Promise<void>[] = [];
    w.server.events.on("response:mocked", ({ response }) => {
      pending.push(
        response
          .clone()
          .text()
          .then((t) => void (bytes += new TextEncoder().encode(t).length)),
      );
    });
    const host = new DemoMailHost({
      userAddress: PROFESSIONAL,
      displayLanguage: "es-CO",
      theme: "light",
      onOpenDraft: () => undefined,
      viewedMailbox: COMMUNICATIONS,
    });
    // msw in Node answers within microtasks; a browser's fetch answers in a task of its own, where React gets to
    // render between pages. One timer turn per page gives the pane that same chance here.
    const real = w.comms.ctx.mail;
    const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
    const mail: MailService = Object.assign(Object.create(real) as MailService, {
      listCases: async (...args: Parameters<MailService["listCases"]>) => {
        const page = await real.listCases(...args);
        await turn();
        return page;
      },
      nextPage: async (next: string) => {
        const page = await real.nextPage(next);
        await turn();
        return page;
      },
    });
    const services = { host, mail, config: w.config, sanitizeHtml, now: () => w.clock.now() };
    const before = w.tenant.log.entries().at(-1)?.seq ?? 0;
    const started = performance.now();
    let container!: HTMLElement;
    await act(async () => {
      container = render(
        <ServicesContext.Provider value={services}>
          <I18nProvider lang="es" timeZone={w.config.institution.timeZone}>
            <FluentProvider theme={webLightTheme}>
              <DashboardView />
            </FluentProvider>
          </I18nProvider>
        </ServicesContext.Provider>,
      ).container;
    });
    const row = () => container.querySelector("li[aria-posinset]");
    const firstRowsAt = await whenDom(container, () => row() !== null);
    const allRowsAt = await whenDom(container, () => row()?.getAttribute("aria-setsize") === String(cases));
    await whenDom(container, () => container.querySelector("[role=progressbar]") === null);
    await Promise.all(pending);
    const lists = w.tenant.log
      .entries()
      .filter((e) => e.seq > before && e.method === "GET" && /\/messages\?/.test(e.url));
    const pageSizes: number[] = [];
    for (const e of lists) pageSizes.push(Number(new URL(e.url).searchParams.get("$top")));

    let csvMs: number | undefined;
    if (cases === 10_000) {
      // The export's own work: every visible case (all, in the list's order) into the register CSV.
      const rows: CaseRow[] = [];
      let page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
      for (;;) {
        rows.push(...page.rows);
        if (!page.next) break;
        page = await nextDashboardPage(w.comms.ctx, page.next);
      }
      const label = (c: { state: CaseState }) => c.state;
      const t0 = performance.now();
      registerCsv(
        sortRows(rows).map((r) => r.case),
        "es",
        label,
        "America/Bogota",
      );
      csvMs = performance.now() - t0;
    }
    return {
      cases,
      firstRowsMs: firstRowsAt - started,
      allRowsMs: allRowsAt - started,
      requests: lists.length,
      pageSizes: [...new Set(pageSizes)],
      bytes,
      emulatorMs: lists.reduce((sum, e) => sum + e.durationMs, 0),
      ...(csvMs !== undefined ? { csvMs } : {}),
    };
  } finally {
    w.close();
  }
}

it("dashboard bench", async () => {
  const rows: BenchRow[] = [];
  for (const size of SIZES) rows.push(await benchSize(size));
  const out = process.env.BENCH_REPORT;
  if (out) writeFileSync(out, JSON.stringify(rows));
  else console.info(JSON.stringify(rows, null, 2));
  expect(rows.map((r) => r.cases)).toEqual(SIZES);
});
