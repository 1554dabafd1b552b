// Diagnostics in the taskpane (jsdom, embedded tenant): opened from the pane's menu by role and label, run,
// results listed with their status in words, and the report copied.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GraphTenantProbe } from "../../src/graph";
import type { MailHost, SelectedItem } from "../../src/ports/mailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import type { TenantSpec } from "../../src/emulator";
import { COMMUNICATIONS, IT, OPERATOR, PROFESSIONAL, TENANT_SPEC, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

function hostFor(user: string, item: SelectedItem, displayLanguage: string): MailHost {
  return {
    userAddress: user,
    displayLanguage,
    getTheme: () => "light",
    getSelectedItem: async () => item,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
}

function renderPane(w: World, user: string, item: SelectedItem, lang: string, mail = w.comms.ctx.mail) {
  const probe = new GraphTenantProbe(
    { getAccessToken: async () => w.tenant.issueToken(user) },
    { clock: { sleep: () => new Promise<void>((resolve) => setTimeout(resolve, 0)) } },
  );
  const host = hostFor(user, item, lang);
  render(<App services={{ host, mail, probe, config: w.config, sanitizeHtml, now: () => w.clock.now() }} />);
}

/** The demo's tenant with administrativos@ an ordinary group (the demo's is dynamic, which Graph cannot see). */
function staticGroupsSpec(): TenantSpec {
  const spec = structuredClone(TENANT_SPEC);
  spec.groups = spec.groups?.map((g) => ({ ...g, dynamic: false }));
  return spec;
}

describe("Diagnostics in the pane", () => {
  it("Communications, in Spanish: menu → Diagnóstico → run → results and Copiar informe", async () => {
    const user = userEvent.setup();
    const w = world({ spec: staticGroupsSpec() });
    const itemId = w.deliverRequest("01-structured-es.json");
    renderPane(w, PROFESSIONAL, { itemId, subject: "", mailbox: COMMUNICATIONS }, "es-CO");
    await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 });

    await user.click(screen.getByRole("button", { name: "Más opciones" }));
    await user.click(await screen.findByRole("menuitem", { name: "Diagnóstico" }));
    expect(await screen.findByRole("heading", { name: "Diagnóstico" })).toBeTruthy(); // its own chunk: arrives a moment later
    expect(screen.getByText(new RegExp(`en el buzón ${COMMUNICATIONS}`))).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Ejecutar diagnóstico" }));
    const done = await screen.findByText(
      /Diagnóstico terminado: 9 correctas, 0 con falla, 2 omitidas\./,
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(done.getAttribute("role")).toBe("status");

    const list = screen.getByRole("list", { name: "Resultados" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(11);
    expect(rows[3]?.textContent).toContain("Correcto: Crear un borrador con las propiedades del caso");
    expect(rows[6]?.textContent).toContain("Omitido: Sesión de carga de adjuntos grandes");
    expect(rows[8]?.textContent).toContain("Grupo Estudiantes");
    expect(rows[8]?.textContent).toContain("18432 miembros.");

    const write = jest.spyOn(navigator.clipboard, "writeText");
    await user.click(screen.getByRole("button", { name: "Copiar informe" }));
    expect(write).toHaveBeenCalledTimes(1);
    const copied = write.mock.calls[0]?.[0] ?? "";
    expect(copied).toMatch(/^Pregón: informe de diagnóstico/);
    expect(copied).toContain(`[CORRECTO] Borrar el borrador de prueba — ${COMMUNICATIONS}`);
    expect(copied).not.toContain(PROFESSIONAL); // the signed-in person is not in the report
    expect(await screen.findByText(/Informe copiado\./)).toBeTruthy();
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);

    await user.click(screen.getByRole("button", { name: "Volver al mensaje" }));
    expect(await screen.findByRole("heading", { name: "Nueva solicitud" }, { timeout: 10_000 })).toBeTruthy();
  });

  it("IT's operator (delegate of tic@), in English, on the demo tenant: Exchange's refusals show with code, advice and guide section", async () => {
    const user = userEvent.setup();
    const w = world();
    const itemId = w.tenant.deliver(IT, {
      subject: "Hello",
      body: { contentType: "text", content: "Hello" },
      from: { emailAddress: { address: COMMUNICATIONS } },
      toRecipients: [{ emailAddress: { address: IT } }],
    });
    renderPane(w, OPERATOR, { itemId, subject: "Hello", mailbox: IT }, "en-US", w.it.ctx.mail);
    await user.click(await screen.findByRole("button", { name: "More options" }));
    await user.click(await screen.findByRole("menuitem", { name: "Diagnostics" }));

    await user.click(screen.getByRole("button", { name: "Run diagnostics" }));
    // Two refusals a real tenant would give too: no upload session in another's mailbox for a delegate, and the
    // demo's administrativos@ is a dynamic distribution group, which Graph does not list.
    await screen.findByText(/Diagnostics finished: 8 passed, 2 failed, 1 skipped\./, undefined, {
      timeout: 10_000,
    });
    const rows = within(screen.getByRole("list", { name: "Results" })).getAllByRole("listitem");
    const upload = rows.find((r) => r.textContent?.includes("Large-attachment upload session"));
    expect(upload?.textContent).toContain("Fail: Large-attachment upload session");
    expect(upload?.textContent).toContain("HTTP 403 · ErrorAccessDenied");
    expect(upload?.textContent).toContain("Guide: docs/ADMIN.md#diag-upload");
    const dynamic = rows.find((r) => r.textContent?.includes("administrativos@"));
    expect(dynamic?.textContent).toContain("Fail:");
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(0);
  });
});
