// IT's pane on a case Communications cancelled after the forward: the banner says so with the reason and who,
// and Prepare is disabled and described by that reason.
import { render, screen } from "@testing-library/react";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { forwardInItInbox, openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

it("shows the cancellation with its reason and who, and Prepare disabled with that reason", async () => {
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  await cancelCase(w.comms.ctx, COMMUNICATIONS, created.messageId, "La unidad retiró la solicitud");
  const forward = forwardInItInbox(w, created.case.id);
  render(
    <App
      services={{
        host: stubHost(w.it.select(forward.id, forward.subject), IT),
        mail: w.it.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );

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
  const forward = forwardInItInbox(w, created.case.id);
  render(
    <App
      services={{
        host: stubHost(w.it.select(forward.id, forward.subject), IT),
        mail: w.it.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );

  await screen.findByRole("alert", {}, { timeout: 10_000 });
  const send = screen.getByRole("button", { name: "Enviar ahora" });
  expect((send as HTMLButtonElement).disabled).toBe(true);
  const describedBy = send.getAttribute("aria-describedby") ?? "";
  expect(document.getElementById(describedBy)?.textContent).toContain("El evento se aplazó");
});
