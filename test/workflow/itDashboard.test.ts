// IT's open cases: forwards waiting for the mass mail, overdue first (due dates from each forward's header,
// read in the one list query), and nothing IT has already sent.
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { itOpenCases } from "../../src/workflow/it/itDashboard";
import { newCase } from "../support/cases";
import { itSendsAndConfirms } from "../support/procedure";
import { setupWorld } from "../support/world";

const world = setupWorld();

describe("IT's open cases", () => {
  it("lists forwarded cases not yet sent, overdue first, in one list query", async () => {
    const w = world();
    const late = await newCase(w, "01-structured-es.json", { requestedDate: "2026-12-07" });
    const later = await newCase(w, "06-english.json", { requestedDate: "2026-12-18" });
    const done = await newCase(w, "04-urgent.json", { requestedDate: "2026-12-09" });
    for (const c of [later, late, done]) await forwardToIt(w.comms.ctx, w.comms.mailbox, c.messageId);
    await itSendsAndConfirms(w, done.case.id);

    w.clock.set("2026-12-10T15:00:00Z");
    const before = w.tenant.log.count({ method: "GET", url: "/mailFolders/inbox/messages" });
    const rows = await itOpenCases(w.it.ctx, w.it.mailbox);
    expect(w.tenant.log.count({ method: "GET", url: "/mailFolders/inbox/messages" }) - before).toBe(1);

    expect(rows.map((r) => [r.caseId, r.overdue, r.dueDate])).toEqual([
      [late.case.id, true, late.case.dueDate],
      [later.case.id, false, later.case.dueDate],
    ]);
  });

  it("leaves out a case Communications cancelled after the forward (its notice is the newest version)", async () => {
    const w = world();
    const kept = await newCase(w, "01-structured-es.json", { requestedDate: "2026-12-07" });
    const dropped = await newCase(w, "06-english.json", { requestedDate: "2026-12-18" });
    for (const c of [kept, dropped]) await forwardToIt(w.comms.ctx, w.comms.mailbox, c.messageId);
    expect((await itOpenCases(w.it.ctx, w.it.mailbox)).map((r) => r.caseId).sort()).toEqual(
      [kept.case.id, dropped.case.id].sort(),
    );

    // Within seconds of the forward Exchange has not filed it yet: the notice (a reply on it) waits, and says so.
    await expect(
      cancelCase(w.comms.ctx, w.comms.mailbox, dropped.messageId, "La unidad retiró la solicitud"),
    ).rejects.toMatchObject({ code: "notInSentItemsYet" });
    w.afterSentItemsDelay();
    await cancelCase(w.comms.ctx, w.comms.mailbox, dropped.messageId, "La unidad retiró la solicitud");

    expect((await itOpenCases(w.it.ctx, w.it.mailbox)).map((r) => r.caseId)).toEqual([kept.case.id]);
  });
});
