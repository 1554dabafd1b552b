// What keeps the panes within 320 and 450 px, checked on the styles jsdom computes (it lays nothing out; the
// browser test of widths is not part of this change): IT's overlap note wraps instead of running on one line,
// the dashboard's id and badges wrap as whole words onto a second line instead of being clipped or cut mid-word,
// and IT's overdue badge keeps its own width.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DemoMailHost } from "../../src/demo/DemoMailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { I18nProvider } from "../../src/taskpane/I18nContext";
import { ServicesContext } from "../../src/taskpane/ServicesContext";
import { AudiencePicker } from "../../src/taskpane/views/it/AudiencePicker";
import { requestJson, seededCase } from "../support/manyCases";
import { COMMUNICATIONS, PROFESSIONAL, setupWorld } from "../support/world";

const world = setupWorld();

/** The values the element's own classes declare for a property (single-class rules, as Griffel writes them). */
function declared(element: HTMLElement, property: string): string[] {
  const classes = new Set(Array.from(element.classList).map((c) => `.${c}`));
  const values: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    for (const rule of Array.from(sheet.cssRules)) {
      if (rule instanceof CSSStyleRule && classes.has(rule.selectorText)) {
        const value = rule.style.getPropertyValue(property);
        if (value) values.push(value);
      }
    }
  }
  return values;
}

describe("narrow panes", () => {
  it("IT's note on overlapping groups wraps (a one-line MessageBar made the pane 637 px wide)", () => {
    const w = world();
    const host = new DemoMailHost({
      userAddress: PROFESSIONAL,
      displayLanguage: "es-CO",
      theme: "light",
      onOpenDraft: () => undefined,
    });
    render(
      <ServicesContext.Provider
        value={{ host, mail: w.it.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
      >
        <I18nProvider lang="es" timeZone="America/Bogota">
          <AudiencePicker
            chosen={["estudiantes", "docentes"]}
            onChange={() => undefined}
            counts={{ isLoading: false, data: [], retrying: [], retry: () => undefined }}
          />
        </I18nProvider>
      </ServicesContext.Provider>,
    );
    const note = screen.getByText(/Los grupos se solapan/);
    const bar = note.closest(".fui-MessageBar");
    if (!(bar instanceof HTMLElement)) throw new Error("no MessageBar around the overlap note");
    // jsdom's cascade does not order Griffel's reset and atomic sheets as a browser does, so this asks which
    // declarations the element's classes carry: Fluent's multiline layout class, white-space normal.
    expect(declared(bar, "white-space")).toContain("normal");
  });

  it("a dashboard row's id and badges wrap as whole words onto a second line", async () => {
    const user = userEvent.setup();
    const w = world();
    const overdue = seededCase(2); // forwarded and overdue
    w.tenant.deliver(COMMUNICATIONS, requestJson(overdue));
    const host = new DemoMailHost({
      userAddress: PROFESSIONAL,
      displayLanguage: "es-CO",
      theme: "light",
      onOpenDraft: () => undefined,
      viewedMailbox: COMMUNICATIONS,
    });
    render(
      <App
        services={{ host, mail: w.comms.ctx.mail, config: w.config, sanitizeHtml, now: () => w.clock.now() }}
      />,
    );
    await user.click(await screen.findByRole("button", { name: "Tablero de casos" }, { timeout: 10_000 }));
    const list = await screen.findByRole("list", { name: "Casos" }, { timeout: 10_000 });
    const row = await within(list).findByRole(
      "button",
      { name: new RegExp(overdue.id) },
      { timeout: 10_000 },
    );

    const id = within(row).getByText(overdue.id);
    const line = id.parentElement;
    if (!line) throw new Error("no line around the id");
    expect(getComputedStyle(line).flexWrap).toBe("wrap");
    for (const element of [
      id,
      within(row).getByText("Vencido").parentElement,
      within(row).getByText("Enviado a TIC").parentElement,
    ]) {
      if (!element) throw new Error("badge without a wrapper");
      const style = getComputedStyle(element);
      // Not shrunk (clipped) and not cut mid-word by the pane's overflowWrap "anywhere".
      expect(style.flexShrink).toBe("0");
      expect(style.whiteSpace).toBe("nowrap");
      expect(style.overflowWrap).toBe("normal");
    }
  });
});
