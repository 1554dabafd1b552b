// Issue 13, point 1: IT's test send. One copy of the prepared mass mail, marked [PRUEBA] / [TEST], goes to the
// requester and Communications (never the groups), exactly once; the requester's answer is linked to the case
// and recorded as approved or changes asked; with testSend.approvalRequired the mass send waits for approval.
import { decideTestReply, ownWords } from "../../src/domain/testApproval";
import { AppError } from "../../src/domain/errors";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import type { WorkflowContext } from "../../src/workflow/context";
import { toLocalDateTime } from "../../src/domain/dates";
import Papa from "papaparse";
import { stateCategory } from "../../src/workflow/categories";
import { firstDashboardPage } from "../../src/workflow/dashboard";
import { registerCsv } from "../../src/workflow/register";
import { openCase } from "../support/cases";
import {
  confirmToCommunications,
  findTestReply,
  sendBlockedByApproval,
  sendMassMail,
  sendTestMail,
} from "../../src/workflow/it/itActions";
import { newCase } from "../support/cases";
import { losingStepWrite } from "../support/gates";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import type { ItCase } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

async function preparedCase(w: World, fixture: string): Promise<{ caseId: string; it: ItCase }> {
  const { messageId, case: created } = await newCase(w, fixture);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
  w.afterSentItemsDelay();
  const it = await openForward(w, created.id);
  await prepareForCase(w, it);
  return { caseId: created.id, it: await openForward(w, created.id) };
}

function requireApproval(ctx: WorkflowContext, required: boolean): WorkflowContext {
  return { ...ctx, config: { ...ctx.config, testSend: { approvalRequired: required } } };
}

/** The requester answers the test from their own mail program: a reply to IT's mailbox (the test's replyTo). */
function requesterReplies(w: World, it: ItCase, subject: string, html: string): string {
  w.clock.advance(60_000);
  return w.tenant.deliver(IT, {
    subject,
    from: { emailAddress: { address: it.summary.requester.address } },
    toRecipients: [{ emailAddress: { address: IT } }],
    body: { contentType: "html", content: html },
    receivedDateTime: w.clock.now().toISOString(),
  });
}

