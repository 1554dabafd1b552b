// Issue #14, points 1 and 2, on the embedded tenant: two people (or two panes) acting on the same case at the
// same moment produce exactly one effect per step — the second is told who is doing it and since when — a stale
// claim can be taken over explicitly, a create whose answer was lost leaves no draft behind, and the record
// keeps reading without claims.
import { decodeCase, encodeCase } from "../../src/domain/codec";
import type { AppError } from "../../src/domain/errors";
import { decodeItRecord } from "../../src/domain/itRecord";
import type { MessageKind } from "../../src/ports/mailService";
import type { WorkflowContext } from "../../src/workflow/context";
import { forwardToIt } from "../../src/workflow/actions/forwardToIt";
import { relayToRequester } from "../../src/workflow/actions/relayToRequester";
import { sendReminder } from "../../src/workflow/actions/sendReminder";
import { audienceCounts } from "../../src/workflow/it/groups";
import { confirmToCommunications, prepareMassMail, sendMassMail } from "../../src/workflow/it/itActions";
import { chooseSender } from "../../src/workflow/it/senders";
import { newCase, openCase } from "../support/cases";
import { barrier, holdingWrites } from "../support/gates";
import {
  itSendsAndConfirms,
  openForward,
  prepareForCase,
  storedOfKind,
  storedProp,
} from "../support/procedure";
import type { ItCase } from "../support/procedure";
import { successfulSends } from "../support/requestLog";
import { secondPane } from "../support/secondPane";
import type { World } from "../support/world";
import {
  COMMUNICATIONS,
  IT,
  OPERATOR,
  PROFESSIONAL,
  SECOND_PROFESSIONAL,
  setupWorld,
  specWithSecondProfessional,
} from "../support/world";

const world = setupWorld({ spec: specWithSecondProfessional() });

function requestRecord(w: World, messageId: string) {
  const found = w.tenant.storedMessages(COMMUNICATIONS, "inbox").find((m) => m.id === messageId);
  const decoded = decodeCase(found ? (storedProp(found, "record") ?? "") : "");
  if (!decoded.ok) throw new Error(decoded.detail);
  return decoded.case;
}

function itRecord(w: World, messageId: string) {
  const found = w.tenant.storedMessages(IT, "inbox").find((m) => m.id === messageId);
  const decoded = decodeItRecord(found ? (storedProp(found, "itRecord") ?? "") : "");
  if (!decoded.ok) throw new Error(decoded.detail);
  return decoded.record;
}

/** Both panes have read the record (the same etag) before either writes anything. */
function bothRead(a: WorkflowContext, b: WorkflowContext): [WorkflowContext, WorkflowContext] {
  const gateBoth = barrier(2);
  return [holdingWrites(a, gateBoth), holdingWrites(b, gateBoth)];
}

/** One of the two ran; the other was refused with claimedByOther naming the one who ran. */
function oneWonOneRefused(
  results: PromiseSettledResult<unknown>[],
  users: [string, string],
  step: string,
): { winner: string } {
  const won = results.findIndex((r) => r.status === "fulfilled");
  const lost = results.findIndex((r) => r.status === "rejected");
  expect([won, lost].sort()).toEqual([0, 1]);
  const refusal = (results[lost] as PromiseRejectedResult).reason as unknown;
  // (The second pane's AppError class is its own module copy: matched by shape.)
  expect(refusal).toMatchObject({
    code: "claimedByOther",
    details: { by: users[won], step, stale: 0 },
  });
  expect(Date.parse(String((refusal as AppError).details?.since))).not.toBeNaN();
  return { winner: users[won] ?? "" };
}

function copies(w: World, mailbox: string, caseId: string, kind: MessageKind) {
  w.afterSentItemsDelay();
  return storedOfKind(w, mailbox, "sentitems", caseId, kind);
}

async function forwarded(w: World) {
  const created = await newCase(w, "01-structured-es.json");
  await forwardToIt(w.comms.ctx, COMMUNICATIONS, created.messageId);
  w.clock.advance(60 * 60_000);
  return created;
}

async function itOpened(w: World, caseId: string): Promise<ItCase> {
  return openForward(w, caseId);
}

