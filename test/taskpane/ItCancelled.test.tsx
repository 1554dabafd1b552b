// IT's pane on a case Communications cancelled after the forward: the banner says so with the reason and who,
// and Prepare is disabled and described by that reason.
import { screen } from "@testing-library/react";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, setupWorld } from "../support/world";
import { renderItForward } from "../support/itPane";

const world = setupWorld();

it("shows the cancellation with its reason and who, and Prepare disabled with that reason", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  await cancelCase(w.comms.ctx, COMMUNICATIONS, created.messageId, "La unidad retiró la solicitud");
  renderItForward(w, created.case.id);

  const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
  expect(alert.textContent).toContain("Caso cancelado por Comunicaciones");
  expect(alert.textContent).toContain("La unidad retiró la solicitud");
  expect(alert.textContent).toContain(w.comms.ctx.user);
  const prepare = screen.getByRole("button", { name: "Preparar correo masivo" });
  expect((prepare as HTMLButtonElement).disabled).toBe(true);
  const describedBy = prepare.getAttribute("aria-describedby") ?? "";
  expect(document.getElementById(describedBy)?.textContent).toContain("La unidad retiró la solicitud");
});

it("on a case prepared before the cancellation, Send is disabled and described by the cancellation", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  await prepareForCase(w, await openForward(w, created.case.id));
  await cancelCase(w.comms.ctx, COMMUNICATIONS, created.messageId, "El evento se aplazó");
  renderItForward(w, created.case.id);

  await screen.findByRole("alert", {}, { timeout: 10_000 });
  const send = screen.getByRole("button", { name: "Enviar ahora" });
  expect((send as HTMLButtonElement).disabled).toBe(true);
  const describedBy = send.getAttribute("aria-describedby") ?? "";
  expect(document.getElementById(describedBy)?.textContent).toContain("El evento se aplazó");
});