describe("IT's test send", () => {
  it("goes to the requester and Communications with the mass mail's sender, subject, body and files, never to the groups", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "03-flyer-attachment.json");
    const mass = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === it.record.draftId);
    if (!mass) throw new Error("no mass-mail draft");

    const record = await sendTestMail(w.it.ctx, it);
    w.afterSentItemsDelay();

    const [copy, ...more] = storedOfKind(w, IT, "sentitems", caseId, "testSend");
    expect(more).toHaveLength(0);
    if (!copy) throw new Error("no test copy in Sent Items");
    expect(copy.subject).toBe(`[PRUEBA] ${mass.subject} [${caseId}]`);
    expect(copy.from?.emailAddress.address).toBe(mass.from?.emailAddress.address);
    expect(copy.body.content).toBe(mass.body.content);
    expect(copy.attachments.map((a) => a.name).sort()).toEqual(mass.attachments.map((a) => a.name).sort());
    expect(copy.attachments.length).toBeGreaterThan(0);
    const to = copy.toRecipients.map((r) => r.emailAddress.address.toLowerCase()).sort();
    expect(to).toEqual([it.summary.requester.address.toLowerCase(), COMMUNICATIONS].sort());
    expect(copy.ccRecipients).toHaveLength(0);
    expect(copy.bccRecipients).toHaveLength(0);
    expect(copy.replyTo.map((r) => r.emailAddress.address)).toEqual([IT]);
    expect(copy.internetMessageHeaders.find((h) => h.name.toLowerCase() === "x-pregon-case-id")?.value).toBe(
      caseId,
    );
    // The groups got nothing: the mass mail is still a draft, and no sent copy of the mass mail exists.
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "inbox").some((m) => m.subject === copy.subject)).toBe(
      true,
    );

    expect(record.state).toBe("prepared");
    expect(record.testSend?.to.map((a) => a.toLowerCase()).sort()).toEqual(to);
    expect(record.history?.at(-1)).toMatchObject({ action: "testSent", for: IT });
  });

  it("is marked [TEST] for a request written in English", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "06-english.json");
    await sendTestMail(w.it.ctx, it);
    w.afterSentItemsDelay();
    const [copy] = storedOfKind(w, IT, "sentitems", caseId, "testSend");
    expect(copy?.subject.startsWith("[TEST] ")).toBe(true);
  });

  it("goes out exactly once when pressed twice at once, again, and after its record write was lost", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    await expect(sendTestMail(losingStepWrite(w.it.ctx, w.tenant.faults), it)).rejects.toMatchObject({
      code: "unavailable",
    });
    // Reopened at once (Exchange has not filed the copy yet): recorded from the claim whose draft left Drafts.
    const reopened = await openForward(w, caseId);
    expect(reopened.record.testSend).toBeDefined();
    expect(reopened.record.claim).toBeUndefined();
    const [a, b] = await Promise.all([sendTestMail(w.it.ctx, it), sendTestMail(w.it.ctx, it)]);
    const again = await sendTestMail(w.it.ctx, await openForward(w, caseId));
    w.afterSentItemsDelay();
    expect(storedOfKind(w, IT, "sentitems", caseId, "testSend")).toHaveLength(1);
    expect(storedOfKind(w, IT, "drafts", caseId, "testSend")).toHaveLength(0);
    for (const r of [a, b, again]) {
      expect(r.testSend).toBeDefined();
      expect(r.claim).toBeUndefined();
      expect(r.history?.filter((h) => h.action === "testSent")).toHaveLength(1);
    }
  });

  it("links the requester's approval to the case", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    const sent = await sendTestMail(w.it.ctx, it);
    // Mail about another case, and mail from someone else about this one, are not the answer.
    requesterReplies(w, it, "RE: [PRUEBA] Otro asunto [CM-2612-ZZZZ]", "<p>Aprobado</p>");
    const replyId = requesterReplies(
      w,
      it,
      `RE: [PRUEBA] Asunto [${caseId}]`,
      "<p>¡Aprobado! Gracias.</p><hr><p>De: TIC</p><p>Enviado: hoy</p><p>cambiar nada</p>",
    );
    const record = await findTestReply(w.it.ctx, it, sent);
    expect(record.testReply).toMatchObject({ verdict: "approved", messageId: replyId });
    expect(record.history?.at(-1)).toMatchObject({ action: "testApproved" });
    // Read again: recorded once.
    const again = await findTestReply(w.it.ctx, it, record);
    expect(again.history?.filter((h) => h.action === "testApproved")).toHaveLength(1);
  });

  it("finds an answer that came within the same second as the test (Exchange keeps received times to the second)", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    w.clock.advance(500);
    const sent = await sendTestMail(w.it.ctx, it);
    expect(sent.testSend?.at).toBe(w.clock.now().toISOString());
    expect(w.clock.now().getUTCMilliseconds()).not.toBe(0);
    // Received now, as the tenant stamps it: the whole second, before the test's own time.
    const replyId = w.tenant.deliver(IT, {
      subject: `RE: [PRUEBA] Asunto [${caseId}]`,
      from: { emailAddress: { address: it.summary.requester.address } },
      toRecipients: [{ emailAddress: { address: IT } }],
      body: { contentType: "html", content: "<p>Aprobado</p>" },
    });
    const record = await findTestReply(w.it.ctx, it, sent);
    expect(record.testReply).toMatchObject({ verdict: "approved", messageId: replyId });
  });

  it("records changes asked with the requester's words", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    const sent = await sendTestMail(w.it.ctx, it);
    requesterReplies(
      w,
      it,
      `RE: [PRUEBA] Asunto [${caseId}]`,
      "<p>Ok, pero cambien la fecha del evento al 12 de diciembre.</p>",
    );
    const record = await findTestReply(w.it.ctx, it, sent);
    expect(record.testReply?.verdict).toBe("changesAsked");
    expect(record.testReply?.text).toBe("Ok, pero cambien la fecha del evento al 12 de diciembre.");
    expect(record.history?.at(-1)).toMatchObject({
      action: "testChangesAsked",
      note: "Ok, pero cambien la fecha del evento al 12 de diciembre.",
    });
  });

  it("blocks the mass send until approved when the configuration requires it", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    const ctx = requireApproval(w.it.ctx, true);
    const refused = await sendMassMail(ctx, it, { when: { mode: "now", earlyReason: "prueba" } }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("testApprovalRequired");
    const sent = await sendTestMail(ctx, it);
    expect(sendBlockedByApproval(ctx, sent)).toBe(true);
    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${caseId}]`, "<p>Necesito cambiar el logo.</p>");
    const asked = await findTestReply(ctx, it, sent);
    expect(sendBlockedByApproval(ctx, asked)).toBe(true);
    await expect(
      sendMassMail(ctx, it, { when: { mode: "now", earlyReason: "prueba" } }),
    ).rejects.toMatchObject({
      code: "testApprovalRequired",
    });
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);

    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${caseId}]`, "<p>De acuerdo, así está bien.</p>");
    const approved = await findTestReply(ctx, it, asked);
    expect(sendBlockedByApproval(ctx, approved)).toBe(false);
    const out = await sendMassMail(ctx, it, { when: { mode: "now", earlyReason: "prueba" } });
    expect(out.state).toBe("sent");
  });

  it("does not block the mass send when the configuration does not require approval", async () => {
    const w = world();
    const { it } = await preparedCase(w, "01-structured-es.json");
    const ctx = requireApproval(w.it.ctx, false);
    expect(sendBlockedByApproval(ctx, it.record)).toBe(false);
    const out = await sendMassMail(ctx, it, { when: { mode: "now", earlyReason: "prueba" } });
    expect(out.state).toBe("sent");
  });
});

