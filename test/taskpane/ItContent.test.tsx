// IT's pane on what the mass mail would show: a message with nothing visible is refused in the pane with the
// reason and the way out (es and en) and Prepare is disabled; tracking images removed are reported; remote
// images in the preview wait for "Show external images".
import { fireEvent, render, screen } from "@testing-library/react";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { forwardInItInbox } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, loadFixture, setupWorld } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

function requestWithMessage(messageHtml: string) {
  const request = loadFixture("01-structured-es.json") as { body: { content: string } };
  request.body.content =
    `<p><b>Remitente:</b> Decanatura<br><b>Asunto:</b> Convocatoria 2027-1<br><b>Dirigido a:</b> estudiantes</p>` +
    `<p><b>Mensaje:</b> ${messageHtml}</p><p>Cordialmente,<br>Decanatura</p>`;
  return request;
}

async function openInItPane(w: World, request: Record<string, unknown>, lang: string) {
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
}

it.each([
  [
    "es-CO",
    "Preparar correo masivo",
    /no tiene texto visible ni imágenes.*Pida a Comunicaciones.*mensaje completo/,
  ],
  ["en-US", "Prepare mass mail", /no visible text and no image.*Ask Communications.*complete message/],
])(
  "%s: an empty message is refused with the reason and the way out; Prepare is disabled",
  async (lang, prepareName, reason) => {
    const w = world();
    await openInItPane(w, requestWithMessage("<script>alert(1)</script>&nbsp;"), lang);

    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(reason);
    const prepare = screen.getByRole("button", { name: prepareName });
    expect((prepare as HTMLButtonElement).disabled).toBe(true);
    expect(document.getElementById(prepare.getAttribute("aria-describedby") ?? "")?.textContent).toMatch(
      reason,
    );
  },
);

it("reports the tracking image removed and holds the remote image until 'Show external images'", async () => {
  const w = world();
  await openInItPane(
    w,
    requestWithMessage(
      "Inscripciones abiertas hasta el viernes." +
        '<img src="https://www.universidad.example/banner.png" alt="Banner" width="600">' +
        '<img src="https://tracker.example/o.gif" width="1" height="1">',
    ),
    "es-CO",
  );

  expect(
    await screen.findByText("Imágenes ocultas o de seguimiento eliminadas: 1.", {}, { timeout: 10_000 }),
  ).toBeTruthy();
  const banner = screen.getByAltText("Banner");
  expect(banner.getAttribute("src")).toBeNull();
  expect(document.querySelector('img[src*="tracker.example"]')).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Mostrar imágenes externas" }));
  expect(screen.getByAltText("Banner").getAttribute("src")).toBe(
    "https://www.universidad.example/banner.png",
  );
  expect(screen.queryByRole("button", { name: "Mostrar imágenes externas" })).toBeNull();
});
