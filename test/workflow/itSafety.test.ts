// IT's send is the one that reaches thousands of people: it must happen once, whatever the clicks and the
// connection do, and a sender Exchange refuses must leave the prepared draft as it was.
import { AppError } from "../../src/domain/errors";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { sendMassMail, switchDraftSender } from "../../src/workflow/it/itActions";
import { institutionalSender } from "../../src/workflow/it/senders";
import { newCase } from "../support/cases";
import { openForward, prepareForCase, storedOfKind } from "../support/procedure";
import { losingStepWrite } from "../support/gates";
import { logged, sendAttempts, successfulSends } from "../support/requestLog";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, TENANT_SPEC, setupWorld } from "../support/world";

const world = setupWorld();

/** A forwarded case opened and prepared in IT's pane. */
async function preparedCase(w: World, fixture: string) {
  const { case: created } = await newCase(w, fixture);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.requestMessageId ?? "");
  const opened = await openForward(w, created.id);
  const record = await prepareForCase(w, opened);
  return { caseId: created.id, opened, record };
}

/** Mailboxes that exist in the tenant as members of the case's groups. */
function memberMailboxes(w: World, audiences: readonly string[]): string[] {
  const groups = w.config.audiences.filter((a) => audiences.includes(a.key)).map((a) => a.group);
  return [...new Set(groups.flatMap((g) => w.tenant.group(g)?.members ?? []))];
}

function massMailsIn(w: World, address: string, subject: string) {
  return w.tenant.storedMessages(address, "inbox").filter((m) => m.subject === subject);
}

describe("IT sends the mass mail once", () => {
  it("twenty concurrent clicks on Send make one send", async () => {
    const w = world();
    const { caseId, opened } = await preparedCase(w, "01-structured-es.json");

    const records = await Promise.all(Array.from({ length: 20 }, () => sendMassMail(w.it.ctx, opened)));

    expect(records.every((r) => r.state === "sent")).toBe(true);
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(1);
    // Recorded on the 202 with the mail's internetMessageId; Exchange files the copy seconds later.
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
    w.afterSentItemsDelay();
    const [copy, ...more] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(more).toHaveLength(0);
    expect(records.every((r) => r.sent?.internetMessageId === copy?.internetMessageId)).toBe(true);
    const members = memberMailboxes(w, opened.summary.fields.audiences);
    expect(members.length).toBeGreaterThan(0);
    for (const member of members) {
      expect([member, massMailsIn(w, member, opened.summary.fields.subject).length]).toEqual([member, 1]);
    }
    // And once more later: the record says sent, nothing goes out.
    await sendMassMail(w.it.ctx, opened);
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(1);
  });

  it("a connection dropped after the send, copy filed at once: the retry finds it in Sent Items and sends no second copy", async () => {
    const w = world();
    w.tenant.setSentItemsDelay(0);
    const { caseId, opened, record: prepared } = await preparedCase(w, "04-urgent.json");
    w.tenant.faults.add({
      method: "POST",
      url: /\/send$/,
      effect: { kind: "failAfterEffect", as: "drop" },
      times: 1,
    });

    const sent = await sendMassMail(w.it.ctx, opened);

    const [attempt] = sendAttempts(w.tenant, OPERATOR);
    expect(attempt?.dropped).toBe(true);
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(1);
    const copies = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(copies).toHaveLength(1);
    expect(sent.state).toBe("sent");
    expect(sent.sent?.sentItemId).toBe(copies[0]?.id);
    expect(sent.sent?.internetMessageId).toBe(copies[0]?.internetMessageId);
    expect(w.tenant.storedMessages(IT, "drafts").some((m) => m.id === prepared.draftId)).toBe(false);
    for (const member of memberMailboxes(w, opened.summary.fields.audiences)) {
      expect([member, massMailsIn(w, member, opened.summary.fields.subject).length]).toEqual([member, 1]);
    }
  });

  it("a connection dropped after the send, Sent Items copy 5 s late: the same draft is sent again, Exchange answers 404 (it left Drafts), no second copy", async () => {
    const w = world();
    w.tenant.setSentItemsDelay(5_000);
    const { caseId, opened, record: prepared } = await preparedCase(w, "04-urgent.json");
    w.tenant.faults.add({
      method: "POST",
      url: /\/send$/,
      effect: { kind: "failAfterEffect", as: "drop" },
      times: 1,
    });

    const sent = await sendMassMail(w.it.ctx, opened);

    const attempts = sendAttempts(w.tenant, OPERATOR);
    expect(attempts.map((a) => [a.dropped ?? false, a.status])).toEqual([
      [true, 202],
      [false, 404],
    ]);
    expect(new Set(attempts.map((a) => a.url)).size).toBe(1);
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
    w.clock.advance(5_000);
    const copies = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(copies).toHaveLength(1);
    expect(sent.state).toBe("sent");
    expect(sent.sent?.internetMessageId).toBe(copies[0]?.internetMessageId);
    expect(w.tenant.storedMessages(IT, "drafts").some((m) => m.id === prepared.draftId)).toBe(false);
    for (const member of memberMailboxes(w, opened.summary.fields.audiences)) {
      expect([member, massMailsIn(w, member, opened.summary.fields.subject).length]).toEqual([member, 1]);
    }
    // The next opening records the Sent Items copy's id.
    const reopened = await openForward(w, caseId);
    expect(reopened.record.sent).toMatchObject({
      sentItemId: copies[0]?.id,
      internetMessageId: copies[0]?.internetMessageId,
    });
  });

  it("a 503 before the send ran: the same draft is sent on the retry", async () => {
    const w = world();
    const { caseId, opened, record: prepared } = await preparedCase(w, "02-freeform-es.json");
    w.tenant.faults.add({ method: "POST", url: /\/send$/, effect: { kind: "unavailable" }, times: 1 });

    const { result: sent, entries } = await logged(w.tenant, () => sendMassMail(w.it.ctx, opened));

    expect(sent.state).toBe("sent");
    const sends = entries.filter((e) => e.method === "POST" && e.url.endsWith("/send"));
    expect(sends.map((e) => e.status)).toEqual([503, 202]);
    expect(new Set(sends.map((e) => e.url)).size).toBe(1);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(1);
    expect(w.tenant.storedMessages(IT, "drafts").some((m) => m.id === prepared.draftId)).toBe(false);
  });
});

