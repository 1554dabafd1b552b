// A claim's draft that has left Drafts is taken as proof that its mail went out (claims.ts draftStatus → "gone").
// So a draft that a claim names may be deleted only once the claim no longer names it: else a failure at the
// wrong moment makes the product record a mail as sent that never left. Each test loses one write at that moment
// on the embedded tenant and checks the one invariant: the step is recorded as sent only with its copy sent, once.
import { decodeCase, encodeCase } from "../../src/domain/codec";
import type { Case } from "../../src/domain/types";
import type { MailService } from "../../src/ports/mailService";
import type { WorkflowContext } from "../../src/workflow/context";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { newCase } from "../support/cases";
import { losingStepWrite } from "../support/gates";
import { secondPane } from "../support/secondPane";
import { storedOfKind, storedProp } from "../support/procedure";
import { successfulSends } from "../support/requestLog";
import type { World } from "../support/world";
import {
  COMMUNICATIONS,
  IT,
  SECOND_PROFESSIONAL,
  setupWorld,
  specWithSecondProfessional,
} from "../support/world";

const world = setupWorld({ spec: specWithSecondProfessional() });

function requestRecord(w: World, messageId: string): Case {
  const found = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
  const decoded = decodeCase(found ? (storedProp(found, "record") ?? "") : "");
  if (!decoded.ok) throw new Error(decoded.detail);
  return decoded.case;
}

/** What the tenant really sent: the forwards in Sent Items and the POST …/send it accepted. */
function sentForwards(w: World, caseId: string) {
  w.afterSentItemsDelay();
  return {
    copies: storedOfKind(w, COMMUNICATIONS, "sentitems", caseId, "forward").length,
    sends: successfulSends(w.tenant).length,
    inIt: w.tenant.storedMessages(IT, "inbox").length,
  };
}

/** The invariant: a forward recorded on the request went out exactly once; one not recorded, never. */
function expectRecordedOnlyIfSent(w: World, messageId: string, caseId: string) {
  const recorded = requestRecord(w, messageId).state === "forwarded";
  expect(sentForwards(w, caseId)).toEqual(
    recorded ? { copies: 1, sends: 1, inIt: 1 } : { copies: 0, sends: 0, inIt: 0 },
  );
}

/** The claim the JSON record being written holds, if any. */
function claimIn(props: Parameters<MailService["writeCaseProps"]>[2]) {
  const json = props.record;
  return json ? (JSON.parse(json) as { claim?: { token: string; draftId?: string } }).claim : undefined;
}

/**
 * The same context, whose writes of the request's record that name a draft in the claim reach the server but
 * answer 503 (every attempt, the adapter's retries included), as when the connection drops after the write; the
 * step's write (no claim) goes through.
 */
