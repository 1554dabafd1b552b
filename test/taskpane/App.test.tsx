// The taskpane in jsdom against the embedded tenant: the same App the demo and Outlook render, driven by role and
// label with user events, with a mail host whose selection the test sets.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphMailService } from "../../src/graph";
import { WaitNotifier } from "../../src/ports/serverWaits";
import type { ServerWait } from "../../src/ports/serverWaits";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { COMMUNICATIONS, PROFESSIONAL, setupWorld } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

function renderPane(displayLanguage: string) {
  const w = world();
  const itemId = w.deliverRequest("01-structured-es.json");
  const host = stubHost({ itemId, subject: "", mailbox: COMMUNICATIONS }, PROFESSIONAL, displayLanguage);
  render(
    <App
      services={{ host, mail: w.comms.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
    />,
  );
  return w;
}

describe("taskpane (jsdom, embedded tenant)", () => {
  it("shows the extracted request, creates the case and forwards it to IT, in Spanish", async () => {
    const user = userEvent.setup();
    const w = renderPane("es-CO");
    expect(await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /Asunto del correo masivo/ })).toHaveProperty(
      "value",
      "Convocatoria de movilidad académica 2027-1",
    );
    expect(screen.getByRole("checkbox", { name: "Estudiantes" })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: "Administrativos" })).toHaveProperty("checked", false);

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    const heading = await screen.findByRole(
      "heading",
      { name: /^Caso CM-\d{4}-[2-9A-Z]{4}$/ },
      { timeout: 10_000 },
    );
    const caseId = heading.textContent?.replace("Caso ", "") ?? "";
    // The history names the person and the shared mailbox she acted for.
    expect(screen.getByText(new RegExp(`^${PROFESSIONAL} en nombre de ${COMMUNICATIONS}, `))).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Enviar a TIC" }));
    const status = await screen.findByRole("status", {}, { timeout: 10_000 });
    expect(within(status).getByText("Enviado a TIC.")).toBeTruthy();
    w.afterSentItemsDelay();
    const forwards = w.tenant
      .storedMessages(COMMUNICATIONS, "sentitems")
      .filter((m) => m.subject.includes(`[${caseId}]`));
    expect(forwards).toHaveLength(1);
  });

  it("speaks English when Outlook does", async () => {
    renderPane("en-US");
    expect(await screen.findByRole("heading", { name: "New request" }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Create case" })).toBeTruthy();
    expect(screen.getByRole("checkbox", { name: "Students" })).toHaveProperty("checked", true);
  });

  /** The pane wired as production wires it: server waits announced by the Graph adapter to the notice. */
  function renderWithWaits(w: ReturnType<typeof world>, options: { realWaits?: boolean } = {}) {
    const itemId = w.deliverRequest("01-structured-es.json");
    const host = stubHost({ itemId, subject: "", mailbox: COMMUNICATIONS }, PROFESSIONAL, "es-CO");
    const serverWaits = new WaitNotifier();
    const announced: ServerWait[] = [];
    serverWaits.subscribe((wait) => announced.push(wait));
    const slept: number[] = [];
    const mail = new GraphMailService(
      { getAccessToken: async () => w.tenant.issueToken(PROFESSIONAL) },
      {
        onServerWait: serverWaits.notify,
        // Every pause is recorded and shortened; the notice keeps its own countdown of the announced wait.
        clock: {
          sleep: (ms) => {
            slept.push(ms);
            return new Promise((resolve) => setTimeout(resolve, options.realWaits ? ms : 10));
          },
        },
      },
    );
    render(
      <App
        services={{ host, mail, config: w.config, sanitizeHtml, now: () => w.clock.now(), serverWaits }}
      />,
    );
    return { itemId, announced, slept };
  }

  it("says the server asked to wait N s when its Retry-After is readable, then completes once", async () => {
    const user = userEvent.setup();
    const w = world();
    w.tenant.behaviour.exposeRetryAfter = true;
    const { itemId, announced } = renderWithWaits(w);
    await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 });
    w.tenant.faults.add({
      method: "PATCH",
      url: itemId,
      effect: { kind: "throttle", retryAfterSeconds: 1.5 },
      times: 1,
    });

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    // The countdown's first figure depends on how soon jsdom renders; the wait itself is exact.
    expect(
      await screen.findByText(/El servidor de correo pidió esperar; se reintenta en [12] s/),
    ).toBeTruthy();
    expect(announced).toEqual([
      { ms: 1_500, status: 429, source: "server", operation: "write", waitedMs: 0, budgetMs: 120_000 },
    ]);
    await screen.findByRole("heading", { name: /^Caso CM-/ }, { timeout: 10_000 });
    expect(w.tenant.log.count({ method: "PATCH", url: itemId, status: 429 })).toBe(1);
    expect(w.tenant.log.count({ method: "PATCH", url: itemId, status: 200 })).toBe(1);
  });

  it("says the server is throttling and the pane waits on its own when Retry-After cannot be read (the browser's view)", async () => {
    const user = userEvent.setup();
    const w = world();
    const { itemId, announced } = renderWithWaits(w);
    await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 });
    w.tenant.faults.add({
      method: "PATCH",
      url: itemId,
      effect: { kind: "throttle", retryAfterSeconds: 30 },
      times: 1,
    });

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    expect(
      await screen.findByText(
        /El servidor de correo está limitando las solicitudes; el panel espera [12] s por su cuenta/,
      ),
    ).toBeTruthy();
    // What it waits for, how long so far and at most.
    expect(
      screen.getByText(/Para guardar los cambios: lleva [01] s de espera, de 2 min como máximo\./),
    ).toBeTruthy();
    await screen.findByRole("heading", { name: /^Caso CM-/ }, { timeout: 10_000 });
    // The 30 s the server "asked" never reached the pane; it waited its own 2 s and the retry went through.
    expect(announced).toEqual([
      { ms: 2_000, status: 429, source: "client", operation: "write", waitedMs: 0, budgetMs: 120_000 },
    ]);
    expect(w.tenant.log.count({ method: "PATCH", url: itemId, status: 200 })).toBe(1);
  });

  it("gives up after 2 minutes of waiting when the server throttles forever, and says so in the pane's words", async () => {
    const user = userEvent.setup();
    const w = world();
    const { itemId, announced, slept } = renderWithWaits(w);
    await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 });
    w.tenant.faults.add({ method: "PATCH", url: itemId, effect: { kind: "throttle", retryAfterSeconds: 1 } });

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    const alert = await screen.findByRole("alert", {}, { timeout: 20_000 });
    const waited = slept.reduce((sum, ms) => sum + ms, 0);
    expect(waited).toBeLessThanOrEqual(120_000);
    expect(waited).toBeGreaterThan(110_000);
    // The pane states how long it waited, in whole seconds: just under 2 minutes reads "1 min N s", and a total
    // that rounds to 120 s (the backoff has jitter) reads "2 min".
    const seconds = Math.round(waited / 1000);
    const words = seconds % 60 === 0 ? `${seconds / 60} min` : `1 min ${seconds % 60} s`;
    expect(
      within(alert).getByText(
        `El servidor de correo siguió limitando las solicitudes durante ${words} y el panel dejó de esperar.`,
        { exact: false },
      ),
    ).toBeTruthy();
    expect(announced.length).toBe(slept.length);
    expect(w.tenant.log.count({ method: "PATCH", url: itemId, status: 200 })).toBe(0);
    expect(screen.queryByRole("heading", { name: /^Caso CM-/ })).toBeNull();
  }, 30_000);

  it("stops waiting when the person presses the notice's button, and the pane says the wait was stopped", async () => {
    const user = userEvent.setup();
    const w = world();
    w.tenant.behaviour.exposeRetryAfter = true;
    const { itemId } = renderWithWaits(w, { realWaits: true });
    await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 });
    w.tenant.faults.add({
      method: "PATCH",
      url: itemId,
      effect: { kind: "throttle", retryAfterSeconds: 60 },
    });

    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    await screen.findByText(
      /El servidor de correo pidió esperar; se reintenta en (60|59) s/,
      {},
      { timeout: 10_000 },
    );
    await user.click(screen.getByRole("button", { name: "Dejar de esperar" }));

    const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
    expect(
      within(alert).getByText(/^Dejó de esperar al servidor de correo \(llevaba \d+ s\)\./),
    ).toBeTruthy();
    expect(screen.queryByText(/se reintenta en/)).toBeNull();
    expect(w.tenant.log.count({ method: "PATCH", url: itemId })).toBe(1);
  });

  it("shows no server-wait notice on a forward without faults, and the forward sleeps for nothing", async () => {
    const user = userEvent.setup();
    const w = world();
    const { announced, slept } = renderWithWaits(w);
    await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 });
    await user.click(screen.getByRole("button", { name: "Crear caso" }));
    await screen.findByRole("heading", { name: /^Caso CM-/ }, { timeout: 10_000 });

    await user.click(screen.getByRole("button", { name: "Enviar a TIC" }));
    const status = await screen.findByRole("status", {}, { timeout: 10_000 });
    expect(within(status).getByText("Enviado a TIC.")).toBeTruthy();

    // No fixed pause on the action's path (the Sent Items copy is looked for on the next opening).
    expect(slept).toEqual([]);
    expect(announced).toEqual([]);
    expect(screen.queryByText(/esperar|espera \d+ s/)).toBeNull();
    expect(w.tenant.log.count({ status: 429 }) + w.tenant.log.count({ status: 503 })).toBe(0);
  });
});
