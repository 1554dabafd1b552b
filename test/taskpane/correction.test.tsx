// Issue 10, point 2, in the Communications pane: a case whose mass mail went out offers "Registrar una
// corrección" instead of Cancel, and the correction's note shows in the history; on a forwarded case the Cancel
// dialog says that IT is told in the same click.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { itSendsAndConfirms } from "../support/procedure";
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

describe("correction and cancellation dialogs in the case view", () => {
  it("a confirmed case offers no Cancel but records a correction whose note shows in the history", async () => {
    const user = userEvent.setup();
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    await itSendsAndConfirms(w, created.case.id);
    w.afterSentItemsDelay();
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
    await screen.findByText("Confirmado", {}, { timeout: 10_000 });
    expect(screen.queryByRole("button", { name: "Cancelar caso" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Registrar una corrección" }));
    // Fluent's dialog surface counts as hidden to jsdom's accessibility tree (its open motion never runs here).
    const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
    const confirm = within(dialog).getByRole("button", { name: "Registrar corrección", hidden: true });
    expect(confirm.hasAttribute("disabled")).toBe(true); // the note is required
    const note =
      "El enlace del correo apuntaba a la convocatoria anterior; se publicó la corrección en el portal.";
    await user.type(
      within(dialog).getByRole("textbox", { name: /Nota de la corrección/, hidden: true }),
      note,
    );
    await user.click(confirm);

    const status = await screen.findByRole("status", {}, { timeout: 10_000 });
    expect(within(status).getByText("Corrección registrada.")).toBeTruthy();
    const history = screen.getByRole("list");
    expect(within(history).getByText("Corrección registrada")).toBeTruthy();
    expect(within(history).getByText(note)).toBeTruthy();

    // The note is in the stored record, not only on screen.
    const reopened = await openItem(w.comms.ctx, {
      itemId: created.messageId,
      subject: "",
      mailbox: COMMUNICATIONS,
    });
    if (reopened.kind !== "case") throw new Error(`expected a case, got ${reopened.kind}`);
    expect(reopened.case.history.at(-1)).toMatchObject({ action: "corrected", note });
  });

  it("on a forwarded case the Cancel dialog says IT is told in the same click", async () => {
    const user = userEvent.setup();
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
    expect(screen.queryByRole("button", { name: "Registrar una corrección" })).toBeNull();

    await user.click(screen.getByRole("button", { name: "Cancelar caso" }));
    const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
    expect(within(dialog).getByText(/se avisará a TIC en el mismo paso/)).toBeTruthy();
  });

  it("on a received case the Cancel dialog does not mention IT", async () => {
    const user = userEvent.setup();
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    renderOn(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });

    await user.click(screen.getByRole("button", { name: "Cancelar caso" }));
    const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
    expect(within(dialog).getByText("Motivo (obligatorio)", { exact: false })).toBeTruthy();
    expect(within(dialog).queryByText(/TIC/)).toBeNull();
  });
});
