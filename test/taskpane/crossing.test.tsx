// Both panes on a case across two mailboxes: a send that crossed the cancellation is shown plainly (Communications:
// "Cancelled, but IT sent … (conflict)" with a correction offered; IT: sent and cancelled), a closed case offers no
// Cancel and no due date, and IT's pane on a reminder answers it with the status in one click.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MailHost, SelectedItem } from "../../src/ports/mailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { forwardInItInbox, itSendsAndConfirms, openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, IT, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

function hostFor(userAddress: string, item: SelectedItem): MailHost {
  return {
    userAddress,
    displayLanguage: "es-CO",
    getTheme: () => "light",
    getSelectedItem: async () => item,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
}

function renderComms(w: World, itemId: string) {
  render(
    <App
      services={{
        host: hostFor(PROFESSIONAL, { itemId, subject: "", mailbox: COMMUNICATIONS }),
        mail: w.comms.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

function renderIt(w: World, itemId: string, subject: string) {
  render(
    <App
      services={{
        host: hostFor(IT, w.it.select(itemId, subject)),
        mail: w.it.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

async function crossedCase(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  const forward = await openForward(w, created.case.id);
  await prepareForCase(w, forward);
  await sendMassMail(w.it.ctx, forward);
  await cancelCase(w.comms.ctx, COMMUNICATIONS, created.messageId, "La unidad desistió");
  return created;
}

describe("cancellation and send crossed", () => {
  it("Communications' case view says 'Cancelado, pero TIC envió…' and offers a correction, not Cancel", async () => {
    const w = world();
    const created = await crossedCase(w);
    await confirmToCommunications(w.it.ctx, await openForward(w, created.case.id));
    renderComms(w, created.messageId);
    await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/Cancelado, pero TIC envió el correo masivo el .+ \(conflicto\)/);
    expect(alert.textContent).toContain("Registre una corrección");
    expect(screen.getByRole("button", { name: "Registrar una corrección" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancelar caso" })).toBeNull();
    expect(screen.queryByText(/^Vence el /)).toBeNull();
  });

  it("IT's pane shows the case sent and cancelled after the send", async () => {
    const w = world();
    const created = await crossedCase(w);
    const forward = forwardInItInbox(w, created.case.id);
    renderIt(w, forward.id, forward.subject);
    const bar = await screen.findByText(
      "Comunicaciones canceló el caso después de que el correo masivo salió",
      {},
      { timeout: 10_000 },
    );
    expect(bar).toBeTruthy();
    expect(screen.getByText(/El correo ya salió y no se puede anular/)).toBeTruthy();
  });
});

it("a closed case offers no Cancel and shows no due date", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  await itSendsAndConfirms(w, created.case.id);
  w.afterSentItemsDelay();
  const opened = await openItem(w.comms.ctx, w.comms.select(created.messageId));
  expect(opened.kind === "case" && opened.case.state).toBe("confirmed");
  const closed = await relayToRequester(w.comms.ctx, COMMUNICATIONS, created.messageId);
  expect(closed.state).toBe("closed");
  renderComms(w, created.messageId);
  await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });
  expect(screen.queryByRole("button", { name: "Cancelar caso" })).toBeNull();
  expect(screen.queryByText(/^Vence el /)).toBeNull();
});

it("IT's pane on a reminder answers it with the status in one click, once", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  await sendReminder(w.comms.ctx, COMMUNICATIONS, created.messageId);
  const reminder = w.tenant
    .storedMessages(IT, "inbox")
    .filter((m) => m.subject.includes(`[${created.case.id}]`) && /recordatorio/i.test(m.subject))
    .at(-1);
  if (!reminder) throw new Error("no reminder");
  renderIt(w, reminder.id, reminder.subject);
  expect(await screen.findByText(/Respuesta: Aún no preparado/, {}, { timeout: 10_000 })).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Responder con el estado" }));
  expect(
    await screen.findByText(/Este recordatorio ya se respondió el /, {}, { timeout: 10_000 }),
  ).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Responder con el estado" })).toBeNull();
  const answers = w.tenant
    .storedMessages(COMMUNICATIONS, "inbox")
    .filter((m) => m.internetMessageHeaders.some((h) => h.name.toLowerCase() === "x-pregon-it-status"));
  expect(answers).toHaveLength(1);
});