describe("IT's record lost after the send", () => {
  it("opening the forward again finds the send in Sent Items; Send then sends nothing", async () => {
    const w = world();
    const { caseId, opened } = await preparedCase(w, "06-english.json");
    // The step's record write is lost (every attempt answered 503); the claim's writes before it went through.
    await expect(sendMassMail(losingStepWrite(w.it.ctx, w.tenant.faults), opened)).rejects.toMatchObject({
      code: "unavailable",
    });
    w.afterSentItemsDelay();
    const [copy] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(copy).toBeDefined();

    const reopened = await openForward(w, caseId);
    expect(reopened.sendDetected).toBe(true);
    expect(reopened.record).toMatchObject({
      state: "sent",
      sent: { sentItemId: copy?.id, internetMessageId: copy?.internetMessageId },
    });
    await sendMassMail(w.it.ctx, reopened);
    expect(sendAttempts(w.tenant, OPERATOR)).toHaveLength(1);
  });
});

describe("Send As", () => {
  it("a requested sender IT may not send as: refused, draft unchanged; the institutional sender then works", async () => {
    // Talento Humano is a configured sender; here Exchange has not (yet) granted IT Send As on it.
    const requested = "talentohumano@universidad.example";
    const spec = structuredClone(TENANT_SPEC);
    spec.sendAs = (spec.sendAs ?? []).filter((g) => g.address !== requested);
    const w = world({ spec });
    expect(w.config.allowedSenders.map((s) => s.address)).toContain(requested);

    const { caseId, opened, record: prepared } = await preparedCase(w, "03-flyer-attachment.json");
    expect(prepared.sender?.address).toBe(requested);
    expect(prepared.senderFallback).toBe(false);
    const draftBefore = structuredClone(
      w.tenant.storedMessages(IT, "drafts").find((m) => m.id === prepared.draftId),
    );
    expect(draftBefore?.from?.emailAddress.address).toBe(requested);
    expect(draftBefore?.attachments.map((a) => a.name)).toEqual(["pieza-curso-ofimatica.png"]);

    const refusal = await sendMassMail(w.it.ctx, opened).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "sendAsDenied", nextStep: "contactAdmin" });
    const draftAfter = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === prepared.draftId);
    expect(draftAfter).toEqual(draftBefore);
    expect(storedOfKind(w, IT, "sentitems", caseId, "massMail")).toHaveLength(0);
    expect(successfulSends(w.tenant, OPERATOR)).toHaveLength(0);

    const switched = await switchDraftSender(w.it.ctx, opened, institutionalSender(w.config));
    expect(switched).toMatchObject({ state: "prepared", senderFallback: true, draftId: prepared.draftId });
    const sent = await sendMassMail(w.it.ctx, opened);
    expect(sent.state).toBe("sent");
    w.afterSentItemsDelay();
    const [copy] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    expect(copy?.from?.emailAddress.address).toBe(w.config.institutionalSender.address);
    expect(copy?.attachments.map((a) => a.name)).toEqual(["pieza-curso-ofimatica.png"]);
    for (const member of memberMailboxes(w, opened.summary.fields.audiences)) {
      const received = massMailsIn(w, member, opened.summary.fields.subject);
      expect([member, received.length]).toEqual([member, 1]);
      expect(received[0]?.from?.emailAddress.address).toBe(w.config.institutionalSender.address);
    }
  });
});

describe("hostile request HTML", () => {
  it("the mass mail carries only sanitized HTML, however the request was written", async () => {
    const w = world();
    const { caseId, opened } = await preparedCase(w, "08-hostile-html.json");
    const original = w.tenant
      .storedMessages(COMMUNICATIONS, "inbox")
      .find((m) => m.subject.includes("<script>"));
    expect(original?.body.content).toMatch(/<script|onerror|javascript:/i);

    await sendMassMail(w.it.ctx, opened);
    w.afterSentItemsDelay();
    const [massMail] = storedOfKind(w, IT, "sentitems", caseId, "massMail");
    const html = massMail?.body.content ?? "";
    expect(html).not.toBe("");
    expect(html).not.toMatch(/<script|<iframe|<form|<style|\son[a-z]+\s*=|javascript:|data:/i);
    expect(massMail?.subject).not.toMatch(/[<>]/);
    expect(w.it.ctx.sanitizeHtml(html)).toBe(html);
  });
});
