// Issue 15, point 6, in the Communications pane: a reply citing two cases says "This message cites two cases: …"
// and lets the professional pick one; nothing is written until then, and the other case stays one click away.
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { sanitizeHtml } from "../../src/sanitize/sanitizeHtml";
import { App } from "../../src/taskpane/App";
import { newCase } from "../support/cases";
import { COMMUNICATIONS, PROFESSIONAL, loadFixture, setupWorld } from "../support/world";
import type { World } from "../support/world";
import { stubHost } from "../support/host";

const world = setupWorld();

function renderOn(w: World, itemId: string, displayLanguage: string) {
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

async function replyCitingTwo(w: World) {
  const a = (await newCase(w, "01-structured-es.json")).case.id;
  const b = (await newCase(w, "02-freeform-es.json")).case.id;
  const reply = structuredClone(loadFixture("01-structured-es.json"));
  reply.subject = `RE: [${a}] Convocatoria`;
  reply.body = { contentType: "html", content: `<p>Esto también cambia el caso ${b}.</p>` };
  delete reply.conversationId;
  return { a, b, replyId: w.deliverRequest(reply) };
}

const writes = (w: World) => w.tenant.log.entries().filter((e) => e.method !== "GET").length;

describe("choose a case when a message cites two", () => {
  it("says which two cases it cites (es), writes nothing, and opens the chosen one with the other one click away", async () => {
    const user = userEvent.setup();
    const w = world();
    const { a, b, replyId } = await replyCitingTwo(w);
    const before = writes(w);
    renderOn(w, replyId, "es-CO");

    await screen.findByRole(
      "heading",
      { name: `Este mensaje cita dos casos: ${a} y ${b}` },
      { timeout: 10_000 },
    );
    expect(screen.getByText(/Pregón no registra nada en ninguno hasta que elija/)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: `Caso ${a}` })).toBeNull();
    expect(writes(w)).toBe(before);

    await user.click(screen.getByRole("button", { name: `Abrir ${b}` }));
    await screen.findByRole("heading", { name: `Caso ${b}` }, { timeout: 10_000 });
    expect(screen.getByText(`Este mensaje también cita ${a}.`)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: `Abrir ${a}` }));
    await screen.findByRole("heading", { name: `Caso ${a}` }, { timeout: 10_000 });
    expect(screen.queryByRole("heading", { name: `Caso ${b}` })).toBeNull();
    expect(screen.getByText(`Este mensaje también cita ${b}.`)).toBeTruthy();
  });

  it("says it in English too", async () => {
    const w = world();
    const { a, b, replyId } = await replyCitingTwo(w);
    renderOn(w, replyId, "en-US");
    await screen.findByRole(
      "heading",
      { name: `This message cites two cases: ${a} and ${b}` },
      { timeout: 10_000 },
    );
    expect(screen.getByRole("button", { name: `Open ${a}` })).toBeTruthy();
    expect(screen.getByRole("button", { name: `Open ${b}` })).toBeTruthy();
  });
});
