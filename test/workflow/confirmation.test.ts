// Steps 3 and 4 across both mailboxes: IT opens the forward, prepares the mass mail for the case's audiences,
// sends it and confirms; Communications sees the case confirmed (on opening it, or from the dashboard without
// opening it), relays the confirmation to the requester, and the case closes.
import { decodeCase } from "../../src/domain/codec";
import { EVIDENCE_HEADER, decodeEvidenceHeader } from "../../src/domain/evidenceHeader";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { firstDashboardPage, syncConfirmations } from "../../src/workflow/dashboard";
import { audienceCounts } from "../../src/workflow/it/groups";
import { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { chooseSender } from "../../src/workflow/it/senders";
import { openItem } from "../../src/workflow/openItem";
import { newCase, openCase } from "../support/cases";
import { graphCountOf, memberCountOf, openForward } from "../support/procedure";
import { COMMUNICATIONS, IT, setupWorld } from "../support/world";

const world = setupWorld();

async function forwardedCase(fixture: string) {
  const w = world();
  const created = await newCase(w, fixture);
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.clock.advance(60 * 60_000);
  return created;
}

async function itDoesItsPart(caseId: string) {
  const w = world();
  const opened = await openForward(w, caseId);
  expect(opened.summary.id).toBe(caseId);
  expect(opened.record.state).toBe("received");

  const counts = await audienceCounts(w.it.ctx);
  // The demo's administrativos@ is an Exchange dynamic distribution group: Graph has no count for it.
  expect(counts.map((c) => [c.key, c.count])).toEqual(
    w.config.audiences.map((a) => [
      a.key,
      w.tenant.group(a.group)?.dynamic ? undefined : memberCountOf(w, a.key),
    ]),
  );
  const prepared = await prepareMassMail(w.it.ctx, opened, {
    audiences: opened.summary.fields.audiences,
    counts,
    sender: chooseSender(w.config, opened.summary),
  });
  expect(prepared.state).toBe("prepared");
  const draft = w.tenant.storedMessages(IT, "drafts").find((m) => m.id === prepared.draftId);
  expect(draft?.subject).toBe(opened.summary.fields.subject);
  expect(draft?.subject).not.toContain(caseId);

  const sent = await sendMassMail(w.it.ctx, opened);
  expect(sent.state).toBe("sent");
  expect(sent.sent?.internetMessageId).toBeTruthy();
  w.clock.advance(10 * 60_000);

  const confirmed = await confirmToCommunications(w.it.ctx, opened);
  expect(confirmed.state).toBe("confirmed");
  w.clock.advance(10 * 60_000);
  return { opened, record: confirmed };
}

describe("IT's confirmation reaches the case", () => {
  it("on opening the request: confirmed with the send's evidence, then relayed and closed", async () => {
    const w = world();
    const { messageId, case: created } = await forwardedCase("01-structured-es.json");
    const expectedCount = created.fields.audiences.reduce((sum, a) => sum + graphCountOf(w, a), 0);
    expect(created.fields.audiences.length).toBeGreaterThan(0);

    const { record } = await itDoesItsPart(created.id);

    // The confirmation in comunicaciones@ carries the evidence header.
    const confirmation = w.tenant
      .storedMessages(COMMUNICATIONS, "inbox")
      .find((m) => m.subject.includes(`[${created.id}]`));
    const header = confirmation?.internetMessageHeaders.find((h) => h.name.toLowerCase() === EVIDENCE_HEADER);
    const evidence = decodeEvidenceHeader(header?.value);
    expect(evidence?.internetMessageId).toBe(record.sent?.internetMessageId);

    const opened = await openCase(w.comms, messageId);
    expect(opened.reconciled).toEqual(["confirmationLinked"]);
    expect(opened.case.state).toBe("confirmed");
    const sentEntry = opened.case.history.find((h) => h.action === "sent");
    expect(sentEntry?.evidence?.recipientCount).toBe(expectedCount);
    expect(sentEntry?.evidence?.internetMessageId).toBe(record.sent?.internetMessageId);
    expect([...(sentEntry?.evidence?.groups ?? [])].sort()).toEqual(
      created.fields.audiences.map((a) => w.config.audiences.find((c) => c.key === a)?.group).sort(),
    );
    const confirmedEntry = opened.case.history.find((h) => h.action === "confirmed");
    expect(confirmedEntry?.by).toBe(IT);
    expect(confirmedEntry?.evidence?.messageId).toBe(confirmation?.id);

    // Opening again changes nothing more.
    const again = await openCase(w.comms, messageId);
    expect(again.reconciled).toEqual([]);
    expect(again.case).toEqual(opened.case);

    const closed = await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(closed.state).toBe("closed");
    expect(closed.history.at(-1)?.action).toBe("relayed");
    const relays = w.tenant
      .storedMessages(created.requester.address, "inbox")
      .filter((m) => m.subject.includes(`[${created.id}]`));
    expect(relays).toHaveLength(1);
    expect(relays[0]?.from?.emailAddress.address).toBe(COMMUNICATIONS);
    const stored = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
    expect(stored.caseProps.state).toBe("closed");
    expect(decodeCase(stored.caseProps.record ?? "")).toEqual({ ok: true, case: closed });
  });

  it("on opening IT's confirmation itself: the case it belongs to, confirmed", async () => {
    const w = world();
    const { messageId, case: created } = await forwardedCase("06-english.json");
    await itDoesItsPart(created.id);
    const confirmation = w.tenant
      .storedMessages(COMMUNICATIONS, "inbox")
      .find((m) => m.id !== messageId && m.subject.includes(`[${created.id}]`));
    if (!confirmation) throw new Error("No confirmation arrived");

    const opened = await openItem(w.comms.ctx, w.comms.select(confirmation.id, confirmation.subject));
    expect(opened).toMatchObject({
      kind: "case",
      message: { id: messageId },
      openedVia: { id: confirmation.id },
      reconciled: ["confirmationLinked"],
      case: { id: created.id, state: "confirmed" },
    });
  });

  it("from the dashboard, without opening the case", async () => {
    const w = world();
    const first = await forwardedCase("02-freeform-es.json");
    const second = await forwardedCase("04-urgent.json");
    await itDoesItsPart(first.case.id);

    const page = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
    expect(page.rows.map((r) => r.case.state).sort()).toEqual(["forwarded", "forwarded"]);
    const linked = await syncConfirmations(w.comms.ctx, COMMUNICATIONS, page.rows);
    expect(linked).toBe(1);

    const after = await firstDashboardPage(w.comms.ctx, COMMUNICATIONS);
    const byId = new Map(after.rows.map((r) => [r.case.id, r.case]));
    expect(byId.get(first.case.id)?.state).toBe("confirmed");
    expect(byId.get(second.case.id)?.state).toBe("forwarded");
    const sentEntry = byId.get(first.case.id)?.history.find((h) => h.action === "sent");
    expect(sentEntry?.evidence?.recipientCount).toBe(
      first.case.fields.audiences.reduce((sum, a) => sum + graphCountOf(w, a), 0),
    );
    // A second sync finds nothing new.
    expect(await syncConfirmations(w.comms.ctx, COMMUNICATIONS, after.rows)).toBe(0);
  });
});
