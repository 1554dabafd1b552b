// Issue #4 on the embedded tenant: every action sends its mail exactly once — under twenty fast clicks, when
// the pane closes between the send and the record, when two professionals act at once, and when Graph
// throttles or fails — and a record that cannot be read is never overwritten.
import { decodeCase, encodeCase } from "../../src/domain/codec";
import { AppError } from "../../src/domain/errors";
import type { Case } from "../../src/domain/types";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { cancelCase } from "../../src/workflow/actions/cancelCase";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { stateCategory } from "../../src/workflow/categories";
import { confirmToCommunications, sendMassMail } from "../../src/workflow/it/itActions";
import { openItem } from "../../src/workflow/openItem";
import { newCase, openCase } from "../support/cases";
import {
  itSendsAndConfirms,
  openForward,
  prepareForCase,
  storedOfKind,
  storedProp,
} from "../support/procedure";
import { countByRoute, logged, routeMatcher, sendAttempts, successfulSends } from "../support/requestLog";
import { barrier, gate, holdingWrites, losingStepWrite } from "../support/gates";
import { secondPane } from "../support/secondPane";
import type { World } from "../support/world";
import {
  COMMUNICATIONS,
  IT,
  OPERATOR,
  PROFESSIONAL,
  SECOND_PROFESSIONAL,
  makeWorld,
  setupWorld,
  specWithSecondProfessional,
} from "../support/world";

const world = setupWorld();

const TWENTY = Array.from({ length: 20 }, (_, i) => i);

function requestMessage(w: World, messageId: string) {
  const found = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
  if (!found) throw new Error("The request message is gone");
  return found;
}

async function forwardedCase(w: World, fixture = "01-structured-es.json") {
  const created = await newCase(w, fixture);
  const forwarded = await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.clock.advance(60 * 60_000);
  return { messageId: created.messageId, case: forwarded };
}

describe("(a) twenty concurrent clicks send one message per action", () => {
  it("forward, reminder and relay each go out once", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");

    const forwards = await Promise.all(TWENTY.map(() => forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId)));
    expect(new Set(forwards.map((c) => JSON.stringify(c))).size).toBe(1);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward")).toHaveLength(1);
    expect(successfulSends(w.tenant)).toHaveLength(1);
    expect(w.tenant.storedMessages(IT, "inbox")).toHaveLength(1);
    w.clock.advance(5 * 24 * 60 * 60_000);

    const reminded = await Promise.all(
      TWENTY.map(() => sendReminder(w.comms.ctx, COMMUNICATIONS, messageId)),
    );
    expect(reminded.every((c) => c.history.filter((h) => h.action === "reminded").length === 1)).toBe(true);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "reminder")).toHaveLength(1);
    expect(successfulSends(w.tenant)).toHaveLength(2);
    expect(w.tenant.storedMessages(IT, "inbox")).toHaveLength(2);

    await itSendsAndConfirms(w, created.id);
    w.clock.advance(60_000);
    expect((await openCase(w.comms, messageId)).case.state).toBe("confirmed");
    const sendsBeforeRelay = successfulSends(w.tenant).length;

    const relays = await Promise.all(
      TWENTY.map(() => relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId)),
    );
    expect(relays.every((c) => c.state === "closed")).toBe(true);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "relay")).toHaveLength(1);
    expect(successfulSends(w.tenant)).toHaveLength(sendsBeforeRelay + 1);
    const requesterInbox = w.tenant
      .storedMessages(created.requester.address, "inbox")
      .filter((m) => m.subject.includes(created.id));
    expect(requesterInbox).toHaveLength(1);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });
});

