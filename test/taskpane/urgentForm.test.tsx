// Issue 13, the urgent lane on Communications' form (jsdom, the real pane on the embedded tenant): an "Urgente" /
// "Urgent" checkbox starts from what intake read in the request and the professional can flag or unflag it; the
// case keeps the choice and shows the urgent badge; once forwarded, it says a reminder is due after its hours.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { COMMUNICATIONS, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

function renderOn(w: World, itemId: string, displayLanguage: string) {
  render(
    <App
      services={{
        host: stubHost({ itemId, subject: "", mailbox: COMMUNICATIONS }, PROFESSIONAL, displayLanguage),
        mail: w.comms.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

async function storedUrgency(w: World, messageId: string) {
  const opened = await openItem(w.comms.ctx, { itemId: messageId, subject: "", mailbox: COMMUNICATIONS });
  if (opened.kind !== "case") throw new Error(`expected a case, got ${opened.kind}`);
  return opened.case.fields.urgency;
}

describe("the urgent checkbox on Communications' form", () => {
  it("es: starts checked on an urgent request; the case is stored urgent and shows the badge", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("04-urgent.json");
    renderOn(w, messageId, "es-CO");

    const box = (await screen.findByRole(
      "checkbox",
      { name: "Urgente" },
      { timeout: 10_000 },
    )) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(screen.getByText(/importancia alta y \[URGENTE\] en el asunto/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    const heading = await screen.findByRole("heading", { name: /^Caso / }, { timeout: 10_000 });
    const badge = within(heading.parentElement as HTMLElement).getByText("Urgente");
    expect(badge.className).toMatch(/fui-Badge/);
    expect(await storedUrgency(w, messageId)).toBe("urgent");
  });

  it("es: the professional unflags an urgent request; the case is stored normal, without the badge", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("04-urgent.json");
    renderOn(w, messageId, "es-CO");

    const box = (await screen.findByRole(
      "checkbox",
      { name: "Urgente" },
      { timeout: 10_000 },
    )) as HTMLInputElement;
    await user.click(box);
    expect(box.checked).toBe(false);

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    const heading = await screen.findByRole("heading", { name: /^Caso / }, { timeout: 10_000 });
    expect(within(heading.parentElement as HTMLElement).queryByText("Urgente")).toBeNull();
    expect(await storedUrgency(w, messageId)).toBe("normal");
  });

  it("en: flags a request that did not say it was urgent; the case is stored urgent", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("06-english.json");
    renderOn(w, messageId, "en-US");

    const box = (await screen.findByRole(
      "checkbox",
      { name: "Urgent" },
      { timeout: 10_000 },
    )) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.queryByText(/high importance and \[URGENT\] in the subject/)).toBeNull();
    await user.click(box);
    expect(box.checked).toBe(true);
    expect(screen.getByText(/high importance and \[URGENT\] in the subject/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Create case" }));
    const heading = await screen.findByRole("heading", { name: /^Case / }, { timeout: 10_000 });
    expect(within(heading.parentElement as HTMLElement).getByText("Urgent").className).toMatch(/fui-Badge/);
    expect(await storedUrgency(w, messageId)).toBe("urgent");
  });

  it("es: the forwarded urgent case says a reminder is due once its reminder hours have passed", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json", { urgency: "urgent" });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    // Forwarded Friday 09:00 in Bogotá; the demo's urgent.reminderHours is 2. 11:30: two and a half hours.
    w.clock.advance(2.5 * 60 * 60_000);
    renderOn(w, created.messageId, "es-CO");

    expect(
      await screen.findByText(
        "Urgente: han pasado 2 horas hábiles sin envío de TIC; puede enviar un recordatorio.",
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
    expect(screen.getByRole("button", { name: "Enviar recordatorio a TIC" })).toBeTruthy();
  });

  it("es: before its reminder hours pass, the urgent case offers the reminder without the notice", async () => {
    const w = world();
    const created = await newCase(w, "01-structured-es.json", { urgency: "urgent" });
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    w.clock.advance(60 * 60_000); // 10:00: one business hour
    renderOn(w, created.messageId, "es-CO");

    expect(
      await screen.findByRole("button", { name: "Enviar recordatorio a TIC" }, { timeout: 10_000 }),
    ).toBeTruthy();
    expect(screen.queryByText(/^Urgente: han pasado/)).toBeNull();
  });
});
