// IT's steps in the workflow follow the IT lifecycle (domain/itLifecycle.ts): each leaves its history entry
// on IT's record, and a refused request gets no mass mail.
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { confirmToCommunications, refuseRequest, sendMassMail } from "../../src/workflow/it/itActions";
import { itRecordOf } from "../../src/workflow/it/itStore";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import { sendAttempts } from "../support/requestLog";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, PROFESSIONAL, setupWorld } from "../support/world";

const world = setupWorld();

async function forwarded(w: World) {
  const { case: created } = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
  return openForward(w, created.id);
}

describe("IT's lifecycle in the workflow", () => {
  it("prepare, send and confirm each leave one entry naming the operator and tic@", async () => {
    const w = world();
    const opened = await forwarded(w);
    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    w.afterSentItemsDelay();
    const record = await confirmToCommunications(w.it.ctx, opened);
    expect(record.state).toBe("confirmed");
    expect(record.history?.map((h) => [h.action, h.by, h.for])).toEqual([
      ["prepared", OPERATOR, IT],
      ["sent", OPERATOR, IT],
      ["confirmed", OPERATOR, IT],
    ]);
    const stored = itRecordOf(
      await w.it.ctx.mail.getMessage(opened.mailbox, opened.message.id),
      record.caseId,
    );
    expect(stored.history).toEqual(record.history);
  });

  it("a refused request keeps its reason, and its prepared draft is never sent", async () => {
    const w = world();
    const opened = await forwarded(w);
    await prepareForCase(w, opened);
    const refused = await refuseRequest(w.it.ctx, opened, "Contenido comercial");
    expect(refused).toMatchObject({
      state: "refused",
      refused: { by: OPERATOR, for: IT, reason: "Contenido comercial" },
    });
    await expect(sendMassMail(w.it.ctx, opened)).rejects.toMatchObject({
      code: "illegalTransition",
      details: { from: "refused", to: "sent" },
    });
    await expect(confirmToCommunications(w.it.ctx, opened)).rejects.toMatchObject({
      code: "illegalTransition",
    });
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(0);
    // Refusing again changes nothing; a refusal needs a reason.
    expect(await refuseRequest(w.it.ctx, opened, "otra")).toEqual(refused);
  });

  it("a refusal without a reason is refused, and so is refusing a mass mail that went out", async () => {
    const w = world();
    const opened = await forwarded(w);
    await expect(refuseRequest(w.it.ctx, opened, "  ")).rejects.toMatchObject({ code: "illegalTransition" });
    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    await expect(refuseRequest(w.it.ctx, opened, "tarde")).rejects.toMatchObject({
      code: "illegalTransition",
      details: { from: "sent", to: "refused" },
    });
  });

  it("a case Communications cancelled is recorded cancelled in IT's record on opening (reason, who, when), once", async () => {
    const w = world();
    const { case: created } = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
    w.afterSentItemsDelay();
    await prepareForCase(w, await openForward(w, created.id));
    await cancelCase(
      w.comms.ctx,
      COMMUNICATIONS,
      created.requestMessageId ?? "",
      "La unidad retiró la solicitud",
    );
    const opened = await openForward(w, created.id);
    expect(opened.record).toMatchObject({
      state: "cancelled",
      cancelled: { by: PROFESSIONAL, reason: "La unidad retiró la solicitud" },
    });
    expect(opened.record.history?.map((h) => h.action)).toEqual(["prepared", "cancelled"]);
    // Opening again writes nothing new; the send stays refused.
    const again = await openForward(w, created.id);
    expect(again.record).toEqual(opened.record);
    await expect(sendMassMail(w.it.ctx, again)).rejects.toMatchObject({ code: "caseCancelled" });
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(0);
  });
});
