// Issue 12, points 5, 9 and 10, on Communications' request form and case view (jsdom, the real pane on the
// embedded tenant):
// - 5: the form says who will get the confirmation before the case exists; for a forwarded request (07) it is a
//   choice, the person who wrote to Communications by default, and the case keeps the choice;
// - 9: a request without a message text offers a field to type it (stored in the case) and "Ask the requester";
// - 10: the form and the case show the sender IT will use and the audiences' member counts.
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { openItem } from "../../src/workflow/openItem";
import { COMMUNICATIONS, DOMAIN, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();
const SECRETARIA = `secretaria.general@${DOMAIN}`;
const COMITE = `comite.electoral@${DOMAIN}`;

function renderOn(w: World, itemId: string, displayLanguage = "es-CO") {
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

async function openedCase(w: World, messageId: string) {
  const opened = await openItem(w.comms.ctx, { itemId: messageId, subject: "", mailbox: COMMUNICATIONS });
  if (opened.kind !== "case") throw new Error(`expected a case, got ${opened.kind}`);
  return opened.case;
}

describe("who gets the confirmation, on the form (point 5)", () => {
  it("request 07: shows Secretaría General by default, offers the Comité Electoral, and the case keeps the choice", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("07-forwarded-chain.json");
    renderOn(w, messageId);

    const relayTo = await screen.findByTestId("relay-to", {}, { timeout: 10_000 });
    expect(relayTo.textContent).toBe(`Secretaría General <${SECRETARIA}>`);
    const writer = screen.getByRole("radio", {
      name: `Quien escribió a Comunicaciones: Secretaría General <${SECRETARIA}>`,
    });
    expect((writer as HTMLInputElement).checked).toBe(true);
    const original = screen.getByRole("radio", {
      name: /El solicitante original \(en el mensaje reenviado\): Comité Electoral/,
    });

    await user.click(original);
    expect(screen.getByTestId("relay-to").textContent).toBe(`Comité Electoral <${COMITE}>`);
    await user.click(writer);
    expect(screen.getByTestId("relay-to").textContent).toBe(`Secretaría General <${SECRETARIA}>`);

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    await screen.findByText("Recibido", {}, { timeout: 10_000 });
    expect((await openedCase(w, messageId)).relayTo).toEqual({
      name: "Secretaría General",
      address: SECRETARIA,
    });
    // The case view says it too.
    expect(screen.getByText("Confirmación a")).toBeTruthy();
    expect(screen.getByText("Confirmación a").nextElementSibling?.textContent).toBe(
      `Secretaría General <${SECRETARIA}>`,
    );
  });

  it("a request that was not forwarded names its requester and offers no choice", async () => {
    const w = world();
    const messageId = w.deliverRequest("01-structured-es.json");
    renderOn(w, messageId, "en-US");
    const relayTo = await screen.findByTestId("relay-to", {}, { timeout: 10_000 });
    expect(relayTo.textContent).toBe(
      `Decanatura Facultad de Ingeniería Electrónica <decanatura.fiet@${DOMAIN}>`,
    );
    expect(screen.queryByTestId("relay-choice")).toBeNull();
  });
});

describe("a request without a message text (point 9)", () => {
  /** Request 05 leaves out sender, subject and audiences too: the professional fills those in. */
  async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByRole("textbox", { name: /Remitente del envío/ }), "Rectoría");
    await user.type(
      screen.getByRole("textbox", { name: /Asunto del correo masivo/ }),
      "Concierto de fin de año",
    );
    await user.click(screen.getByRole("checkbox", { name: "Estudiantes" }));
  }

  it("offers a field for the text; what is typed is stored in the case and no longer counts as missing", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("05-missing-fields.json");
    renderOn(w, messageId);
    const text = await screen.findByTestId("message-text", {}, { timeout: 10_000 });
    await fillRequired(user);
    expect(screen.getByRole("button", { name: "Pedir al solicitante lo que falta" })).toBeTruthy();
    expect(screen.getByText(/pidiendo: Mensaje, Fecha de envío solicitada/)).toBeTruthy();

    await user.type(text, "Concierto el viernes a las 6 p. m.");
    await waitFor(() => expect(screen.getByText(/pidiendo: Fecha de envío solicitada\./)).toBeTruthy());
    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    await screen.findByText("Recibido", {}, { timeout: 10_000 });
    expect((await openedCase(w, messageId)).messageText).toBe("Concierto el viernes a las 6 p. m.");
    expect(screen.getByText("Concierto el viernes a las 6 p. m.")).toBeTruthy();
  });

  it("'Ask the requester' creates the case and sends one reply listing what is missing, shown in the history", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("05-missing-fields.json");
    renderOn(w, messageId);
    await screen.findByTestId("message-text", {}, { timeout: 10_000 });
    await fillRequired(user);

    await user.click(screen.getByRole("button", { name: "Pedir al solicitante lo que falta" }));
    await screen.findByText("Recibido", {}, { timeout: 10_000 });
    expect(screen.getByText("Se pidió al solicitante lo que falta")).toBeTruthy();
    const c = await openedCase(w, messageId);
    const asked = c.history.filter((h) => h.action === "asked");
    expect(asked).toHaveLength(1);
    const inbox = w.tenant.storedMessages(`musica@${DOMAIN}`, "inbox");
    expect(inbox).toHaveLength(1);
    expect(inbox[0]?.subject).toContain(`[${c.id}] Información pendiente`);
    expect(inbox[0]?.body.content).toContain(
      "El texto del mensaje, tal como deben recibirlo los destinatarios.",
    );

    // The requester's answer arrives as a separate message: its text is pasted on the case and stored there.
    const onCase = screen.getByTestId("case-message-text");
    await user.type(onCase, "Concierto el viernes.");
    await user.click(screen.getByRole("button", { name: "Guardar el texto" }));
    await screen.findAllByText("Texto del mensaje guardado.", {}, { timeout: 10_000 });
    expect((await openedCase(w, messageId)).messageText).toBe("Concierto el viernes.");
  });

  it("a request with its own message shows no text field and no 'Ask the requester' when nothing is missing", async () => {
    const w = world();
    const messageId = w.deliverRequest("01-structured-es.json");
    renderOn(w, messageId);
    await screen.findByTestId("relay-to", {}, { timeout: 10_000 });
    expect(screen.queryByTestId("message-text")).toBeNull();
    expect(screen.queryByRole("button", { name: "Pedir al solicitante lo que falta" })).toBeNull();
  });
});

