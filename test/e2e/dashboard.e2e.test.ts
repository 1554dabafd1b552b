// The case dashboard at scale (10,000 cases seeded into the Communications mailbox) and the register export.
import { readFileSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import type { Tenant } from "../../src/emulator";
import type { Demo } from "./helpers";
import {
  COMMUNICATIONS,
  ON_TIME_CASE,
  OVERDUE_CASE,
  caseCard,
  caseIdOf,
  recordTiming,
  requestForm,
  resultPath,
  selectMessage,
  stateBadge,
  t,
  demoPerTest,
} from "./helpers";

const demos = demoPerTest();

const SEEDED = 10_000;

interface DemoWindow {
  __pregonDemo: { tenant: Tenant };
}

/**
 * Seeds `count` cases into the Communications inbox through the tenant's bulk API, in the page. Each is a request
 * message carrying Pregón's extended properties exactly as the add-in writes them; the record is built from the
 * seed's own on-time case (same shape and version), with its own id, unit, subject, state and dates.
 * States: 4 in 10 received, 4 forwarded, 1 cancelled, 1 forwarded long ago (overdue). Returns the ids in order and
 * how many cases the mailbox holds now.
 */
function seedCases(page: Page, count: number): Promise<{ ids: string[]; before: number; total: number }> {
  return page.evaluate(
    ({ count, mailbox, templateId }) => {
      const { tenant } = (window as unknown as DemoWindow).__pregonDemo;
      const inbox = tenant.storedMessages(mailbox, "inbox");
      const template = inbox.find((m) => m.singleValueExtendedProperties.some((p) => p.value === templateId));
      if (!template) throw new Error(`The seed has no case ${templateId} to copy the record shape from.`);
      const propId = (name: string) => {
        const found = template.singleValueExtendedProperties.find((p) =>
          p.id.endsWith(` Name pregon.${name}`),
        );
        if (!found) throw new Error(`The seeded case has no pregon.${name} property.`);
        return found;
      };
      const base = JSON.parse(propId("record").value) as {
        history: { t: string; b: unknown; a: string; n?: string }[];
        [key: string]: unknown;
      };
      const alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";
      const units = [
        ["Facultad de Ingeniería", "ingenieria"],
        ["Vicerrectoría Académica", "vicerrectoria.academica"],
        ["Dirección de Investigación e Innovación", "investigacion"],
        ["Oficina de Relaciones Internacionales", "relaciones.internacionales"],
        ["Bienestar Universitario", "bienestar"],
        ["Admisiones, Registro y Control Académico", "admisiones"],
        ["Facultad de Ciencias Contables, Económicas y Administrativas", "fccea"],
        ["División de Gestión Financiera", "financiera"],
        ["Centro de Educación Abierta y a Distancia", "ceaD"],
        ["Programa de Música", "musica"],
      ] as const;
      const day = (d: Date) => d.toISOString().slice(0, 10);
      const instant = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
      const isCase = (m: (typeof inbox)[number]) =>
        m.singleValueExtendedProperties.some((p) => p.id === propId("kind").id && p.value === "request");
      const before = inbox.filter(isCase).length;
      const ids: string[] = [];
      const messages = [];
      for (let i = 0; i < count; i++) {
        let n = i;
        let symbols = "";
        for (let k = 0; k < 4; k++) {
          symbols = alphabet.charAt(n % alphabet.length) + symbols;
          n = Math.floor(n / alphabet.length);
        }
        const month = 1 + (i % 10); // January–October 2026, none clashing with the seed's November ids
        const id = `CM-26${String(month).padStart(2, "0")}-${symbols}`;
        ids.push(id);
        const [unit, local] = units[i % units.length] ?? units[0];
        const created = new Date(Date.UTC(2026, month - 1, 1 + (i % 27), 13, i % 60));
        const kind = i % 10;
        const state = kind < 4 ? "received" : kind === 8 ? "cancelled" : "forwarded";
        // Received and forwarded cases are due after today (Nov 30, 2026) except the 1 in 10 left overdue.
        const due =
          kind === 9
            ? new Date(created.getTime() + 5 * 86_400_000)
            : new Date(Date.UTC(2026, 11, 1 + (i % 28)) + Math.floor(i / 2800) * 31 * 86_400_000);
        const history: { t: string; b: number; a: string; n?: string }[] = [
          { t: instant(created), b: 0, a: "created" },
        ];
        if (state !== "received")
          history.push({ t: instant(new Date(created.getTime() + 3_600_000)), b: 0, a: "forwarded" });
        const record: Record<string, unknown> = {
          ...base,
          id,
          state,
          createdAt: instant(created),
          requester: { address: `${local}@universidad.example`, name: unit },
          fields: {
            requestingUnit: unit,
            desiredSender: unit,
            subject: `Campaña ${i + 1}: información académica para la comunidad — año 2027`,
            audiences: [["estudiantes"], ["docentes"], ["administrativos"], ["estudiantes", "docentes"]][
              i % 4
            ],
            urgency: i % 13 === 0 ? "urgent" : "normal",
            attachmentIds: [],
            requestedDate: day(due),
          },
          dueDate: day(due),
          history,
        };
        if (state === "cancelled") {
          record.cancelReason = "La unidad retiró la solicitud; se reprogramará.";
          history.push({
            t: instant(new Date(created.getTime() + 7_200_000)),
            b: 0,
            a: "cancelled",
            n: "La unidad retiró la solicitud; se reprogramará.",
          });
        }
        messages.push({
          subject: `Solicitud de envío masivo n.º ${i + 1} — ${unit}`,
          from: { emailAddress: { name: unit, address: `${local}@universidad.example` } },
          toRecipients: [{ emailAddress: { address: mailbox } }],
          receivedDateTime: instant(created),
          body: { contentType: "html", content: `<p>Solicitud ${i + 1} de ${unit}.</p>` },
          categories: template.categories,
          singleValueExtendedProperties: [
            { id: propId("kind").id, value: "request" },
            { id: propId("caseId").id, value: id },
            { id: propId("state").id, value: state },
            { id: propId("dueDate").id, value: day(due) },
            { id: propId("record").id, value: JSON.stringify(record) },
          ],
        });
      }
      tenant.seedMessages(mailbox, messages);
      const total = tenant.storedMessages(mailbox, "inbox").filter(isCase).length;
      return { ids, before, total };
    },
    { count, mailbox: COMMUNICATIONS, templateId: ON_TIME_CASE.id },
  );
}

function number(n: number): string {
  return new Intl.NumberFormat("es-CO").format(n);
}

/** The dashboard's count line, e.g. "10.002 de 10.002 casos; 1.001 vencidos." */
function countLine(d: Demo, shown: number, total: number): Locator {
  // The line up to its overdue count, whatever that count is (a plural form follows it): a marker number stands in.
  const marker = "987654321";
  const [prefix] = t(d.lang, "dashboard.count", {
    shown: number(shown),
    total: number(total),
    overdue: marker,
  }).split(marker);
  return d.commsPane.getByRole("status").filter({ hasText: prefix ?? "" });
}

function caseList(d: Demo): Locator {
  return d.commsPane.getByRole("region", { name: t(d.lang, "dashboard.listLabel"), exact: true });
}

function rows(d: Demo): Locator {
  return caseList(d).getByRole("listitem");
}

/** Opens the dashboard from the pane's button, timing (in the page) the first rows and the end of loading. */
async function openDashboardTimed(d: Demo, total: number): Promise<{ first: number; all: number }> {
  await d.page.evaluate(
    ({ button, countText }) => {
      const pane = document.querySelector('[data-testid="pane-communications"]');
      if (!pane) throw new Error("no Communications pane");
      const clock: { t0?: number; first?: number; all?: number } = {};
      Object.assign(window, { __dashboardClock: clock });
      pane.addEventListener(
        "click",
        (e) => {
          const target = e.target instanceof Element ? e.target.closest("button") : null;
          if (clock.t0 === undefined && target?.textContent?.trim() === button) clock.t0 = performance.now();
        },
        true,
      );
      const check = () => {
        if (clock.t0 === undefined) return;
        const now = performance.now();
        if (clock.first === undefined && pane.querySelector('[role="region"] li[aria-posinset]')) {
          clock.first = now - clock.t0;
        }
        const status = [...pane.querySelectorAll('[role="status"]')]
          .map((s) => s.textContent ?? "")
          .join(" ");
        if (
          clock.all === undefined &&
          status.includes(countText) &&
          !pane.querySelector('[role="progressbar"]')
        ) {
          clock.all = now - clock.t0;
        }
      };
      new MutationObserver(check).observe(pane, { subtree: true, childList: true, characterData: true });
    },
    {
      button: t(d.lang, "nav.dashboard"),
      countText:
        t(d.lang, "dashboard.count", { shown: number(total), total: number(total) }).split(";")[0] ?? "",
    },
  );
  await d.commsPane
    .getByRole("button", { name: t(d.lang, "nav.dashboard"), exact: true })
    .first()
    .click();
  const first = await d.page.waitForFunction(
    () => (window as unknown as { __dashboardClock: { first?: number } }).__dashboardClock.first,
    null,
    { timeout: 60_000 },
  );
  const all = await d.page.waitForFunction(
    () => (window as unknown as { __dashboardClock: { all?: number } }).__dashboardClock.all,
    null,
    { timeout: 120_000, polling: 100 },
  );
  return { first: (await first.jsonValue()) as number, all: (await all.jsonValue()) as number };
}

/** Clicks "Exportar registro (CSV)" and returns the downloaded file's bytes. */
async function exportCsv(d: Demo, name: string): Promise<{ bytes: Buffer; filename: string }> {
  const [download] = await Promise.all([
    d.page.waitForEvent("download"),
    d.commsPane.getByRole("button", { name: t(d.lang, "dashboard.export"), exact: true }).click(),
  ]);
  const file = resultPath("downloads", name);
  await download.saveAs(file);
  return { bytes: readFileSync(file), filename: download.suggestedFilename() };
}

/** RFC 4180 reading of the register (quoted fields, "" escapes, CRLF rows). */
function parseCsv(text: string, separator: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      out.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) out.push([...row, cell]);
  return out;
}

