// Issue 13, the urgent lane in both dashboards (jsdom, the real panes on the embedded tenant): an open urgent case
// comes before every other open one (even an overdue one, even when it is due later), carries an "Urgente" badge,
// and a closed urgent case is just closed. IT's case view shows the badge too.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { createCase, forwardCase, linkConfirmation, relayConfirmation } from "../../src/domain/lifecycle";
import type { Case, Urgency } from "../../src/domain/types";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { caseIdFor, requestJson } from "../support/manyCases";
import { forwardInItInbox } from "../support/procedure";
import { COMMUNICATIONS, DOMAIN, IT, OPERATOR, PROFESSIONAL, setupWorld } from "../support/world";

const world = setupWorld();

function caseOf(i: number, dueDate: string, state: Case["state"], urgency: Urgency): Case {
  const at = `2026-11-${String(10 + i).padStart(2, "0")}T14:00:00Z`;
  const base = createCase({
    id: caseIdFor(i),
    at,
    by: PROFESSIONAL,
    requester: { name: `Unidad ${i}`, address: `unidad${i}@${DOMAIN}` },
    fields: {
      requestingUnit: `Unidad ${i}`,
      desiredSender: `Unidad ${i}`,
      subject: `Convocatoria ${i}`,
      audiences: ["estudiantes"],
      urgency,
      attachmentIds: [],
    },
    dueDate,
  });
  if (state === "received") return base;
  const forwarded = forwardCase(base, { at, by: PROFESSIONAL });
  if (state === "forwarded") return forwarded;
  const confirmed = linkConfirmation(forwarded, {
    sent: { at, by: IT, evidence: { recipientCount: 100 } },
    confirmed: { at, by: IT },
  });
  return relayConfirmation(confirmed, { at, by: PROFESSIONAL });
}

function host(user: string, mailbox: string) {
  return new DemoMailHost({
    userAddress: user,
    displayLanguage: "es-CO",
    theme: "light",
    onOpenDraft: () => undefined,
    viewedMailbox: mailbox,
  });
}

describe("Communications' dashboard", () => {
  it("lists open urgent cases before the other open ones, with the badge; a closed urgent case stays below", async () => {
    const user = userEvent.setup();
    const w = world();
    const cases = [
      caseOf(0, "2026-11-20", "forwarded", "normal"), // overdue on 4 December
      caseOf(1, "2026-12-18", "forwarded", "urgent"), // urgent, due latest of all
      caseOf(2, "2026-12-10", "received", "normal"),
      caseOf(3, "2026-11-01", "closed", "urgent"),
    ];
    for (const c of cases) w.tenant.deliver(COMMUNICATIONS, requestJson(c));
    render(
      <App
        services={{
          host: host(PROFESSIONAL, COMMUNICATIONS),
          mail: w.comms.ctx.mail,
          config: w.config,
          sanitizeHtml,
          now: () => w.clock.now(),
        }}
      />,
    );
    await user.click(await screen.findByRole("button", { name: "Tablero de casos" }, { timeout: 10_000 }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^4 de 4 casos/), {
      timeout: 10_000,
    });
    const list = screen.getByRole("list", { name: "Casos" });
    const rows = within(list).getAllByRole("button");
    expect(rows.map((r) => r.textContent?.slice(0, 12))).toEqual([
      caseIdFor(1),
      caseIdFor(0),
      caseIdFor(2),
      caseIdFor(3),
    ]);
    expect(within(rows[0]!).getByText("Urgente").className).toMatch(/fui-Badge/);
    expect(within(rows[1]!).queryByText("Urgente")).toBeNull();
    expect(within(rows[1]!).getByText("Vencido")).toBeTruthy();
    expect(within(rows[3]!).getByText("Urgente")).toBeTruthy();
  });
});

describe("IT's open cases", () => {
  it("lists an urgent forward before an earlier-due normal one, with the badge, also in IT's case view", async () => {
    const user = userEvent.setup();
    const w = world();
    const normal = await newCase(w, "01-structured-es.json", {
      requestedDate: "2026-12-07",
      urgency: "normal",
    });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, normal.messageId);
    const urgent = await newCase(w, "02-freeform-es.json", {
      requestedDate: "2026-12-18",
      urgency: "urgent",
    });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, urgent.messageId);
    expect(urgent.case.dueDate > normal.case.dueDate).toBe(true);
    const forward = forwardInItInbox(w, urgent.case.id);
    const itHost = host(OPERATOR, IT);
    render(
      <App
        services={{
          host: itHost,
          mail: w.it.ctx.mail,
          config: w.config,
          sanitizeHtml,
          now: () => w.clock.now(),
        }}
      />,
    );
    await user.click(
      await screen.findByRole("button", { name: "Casos abiertos de TIC" }, { timeout: 10_000 }),
    );
    const list = await screen.findByRole("list", { name: "Casos abiertos de TIC" }, { timeout: 10_000 });
    const rows = await waitFor(() => {
      const found = within(list).getAllByRole("button");
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows[0]!.textContent).toContain(urgent.case.id);
    expect(rows[1]!.textContent).toContain(normal.case.id);
    expect(within(rows[0]!).getByText("Urgente").className).toMatch(/fui-Badge/);
    expect(within(rows[1]!).queryByText("Urgente")).toBeNull();

    rows[0]!.focus();
    await user.keyboard("{Enter}");
    await waitFor(async () => expect((await itHost.getSelectedItem())?.itemId).toBe(forward.id));
    const heading = await screen.findByRole(
      "heading",
      { name: `Caso ${urgent.case.id} para envío` },
      { timeout: 10_000 },
    );
    expect(within(heading.parentElement as HTMLElement).getByText("Urgente").className).toMatch(/fui-Badge/);
  });
});
