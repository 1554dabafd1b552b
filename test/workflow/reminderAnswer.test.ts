// Point 5: IT answers a reminder with its status in one click; the answer reaches Communications, links back to
// the case like a confirmation (an "itAnswered" entry; a "sent" answer also records the send) and goes out once
// per reminder. Point 2: a send that crossed Communications' cancellation shows as a conflict on both sides.
import { cancelCase, recordCorrection } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { answerReminder } from "../../src/workflow/it/answerReminder";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { openItItem } from "../../src/workflow/it/openItCase";
import { openItem } from "../../src/workflow/openItem";
import { registerCsv } from "../../src/workflow/register";
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

async function openReminder(w: World, caseId: string) {
  const reminder = w.tenant
    .storedMessages(IT, "inbox")
    .filter((m) => m.subject.includes(`[${caseId}]`) && /recordatorio|reminder/i.test(m.subject))
    .at(-1);
  if (!reminder) throw new Error("no reminder in IT's inbox");
  const opened = await openItItem(w.it.ctx, w.it.select(reminder.id, reminder.subject));
  if (opened.kind !== "itCase") throw new Error(`expected an IT case, got ${opened.kind}`);
  return opened;
}

function answersIn(w: World, caseId: string) {
  return w.tenant
    .storedMessages(COMMUNICATIONS, "inbox")
    .filter(
      (m) =>
        m.subject.includes(`[${caseId}]`) &&
        m.internetMessageHeaders.some((h) => h.name.toLowerCase() === "x-pregon-it-status"),
    );
}

async function openCase(w: World, requestId: string) {
  const opened = await openItem(w.comms.ctx, w.comms.select(requestId));
  if (opened.kind !== "case") throw new Error(`expected a case, got ${opened.kind}`);
  return opened;
}

function figures(label: string, entries: Parameters<typeof countByRoute>[0]) {
  const lines = [...countByRoute(entries)].map(([route, n]) => `  ${n} × ${route}`).join("\n");
  console.log(`${label}: ${entries.length} requests\n${lines}`);
}

describe("IT answers a reminder with its status", () => {
  it("not yet prepared: one answer per reminder, linked in Communications' history as IT's answer", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, requestId);
    const opened = await openReminder(w, caseId);
    expect(opened.openedKind).toBe("reminder");

    const { result: answer, entries } = await logged(w.tenant, () => answerReminder(w.it.ctx, opened));
    figures("reminder answer", entries);
    expect(answer.answered?.status).toBe("notPrepared");
    expect(answer.claim).toBeUndefined();
    // Twenty clicks and a second pane: still one answer.
    await Promise.all(Array.from({ length: 20 }, () => answerReminder(w.it.ctx, opened)));
    const again = await openReminder(w, caseId);
    await answerReminder(w.it.ctx, again);
    expect(answersIn(w, caseId)).toHaveLength(1);
    const got = answersIn(w, caseId)[0];
    expect(got?.subject).toContain(`[${caseId}]`);
    expect(got?.body.content).toMatch(/Aún no preparado/);

    const { result: seen, entries: opening } = await logged(w.tenant, () => openCase(w, requestId));
    figures("Communications opens the case after the answer", opening);
    expect(seen.reconciled).toContain("itAnswerLinked");
    expect(seen.case.state).toBe("forwarded");
    const entry = seen.case.history.find((h) => h.action === "itAnswered");
    expect(entry?.note).toMatch(/^notPrepared \d{4}-\d{2}-\d{2}$/);
    expect(entry?.evidence?.messageId).toBe(got?.id);
    // Opened again: linked once.
    const twice = await openCase(w, requestId);
    expect(twice.case.history.filter((h) => h.action === "itAnswered")).toHaveLength(1);
  });

  it("after the send: 'sent on …' with the evidence; Communications records the send from it", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, requestId);
    const forward = await openForward(w, caseId);
    await prepareForCase(w, forward);
    await sendMassMail(w.it.ctx, forward);
    const opened = await openReminder(w, caseId);
    const answer = await answerReminder(w.it.ctx, opened);
    expect(answer.answered?.status).toBe("sent");
    expect(answersIn(w, caseId)[0]?.body.content).toMatch(/Enviado el/);

    const seen = await openCase(w, requestId);
    expect(seen.case.state).toBe("sent");
    const sent = seen.case.history.find((h) => h.action === "sent");
    expect(sent?.evidence?.internetMessageId).toBeTruthy();
    expect(seen.case.history.at(-1)?.action).toBe("itAnswered");
  });

  it("prepared with the requested date ahead: 'scheduled for …'", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, requestId);
    const forward = await openForward(w, caseId);
    await prepareForCase(w, forward);
    const opened = await openReminder(w, caseId);
    const answer = await answerReminder(w.it.ctx, opened);
    const requested = opened.summary.fields.requestedDate;
    const today = w.it.ctx.now().toISOString().slice(0, 10);
    expect(answer.answered?.status).toBe(requested && requested > today ? "scheduled" : "prepared");
  });

  it("is refused on the forward itself (not a reminder)", async () => {
    const w = world();
    const { caseId } = await forwardedCase(w);
    const forward = await openForward(w, caseId);
    await expect(answerReminder(w.it.ctx, forward)).rejects.toMatchObject({ code: "badRequest" });
  });
});