describe("(b) the pane closed after the forward was sent but before the record was written", () => {
  it("opening the request again records the forward from Sent Items and never sends a second one", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "06-english.json");
    // Every attempt of the step's record PATCH fails (the adapter retries a PATCH three times): the action
    // stops with the mail sent and the record still "received", as if the pane had closed. (The claim's own
    // writes before the send go through.)
    await expect(
      forwardToIt(losingStepWrite(w.comms.ctx, w.tenant.faults), COMMUNICATIONS, messageId),
    ).rejects.toMatchObject({ code: "unavailable" });
    expect(w.tenant.faults.list()).toEqual([]);
    expect(storedProp(requestMessage(w, messageId), "state")).toBe("received");
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward")).toHaveLength(1);

    w.clock.advance(10 * 60_000);
    const opened = await openCase(w.comms, messageId);
    expect(opened.reconciled).toEqual(["forwardRecovered"]);
    expect(opened.case.state).toBe("forwarded");
    // What the pane is handed back describes the message as it now is.
    expect(opened.message.categories).toEqual([stateCategory("forwarded", "es")]);
    expect(opened.message.caseProps).toMatchObject({ state: "forwarded", caseId: created.id });
    w.afterSentItemsDelay();
    const [sent] = storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward");
    expect(opened.case.history.at(-1)?.evidence).toMatchObject({
      messageId: sent?.id,
      internetMessageId: sent?.internetMessageId,
    });
    expect(storedProp(requestMessage(w, messageId), "state")).toBe("forwarded");

    // Pressing "Forward to IT" again (the pane had shown it as not done) sends nothing.
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(successfulSends(w.tenant)).toHaveLength(1);
    expect(w.tenant.storedMessages(IT, "inbox")).toHaveLength(1);
  });

  it("a second pane that presses Forward while the first pane's record write is lost sends nothing", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "02-freeform-es.json");
    await expect(
      forwardToIt(losingStepWrite(w.comms.ctx, w.tenant.faults), COMMUNICATIONS, messageId),
    ).rejects.toBeInstanceOf(AppError);
    // At once — before Exchange has filed the forward in Sent Items — the second pane presses Forward: the
    // first pane's claim names its draft, which has left Drafts, so the forward is recorded, not sent again.
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward")).toHaveLength(0);
    const other = await secondPane(w, PROFESSIONAL, COMMUNICATIONS);
    const recovered = await other.forwardToIt(other.ctx, COMMUNICATIONS, messageId);
    expect(recovered.state).toBe("forwarded");
    expect(recovered.claim).toBeUndefined();
    expect(successfulSends(w.tenant)).toHaveLength(1);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward")).toHaveLength(1);
    expect(recovered.history.at(-1)?.evidence?.internetMessageId).toBe(
      storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward")[0]?.internetMessageId,
    );
    expect(w.tenant.storedMessages(IT, "inbox")).toHaveLength(1);
  });
});

describe("(b') other lost acknowledgements", () => {
  it("the relay went out but the record did not: opening the case closes it from Sent Items", async () => {
    const w = world();
    const { messageId, case: forwarded } = await forwardedCase(w, "04-urgent.json");
    await itSendsAndConfirms(w, forwarded.id);
    expect((await openCase(w.comms, messageId)).case.state).toBe("confirmed");
    await expect(
      relayToRequester(losingStepWrite(w.comms.ctx, w.tenant.faults), COMMUNICATIONS, messageId),
    ).rejects.toMatchObject({ code: "unavailable" });
    expect(storedProp(requestMessage(w, messageId), "state")).toBe("confirmed");

    w.afterSentItemsDelay();
    const opened = await openCase(w.comms, messageId);
    expect(opened.reconciled).toEqual(["relayRecovered"]);
    expect(opened.case.state).toBe("closed");
    w.afterSentItemsDelay();
    const [relay] = storedOfKind(w, COMMUNICATIONS, "sentitems", forwarded.id, "relay");
    expect(opened.case.history.at(-1)).toMatchObject({
      action: "relayed",
      evidence: { messageId: relay?.id },
    });
    await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", forwarded.id, "relay")).toHaveLength(1);
  });

  it("IT's confirmation went out but IT's record did not: confirming again sends nothing", async () => {
    const w = world();
    const { case: forwarded } = await forwardedCase(w, "02-freeform-es.json");
    const opened = await openForward(w, forwarded.id);
    await prepareForCase(w, opened);
    await sendMassMail(w.it.ctx, opened);
    await expect(
      confirmToCommunications(losingStepWrite(w.it.ctx, w.tenant.faults), opened),
    ).rejects.toMatchObject({ code: "unavailable" });
    w.afterSentItemsDelay();
    expect(storedOfKind(w, IT, "sentitems", forwarded.id, "confirmation")).toHaveLength(1);

    const record = await confirmToCommunications(w.it.ctx, opened);
    expect(record.state).toBe("confirmed");
    w.afterSentItemsDelay();
    const confirmations = storedOfKind(w, IT, "sentitems", forwarded.id, "confirmation");
    expect(confirmations).toHaveLength(1);
    expect(record.confirmed?.messageId).toBe(confirmations[0]?.id);
    expect(
      w.tenant.storedMessages(COMMUNICATIONS, "inbox").filter((m) => m.subject.includes(forwarded.id)),
    ).toHaveLength(1);
  });
});

