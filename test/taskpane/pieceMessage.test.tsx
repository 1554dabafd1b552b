// Issue 12, point 4: seeded request 03 says "Mensaje: ver imagen adjunta"; its message is the attached piece,
// so the preview's badge ("Indicado en la solicitud") and the words under it must say the same thing: the
// piece, by name, never "the request does not include the message text".
import { render, screen, within } from "@testing-library/react";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { COMMUNICATIONS, PROFESSIONAL, loadFixture, setupWorld } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

async function previewOf(fixture: string, displayLanguage: string): Promise<HTMLElement> {
  const w = world();
  const itemId = w.deliverRequest(loadFixture(fixture));
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
  const title = await screen.findByText(/Vista previa del mensaje|Message preview/, {}, { timeout: 10_000 });
  return title.parentElement as HTMLElement;
}

describe("the message preview of a request whose message is an attached piece", () => {
  it("names the piece under the 'stated in the request' badge (es)", async () => {
    const preview = await previewOf("03-flyer-attachment.json", "es-CO");
    expect(within(preview).getByText("Indicado en la solicitud")).toBeTruthy();
    expect(
      within(preview).getByText("El mensaje es la pieza adjunta: pieza-curso-ofimatica.png."),
    ).toBeTruthy();
    expect(within(preview).queryByText("La solicitud no trae el texto del mensaje.")).toBeNull();
  });

  it("does the same in English", async () => {
    const preview = await previewOf("03-flyer-attachment.json", "en-US");
    expect(within(preview).getByText("Stated in the request")).toBeTruthy();
    expect(
      within(preview).getByText("The message is the attached piece: pieza-curso-ofimatica.png."),
    ).toBeTruthy();
    expect(within(preview).queryByText("The request does not include the message text.")).toBeNull();
  });

  it("still says 'no message text' with a missing badge when a request has neither text nor piece", async () => {
    const fixture = loadFixture("03-flyer-attachment.json");
    delete fixture.attachments;
    const w = world();
    const itemId = w.deliverRequest(fixture);
    render(
      <App
        services={{
          host: stubHost({ itemId, subject: "", mailbox: COMMUNICATIONS }, PROFESSIONAL, "es-CO"),
          mail: w.comms.ctx.mail,
          config: w.config,
          sanitizeHtml,
          now: () => w.clock.now(),
        }}
      />,
    );
    const title = await screen.findByText("Vista previa del mensaje", {}, { timeout: 10_000 });
    const preview = title.parentElement as HTMLElement;
    expect(within(preview).getByText("No encontrado: complete")).toBeTruthy();
    expect(within(preview).getByText("La solicitud no trae el texto del mensaje.")).toBeTruthy();
  });
});
