// IT's pane runs the content checks on the mail as it will go out and says, for each finding, where it is and how
// to fix it (es and en); nothing is blocked by them.
import { render, screen, within } from "@testing-library/react";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { forwardInItInbox } from "../support/procedure";
import { COMMUNICATIONS, IT, loadFixture, setupWorld } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

it.each([
  [
    "es-CO",
    "Revisión del contenido antes del envío",
    "Preparar correo masivo",
    /«clic aquí» no dice adónde lleva/,
    /Cambie el texto del enlace/,
  ],
  [
    "en-US",
    "Content check before the send",
    "Prepare mass mail",
    /“clic aquí” does not say where it leads/,
    /Change the link text/,
  ],
])(
  "%s: a vague link text is reported with where and how to fix it, and Prepare stays enabled",
  async (lang, listName, prepareName, finding, fix) => {
    const w = world();
    const request = loadFixture("01-structured-es.json") as { body: { content: string } };
    request.body.content =
      `<p><b>Remitente:</b> Decanatura<br><b>Asunto:</b> Convocatoria 2027-1<br><b>Dirigido a:</b> estudiantes</p>` +
      `<p><b>Mensaje:</b> Las inscripciones a la convocatoria 2027-1 están abiertas hasta el 15 de diciembre. ` +
      `Requisitos y fechas: <a href="https://www.universidad.example/convocatoria">clic aquí</a></p>` +
      `<p>Cordialmente,<br>Decanatura</p>`;
    const created = await newCase(w, request);
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
    const forward = forwardInItInbox(w, created.case.id);
    render(
      <App
        services={{
          host: stubHost(w.it.select(forward.id, forward.subject), IT, lang),
          mail: w.it.ctx.mail,
          config: w.config,
          sanitizeHtml,
          now: () => w.clock.now(),
        }}
      />,
    );

    const list = await screen.findByRole("list", { name: listName }, { timeout: 10_000 });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toMatch(finding);
    expect(items[0]?.textContent).toMatch(fix);
    expect((screen.getByRole("button", { name: prepareName }) as HTMLButtonElement).disabled).toBe(false);
  },
);
