// The case view offers what the domain says it offers (src/domain/caseOffers.ts): a confirmed case has no Cancel,
// a cancelled one neither Cancel nor "Vence el …"; the dashboard shows no due date for a closed or cancelled case.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { newCase } from "../support/cases";
import { itSendsAndConfirms, storedOfKind } from "../support/procedure";
import { COMMUNICATIONS, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

function renderOn(w: World, itemId: string) {
  render(
    <App
      services={{
        host: stubHost({ itemId, subject: "", mailbox: COMMUNICATIONS }, PROFESSIONAL),
        mail: w.comms.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

describe("what the case view offers", () => {
  it("a forwarded case offers a reminder and Cancel and shows its due date", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
    expect(screen.getByRole("button", { name: "Enviar recordatorio a TIC" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Cancelar caso" })).toBeTruthy();
    expect(screen.getByText(/^Vence el /)).toBeTruthy();
  });

  it("a confirmed case offers the relay but not Cancel", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    await itSendsAndConfirms(w, created.case.id);
    w.afterSentItemsDelay();
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
    expect(await screen.findByRole("button", { name: "Enviar confirmación al solicitante" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancelar caso" })).toBeNull();
  });

  it("a cancelled case offers no Cancel and shows no due date", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await cancelCase(w.comms.ctx, COMMUNICATIONS, created.messageId, "La unidad retiró la solicitud");
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
    expect(screen.getAllByText("La unidad retiró la solicitud").length).toBeGreaterThan(0);
    expect(screen.queryByRole("button", { name: "Cancelar caso" })).toBeNull();
    expect(screen.queryByText(/^Vence el /)).toBeNull();
  });

  it("asks before a second reminder the same business day, naming the first one's time, and sends it on yes", async () => {
    const user = userEvent.setup();
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.afterSentItemsDelay();
    // 2026-12-04 14:00Z is 09:00 in Bogotá.
    await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
    const firstAt = w.clock.now();
    w.clock.advance(2 * 60 * 60_000);
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });

    await user.click(screen.getByRole("button", { name: "Enviar recordatorio a TIC" }));
    // Fluent's dialog surface counts as hidden to jsdom's accessibility tree (its open motion never runs here).
    const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
    const hhmm = new Intl.DateTimeFormat("es-CO", {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "America/Bogota",
    }).format(firstAt);
    expect(
      within(dialog).getByText(`Ya se envió un recordatorio hoy a las ${hhmm}. ¿Enviar otro?`),
    ).toBeTruthy();

    // "No enviar" sends nothing.
    await user.click(within(dialog).getByRole("button", { name: "No enviar", hidden: true }));
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.case.id, "reminder")).toHaveLength(1);

    await user.click(screen.getByRole("button", { name: "Enviar recordatorio a TIC" }));
    const again = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
    await user.click(within(again).getByRole("button", { name: "Enviar otro", hidden: true }));
    const status = await screen.findByRole("status", {}, { timeout: 10_000 });
    expect(within(status).getByText("Recordatorio enviado.")).toBeTruthy();
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.case.id, "reminder")).toHaveLength(2);
  });
});