function losingDraftNaming(ctx: WorkflowContext, w: World): WorkflowContext {
  let rule: string | undefined;
  const real = ctx.mail;
  const mail = new Proxy(real, {
    get(target, property) {
      if (property === "writeCaseProps") {
        return async (...args: Parameters<MailService["writeCaseProps"]>) => {
          const [, id, props] = args;
          if (claimIn(props)?.draftId && !rule) {
            rule = w.tenant.faults.add({
              method: "PATCH",
              url: `/messages/${id}`,
              effect: { kind: "failAfterEffect", as: "503" },
            }).id;
          } else if (!claimIn(props) && rule) {
            w.tenant.faults.remove(rule);
            rule = undefined;
          }
          return target.writeCaseProps(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { ...ctx, mail };
}

describe("a claim's draft is deleted only once the claim no longer names it", () => {
  it("A: the write naming the draft reached the server but its answer was lost", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    const first = await forwardToIt(losingDraftNaming(w.comms.ctx, w), COMMUNICATIONS, messageId).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(w.tenant.faults.list()).toEqual([]);
    expectRecordedOnlyIfSent(w, messageId, created.id);
    // Nothing went out and the error stands; the claim let its draft go first, then the draft was deleted.
    expect(first).toMatchObject({ code: "unavailable" });
    expect(requestRecord(w, messageId).claim).toBeUndefined();
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);

    const settled = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(settled.state).toBe("forwarded");
    expect(sentForwards(w, created.id)).toEqual({ copies: 1, sends: 1, inIt: 1 });
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });

  it("A': the send was refused for certain after the claim named the draft", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    // Graph throttles every /send (not executed) past the adapter's retries: a definite failure.
    const refused = w.tenant.faults.add({
      method: "POST",
      url: /\/send$/,
      effect: { kind: "throttle", retryAfterSeconds: 1 },
    });
    const first = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId).then(
      () => undefined,
      (e: unknown) => e,
    );
    w.tenant.faults.remove(refused.id);
    expectRecordedOnlyIfSent(w, messageId, created.id);
    expect(first).toBeDefined();
    expect(requestRecord(w, messageId).claim).toBeUndefined();
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);

    expect((await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId)).state).toBe("forwarded");
    expect(sentForwards(w, created.id)).toEqual({ copies: 1, sends: 1, inIt: 1 });
  });

  it("B: the send failed and the claim's release was lost", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    // Every /send is refused (not executed); the write that releases the claim afterwards is lost.
    const refused = w.tenant.faults.add({ method: "POST", url: /\/send$/, effect: { kind: "unavailable" } });
    await expect(
      forwardToIt(losingStepWrite(w.comms.ctx, w.tenant.faults), COMMUNICATIONS, messageId),
    ).rejects.toMatchObject({ code: "unavailable" });
    w.tenant.faults.remove(refused.id);
    expect(w.tenant.faults.list()).toEqual([]);
    expect(requestRecord(w, messageId).claim?.draftId).toBeDefined();

    // The next try must not take the claim's draft for a sent one: it finds the claim, not a sent forward.
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId).catch((e: unknown) => {
      expect(e).toMatchObject({ code: "claimedByOther" });
    });
    expectRecordedOnlyIfSent(w, messageId, created.id);

    w.clock.advance(11 * 60_000);
    const taken = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId, undefined, { takeOver: true });
    expect(taken.state).toBe("forwarded");
    expect(sentForwards(w, created.id)).toEqual({ copies: 1, sends: 1, inIt: 1 });
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });

  it("C: taking over a stale claim whose write of our claim fails", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "04-urgent.json");
    // Luis's pane claimed, made its draft and stopped before sending it.
    const draft = await w.comms.ctx.mail.createDraft(COMMUNICATIONS, {
      subject: "FW: borrador de Luis",
      bodyHtml: "<p>x</p>",
      caseProps: { caseId: created.id, kind: "forward" },
    });
    const message = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
    const claim = {
      token: "left-behind",
      step: "forward" as const,
      by: SECOND_PROFESSIONAL,
      for: COMMUNICATIONS,
      since: w.clock.now().toISOString(),
      draftId: draft.id,
    };
    await w.comms.ctx.mail.writeCaseProps(
      COMMUNICATIONS,
      messageId,
      { record: encodeCase({ ...requestRecord(w, messageId), claim }) },
      { ifMatch: message.etag },
    );
    w.clock.advance(11 * 60_000);

    // Every write of the request's record is refused while this pane takes the claim over.
    const refused = w.tenant.faults.add({
      method: "PATCH",
      url: `/messages/${messageId}`,
      effect: { kind: "unavailable" },
    });
    await expect(
      forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId, undefined, { takeOver: true }),
    ).rejects.toMatchObject({ code: "unavailable" });
    w.tenant.faults.remove(refused.id);
    expect(requestRecord(w, messageId).claim?.token).toBe("left-behind");

    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId).catch((e: unknown) => {
      expect(e).toMatchObject({ code: "claimedByOther", details: { stale: 1 } });
    });
    expectRecordedOnlyIfSent(w, messageId, created.id);

    const taken = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId, undefined, { takeOver: true });
    expect(taken.state).toBe("forwarded");
    expect(sentForwards(w, created.id)).toEqual({ copies: 1, sends: 1, inIt: 1 });
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });
  /**
   * Right before our pane writes its draft into its claim, a taker's claim replaces ours on the record, written
   * through `takerMail` (Luis's own pane, or our pane's own mail service): nothing is sent, the taker's claim is
   * untouched, and our draft (named in no claim) is deleted by the workflow.
   */
  async function takenOverBeforeNaming(w: ReturnType<typeof world>, taker: "luis" | "ours") {
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    const other = { token: "taker", step: "forward" as const, by: SECOND_PROFESSIONAL, since: "" };
    let takenOver = false;
    const real = w.comms.ctx.mail;
    const takerMail =
      taker === "luis" ? (await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS)).ctx.mail : real;
    const mail = new Proxy(real, {
      get(target, property) {
        if (property === "writeCaseProps") {
          return async (...args: Parameters<MailService["writeCaseProps"]>) => {
            if (claimIn(args[2])?.draftId && !takenOver) {
              takenOver = true;
              const since = w.clock.now().toISOString();
              const current = requestRecord(w, messageId);
              await takerMail.writeCaseProps(COMMUNICATIONS, messageId, {
                record: encodeCase({ ...current, claim: { ...other, since } }),
              });
            }
            return target.writeCaseProps(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await expect(forwardToIt({ ...w.comms.ctx, mail }, COMMUNICATIONS, messageId)).rejects.toMatchObject({
      code: "claimedByOther",
      details: { by: SECOND_PROFESSIONAL },
    });
    expect(takenOver).toBe(true);
    expectRecordedOnlyIfSent(w, messageId, created.id);
    expect(requestRecord(w, messageId).claim?.token).toBe("taker");
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  }
  it("D: the claim is taken over just before the draft is named in it", async () => {
    await takenOverBeforeNaming(world(), "luis");
  });
  it("D': the same, the taker's write made through our own mail service inside the naming's window", async () => {
    // A wrapper of the naming write starts the takeover at once through our pane's own mail service: a write that
    // does not name our draft must never be taken for the naming the /send may follow.
    await takenOverBeforeNaming(world(), "ours");
  });
  it("E: the claim is taken over while the draft is made: the batched naming is refused, the send never runs", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "01-structured-es.json");
    const luis = await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS);
    const real = w.comms.ctx.mail;
    // Luis's claim replaces ours before the forward's draft exists: the naming write (If-Match on our etag) goes in
    // one $batch with the draft's PATCH and the /send, which depends on it.
    const mail = new Proxy(real, {
      get(target, property) {
        if (property === "forward") {
          return async (...args: Parameters<MailService["forward"]>) => {
            const since = w.clock.now().toISOString();
            const claim = { token: "taker", step: "forward" as const, by: SECOND_PROFESSIONAL, since };
            await luis.ctx.mail.writeCaseProps(COMMUNICATIONS, messageId, {
              record: encodeCase({ ...requestRecord(w, messageId), claim }),
            });
            return target.forward(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await expect(forwardToIt({ ...w.comms.ctx, mail }, COMMUNICATIONS, messageId)).rejects.toMatchObject({
      code: "claimedByOther",
      details: { by: SECOND_PROFESSIONAL },
    });
    // The naming went in a $batch and was refused (412); the /send that depended on it never reached the mailbox.
    const refusedNaming = w.tenant.log
      .filter({ method: "PATCH", url: `/messages/${messageId}` })
      .filter((e) => e.batchStepId !== undefined && e.status === 412);
    expect(refusedNaming).toHaveLength(1);
    expect(w.tenant.log.filter({ method: "POST", url: /\/send$/ })).toEqual([]);
    expectRecordedOnlyIfSent(w, messageId, created.id);
    expect(requestRecord(w, messageId).claim?.token).toBe("taker");
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });
});