describe("two people at the same moment: one effect, the other sees the claim", () => {
  it("forward: one forward to IT, Luis is told Ana is forwarding (or the other way round)", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "02-freeform-es.json");
    const luis = await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS);
    const [ana, luisCtx] = bothRead(w.comms.ctx, luis.ctx);
    const results = await Promise.allSettled([
      forwardToIt(ana, COMMUNICATIONS, messageId),
      luis.forwardToIt(luisCtx, COMMUNICATIONS, messageId),
    ]);
    oneWonOneRefused(results, [PROFESSIONAL, SECOND_PROFESSIONAL], "forward");
    expect(copies(w, COMMUNICATIONS, created.id, "forward")).toHaveLength(1);
    expect(w.tenant.storedMessages(IT, "inbox")).toHaveLength(1);
    const stored = requestRecord(w, messageId);
    expect(stored.state).toBe("forwarded");
    expect(stored.claim).toBeUndefined();
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
  });

  it("reminder: one reminder, the other is refused", async () => {
    const w = world();
    const { messageId, case: created } = await forwarded(w);
    const luis = await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS);
    const [ana, luisCtx] = bothRead(w.comms.ctx, luis.ctx);
    const results = await Promise.allSettled([
      sendReminder(ana, COMMUNICATIONS, messageId),
      luis.sendReminder(luisCtx, COMMUNICATIONS, messageId),
    ]);
    const { winner } = oneWonOneRefused(results, [PROFESSIONAL, SECOND_PROFESSIONAL], "reminder");
    expect(copies(w, COMMUNICATIONS, created.id, "reminder")).toHaveLength(1);
    const stored = requestRecord(w, messageId);
    expect(stored.history.filter((h) => h.action === "reminded").map((h) => h.by)).toEqual([winner]);
    expect(stored.claim).toBeUndefined();
    // The claim is over: a later reminder is allowed again.
    w.clock.advance(24 * 60 * 60_000);
    await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(copies(w, COMMUNICATIONS, created.id, "reminder")).toHaveLength(2);
  });

  it("relay: one relay to the requester, the other is refused", async () => {
    const w = world();
    const { messageId, case: created } = await forwarded(w);
    await itSendsAndConfirms(w, created.id);
    w.clock.advance(60_000);
    expect((await openCase(w.comms, messageId)).case.state).toBe("confirmed");
    const luis = await secondPane(w, SECOND_PROFESSIONAL, COMMUNICATIONS);
    const [ana, luisCtx] = bothRead(w.comms.ctx, luis.ctx);
    const results = await Promise.allSettled([
      relayToRequester(ana, COMMUNICATIONS, messageId),
      luis.relayToRequester(luisCtx, COMMUNICATIONS, messageId),
    ]);
    oneWonOneRefused(results, [PROFESSIONAL, SECOND_PROFESSIONAL], "relay");
    expect(copies(w, COMMUNICATIONS, created.id, "relay")).toHaveLength(1);
    expect(
      w.tenant
        .storedMessages(created.requester.address, "inbox")
        .filter((m) => m.subject.includes(created.id)),
    ).toHaveLength(1);
    expect(requestRecord(w, messageId)).toMatchObject({ state: "closed" });
    expect(requestRecord(w, messageId).claim).toBeUndefined();
  });

  it("IT: one mass-mail draft, one mass send, one confirmation from two panes on tic@", async () => {
    const w = world();
    const { case: created } = await forwarded(w);
    const opened = await itOpened(w, created.id);
    const other = await secondPane(w, OPERATOR, IT);
    const counts = await audienceCounts(w.it.ctx);
    const input = {
      audiences: opened.summary.fields.audiences,
      counts,
      sender: chooseSender(w.config, opened.summary),
    };

    let [a, b] = bothRead(w.it.ctx, other.ctx);
    let results = await Promise.allSettled([
      prepareMassMail(a, opened, input),
      other.prepareMassMail(b, opened, input),
    ]);
    oneWonOneRefused(results, [OPERATOR, OPERATOR], "massMailDraft");
    expect(storedOfKind(w, IT, "drafts", created.id, "massMail")).toHaveLength(1);

    [a, b] = bothRead(w.it.ctx, other.ctx);
    results = await Promise.allSettled([sendMassMail(a, opened), other.sendMassMail(b, opened)]);
    oneWonOneRefused(results, [OPERATOR, OPERATOR], "massMailSend");
    expect(copies(w, IT, created.id, "massMail")).toHaveLength(1);
    expect(storedOfKind(w, IT, "drafts", created.id, "massMail")).toHaveLength(0);

    [a, b] = bothRead(w.it.ctx, other.ctx);
    results = await Promise.allSettled([
      confirmToCommunications(a, opened),
      other.confirmToCommunications(b, opened),
    ]);
    oneWonOneRefused(results, [OPERATOR, OPERATOR], "confirmation");
    expect(copies(w, IT, created.id, "confirmation")).toHaveLength(1);
    expect(
      w.tenant.storedMessages(COMMUNICATIONS, "inbox").filter((m) => m.subject.includes(created.id)),
    ).toHaveLength(1);
    const record = itRecord(w, opened.message.id);
    expect(record.state).toBe("confirmed");
    expect(record.claim).toBeUndefined();
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(0);
  });
});

