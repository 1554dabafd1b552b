// IT's pane when the requested date is still ahead: the review shows it, the send dialog schedules for it by
// default, sending now asks for a reason, and a scheduled send can be withdrawn (up front on a cancelled case).
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { itClaimHome } from "../../src/workflow/it/itStore";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";
import { renderItForward } from "../support/itPane";

const world = setupWorld();
const DUE = "2026-12-15T13:00:00.000Z"; // Tue 15 Dec 2026 08:00 in Bogotá
const DUE_ES = "mar 15 dic 2026, 08:00";

/** A case forwarded to IT, moved by Communications to 15 Dec (ahead of the clock), prepared by IT. */
async function preparedAhead(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  await updateAfterForward(w.comms.ctx, COMMUNICATIONS, created.messageId, { requestedDate: "2026-12-15" });
  const opened = await openForward(w, created.case.id);
  await prepareForCase(w, opened);
  return { created, opened };
}

async function recordOf(w: World, messageId: string, caseId: string) {
  return (await itClaimHome(w.it.ctx, IT, messageId, caseId).read()).record;
}

function delivered(w: World, subject: string): number {
  const members = [...new Set(w.config.audiences.flatMap((a) => w.tenant.group(a.group)?.members ?? []))];
  return members.flatMap((m) => w.tenant.storedMessages(m, "inbox")).filter((m) => m.subject === subject)
    .length;
}

async function openSendDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole("button", { name: "Programar envío…" }, { timeout: 10_000 }));
  // Fluent's dialog surface counts as hidden to jsdom's accessibility tree (its open motion never runs here).
  return screen.findByRole("alertdialog", { hidden: true }, { timeout: 5_000 });
}

it("shows the requested date, schedules for it by default, and withdraws the scheduled send", async () => {
  const user = userEvent.setup();
  const w = world();
  const { opened } = await preparedAhead(w);
  renderItForward(w, opened.summary.id);

  const review = await screen.findByRole(
    "region",
    { name: "Revisión del correo masivo" },
    { timeout: 10_000 },
  );
  expect(review.textContent).toContain(`Fecha solicitada${DUE_ES}`);

  const dialog = await openSendDialog(user);
  const schedule = within(dialog).getByRole("radio", { name: `Programar para el ${DUE_ES}`, hidden: true });
  const now = within(dialog).getByRole("radio", { name: "Enviar ahora", hidden: true });
  expect((schedule as HTMLInputElement).checked).toBe(true);
  expect((now as HTMLInputElement).checked).toBe(false);
  // The first choice is scheduling, the second sending now.
  const radios = within(dialog).getAllByRole("radio", { hidden: true });
  expect(radios.indexOf(schedule)).toBeLessThan(radios.indexOf(now));
  await user.click(within(dialog).getByRole("button", { name: "Sí, programar", hidden: true }));

  expect(
    await screen.findByText(`Programado para el ${DUE_ES} — se puede retirar hasta entonces`, undefined, {
      timeout: 10_000,
    }),
  ).toBeTruthy();
  const record = await recordOf(w, opened.message.id, opened.summary.id);
  expect(record?.sent?.scheduledFor).toBe(DUE);
  expect((await w.it.ctx.mail.findScheduled(IT, opened.summary.id, "massMail")).length).toBe(1);
  expect(delivered(w, opened.summary.fields.subject)).toBe(0);

  await user.click(screen.getByRole("button", { name: "Retirar envío programado" }));
  const confirmWithdraw = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 5_000 });
  await user.click(within(confirmWithdraw).getByRole("button", { name: "Sí, retirar", hidden: true }));
  expect(
    await screen.findByText("Envío programado retirado: el correo masivo no saldrá.", undefined, {
      timeout: 10_000,
    }),
  ).toBeTruthy();
  expect(await w.it.ctx.mail.findScheduled(IT, opened.summary.id, "massMail")).toEqual([]);
  expect((await recordOf(w, opened.message.id, opened.summary.id))?.state).toBe("received");
  // Back to the start: the mass mail can be prepared again.
  expect(screen.getByRole("button", { name: "Preparar correo masivo" })).toBeTruthy();
  w.clock.advance(Date.parse("2026-12-16T00:00:00Z") - w.clock.now().getTime());
  expect(delivered(w, opened.summary.fields.subject)).toBe(0);
});

it("sending now before the requested date needs a reason: the confirm button waits for it", async () => {
  const user = userEvent.setup();
  const w = world();
  const { opened } = await preparedAhead(w);
  renderItForward(w, opened.summary.id);

  const dialog = await openSendDialog(user);
  await user.click(within(dialog).getByRole("radio", { name: "Enviar ahora", hidden: true }));
  const confirm = within(dialog).getByRole("button", { name: "Sí, enviar", hidden: true });
  expect(confirm.hasAttribute("disabled")).toBe(true);
  const reason = within(dialog).getByRole("textbox", {
    name: "Motivo para enviar antes de la fecha solicitada (obligatorio)",
    hidden: true,
  });
  await user.type(reason, "   ");
  expect(confirm.hasAttribute("disabled")).toBe(true); // blanks are no reason
  await user.type(reason, "Rectoría pidió adelantarlo");
  expect(confirm.hasAttribute("disabled")).toBe(false);
  await user.click(confirm);

  await screen.findByText(/^Enviado el /, undefined, { timeout: 10_000 });
  const record = await recordOf(w, opened.message.id, opened.summary.id);
  expect(record?.sent?.earlyReason).toBe("Rectoría pidió adelantarlo");
  expect(record?.sent?.scheduledFor).toBeUndefined();
  expect(delivered(w, opened.summary.fields.subject)).toBeGreaterThan(0);
});

it("on a case cancelled after the scheduling, the withdraw is the alert's action", async () => {
  const user = userEvent.setup();
  const w = world();
  const { created, opened } = await preparedAhead(w);
  await sendMassMail(w.it.ctx, opened);
  await cancelCase(w.comms.ctx, COMMUNICATIONS, created.messageId, "La unidad retiró la solicitud");
  renderItForward(w, opened.summary.id);

  const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
  expect(alert.textContent).toContain("Comunicaciones canceló el caso: retire el envío programado");
  expect(alert.textContent).toContain("La unidad retiró la solicitud");
  expect(alert.textContent).toContain(`programado para el ${DUE_ES}`);
  await user.click(within(alert).getByRole("button", { name: "Retirar envío programado" }));
  const confirmWithdraw = await screen.findByRole("alertdialog", { hidden: true }, { timeout: 5_000 });
  await user.click(within(confirmWithdraw).getByRole("button", { name: "Sí, retirar", hidden: true }));
  await screen.findByText("Envío programado retirado: el correo masivo no saldrá.", undefined, {
    timeout: 10_000,
  });
  expect((await recordOf(w, opened.message.id, opened.summary.id))?.state).toBe("cancelled");
  expect(await w.it.ctx.mail.findScheduled(IT, opened.summary.id, "massMail")).toEqual([]);
});
