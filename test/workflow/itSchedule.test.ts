// Scheduled sending: IT's mass mail goes out when the requester asked (Exchange's deferred delivery holds it in
// IT's Drafts until then); sending earlier needs a reason; a scheduled mass mail can be withdrawn until it leaves,
// also on a case Communications cancelled meanwhile.
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { updateAfterForward } from "../../src/workflow/actions/updateAfterForward";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import {
  confirmToCommunications,
  sendMassMail,
  withdrawScheduledMassMail,
} from "../../src/workflow/it/itActions";
import { openItem } from "../../src/workflow/openItem";
import { newCase } from "../support/cases";
import { openForward, prepareForCase } from "../support/procedure";
import type { World } from "../support/world";
import { COMMUNICATIONS, IT, OPERATOR, setupWorld } from "../support/world";

const world = setupWorld();
const DUE = "2026-12-15T13:00:00.000Z"; // 15 Dec 08:00 in Bogotá

async function scheduledCase(w: World) {
  const { case: created } = await newCase(w, "01-structured-es.json");
  const requestId = created.requestMessageId ?? "";
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, requestId);
  w.afterSentItemsDelay();
  await updateAfterForward(w.comms.ctx, COMMUNICATIONS, requestId, { requestedDate: "2026-12-15" });
  const opened = await openForward(w, created.id);
  await prepareForCase(w, opened);
  return { opened, requestId, caseId: created.id };
}

function delivered(w: World, subject: string): number {
  const groups = w.config.audiences.map((a) => a.group);
  const members = [...new Set(groups.flatMap((g) => w.tenant.group(g)?.members ?? []))];
  return members.flatMap((m) => w.tenant.storedMessages(m, "inbox")).filter((m) => m.subject === subject)
    .length;
}

function until(w: World, iso: string) {
  w.clock.advance(Date.parse(iso) - w.clock.now().getTime());
}

describe("scheduled mass mail", () => {
  it("is scheduled by default for the requested date (changed by Communications' update), held until then", async () => {
    const w = world();
    const { opened } = await scheduledCase(w);
    const record = await sendMassMail(w.it.ctx, opened);
    expect(record.state).toBe("sent");
    expect(record.sent).toMatchObject({ scheduledFor: DUE, by: OPERATOR, for: IT });
    const held = await w.it.ctx.mail.findScheduled(IT, opened.summary.id, "massMail");
    expect(held.map((h) => h.scheduledFor)).toEqual([DUE]);
    const subject = opened.summary.fields.subject;
    expect(delivered(w, subject)).toBe(0);
    until(w, "2026-12-15T13:00:01Z");
    expect(delivered(w, subject)).toBeGreaterThan(0);
    expect(await w.it.ctx.mail.findScheduled(IT, opened.summary.id, "massMail")).toEqual([]);
  });

  it("sending now, before the requested time, needs a reason that IT's history keeps", async () => {
    const w = world();
    const { opened } = await scheduledCase(w);
    await expect(sendMassMail(w.it.ctx, opened, { when: { mode: "now" } })).rejects.toMatchObject({
      code: "badRequest",
      details: { field: "earlyReason" },
    });
    expect(delivered(w, opened.summary.fields.subject)).toBe(0);
    const record = await sendMassMail(w.it.ctx, opened, {
      when: { mode: "now", earlyReason: "Rectoría pidió adelantarlo" },
    });
    expect(record.sent?.scheduledFor).toBeUndefined();
    expect(record.sent?.earlyReason).toBe("Rectoría pidió adelantarlo");
    expect(record.history?.at(-1)).toMatchObject({ action: "sent", note: "Rectoría pidió adelantarlo" });
    expect(delivered(w, opened.summary.fields.subject)).toBeGreaterThan(0);
  });

  it("can be withdrawn before it leaves: nothing is delivered, and it can be prepared again", async () => {
    const w = world();
    const { opened } = await scheduledCase(w);
    await sendMassMail(w.it.ctx, opened);
    const back = await withdrawScheduledMassMail(w.it.ctx, opened, "Fecha por confirmar");
    expect(back.state).toBe("received");
    expect(back.withdrawn).toMatchObject({ scheduledFor: DUE, reason: "Fecha por confirmar", by: OPERATOR });
    until(w, "2026-12-16T00:00:00Z");
    expect(delivered(w, opened.summary.fields.subject)).toBe(0);
    expect(w.tenant.storedMessages(IT, "drafts")).toEqual([]);
  });

  it("a case Communications cancelled after the scheduling: withdrawn, IT's record ends cancelled", async () => {
    const w = world();
    const { opened, requestId, caseId } = await scheduledCase(w);
    await sendMassMail(w.it.ctx, opened);
    await cancelCase(w.comms.ctx, COMMUNICATIONS, requestId, "La unidad retiró la solicitud");
    const reopened = await openForward(w, caseId);
    expect(reopened.cancelled?.reason).toBe("La unidad retiró la solicitud");
    const record = await withdrawScheduledMassMail(w.it.ctx, reopened);
    expect(record.state).toBe("cancelled");
    expect(record.history?.map((e) => e.action)).toEqual(["prepared", "sent", "withdrawn", "cancelled"]);
    until(w, "2026-12-16T00:00:00Z");
    expect(delivered(w, opened.summary.fields.subject)).toBe(0);
  });

  it("cannot be withdrawn once it has left", async () => {
    const w = world();
    const { opened } = await scheduledCase(w);
    await sendMassMail(w.it.ctx, opened);
    until(w, "2026-12-15T13:00:01Z");
    await expect(withdrawScheduledMassMail(w.it.ctx, opened)).rejects.toMatchObject({
      code: "illegalTransition",
    });
  });
});

describe("a scheduled mass mail, told to the requester", () => {
  it("IT's confirmation carries the scheduled time to Communications, and the relay says 'scheduled for'", async () => {
    const w = world();
    const { opened, requestId } = await scheduledCase(w);
    await sendMassMail(w.it.ctx, opened);
    w.clock.advance(15 * 60_000);
    await confirmToCommunications(w.it.ctx, opened);
    w.clock.advance(15 * 60_000);
    const linked = await openItem(w.comms.ctx, w.comms.select(requestId));
    expect(linked).toMatchObject({ kind: "case", reconciled: ["confirmationLinked"] });
    const closed = await relayToRequester(w.comms.ctx, COMMUNICATIONS, requestId);
    const sentEntry = closed.history.find((h) => h.action === "sent");
    expect(sentEntry?.evidence?.scheduledFor).toBe(DUE);
    const relay = w.tenant
      .storedMessages(closed.requester.address, "inbox")
      .find((m) => m.subject.includes(closed.id));
    const text = relay?.body.content.replace(/<[^>]+>/g, " ") ?? "";
    // Spanish (the institution's language): 15 Dec 2026, 08:00 in Bogotá.
    expect(text).toMatch(/quedó programado para el [^;]*15 de diciembre de 2026, 8:00/);
    expect(text).toContain("Programado para");
    expect(text).not.toMatch(/se realizó el/);
    // Nothing has left yet: the relay was not the mass mail going out.
    expect(delivered(w, opened.summary.fields.subject)).toBe(0);
  });
});