describe("a stale claim", () => {
  /** Writes a claim into the request's record as a pane that stopped after claiming would have left it. */
  async function leaveClaim(w: World, messageId: string, by: string, draftId?: string) {
    const c = requestRecord(w, messageId);
    const claim = {
      token: "left-behind",
      step: "forward" as const,
      by,
      for: COMMUNICATIONS,
      since: w.clock.now().toISOString(),
      ...(draftId ? { draftId } : {}),
    };
    const message = await w.comms.ctx.mail.getMessage(COMMUNICATIONS, messageId);
    await w.comms.ctx.mail.writeCaseProps(
      COMMUNICATIONS,
      messageId,
      { record: encodeCase({ ...c, claim }) },
      { ifMatch: message.etag },
    );
  }

  it("blocks until it is old, is then reported stale, and is taken over only when asked", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "04-urgent.json");
    // Luis's pane made its draft and stopped before sending it.
    const draft = await w.comms.ctx.mail.createDraft(COMMUNICATIONS, {
      subject: "FW: borrador de Luis",
      bodyHtml: "<p>x</p>",
      caseProps: { caseId: created.id, kind: "forward" },
    });
    await leaveClaim(w, messageId, SECOND_PROFESSIONAL, draft.id);

    await expect(forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId)).rejects.toMatchObject({
      code: "claimedByOther",
      details: { by: SECOND_PROFESSIONAL, step: "forward", stale: 0 },
    });
    // Not stale yet: taking over is refused too.
    await expect(
      forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId, undefined, { takeOver: true }),
    ).rejects.toMatchObject({ code: "claimedByOther", details: { stale: 0 } });

    w.clock.advance(11 * 60_000);
    await expect(forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId)).rejects.toMatchObject({
      code: "claimedByOther",
      details: { by: SECOND_PROFESSIONAL, stale: 1 },
    });
    expect(successfulSends(w.tenant)).toHaveLength(0);

    const taken = await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId, undefined, { takeOver: true });
    expect(taken.state).toBe("forwarded");
    expect(taken.history.at(-1)).toMatchObject({ action: "forwarded", by: PROFESSIONAL });
    expect(copies(w, COMMUNICATIONS, created.id, "forward")).toHaveLength(1);
    // Luis's unsent draft went with his claim: nothing is left for someone to send later.
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
    expect(requestRecord(w, messageId).claim).toBeUndefined();
  });

  it("whose draft left Drafts is a sent forward: recorded at once, never sent again", async () => {
    const w = world();
    const { messageId, case: created } = await newCase(w, "06-english.json");
    // Luis's pane claimed, made its draft and sent it (the draft left Drafts), then closed before recording.
    await leaveClaim(w, messageId, SECOND_PROFESSIONAL, "AAMkAGone=");
    const opened = await openCase(w.comms, messageId);
    expect(opened.reconciled).toEqual(["forwardRecovered"]);
    expect(opened.case.state).toBe("forwarded");
    expect(opened.case.history.at(-1)).toMatchObject({ by: SECOND_PROFESSIONAL, action: "forwarded" });
    expect(opened.case.claim).toBeUndefined();
    await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(successfulSends(w.tenant)).toHaveLength(0);
    expect(storedOfKind(w, COMMUNICATIONS, "sentitems", created.id, "forward")).toHaveLength(0);
  });
});