test("dashboard with 10,000 seeded cases: first rows fast, all loaded, virtual scrolling, search by id", async () => {
  const d = await demos.open();
  const { ids, before, total } = await seedCases(d.page, SEEDED);
  expect(total).toBe(before + SEEDED); // and the demo seed's own cases

  const times = await openDashboardTimed(d, total);
  recordTiming("dashboard 10k: first rows visible", times.first);
  recordTiming("dashboard 10k: all cases loaded", times.all);
  expect(times.first).toBeGreaterThan(0);
  expect(times.first).toBeLessThanOrEqual(times.all);

  await countLine(d, total, total).waitFor();
  // Overdue first: the first row carries the "Vencido" badge.
  const firstRow = rows(d).first();
  await firstRow.getByText(t(d.lang, "case.overdue"), { exact: true }).waitFor();
  expect(await firstRow.getAttribute("aria-setsize")).toBe(String(total));

  // Virtualized: only the rows in view (and a few around) are in the page.
  const rendered = await rows(d).count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(60);

  // Scroll with the wheel, then jump to the middle and to the end.
  const list = caseList(d);
  await list.hover();
  await d.page.mouse.wheel(0, 64 * 40);
  await list.locator('li[aria-posinset="41"]').waitFor();
  await list.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 2;
  });
  await list.locator(`li[aria-posinset="${Math.floor(total / 2)}"]`).waitFor();
  expect(await list.locator('li[aria-posinset="1"]').count()).toBe(0);
  await list.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  const last = list.locator(`li[aria-posinset="${total}"]`);
  await last.waitFor();
  expect(await rows(d).count()).toBeLessThan(60);

  // The register export has one row per case at this scale too.
  const { bytes } = await exportCsv(d, "registro-10k.csv");
  const lines = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  expect(lines).toHaveLength(total + 1);

  // Search by id.
  const wanted = ids[7_777] ?? "";
  await d.commsPane.getByRole("searchbox", { name: t(d.lang, "dashboard.search") }).fill(wanted);
  await countLine(d, 1, total).waitFor();
  await rows(d).filter({ hasText: wanted }).waitFor();
  expect(await rows(d).count()).toBe(1);
});

