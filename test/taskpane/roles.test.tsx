// The pane's role follows the mailbox the item lives in, never the signed-in address: an IT operator
// (carlos.perez@) working in tic@ as a delegate gets the IT pane on tic@'s items, even where Outlook cannot say
// which mailbox the item is in (the demo host without shared-item properties), and sees who acted for tic@.
import { render, screen } from "@testing-library/react";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { toEwsId } from "../../src/demo/officeIds";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { forwardInItInbox, itSendsAndConfirms } from "../support/procedure";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

function operatorHost(sharedItemProperties: boolean): DemoMailHost {
  return new DemoMailHost({
    userAddress: OPERATOR,
    displayLanguage: "es-CO",
    theme: "light",
    onOpenDraft: () => undefined,
    viewedMailbox: IT,
    sharedItemProperties,
  });
}

function renderFor(w: World, host: DemoMailHost) {
  render(
    <App
      services={{ host, mail: w.it.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
    />,
  );
}

async function forwarded(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  return { caseId: created.case.id, forward: forwardInItInbox(w, created.case.id) };
}

describe("the pane's role", () => {
  it("is IT's for an operator whose own address is not tic@, on an item tic@ holds that the host calls 'me'", async () => {
    const w = world();
    const { caseId, forward } = await forwarded(w);
    const host = operatorHost(false);
    host.select({ ewsItemId: toEwsId(forward.id), subject: forward.subject, mailbox: IT });
    expect(await host.getSelectedItem()).toMatchObject({ mailbox: "me" });

    renderFor(w, host);
    expect(
      await screen.findByRole("heading", { name: `Caso ${caseId} para envío` }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.getByText("División TIC")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Casos abiertos de TIC" })).toBeTruthy();
  });

  it("names the operator and tic@ for the send", async () => {
    const w = world();
    const { caseId, forward } = await forwarded(w);
    await itSendsAndConfirms(w, caseId);
    const host = operatorHost(true);
    host.select({ ewsItemId: toEwsId(forward.id), subject: forward.subject, mailbox: IT });

    renderFor(w, host);
    expect(
      await screen.findByText(new RegExp(`por ${OPERATOR} en nombre de ${IT}`), {}, { timeout: 10_000 }),
    ).toBeTruthy();
  });

  it("with nothing selected, is the role of the mailbox the host shows (the demo's IT column)", async () => {
    const w = world();
    renderFor(w, operatorHost(true));
    expect(await screen.findByRole("button", { name: "Casos abiertos de TIC" })).toBeTruthy();
  });

  it("tells what to do when the item is in no mailbox the person can reach", async () => {
    const w = world();
    const { forward } = await forwarded(w);
    // Ana (Communications) has no access to tic@; Outlook could not say where the item is.
    const host = new DemoMailHost({
      userAddress: "ana.rodriguez@universidad.example",
      displayLanguage: "es-CO",
      theme: "light",
      onOpenDraft: () => undefined,
      sharedItemProperties: false,
    });
    host.select({ ewsItemId: toEwsId(forward.id), subject: forward.subject, mailbox: IT });
    render(
      <App
        services={{ host, mail: w.comms.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
      />,
    );
    expect(
      await screen.findByText(/Agregue el buzón compartido como carpeta compartida/, {}, { timeout: 10_000 }),
    ).toBeTruthy();
  });
});