describe("a create whose answer was lost leaves no draft behind", () => {
  const lost = { kind: "failAfterEffect", as: "503" } as const;

  it.each([
    ["forward", /createForward$/],
    ["reminder", /createReply$/],
  ] as const)("%s", async (name, url) => {
    const w = world();
    const { messageId, case: created } =
      name === "forward" ? await newCase(w, "03-flyer-attachment.json") : await forwarded(w);
    const sendsBefore = successfulSends(w.tenant).length;
    w.tenant.faults.add({ method: "POST", url, effect: lost, times: 1 });
    if (name === "forward") await forwardToIt(w.comms.ctx, COMMUNICATIONS, messageId);
    else await sendReminder(w.comms.ctx, COMMUNICATIONS, messageId);
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
    expect(successfulSends(w.tenant).length - sendsBefore).toBe(1);
    expect(copies(w, COMMUNICATIONS, created.id, name)).toHaveLength(1);
  });

  it("relay", async () => {
    const w = world();
    const { messageId, case: created } = await forwarded(w);
    await itSendsAndConfirms(w, created.id);
    await openCase(w.comms, messageId);
    const sendsBefore = successfulSends(w.tenant).length;
    w.tenant.faults.add({ method: "POST", url: /createReply$/, effect: lost, times: 1 });
    expect((await relayToRequester(w.comms.ctx, COMMUNICATIONS, messageId)).state).toBe("closed");
    expect(w.tenant.storedMessages(COMMUNICATIONS, "drafts")).toHaveLength(0);
    expect(successfulSends(w.tenant).length - sendsBefore).toBe(1);
    expect(copies(w, COMMUNICATIONS, created.id, "relay")).toHaveLength(1);
  });

  it("mass-mail draft and confirmation", async () => {
    const w = world();
    const { case: created } = await forwarded(w);
    const opened = await itOpened(w, created.id);
    w.tenant.faults.add({ method: "POST", url: /\/messages$/, effect: lost, times: 1 });
    const prepared = await prepareForCase(w, opened);
    expect(storedOfKind(w, IT, "drafts", created.id, "massMail").map((d) => d.id)).toEqual([
      prepared.draftId,
    ]);
    const sendsBefore = successfulSends(w.tenant).length;
    await sendMassMail(w.it.ctx, opened);
    w.tenant.faults.add({ method: "POST", url: /createReply$/, effect: lost, times: 1 });
    expect((await confirmToCommunications(w.it.ctx, opened)).state).toBe("confirmed");
    expect(w.tenant.storedMessages(IT, "drafts")).toHaveLength(0);
    expect(successfulSends(w.tenant).length - sendsBefore).toBe(2);
    expect(copies(w, IT, created.id, "massMail")).toHaveLength(1);
    expect(copies(w, IT, created.id, "confirmation")).toHaveLength(1);
  });
});

describe("records without claims", () => {
  it("an old record (no claim key) decodes, and a record with a claim round-trips", () => {
    const old =
      '{"v":1,"id":"CM-2612-7F3K","state":"received","createdAt":"2026-12-01T10:00:00Z",' +
      '"requester":{"address":"unidad@example.edu"},"fields":{"requestingUnit":"U","desiredSender":"U",' +
      '"subject":"S","audiences":["estudiantes"],"urgency":"normal","attachmentIds":[]},' +
      '"dueDate":"2026-12-04","history":[{"t":"2026-12-01T10:00:00Z","b":"ana@example.edu","a":"created"}]}';
    const decoded = decodeCase(old);
    if (!decoded.ok) throw new Error(decoded.detail);
    expect(decoded.case.claim).toBeUndefined();
    const claimed = {
      ...decoded.case,
      claim: { token: "t-1", step: "forward" as const, by: "ana@example.edu", since: "2026-12-01T10:01:00Z" },
    };
    expect(decodeCase(encodeCase(claimed))).toEqual({ ok: true, case: claimed });
    expect(encodeCase(decoded.case)).toBe(old);
    const it = decodeItRecord('{"v":1,"caseId":"CM-2612-7F3K","state":"received","groups":[]}');
    expect(it).toEqual({ ok: true, record: { v: 1, caseId: "CM-2612-7F3K", state: "received", groups: [] } });
  });
});