/** The ids of the cases the demo seed put in the Communications inbox. */
function seededCaseIds(page: Page): Promise<string[]> {
  return page.evaluate((mailbox) => {
    const { tenant } = (window as unknown as DemoWindow).__pregonDemo;
    return tenant
      .storedMessages(mailbox, "inbox")
      .flatMap((m) => m.singleValueExtendedProperties.filter((p) => p.id.endsWith(" Name pregon.caseId")))
      .map((p) => p.value);
  }, COMMUNICATIONS);
}

test("register export: UTF-8 with BOM, ';' in Spanish, one row per case, Spanish characters intact", async () => {
  const d = await demos.open();
  const seeded = await seededCaseIds(d.page);
  expect(seeded).toEqual(expect.arrayContaining([ON_TIME_CASE.id, OVERDUE_CASE.id]));
  // A third case besides the seed's two: fixture 01, created through the form.
  await selectMessage(d, "comms", "Solicitud envío correo masivo - Convocatoria movilidad 2027-1");
  await requestForm(d).waitFor();
  await requestForm(d)
    .getByRole("button", { name: t(d.lang, "request.create"), exact: true })
    .click();
  const card = caseCard(d);
  await stateBadge(card, t(d.lang, "state.received")).waitFor();
  const created = await caseIdOf(card);

  await d.commsPane
    .getByRole("button", { name: t(d.lang, "nav.dashboard"), exact: true })
    .first()
    .click();
  const cases = seeded.length + 1;
  await countLine(d, cases, cases).waitFor();
  await d.commsPane.getByRole("progressbar").waitFor({ state: "detached" });
  const { bytes, filename } = await exportCsv(d, "registro-es.csv");

  expect(filename).toMatch(/^pregon-registro-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  expect(text).not.toContain("\uFFFD");
  const table = parseCsv(text, ";");
  const [header, ...body] = table;
  expect(header?.slice(0, 3)).toEqual(["Caso", "Estado", "Unidad solicitante"]);
  expect(header?.length).toBeGreaterThan(10);
  expect(body).toHaveLength(cases);
  for (const row of body) expect(row).toHaveLength(header?.length ?? 0);
  const byId = new Map(body.map((r) => [r[0], r]));
  expect([...byId.keys()].sort()).toEqual([created, ...seeded].sort());

  const mine = byId.get(created) ?? [];
  expect(mine[1]).toBe("Recibido");
  expect(mine).toContain("Decanatura Facultad de Ingeniería Electrónica y Telecomunicaciones");
  expect(mine).toContain("Convocatoria de movilidad académica 2027-1");
  expect(mine).toContain("decanatura.fiet@universidad.example");
  const onTime = byId.get(ON_TIME_CASE.id) ?? [];
  expect(onTime[1]).toBe("Enviado a TIC");
  expect(onTime).toContain("Vicerrectoría de Investigaciones");
  expect(onTime).toContain("Convocatoria interna de proyectos de investigación 2027");
  expect(byId.get(OVERDUE_CASE.id)).toContain("Horario extendido de la biblioteca en exámenes finales");
});
