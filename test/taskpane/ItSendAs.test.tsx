// IT's pane and the sender the mass mail goes out as (issue 12, point 6): a sender Exchange refused before (403
// ErrorSendAsDenied, remembered in IT's records) is said BEFORE the send — when preparing another case as it, and
// on the case itself — and the send dialog names the sender (name and address). Also: the progress of a send says
// "sending" when IT sends now, "scheduling" only when it schedules.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AppError } from "../../src/domain/errors";
import type { CaseFields } from "../../src/domain/types";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { itClaimHome } from "../../src/workflow/it/itStore";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, DOMAIN, IT, setupWorld } from "../support/world";
import { renderItForward } from "../support/itPane";

const world = setupWorld();
// The demo tenant gives IT no Send As on Secretaría General. Request 07 (the Electoral Committee's request,
// forwarded by Secretaría General) asks for it by name; Communications wrote its address in the desired sender.
const REFUSED = `Secretaría General <secretaria.general@${DOMAIN}>`;

async function forwarded(w: World, fixture: string, overrides: Partial<CaseFields> = {}) {
  const created = await newCase(w, fixture, overrides);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  return { created, opened: await openForward(w, created.case.id) };
}

/** Request 07 prepared as Secretaría General and sent: Exchange refuses it (no Send As). */
async function refusedOnce(w: World) {
  const { opened } = await forwarded(w, "07-forwarded-chain.json", { desiredSender: REFUSED });
  await prepareForCase(w, opened);
  const refusal = await sendMassMail(w.it.ctx, opened, {
    when: { mode: "now", earlyReason: "prueba" },
  }).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(AppError);
  expect(refusal).toMatchObject({ code: "sendAsDenied" });
  return opened;
}

const sendTrigger = () =>
  screen.findByRole("button", { name: /^(Enviar ahora|Programar envío…)$/ }, { timeout: 10_000 });

async function openSendDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await sendTrigger());
  // Fluent's dialog surface counts as hidden to jsdom's accessibility tree (its open motion never runs here).
  return screen.findByRole("alertdialog", { hidden: true }, { timeout: 5_000 });
}

it("the refusal is remembered in IT's record of the case, naming the sender", async () => {
  const w = world();
  const opened = await refusedOnce(w);
  const { record } = await itClaimHome(w.it.ctx, IT, opened.message.id, opened.summary.id).read();
  expect(record.state).toBe("prepared");
  expect(record.sendAsRefused).toMatchObject({
    address: `secretaria.general@${DOMAIN}`,
    name: "Secretaría General",
    by: w.it.ctx.user,
  });
});

it("another case asking for a sender refused before: said before preparing, with the institutional way out", async () => {
  const user = userEvent.setup();
  const w = world();
  const first = await refusedOnce(w);
  const { opened: second } = await forwarded(w, "07-forwarded-chain.json", { desiredSender: REFUSED });
  renderItForward(w, second.summary.id);

  const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
  expect(alert.textContent).toContain("Exchange ya rechazó este remitente");
  expect(alert.textContent).toContain(REFUSED);
  expect(alert.textContent).toContain(first.summary.id);
  // Nothing was sent or prepared yet: the warning comes before the send, not after it.
  expect(screen.getByRole("button", { name: "Preparar correo masivo" })).toBeTruthy();

  await user.click(within(alert).getByRole("button", { name: "Preparar con el remitente institucional" }));
  expect(screen.queryByText("Exchange ya rechazó este remitente")).toBeNull();
  expect(
    screen.getByText(`Centro de Gestión de las Comunicaciones <comunicaciones@${DOMAIN}>`, { exact: false }),
  ).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Preparar correo masivo" }));
  await sendTrigger();
  const { record } = await itClaimHome(w.it.ctx, IT, second.message.id, second.summary.id).read();
  expect(record).toMatchObject({
    state: "prepared",
    sender: { address: `comunicaciones@${DOMAIN}` },
    senderFallback: true,
  });
});