describe("cancellation and send crossed", () => {
  it("Communications' case shows the conflict, offers a correction, and the register row says so", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    const forward = await openForward(w, caseId);
    await prepareForCase(w, forward);
    await sendMassMail(w.it.ctx, forward);
    // Communications did not know yet: the cancellation goes out after the send.
    const cancelled = await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "La unidad desistió");
    expect(cancelled.state).toBe("cancelled");

    // IT's side: the forward shows the case sent and cancelled (the conflict), and IT still confirms.
    const itSide = await openForward(w, caseId);
    expect(itSide.record.state).toBe("sent");
    expect(itSide.cancelled?.reason).toBe("La unidad desistió");
    await confirmToCommunications(w.it.ctx, itSide);

    const { result: seen, entries } = await logged(w.tenant, () => openCase(w, requestId));
    figures("Communications opens the crossed case", entries);
    expect(seen.case.state).toBe("cancelled");
    expect(seen.reconciled).toContain("sendCrossedCancel");
    const sent = seen.case.history.find((h) => h.action === "sent");
    expect(sent?.evidence?.internetMessageId).toBeTruthy();

    const corrected = await recordCorrection(
      w.comms.ctx,
      COMMUNICATIONS,
      requestId,
      "Se envió una aclaración a los destinatarios",
    );
    expect(corrected.history.at(-1)?.action).toBe("corrected");

    const csv = registerCsv([corrected], "es", (c) => c.state, "America/Bogota");
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    const cells = (line: string | undefined) => (line ?? "").split(";").map((c) => c.replace(/^"|"$/g, ""));
    const conflictAt = cells(header).indexOf("Conflicto");
    expect(conflictAt).toBeGreaterThan(-1);
    expect(cells(row)[conflictAt]).toMatch(
      /^Cancelado, pero TIC envió el correo masivo el \d{4}-\d{2}-\d{2}/,
    );
    expect(cells(row)[cells(header).indexOf("Enviado por TIC (fecha)")]).not.toBe("");
  });

  it("a 'sent' answer to a reminder of a case cancelled meanwhile records the crossing too", async () => {
    const w = world();
    const { caseId, requestId } = await forwardedCase(w);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, requestId);
    const forward = await openForward(w, caseId);
    await prepareForCase(w, forward);
    await sendMassMail(w.it.ctx, forward);
    await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "Tarde");
    const opened = await openReminder(w, caseId);
    await answerReminder(w.it.ctx, opened);
    const seen = await openCase(w, requestId);
    expect(seen.case.state).toBe("cancelled");
    expect(seen.reconciled).toContain("sendCrossedCancel");
    expect(seen.case.history.some((h) => h.action === "sent")).toBe(true);
  });
});