describe("(c) two professionals at once", () => {
  const spec = specWithSecondProfessional();

  it("two reminders at the same moment: one goes out, the other is told who is sending it (issue #14)", async () => {
    const w = world({ spec });
    const { messageId, case: forwarded } = await forwardedCase(w);
    const luis = await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS);
    // Both panes have read the record (the same etag) before either writes its claim.
    const bothRead = barrier(2);
    const results = await Promise.allSettled([
      sendReminder(holdingWrites(w.comms.ctx, bothRead), COMMUNICATIONS, messageId),
      luis.sendReminder(holdingWrites(luis.ctx, bothRead), COMMUNICATIONS, messageId),
    ]);

    // The loser's claim write met the winner's etag: a 412, then it read the winner's claim.
    expect(w.tenant.log.count({ method: "PATCH", url: `/messages/${messageId}`, status: 412 })).toBe(1);
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    const winner = [PROFESSIONAL, SECOND_PROFESSIONAL][won];
    expect(lost?.reason).toMatchObject({ code: "claimedByOther", details: { by: winner, step: "reminder" } });
    const stored = decodeCase(storedProp(requestMessage(w, messageId), "record") ?? "");
    if (!stored.ok) throw new Error(stored.detail);
    const reminders = stored.case.history.filter((h) => h.action === "reminded");
    expect(reminders.map((h) => h.by)).toEqual([winner]);
    expect(stored.case.history.slice(0, forwarded.history.length)).toEqual(forwarded.history);
    expect(stored.case.claim).toBeUndefined();
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", forwarded.id, "reminder")).toHaveLength(1);
  });

  it("a reminder and a cancellation at the same moment: neither entry is lost", async () => {
    const w = world({ spec });
    const { messageId, case: forwarded } = await forwardedCase(w, "04-urgent.json");
    const luis = await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS);
    // Luis reads the record, Ana's reminder is saved, then Luis saves his cancellation on the old etag.
    const anaSaved = gate();
    const cancelling = luis.cancelCase(
      holdingWrites(luis.ctx, anaSaved.wait),
      COMMUNICATIONS,
      messageId,
      "La unidad retiró la solicitud",
    );
    await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId);
    anaSaved.open();
    const cancelled = await cancelling;
    expect(w.tenant.log.count({ method: "PATCH", url: `/messages/${messageId}`, status: 412 })).toBe(1);

    expect(cancelled.state).toBe("cancelled");
    const stored = decodeCase(storedProp(requestMessage(w, messageId), "record") ?? "");
    if (!stored.ok) throw new Error(stored.detail);
    expect(stored.case.state).toBe("cancelled");
    const actions = stored.case.history.slice(forwarded.history.length).map((h) => [h.action, h.by]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["reminded", PROFESSIONAL],
        ["cancelled", SECOND_PROFESSIONAL],
      ]),
    );
    expect(actions).toHaveLength(2);
  });
});

describe("(d) throttling and failures on any call still give exactly one message", () => {
  /** The route kinds a clean forward uses, learned from a world of its own. */
  async function forwardRoutes(): Promise<string[]> {
    const w = makeWorld();
    try {
      const { messageId } = await newCase(w, "03-flyer-attachment.json");
      const { entries } = await logged(w.tenant, () => forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId));
      return [...countByRoute(entries).keys()];
    } finally {
      w.close();
    }
  }

  it("a 429 with Retry-After, then a 503, on each kind of request of a forward", async () => {
    const routes = await forwardRoutes();
    expect(routes).toEqual(
      expect.arrayContaining(["POST messages/{id}/createForward", "POST messages/{id}/send"]),
    );
    for (const route of routes) {
      for (const effect of [
        { kind: "throttle", retryAfterSeconds: 2 } as const,
        { kind: "unavailable", retryAfterSeconds: 1 } as const,
      ]) {
        const w = makeWorld();
        try {
          const { messageId, case: created } = await newCase(w, "03-flyer-attachment.json");
          const rule = w.tenant.faults.add({ ...routeMatcher(route), effect, times: 1 });
          const forwarded = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
          const where = `${effect.kind} on ${route}`;
          expect([where, w.tenant.faults.list().some((r) => r.id === rule.id)]).toEqual([where, false]);
          expect([where, forwarded.state]).toEqual([where, "forwarded"]);
          w.afterSentItemsDelay();
          expect([where, storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward").length]).toEqual(
            [where, 1],
          );
          expect([where, successfulSends(w.tenant).length]).toEqual([where, 1]);
          expect([where, w.tenant.storedMessages(IT, "inbox").length]).toEqual([where, 1]);
          expect([where, w.tenant.storedMessages(COMMUNICATIONS, "drafts").length]).toEqual([where, 0]);
        } finally {
          w.close();
        }
      }
    }
  });

  it("a reminder and a relay under 429 and 503 on their sends", async () => {
    const w = world();
    const { messageId, case: forwarded } = await forwardedCase(w);
    w.tenant.faults.add({
      method: "POST",
      url: /\/send$/,
      effect: { kind: "throttle", retryAfterSeconds: 3 },
      times: 1,
    });
    w.tenant.faults.add({
      method: "POST",
      url: /createReply$/,
      effect: { kind: "unavailable", retryAfterSeconds: 1 },
      times: 1,
    });
    const reminded = await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(reminded.history.filter((h) => h.action === "reminded")).toHaveLength(1);
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", forwarded.id, "reminder")).toHaveLength(1);

    await itSendsAndConfirms(w, forwarded.id);
    await openCase(w.comms, messageId);
    w.tenant.faults.add({
      method: "POST",
      url: /\/send$/,
      effect: { kind: "failAfterEffect", as: "503" },
      times: 1,
    });
    const closed = await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(closed.state).toBe("closed");
    w.afterSentItemsDelay();
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", forwarded.id, "relay")).toHaveLength(1);
    expect(sendAttempts(w.tenant, PROFESSIONAL).filter((e) => e.status === 503)).toHaveLength(1);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });
});

