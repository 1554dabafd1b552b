// Point 3 of the case protocol: Communications changes the message text of a forwarded case until IT sends; the
// update notice carries the new text, IT's pane says the text changed and prepares the mass mail from it.
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import { sendMassMail } from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { countByRoute, logged } from "../support/requestLog";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

async function forwardedCase(w: World) {
  const { case: created } = await newCase(w, "01-structured-es.json");
  const requestId = created.requestMessageId ?? "";
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, requestId);
  w.afterSentItemsDelay();
  return { caseId: created.id, requestId };
}

const NEW_TEXT = "<p>Texto corregido: la convocatoria cierra el <b>15 de diciembre</b>.</p>";

describe("a new message text after the forward", () => {
  it("travels in the update; IT sees that the text changed and the mass mail body has the new text", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);

    const { result: updated, entries } = await logged(w.tenant, () =>
      updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, { text: NEW_TEXT }),
    );
    const routes = [...countByRoute(entries)].map(([route, n]) => `  ${n} × ${route}`).join("\n");
    console.log(`text update: ${entries.length} requests\n${routes}`);
    expect(updated.itVersion).toBe(2);
    expect(updated.history.at(-1)).toMatchObject({ action: "updated", note: "text" });

    const opened = await openForward(w, caseId);
    expect(opened.changed).toContain("text");
    expect(opened.summary.version).toBe(2);
    expect(opened.messageHtml).toContain("Texto corregido");
    expect(opened.messageHtml).not.toContain("[[pregon:text");

    await prepareForCase(w, opened);
    const draft = w.tenant.storedMessages(IT, "drafts").at(-1);
    expect(draft?.body.content).toContain("Texto corregido");
    await sendMassMail(w.it.ctx, opened);
    const groups = w.config.audiences.filter((a) => opened.summary.fields.audiences.includes(a.key));
    const member = groups.flatMap((g) => w.tenant.group(g.group)?.members ?? [])[0] ?? "";
    const got = w.tenant.storedMessages(member, "inbox").at(-1);
    expect(got?.body.content).toContain("Texto corregido");
    expect(got?.body.content).toContain("15 de diciembre");
    expect(got?.body.content).not.toContain("[[pregon:text");
  });

  it("a later update of the date keeps the newer text; a second text change wins over the first", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, { text: "<p>Primera versión</p>" });
    await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, { text: "<p>Segunda versión</p>" });
    const last = await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, {
      requestedDate: "2026-12-15",
    });
    expect(last.itVersion).toBe(4);
    const opened = await openForward(w, caseId);
    expect(opened.messageHtml).toContain("Segunda versión");
    expect(opened.messageHtml).not.toContain("Primera versión");
    expect(opened.changed).toEqual(expect.arrayContaining(["text", "requestedDate"]));
  });

  it("a hostile script in the new text never reaches IT's preview or the draft", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, {
      text: '<p>Hola</p><script>alert(1)</script><img src=x onerror="alert(2)">',
    });
    const opened = await openForward(w, caseId);
    expect(opened.messageHtml).toContain("Hola");
    expect(opened.messageHtml).not.toMatch(/<script|onerror/i);
  });
});