it("the case refused before, reopened: said before the send, and the send dialog names the sender and the refusal", async () => {
  const user = userEvent.setup();
  const w = world();
  const opened = await refusedOnce(w);
  renderItForward(w, opened.summary.id);

  const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
  expect(alert.textContent).toContain("Exchange ya rechazó este remitente");
  expect(alert.textContent).toContain(REFUSED);
  expect(within(alert).getByRole("button", { name: "Usar el remitente institucional" })).toBeTruthy();

  const dialog = await openSendDialog(user);
  expect(dialog.textContent).toContain(`Remitente: ${REFUSED}`);
  expect(within(dialog).getByRole("alert", { hidden: true }).textContent).toContain(
    "Exchange rechazó este remitente el",
  );
});

it("the send dialog names the sender even when nothing was refused", async () => {
  const user = userEvent.setup();
  const w = world();
  const { opened } = await forwarded(w, "01-structured-es.json");
  await prepareForCase(w, opened);
  renderItForward(w, opened.summary.id);

  const dialog = await openSendDialog(user);
  expect(dialog.textContent).toContain(
    `Remitente: Decanatura Facultad de Ingeniería Electrónica <decanatura.fiet@${DOMAIN}>`,
  );
  expect(within(dialog).queryByRole("alert", { hidden: true })).toBeNull();
  expect(screen.queryByText("Exchange ya rechazó este remitente")).toBeNull();
});

it("sending now on a case with a requested time ahead says 'sending', not 'scheduling'", async () => {
  const user = userEvent.setup();
  const w = world();
  const { created, opened: before } = await forwarded(w, "01-structured-es.json");
  await updateAfterForward(w.comms.ctx, COMMUNICATIONS, created.messageId, { requestedDate: "2026-12-15" });
  const opened = await openForward(w, before.summary.id);
  await prepareForCase(w, opened);
  renderItForward(w, opened.summary.id);
  // The send itself takes a moment, so that its progress can be read.
  w.tenant.faults.add({ method: "POST", url: /\/send$/, effect: { kind: "latency", ms: 1500 }, times: 1 });

  const dialog = await openSendDialog(user);
  await user.click(within(dialog).getByRole("radio", { name: "Enviar ahora", hidden: true }));
  await user.type(
    within(dialog).getByRole("textbox", {
      name: "Motivo para enviar antes de la fecha solicitada (obligatorio)",
      hidden: true,
    }),
    "Rectoría pidió adelantarlo",
  );
  await user.click(within(dialog).getByRole("button", { name: "Sí, enviar", hidden: true }));

  expect(await screen.findByText("Enviando el correo masivo…", undefined, { timeout: 5_000 })).toBeTruthy();
  expect(screen.queryByText("Programando el correo masivo…")).toBeNull();
  await screen.findByText(/^Enviado el /, undefined, { timeout: 10_000 });
});

describe("the sender IT's pane proposes (matched by address)", () => {
  it("request 06 (an English name, a configured address IT has Send As on): that sender, no fallback", async () => {
    const w = world();
    const { opened } = await forwarded(w, "06-english.json");
    renderItForward(w, opened.summary.id);
    expect(
      await screen.findByText(
        `Oficina de Relaciones Internacionales <relaciones.internacionales@${DOMAIN}>`,
        { exact: false },
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/se usará el remitente institucional/)).toBeNull();
  });

  it("request 07 asks for Secretaría General by name only: the institutional sender, and why", async () => {
    const w = world();
    const { opened } = await forwarded(w, "07-forwarded-chain.json");
    renderItForward(w, opened.summary.id);
    const why = await screen.findByText(/un nombre no basta para elegir el remitente/, undefined, {
      timeout: 10_000,
    });
    expect(why.textContent).toContain("«Secretaría General»");
    expect(why.textContent).toContain(`Comité Electoral <comite.electoral@${DOMAIN}>`);
    expect(
      screen.getByText(`Centro de Gestión de las Comunicaciones <comunicaciones@${DOMAIN}>`, {
        exact: false,
      }),
    ).toBeTruthy();
  });
});
