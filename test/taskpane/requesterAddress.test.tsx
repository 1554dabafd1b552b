// Issue 15, point 3, on the request form: the requester's address is shown and checked where it enters. A
// malformed or missing one is a named, localized problem with its fix, "Create case" waits until it is
// corrected, and the case records the corrected address (never "the case record is damaged").
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { openItem } from "../../src/workflow/openItem";
import { COMMUNICATIONS, PROFESSIONAL, loadFixture, setupWorld } from "../support/world";
import type { World } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

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

/** Fixture 01 with its From replaced (or removed with `null`). */
function requestFrom(address: string | null): Record<string, unknown> {
  const fixture = { ...loadFixture("01-structured-es.json") };
  if (address === null) delete fixture.from;
  else fixture.from = { emailAddress: { name: "Laura Gómez", address } };
  return fixture;
}

describe("the request form checks the requester's address", () => {
  it("names a malformed address with its fix in Spanish and creates the case only once it is corrected", async () => {
    const user = userEvent.setup();
    const w = world();
    const messageId = w.deliverRequest(requestFrom("laura.gomez.universidad.example"));
    renderOn(w, messageId);

    const input = await screen.findByTestId("requester-address", {}, { timeout: 10_000 });
    expect((input as HTMLInputElement).value).toBe("laura.gomez.universidad.example");
    expect(screen.getByText(/Correo del solicitante: le falta la arroba \(@\)/)).toBeTruthy();
    const create = screen.getByRole("button", { name: "Crear caso" });
    expect(create.hasAttribute("disabled")).toBe(true);
    expect(screen.getByRole("status").textContent).toContain("Correo del solicitante");

    await user.clear(input);
    await user.type(input, "laura.gomez@universidad.example");
    await waitFor(() => expect(screen.queryByText(/le falta la arroba/)).toBeNull());
    expect(create.hasAttribute("disabled")).toBe(false);
    await user.click(create);

    await screen.findByText("Recibido", {}, { timeout: 10_000 });
    const opened = await openItem(w.comms.ctx, { itemId: messageId, subject: "", mailbox: COMMUNICATIONS });
    if (opened.kind !== "case") throw new Error(`expected a case, got ${opened.kind}`);
    expect(opened.case.requester).toEqual({
      name: "Laura Gómez",
      address: "laura.gomez@universidad.example",
    });
  });

  it("names a request with no From as a missing address, in English, instead of a damaged record", async () => {
    const w = world();
    const messageId = w.deliverRequest(requestFrom(null));
    renderOn(w, messageId, "en-US");

    await screen.findByTestId("requester-address", {}, { timeout: 10_000 });
    expect(screen.getByText(/Requester's e-mail: the address is missing\. Type it in full/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create case" }).hasAttribute("disabled")).toBe(true);
    expect(screen.queryByText(/damaged/)).toBeNull();
  });

  it.each([
    ["laura@@universidad.example", /more than one at sign/],
    ["laura gomez@universidad.example", /it has spaces/],
    ["@universidad.example", /nothing before the at sign/],
    ["laura@", /nothing after the at sign/],
    ["laura@universidad", /the domain \(after the at sign\) is not valid/],
  ])("names %s with its own fix", async (address, text) => {
    const w = world();
    const messageId = w.deliverRequest(requestFrom(address));
    renderOn(w, messageId, "en-US");
    await screen.findByTestId("requester-address", {}, { timeout: 10_000 });
    expect(screen.getByText(text)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create case" }).hasAttribute("disabled")).toBe(true);
  });
});