describe("reach and sender (point 10)", () => {
  it("the form shows the sender IT will use and each chosen group's member count, then the case does too", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest("01-structured-es.json");
    renderOn(w, messageId);

    const sender = await screen.findByTestId("reach-sender", {}, { timeout: 10_000 });
    expect(sender.textContent).toBe(
      `Decanatura Facultad de Ingeniería Electrónica <decanatura.fiet@${DOMAIN}>`,
    );
    await waitFor(
      () => expect(screen.getByTestId("reach-estudiantes").textContent).toContain("18.432 miembros"),
      {
        timeout: 10_000,
      },
    );
    expect(screen.getByTestId("reach-docentes").textContent).toContain("1.387 miembros");
    expect(screen.getByTestId("reach-total").textContent).toBe("Total: 19.819 destinatarios");

    // A sender named without an address that is not the requester: a name never picks a sender (issue 12, point 3),
    // so IT's institutional sender, and the pane says why.
    const senderInput = screen.getByRole("textbox", { name: /Remitente del envío/ });
    await user.clear(senderInput);
    await user.type(senderInput, "Club de Ajedrez");
    expect(screen.getByTestId("reach-sender").textContent).toBe(
      `Centro de Gestión de las Comunicaciones <comunicaciones@${DOMAIN}>`,
    );
    expect(
      screen.getByText(/La solicitud pide enviar como «Club de Ajedrez», que no es quien la envió/),
    ).toBeTruthy();
    await user.clear(senderInput);
    await user.type(senderInput, "Decanatura Facultad de Ingeniería Electrónica");

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    await screen.findByText("Recibido", {}, { timeout: 10_000 });
    const reach = await screen.findByTestId("reach");
    await waitFor(() =>
      expect(within(reach).getByTestId("reach-estudiantes").textContent).toContain("18.432 miembros"),
    );
    expect(within(reach).getByTestId("reach-sender").textContent).toBe(
      `Decanatura Facultad de Ingeniería Electrónica <decanatura.fiet@${DOMAIN}>`,
    );
  });
});
