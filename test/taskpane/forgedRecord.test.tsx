// Issue 15, point 5, in the pane: a message carrying a case record copied from another message shows "copied or
// forged" in the pane's language, with the case id, and offers no action at all.
import { render, screen, within } from "@testing-library/react";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import type { MailHost, SelectedItem } from "../../src/ports/mailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { storedProp } from "../support/procedure";
import { COMMUNICATIONS, PROFESSIONAL, setupWorld } from "../support/world";
import type { World } from "../support/world";

const world = setupWorld();

function host(language: string, item: SelectedItem): MailHost {
  return {
    userAddress: PROFESSIONAL,
    displayLanguage: language,
    getTheme: () => "light",
    getSelectedItem: async () => item,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
}

/** A forwarded case, and another request carrying a copy of its record (and case id). */
async function copiedRecord(w: World) {
  const { messageId, case: created } = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  const otherId = w.deliverRequest("02-freeform-es.json");
  const messages = w.tenant.storedMessages(COMMUNICATIONS);
  const source = messages.find((m) => m.id === messageId);
  const target = messages.find((m) => m.id === otherId);
  if (!source || !target) throw new Error("messages missing");
  for (const key of ["kind", "caseId", "state", "dueDate", "record"] as const)
    target.singleValueExtendedProperties.push({
      id: CASE_PROPERTY_IDS[key],
      value: storedProp(source, key) ?? "",
    });
  return { caseId: created.id, otherId, before: JSON.stringify(target.singleValueExtendedProperties) };
}

function renderOn(w: World, language: string, itemId: string) {
  render(
    <App
      services={{
        host: host(language, { itemId, subject: "", mailbox: COMMUNICATIONS }),
        mail: w.comms.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

describe("a message carrying a copied case record", () => {
  it.each([
    ["es-CO", "Registro de caso copiado de otro mensaje", "no se ofrece ninguna acción"],
    ["en-US", "Case record copied from another message", "no action is offered"],
  ])("%s: says so with the case id and offers no action", async (language, title, body) => {
    const w = world();
    const { caseId, otherId, before } = await copiedRecord(w);
    renderOn(w, language, otherId);
    const view = await screen.findByTestId("forged-record", {}, { timeout: 10_000 });
    expect(view.textContent).toContain(`${title} (${caseId})`);
    expect(view.textContent).toContain(body);
    expect(within(view).queryAllByRole("button")).toEqual([]);
    // None of the case's actions anywhere in the pane.
    expect(
      screen.queryByRole("button", { name: /recordatorio|reminder|cancelar|cancel|reenviar|forward/i }),
    ).toBeNull();
    const target = w.tenant.storedMessages(COMMUNICATIONS).find((m) => m.id === otherId);
    expect(JSON.stringify(target?.singleValueExtendedProperties)).toBe(before);
  });
});
