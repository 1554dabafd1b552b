// Issue 11: a request too long to read whole (over MAX_BODY_LENGTH) is read up to that bound, and the request
// form says so, in the pane's language, above the extracted fields.
import { render, screen } from "@testing-library/react";
import { MAX_BODY_LENGTH } from "../../src/domain/intake";
import type { MailHost, SelectedItem } from "../../src/ports/mailHost";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { COMMUNICATIONS, PROFESSIONAL, loadFixture, setupWorld } from "../support/world";

const world = setupWorld();

function hostFor(item: SelectedItem, displayLanguage: string): MailHost {
  return {
    userAddress: PROFESSIONAL,
    displayLanguage,
    getTheme: () => "light",
    getSelectedItem: async () => item,
    onSelectionChanged: () => () => undefined,
    onThemeChanged: () => () => undefined,
    canOpenDraft: () => false,
    openDraft: async () => undefined,
  };
}

function renderLongRequest(displayLanguage: string, bodyLength: number): void {
  const w = world();
  const fixture = loadFixture("01-structured-es.json");
  const content = (fixture.body as { content: string }).content;
  // The request first, then a long comment (a Word export's leftovers): the cut falls before the comment.
  const filler = `<!--${"x".repeat(Math.max(0, bodyLength - content.length - 7))}-->`;
  const itemId = w.deliverRequest({ ...fixture, body: { contentType: "html", content: content + filler } });
  render(
    <App
      services={{
        host: hostFor({ itemId, subject: "", mailbox: COMMUNICATIONS }, displayLanguage),
        mail: w.comms.ctx.mail,
        config: w.config,
        sanitizeHtml,
        now: () => w.clock.now(),
      }}
    />,
  );
}

describe("a request longer than extraction reads", () => {
  it("is noted on the request form (es)", async () => {
    renderLongRequest("es-CO", MAX_BODY_LENGTH + 1000);
    const note = await screen.findByText(
      /La solicitud es muy extensa: Pregón leyó solo sus primeros/,
      {},
      {
        timeout: 20_000,
      },
    );
    expect(note.textContent).toMatch(/de 1\.101\.000 caracteres/);
    expect(screen.getByDisplayValue("Convocatoria de movilidad académica 2027-1")).toBeTruthy();
  });

  it("is noted in English too", async () => {
    renderLongRequest("en-US", MAX_BODY_LENGTH + 1000);
    expect(
      await screen.findByText(
        /The request is very long: Pregón read only its first/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
  });

  it("says nothing for a request read whole", async () => {
    renderLongRequest("en-US", 0);
    await screen.findByDisplayValue("Convocatoria de movilidad académica 2027-1", {}, { timeout: 20_000 });
    expect(screen.queryByText(/The request is very long/)).toBeNull();
  });
});
