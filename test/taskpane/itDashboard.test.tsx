// IT's open cases in jsdom against the embedded tenant: a row opens its forward (Enter), the pane follows the
// selection out of the list; the IT state is a badge and the overdue badge sits inline, not as a full-width bar.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { forwardInItInbox } from "../support/procedure";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";

const world = setupWorld();

describe("IT's open cases", () => {
  it("shows each case's state as a badge and opens the forward with Enter", async () => {
    const user = userEvent.setup();
    const w = world();
    const created = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    const forward = forwardInItInbox(w, created.case.id);
    const host = new DemoMailHost({
      userAddress: OPERATOR,
      displayLanguage: "es-CO",
      theme: "light",
      onOpenDraft: () => undefined,
      viewedMailbox: IT,
    });
    render(
      <App
        services={{ host, mail: w.it.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
      />,
    );
    await user.click(
      await screen.findByRole("button", { name: "Casos abiertos de TIC" }, { timeout: 10_000 }),
    );
    const list = await screen.findByRole("list", { name: "Casos abiertos de TIC" }, { timeout: 10_000 });
    const row = within(list).getByRole("button", { name: new RegExp(created.case.id) });

    // The state is a badge (Fluent's Badge), not words run on after the id.
    const badge = within(row).getByText("Por preparar");
    expect(badge.className).toMatch(/fui-Badge/);
    expect(row.textContent).not.toContain("·");
    // The row's column does not stretch its children: a badge keeps its own width.
    expect(getComputedStyle(row).alignItems).toBe("flex-start");

    row.focus();
    await user.keyboard("{Enter}");
    await waitFor(async () => expect((await host.getSelectedItem())?.itemId).toBe(forward.id));
    expect(
      await screen.findByRole("heading", { name: `Caso ${created.case.id} para envío` }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Casos abiertos de TIC" })).toBeNull();
  });
});
