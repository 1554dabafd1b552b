// Issue 10, "edit after forward", in the Communications pane: a forwarded case offers "Cambiar fecha,
// destinatarios o texto"; the dialog sends only what changed, IT receives the update notice (a higher version carrying
// the new date and audiences) and IT's pane opens on it with the new facts.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { decodeCaseHeader } from "../../src/domain/caseHeader";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { COMMUNICATIONS, IT, PROFESSIONAL, setupWorld } from "../support/world";
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

it("a forwarded case's new date and audiences reach IT as an update notice that IT's pane reads", async () => {
  const user = userEvent.setup();
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  expect(created.case.fields.requestedDate).toBe("2026-12-04");
  expect([...created.case.fields.audiences].sort()).toEqual(["docentes", "estudiantes"]);
  renderOn(w, created.messageId);
  await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });

  await user.click(screen.getByRole("button", { name: "Cambiar fecha, destinatarios o texto" }));
  // Fluent's dialog surface counts as hidden to jsdom's accessibility tree (its open motion never runs here).
  const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
  const confirm = within(dialog).getByRole("button", { name: "Enviar cambios a TIC", hidden: true });
  expect(confirm.hasAttribute("disabled")).toBe(true); // nothing changed yet
  const date = within(dialog).getByLabelText("Fecha de envío solicitada") as HTMLInputElement;
  // Typed and shown day first, as Spanish writes dates (components/TypedDateInput.tsx).
  expect(date.value).toBe("04/12/2026");
  await user.clear(date);
  await user.type(date, "11/12/2026");
  await user.click(within(dialog).getByRole("checkbox", { name: "Docentes", hidden: true }));
  expect(confirm.hasAttribute("disabled")).toBe(false);
  await user.click(confirm);

  const status = await screen.findByRole("status", {}, { timeout: 10_000 });
  expect(within(status).getByText("Cambios enviados a TIC.")).toBeTruthy();
  expect(within(screen.getByRole("list")).getByText("Caso cambiado; aviso a TIC")).toBeTruthy();

  // The update notice in IT's inbox: version 2, the new date and audiences, what changed.
  const notices = w.tenant
    .storedMessages(IT, "inbox")
    .map((m) => decodeCaseHeader(m.internetMessageHeaders.find((h) => h.name === "x-pregon-case")?.value))
    .filter((s) => s?.id === created.case.id && s.message === "update");
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatchObject({
    version: 2,
    fields: { requestedDate: "2026-12-11", audiences: ["estudiantes"] },
    changed: ["requestedDate", "audiences"],
  });
  // IT opens the forward and reads the case as it now stands.
  const opened = await openForward(w, created.case.id);
  expect(opened.summary.fields.requestedDate).toBe("2026-12-11");
  expect(opened.summary.fields.audiences).toEqual(["estudiantes"]);
  expect(opened.changed).toEqual(["requestedDate", "audiences"]);
});

it("a new message text typed in the dialog reaches IT: the pane says the text changed and Prepare uses it", async () => {
  const user = userEvent.setup();
  const w = world();
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.afterSentItemsDelay();
  renderOn(w, created.messageId);
  await screen.findByRole("heading", { name: `Caso ${created.case.id}` }, { timeout: 10_000 });

  await user.click(screen.getByRole("button", { name: "Cambiar fecha, destinatarios o texto" }));
  const dialog = await screen.findByRole("dialog", { hidden: true }, { timeout: 5_000 });
  const confirm = within(dialog).getByRole("button", { name: "Enviar cambios a TIC", hidden: true });
  const text = within(dialog).getByLabelText("Nuevo texto del mensaje") as HTMLTextAreaElement;
  await user.type(text, "   ");
  expect(confirm.hasAttribute("disabled")).toBe(true); // blank text is no change
  await user.clear(text);
  await user.type(text, "La convocatoria cierra el 15 de diciembre.{Enter}{Enter}Inscripciones <en línea>.");
  expect(confirm.hasAttribute("disabled")).toBe(false);
  await user.click(confirm);
  const status = await screen.findByRole("status", {}, { timeout: 10_000 });
  expect(within(status).getByText("Cambios enviados a TIC.")).toBeTruthy();

  const notice = w.tenant
    .storedMessages(IT, "inbox")
    .map((m) => decodeCaseHeader(m.internetMessageHeaders.find((h) => h.name === "x-pregon-case")?.value))
    .find((s) => s?.id === created.case.id && s.message === "update");
  expect(notice).toMatchObject({ version: 2, changed: ["text"] });
  const opened = await openForward(w, created.case.id);
  expect(opened.changed).toEqual(["text"]);
  // Typed text is text: two paragraphs, and "<en línea>" escaped rather than taken as markup.
  expect(opened.messageHtml).toContain("<p>La convocatoria cierra el 15 de diciembre.</p>");
  expect(opened.messageHtml).toContain("Inscripciones &lt;en línea&gt;.");
  await prepareForCase(w, opened);
  expect(w.tenant.storedMessages(IT, "drafts").at(-1)?.body.content).toContain("15 de diciembre");
});
