// The Communications dashboard in jsdom against the embedded tenant: rows open their message (click or Enter) and
// the pane follows the new selection out of the dashboard; search ignores accents and case; the overdue count
// follows the filter; closed and cancelled cases come after the open ones, under their own heading.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import {
  cancelCase,
  createCase,
  forwardCase,
  linkConfirmation,
  relayConfirmation,
} from "../../src/domain/lifecycle";
import type { Case } from "../../src/domain/types";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { caseIdFor, requestJson } from "../support/manyCases";
import { COMMUNICATIONS, DOMAIN, IT, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

function caseOf(i: number, unit: string, dueDate: string, state: Case["state"]): Case {
  const at = `2026-11-${String(10 + i).padStart(2, "0")}T14:00:00Z`;
  const base = createCase({
    id: caseIdFor(i),
    at,
    by: PROFESSIONAL,
    requester: { name: unit, address: `unidad${i}@${DOMAIN}` },
    fields: {
      requestingUnit: unit,
      desiredSender: unit,
      subject: `Convocatoria ${i}`,
      audiences: ["estudiantes"],
      urgency: "normal",
      attachmentIds: [],
    },
    dueDate,
  });
  if (state === "received") return base;
  const forwarded = forwardCase(base, { at, by: PROFESSIONAL });
  if (state === "forwarded") return forwarded;
  if (state === "cancelled") return cancelCase(forwarded, { at, by: PROFESSIONAL, reason: "Duplicada" });
  const confirmed = linkConfirmation(forwarded, {
    sent: { at, by: IT, evidence: { recipientCount: 100 } },
    confirmed: { at, by: IT },
  });
  return relayConfirmation(confirmed, { at, by: PROFESSIONAL });
}

/** Five cases; the closed and cancelled ones are due earliest, so only the grouping puts them last. */
function seed(w: World): Map<string, string> {
  const cases = [
    caseOf(0, "Facultad de Ingeniería", "2026-12-15", "received"),
    caseOf(1, "Decanatura de Ciencias", "2026-11-20", "forwarded"), // overdue on 4 December
    caseOf(2, "Departamento de Ingeniería Civil", "2026-11-25", "forwarded"), // overdue
    caseOf(3, "Oficina de Egresados", "2026-11-01", "closed"),
    caseOf(4, "Bienestar Universitario", "2026-11-02", "cancelled"),
  ];
  const ids = new Map<string, string>();
  for (const c of cases) ids.set(c.id, w.tenant.deliver(COMMUNICATIONS, requestJson(c)));
  return ids;
}

function renderPane(w: World) {
  const host = new DemoMailHost({
    userAddress: PROFESSIONAL,
    displayLanguage: "es-CO",
    theme: "light",
    onOpenDraft: () => undefined,
    viewedMailbox: COMMUNICATIONS,
  });
  render(
    <App
      services={{ host, mail: w.comms.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
    />,
  );
  return host;
}

async function openDashboard(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("button", { name: "Tablero de casos" }, { timeout: 10_000 }));
  await screen.findByRole("heading", { name: "Tablero de casos" }, { timeout: 10_000 });
  await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^5 de 5 casos/), {
    timeout: 10_000,
  });
}

function rowButtons(): HTMLElement[] {
  const list = screen.getByRole("list", { name: "Casos" });
  return within(list).getAllByRole("button");
}

describe("Communications dashboard", () => {
  it("opens a row's message with Enter, and the pane leaves the dashboard for the newly selected message", async () => {
    const user = userEvent.setup();
    const w = world();
    const ids = seed(w);
    const host = renderPane(w);
    await openDashboard(user);

    const id = caseIdFor(2);
    const row = rowButtons().find((b) => b.textContent?.includes(id));
    if (!row) throw new Error(`no row for ${id}`);
    expect(row.tabIndex).toBe(0);
    row.focus();
    await user.keyboard("{Enter}");

    // The host now has that message selected (the demo's list selects it, as Outlook's would)…
    await waitFor(async () => expect((await host.getSelectedItem())?.itemId).toBe(ids.get(id)));
    // …and the pane shows it: the case, no longer the dashboard.
    expect(await screen.findByRole("heading", { name: `Caso ${id}` }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Tablero de casos" })).toBeNull();
  });

  it("opens a row with a click, and any other selection leaves the dashboard too", async () => {
    const user = userEvent.setup();
    const w = world();
    const ids = seed(w);
    const host = renderPane(w);
    await openDashboard(user);
    const id = caseIdFor(0);
    const row = rowButtons().find((b) => b.textContent?.includes(id));
    if (!row) throw new Error(`no row for ${id}`);
    await user.click(row);
    expect(await screen.findByRole("heading", { name: `Caso ${id}` }, { timeout: 10_000 })).toBeTruthy();

    // Back to the dashboard, then a selection made outside the pane (Outlook's list) also leaves it.
    await openDashboard(user);
    const other = caseIdFor(1);
    const otherId = ids.get(other) ?? "";
    act(() => void host.openMessage(otherId, COMMUNICATIONS));
    expect(await screen.findByRole("heading", { name: `Caso ${other}` }, { timeout: 10_000 })).toBeTruthy();
  });

  it("finds 'Ingeniería' typed without accents or in capitals, and counts only the overdue cases shown", async () => {
    const user = userEvent.setup();
    const w = world();
    seed(w);
    renderPane(w);
    await openDashboard(user);
    expect(screen.getByRole("status").textContent).toMatch(/^5 de 5 casos; 2 vencidos\./);

    const search = screen.getByRole("searchbox", { name: "Buscar por caso, unidad o asunto" });
    await user.type(search, "ingenieria");
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^2 de 5 casos; 1 vencido\./));
    const shown = rowButtons().map((b) => b.textContent ?? "");
    expect(shown).toHaveLength(2);
    expect(shown.every((text) => text.includes("Ingeniería"))).toBe(true);

    await user.clear(search);
    await user.type(search, "INGENIERÍA CIVIL");
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^1 de 5 casos; 1 vencido\./));
  });

  it("lists open cases first and the closed and cancelled ones after them, under their own heading", async () => {
    const user = userEvent.setup();
    const w = world();
    seed(w);
    renderPane(w);
    await openDashboard(user);
    const list = screen.getByRole("list", { name: "Casos" });
    const listItems = within(list).getAllByRole("listitem");
    const items = listItems.map((li) => li.textContent ?? "");
    // Screen readers count the five cases, not the heading.
    expect(listItems.map((li) => li.getAttribute("aria-posinset"))).toEqual(["1", "2", "3", null, "4", "5"]);
    expect(listItems.map((li) => li.getAttribute("aria-setsize"))).toEqual(["5", "5", "5", null, "5", "5"]);
    const heading = items.findIndex((text) => text === "Cerrados y cancelados");
    expect(heading).toBe(3);
    expect(items.slice(0, 3).every((text) => !/Cerrado|Cancelado/.test(text))).toBe(true);
    // Overdue first among the open ones.
    expect(items[0]).toContain("Vencido");
    expect(items.slice(4).map((text) => text.slice(0, 12))).toEqual(
      expect.arrayContaining([caseIdFor(3), caseIdFor(4)]),
    );
  });
});