describe("the register", () => {
  it("records who approved the test and when, from IT's confirmation", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    w.afterSentItemsDelay();
    const first = await openForward(w, created.id);
    await prepareForCase(w, first);
    const it = await openForward(w, created.id);
    const ctx = requireApproval(w.it.ctx, true);
    const sent = await sendTestMail(ctx, it);
    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${created.id}]`, "<p>Aprobado</p>");
    const approved = await findTestReply(ctx, it, sent);
    await sendMassMail(ctx, it, { when: { mode: "now", earlyReason: "prueba" } });
    w.afterSentItemsDelay();
    await confirmToCommunications(ctx, it);
    await openCase(w.comms, messageId);

    const page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
    const row = page.rows.find((r) => r.case.id === created.id);
    if (!row) throw new Error("The dashboard lost the case");
    const zone = w.comms.ctx.config.institution.timeZone;
    const csv = registerCsv([row.case], "es", (c) => stateCategory(c.state, "es"), zone);
    const [header = [], values = []] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), {
      delimiter: ";",
      skipEmptyLines: true,
    }).data;
    expect(values[header.indexOf("Prueba aprobada por")]).toBe(it.summary.requester.address.toLowerCase());
    // On the institution's wall clock, like every time in the register.
    expect(values[header.indexOf("Prueba aprobada (fecha)")]).toBe(
      toLocalDateTime(approved.testReply?.at ?? "", zone),
    );
    expect(approved.testReply?.at).toBeTruthy();
  });
});

describe("test rounds", () => {
  /** IT corrects the prepared mass mail in Outlook after the requester asked for changes. */
  function correctDraft(w: World, it: ItCase, html: string): void {
    const mass = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === it.record.draftId);
    if (!mass) throw new Error("no mass-mail draft");
    mass.body.content = html;
  }

  /** Round 1 sent and answered with changes asked; the record as IT's pane then shows it. */
  async function changesAsked(w: World, ctx: WorkflowContext, it: ItCase, caseId: string) {
    const sent = await sendTestMail(ctx, it);
    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${caseId}]`, "<p>Cambien la fecha al 12 de diciembre.</p>");
    const asked = await findTestReply(ctx, it, sent);
    expect(asked.testReply?.verdict).toBe("changesAsked");
    return asked;
  }

  it("sends the corrected draft as test 2 exactly once, also when pressed twice, again, and after its record write was lost", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    await changesAsked(w, w.it.ctx, it, caseId);
    correctDraft(w, it, "<p>El evento es el 12 de diciembre.</p>");
    w.clock.advance(60_000);

    await expect(
      sendTestMail(losingStepWrite(w.it.ctx, w.tenant.faults), it, { round: 2 }),
    ).rejects.toMatchObject({ code: "unavailable" });
    // Reopened at once: round 2 is recorded from the claim whose draft left Drafts.
    const reopened = await openForward(w, caseId);
    expect(reopened.record.testSend?.round).toBe(2);
    expect(reopened.record.claim).toBeUndefined();
    const [a, b] = await Promise.all([
      sendTestMail(w.it.ctx, it, { round: 2 }),
      sendTestMail(w.it.ctx, it, { round: 2 }),
    ]);
    const again = await sendTestMail(w.it.ctx, await openForward(w, caseId), { round: 2 });
    // A late retry of round 1 sends nothing either.
    const first = await sendTestMail(w.it.ctx, await openForward(w, caseId));
    w.afterSentItemsDelay();

    const copies = storedOfKind(w, IT, "sentitems", caseId, "testSend");
    expect(copies).toHaveLength(2);
    const second = copies.find((m) => m.subject.startsWith("[PRUEBA 2] "));
    const original = copies.find((m) => m.subject.startsWith("[PRUEBA] "));
    expect(second?.subject.endsWith(`[${caseId}]`)).toBe(true);
    expect(second?.body.content).toBe("<p>El evento es el 12 de diciembre.</p>");
    expect(original?.body.content).not.toBe("<p>El evento es el 12 de diciembre.</p>");
    expect(storedOfKind(w, IT, "drafts", caseId, "testSend")).toHaveLength(0);
    for (const r of [a, b, again, first]) {
      expect(r.testSend?.round).toBe(2);
      expect(r.claim).toBeUndefined();
      expect(r.history?.filter((h) => h.action === "testSent")).toHaveLength(2);
    }
    // Still the mass mail's draft: nothing went to the groups.
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
  });

  it("finds round 2's copy in Sent Items when its send was not recorded and no claim is left, and sends nothing", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    const asked = await changesAsked(w, w.it.ctx, it, caseId);
    await sendTestMail(w.it.ctx, it, { round: 2 });
    w.afterSentItemsDelay();
    // The record as it was before round 2 was recorded (a write from an older pane put it back).
    await w.it.ctx.mail.writeCaseProps(IT, it.message.id, {
      itRecord: JSON.stringify({ ...asked, claim: undefined }),
    });
    const rerun = await sendTestMail(w.it.ctx, await openForward(w, caseId), { round: 2 });
    expect(rerun.testSend?.round).toBe(2);
    expect(storedOfKind(w, IT, "sentitems", caseId, "testSend")).toHaveLength(2);
  });

  it("refuses a round out of turn and sends nothing", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    await expect(sendTestMail(w.it.ctx, it, { round: 2 })).rejects.toMatchObject({ code: "conflict" });
    await sendTestMail(w.it.ctx, it);
    await expect(sendTestMail(w.it.ctx, await openForward(w, caseId), { round: 3 })).rejects.toMatchObject({
      code: "conflict",
    });
    w.afterSentItemsDelay();
    expect(storedOfKind(w, IT, "sentitems", caseId, "testSend")).toHaveLength(1);
  });

  it("an approval of test 1 that comes after test 2 went out does not unblock the required approval; test 2's does", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    const ctx = requireApproval(w.it.ctx, true);
    await changesAsked(w, ctx, it, caseId);
    correctDraft(w, it, "<p>El evento es el 12 de diciembre.</p>");
    const second = await sendTestMail(ctx, await openForward(w, caseId), { round: 2 });
    expect(second.testSend?.round).toBe(2);
    expect(sendBlockedByApproval(ctx, second)).toBe(true);

    // The requester approves the first test late, from its own message.
    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${caseId}]`, "<p>Aprobado</p>");
    const late = await findTestReply(ctx, it, second);
    expect(late.testReply?.verdict).toBe("changesAsked");
    expect(late.history?.filter((h) => h.action === "testApproved")).toHaveLength(0);
    expect(sendBlockedByApproval(ctx, late)).toBe(true);
    await expect(
      sendMassMail(ctx, await openForward(w, caseId), { when: { mode: "now", earlyReason: "prueba" } }),
    ).rejects.toMatchObject({ code: "testApprovalRequired" });
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);

    const replyId = requesterReplies(w, it, `RE: [PRUEBA 2] Asunto [${caseId}]`, "<p>Aprobado, gracias.</p>");
    const approved = await findTestReply(ctx, it, late);
    expect(approved.testReply).toMatchObject({ verdict: "approved", round: 2, messageId: replyId });
    expect(sendBlockedByApproval(ctx, approved)).toBe(false);
    const out = await sendMassMail(ctx, await openForward(w, caseId), {
      when: { mode: "now", earlyReason: "prueba" },
    });
    expect(out.state).toBe("sent");
  });

  it("takes a reply that lost the mark as the answer to the latest round", async () => {
    const w = world();
    const { caseId, it } = await preparedCase(w, "01-structured-es.json");
    const ctx = requireApproval(w.it.ctx, true);
    await changesAsked(w, ctx, it, caseId);
    const second = await sendTestMail(ctx, await openForward(w, caseId), { round: 2 });
    requesterReplies(w, it, `RE: Asunto [${caseId}]`, "<p>De acuerdo</p>");
    const approved = await findTestReply(ctx, it, second);
    expect(approved.testReply).toMatchObject({ verdict: "approved", round: 2 });
    expect(sendBlockedByApproval(ctx, approved)).toBe(false);
  });

  /** Communications' register row for the case, after IT confirmed the send (header and values). */
  async function registerRow(w: World, messageId: string, caseId: string) {
    await openCase(w.comms, messageId);
    const page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
    const row = page.rows.find((r) => r.case.id === caseId);
    if (!row) throw new Error("The dashboard lost the case");
    const zone = w.comms.ctx.config.institution.timeZone;
    const csv = registerCsv([row.case], "es", (c) => stateCategory(c.state, "es"), zone);
    const [header = [], values = []] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), {
      delimiter: ";",
      skipEmptyLines: true,
    }).data;
    return { header, values };
  }

  it("the register does not write an approval of test 1 when test 2 went out unanswered", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    w.afterSentItemsDelay();
    await prepareForCase(w, await openForward(w, created.id));
    const it = await openForward(w, created.id);
    const ctx = requireApproval(w.it.ctx, false);
    const sent = await sendTestMail(ctx, it);
    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${created.id}]`, "<p>Aprobado</p>");
    expect((await findTestReply(ctx, it, sent)).testReply?.verdict).toBe("approved");
    // IT changes the draft anyway and sends it as test 2; the mass send (no approval required) goes before any answer.
    const second = await sendTestMail(ctx, await openForward(w, created.id), { round: 2 });
    expect(second.testSend?.round).toBe(2);
    await sendMassMail(ctx, await openForward(w, created.id), {
      when: { mode: "now", earlyReason: "prueba" },
    });
    w.afterSentItemsDelay();
    await confirmToCommunications(ctx, await openForward(w, created.id));

    const { header, values } = await registerRow(w, messageId, created.id);
    expect(header.indexOf("Prueba aprobada por")).toBeGreaterThanOrEqual(0);
    expect(values[header.indexOf("Prueba aprobada por")]).toBe("");
    expect(values[header.indexOf("Prueba aprobada (fecha)")]).toBe("");
  });

  it("the register shows who approved test 2 and when", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    w.afterSentItemsDelay();
    await prepareForCase(w, await openForward(w, created.id));
    const it = await openForward(w, created.id);
    const ctx = requireApproval(w.it.ctx, true);
    await changesAsked(w, ctx, it, created.id);
    const second = await sendTestMail(ctx, await openForward(w, created.id), { round: 2 });
    requesterReplies(w, it, `RE: [PRUEBA] Asunto [${created.id}]`, "<p>Aprobado</p>");
    const lateAt = w.clock.now().toISOString();
    const late = await findTestReply(ctx, it, second);
    requesterReplies(w, it, `RE: [PRUEBA 2] Asunto [${created.id}]`, "<p>Aprobado</p>");
    const approved = await findTestReply(ctx, it, late);
    const approvedAt = approved.testReply?.at ?? "";
    expect(approved.testReply?.round).toBe(2);
    await sendMassMail(ctx, await openForward(w, created.id), {
      when: { mode: "now", earlyReason: "prueba" },
    });
    w.afterSentItemsDelay();
    await confirmToCommunications(ctx, await openForward(w, created.id));

    const { header, values } = await registerRow(w, messageId, created.id);
    const zone = w.comms.ctx.config.institution.timeZone;
    expect(values[header.indexOf("Prueba aprobada por")]).toBe(it.summary.requester.address.toLowerCase());
    // Round 2's answer, not the late approval of round 1 (a minute earlier).
    expect(values[header.indexOf("Prueba aprobada (fecha)")]).toBe(toLocalDateTime(approvedAt, zone));
    expect(toLocalDateTime(approvedAt, zone)).not.toBe(toLocalDateTime(lateAt, zone));
  });
});

describe("deciding the answer to a test", () => {
  it.each([
    ["Aprobado", "approved"],
    ["de acuerdo, gracias", "approved"],
    ["OK", "approved"],
    ["Approved.", "approved"],
    ["Looks good to me", "approved"],
    ["Ok, but change the title", "changesAsked"],
    ["No está aprobado", "changesAsked"],
    ["Por favor corrijan el enlace", "changesAsked"],
    ["", "changesAsked"],
  ])("%j is %s", (text, verdict) => {
    expect(decideTestReply(text).verdict).toBe(verdict);
  });

  it("keeps the reply's own words, not the quoted test", () => {
    expect(ownWords("<p>Cambien la imagen</p><p>De: TIC</p><p>Aprobado</p>", true)).toBe("Cambien la imagen");
    expect(ownWords("Looks good\n\nOn Mon, Dec 7, 2026 IT wrote:\n> text", false)).toBe("Looks good");
  });
});