describe("(d') an unclear send of a second reminder", () => {
  it.each([
    ["a 503 before the send ran", { kind: "unavailable" } as const, 2],
    ["a 503 after the send ran", { kind: "failAfterEffect", as: "503" } as const, 2],
    ["a dropped connection after the send ran", { kind: "failAfterEffect", as: "drop" } as const, 2],
  ])("%s: the earlier reminder is not taken for it", async (_name, effect, reminders) => {
    const w = world();
    const { messageId, case: forwarded } = await forwardedCase(w, "09-english-freeform.json");
    await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId);
    w.clock.advance(2 * 24 * 60 * 60_000);
    w.tenant.faults.add({ method: "POST", url: /\/send$/, effect, times: 1 });

    const after = await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId);

    w.afterSentItemsDelay();
    const sent = storedOfKind(w, COMMUNICATIONS, "sentitems", forwarded.id, "reminder");
    expect(sent).toHaveLength(reminders);
    const entries = after.history.filter((h) => h.action === "reminded");
    expect(entries).toHaveLength(reminders);
    expect(new Set(entries.map((h) => h.evidence?.internetMessageId))).toEqual(
      new Set(sent.map((m) => m.internetMessageId)),
    );
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });
});

describe("(e) a record that cannot be read is reported and never overwritten", () => {
  async function writeRecordDirectly(w: World, messageId: string, value: string): Promise<void> {
    const token = w.tenant.issueToken(PROFESSIONAL);
    const response = await fetch(
      `${w.tenant.baseUrl}/v1.0/users/${COMMUNICATIONS}/messages/${encodeURIComponent(messageId)}`,
      {
        method: "PATCH",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ singleValueExtendedProperties: [{ id: CASE_PROPERTY_IDS.record, value }] }),
      },
    );
    expect(response.status).toBe(200);
  }

  function newerVersionOf(c: Case): string {
    return JSON.stringify({ ...(JSON.parse(encodeCase(c)) as Record<string, unknown>), v: 99 });
  }

  const variants: Array<[string, (c: Case) => string, "invalidRecord" | "newerRecord", string]> = [
    ["corrupt JSON", () => '{"v":1,"id":"CM-2612-', "invalidRecord", "corrupt"],
    ["a newer version", newerVersionOf, "newerRecord", "newerVersion"],
  ];

  it.each(variants)("%s", async (_name, damage, code, reason) => {
    const w = world();
    const { messageId, case: forwarded } = await forwardedCase(w, "10-manana-es.json");
    const damaged = damage(forwarded);
    await writeRecordDirectly(w, messageId, damaged);
    const sendsBefore = successfulSends(w.tenant).length;
    const patchesBefore = w.tenant.log.count({ method: "PATCH", url: `/messages/${messageId}` });

    const opened = await openItem(w.comms.ctx, w.comms.select(messageId));
    expect(opened).toMatchObject({ kind: "unreadable", reason });

    const refusals = [
      forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId),
      sendReminder(w.comms.ctx, COMMUNICATIONS, messageId),
      relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId),
      cancelCase(w.comms.ctx, COMMUNICATIONS, messageId, "duplicada"),
      createCaseFromRequest(w.comms.ctx, {
        mailbox: COMMUNICATIONS,
        messageId,
        requester: forwarded.requester,
        fields: forwarded.fields,
      }),
    ];
    for (const refusal of refusals) await expect(refusal).rejects.toMatchObject({ code });

    // IT's confirmation arriving later does not get linked over it either.
    await itSendsAndConfirms(w, forwarded.id);
    expect(await openItem(w.comms.ctx, w.comms.select(messageId))).toMatchObject({ kind: "unreadable" });

    expect(storedProp(requestMessage(w, messageId), "record")).toBe(damaged);
    expect(w.tenant.log.count({ method: "PATCH", url: `/messages/${messageId}` })).toBe(patchesBefore);
    expect(
      successfulSends(w.tenant, PROFESSIONAL).length +
        successfulSends(w.tenant, OPERATOR).length -
        sendsBefore,
    ).toBe(2); // IT's mass mail and confirmation; nothing from Communications
  });
});
