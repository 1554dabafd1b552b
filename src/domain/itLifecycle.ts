// IT's lifecycle of a case, kept in IT's record on the forward in IT's mailbox (domain/itRecord.ts):
//
//   received → prepared → sent → confirmed
//   received → sent      (the send was found in Sent Items before the draft was recorded: it is a fact)
//   received or prepared → refused    (IT refuses the request, with a reason)
//   received or prepared → cancelled  (Communications cancelled the case before the send, with its reason)
//
// Confirmed, refused and cancelled are final; a sent mass mail cannot be refused or cancelled (mail cannot be
// unsent). One exception: a send scheduled for later (sent.scheduledFor, held by Exchange until then) can be
// withdrawn before that time, from sent or confirmed: the record goes back to received (the draft is gone), or
// to cancelled when Communications cancelled the case. A send before the requested time needs a reason. Each transition appends one entry to the record's history: what, when, who and the mailbox acted for,
// like the case's lifecycle (domain/lifecycle.ts). The guards live here, not in the workflow or the UI, so every
// caller gets the same refusals: `caseCancelled` for work on a case Communications cancelled, otherwise
// `illegalTransition` with details { from, to, action }.
//
// Every function is pure: it returns a new record and never changes the one it was given.
import { AppError } from "./errors";
import type { Act } from "./history";
import type {
  ItAction,
  ItGroup,
  ItHistoryEntry,
  ItRecord,
  ItState,
  ItTestReply,
  ItTestSend,
  SendAsRefusal,
} from "./itRecord";

/** What IT can do on its record; `changeSender` is not a transition (the state stays prepared). */
export type ItStep = "prepare" | "changeSender" | "send" | "confirm" | "refuse" | "cancel" | "withdraw";

export const IT_STEPS: readonly ItStep[] = [
  "prepare",
  "changeSender",
  "send",
  "confirm",
  "refuse",
  "cancel",
  "withdraw",
];

/** Who did a step: the person and the mailbox they acted for (dropped when it is their own). */
export type ItActor = Pick<Act, "at" | "by" | "for">;

/** The states IT's record may move to from `from`. */
export function itNextStates(from: ItState): readonly ItState[] {
  switch (from) {
    case "received":
      return ["prepared", "sent", "refused", "cancelled"];
    case "prepared":
      return ["sent", "refused", "cancelled"];
    case "sent":
      return ["confirmed"];
    case "confirmed":
    case "refused":
    case "cancelled":
      return [];
  }
}

export function canItTransition(from: ItState, to: ItState): boolean {
  return itNextStates(from).includes(to);
}

/** IT still has something to do on the case. */
export function isItOpen(state: ItState): boolean {
  return itNextStates(state).length > 0;
}

/** The mass mail went out (recorded sent or confirmed): a send is never repeated. */
/**
 * The step a record shows: its state, or for a stopped record (cancelled by Communications, refused by IT) the
 * step it stopped at — prepared when it has a draft, received otherwise.
 */
export function itStageOf(r: Pick<ItRecord, "state" | "draftId">): ItState {
  if (r.state !== "cancelled" && r.state !== "refused") return r.state;
  return r.draftId ? "prepared" : "received";
}

export function itMassMailWentOut(r: Pick<ItRecord, "state">): boolean {
  return r.state === "sent" || r.state === "confirmed";
}

/** IT's record before IT did anything. */
export function newItRecord(caseId: string): ItRecord {
  return { v: 1, caseId, state: "received", groups: [] };
}

export interface PreparedDraft {
  draftId: string;
  sender?: ItRecord["sender"];
  senderFallback?: boolean;
  groups: ItGroup[];
}

/** The mass-mail draft exists: its id, who it goes out as and the groups it goes to. */
export function prepareIt(r: ItRecord, draft: PreparedDraft, act: ItActor): ItRecord {
  if (draft.groups.length === 0) {
    throw new AppError("badRequest", "Choose at least one audience", {
      details: { from: r.state, to: "prepared", action: "prepared" },
    });
  }
  const next = transition(r, "prepared", "prepared", act);
  const prepared: ItRecord = { ...next, draftId: draft.draftId, groups: draft.groups.map((g) => ({ ...g })) };
  if (draft.sender !== undefined) prepared.sender = { ...draft.sender };
  if (draft.senderFallback !== undefined) prepared.senderFallback = draft.senderFallback;
  return prepared;
}

/** The prepared draft goes out as another sender (Exchange refused the requested one). The state stays. */
export function changeItSender(
  r: ItRecord,
  sender: NonNullable<ItRecord["sender"]>,
  fallback: boolean,
): ItRecord {
  guardItStep(r, "changeSender");
  return { ...r, sender: { ...sender }, senderFallback: fallback };
}

/**
 * Exchange refused to send the prepared mass mail as its sender (no Send As): remembered on the record, the state
 * unchanged (the draft is as it was; IT may switch to the institutional sender or ask for the permission).
 */
export function rememberSendAsRefusal(r: ItRecord, refusal: SendAsRefusal): ItRecord {
  return { ...r, sendAsRefused: { ...refusal } };
}

/** The latest test round sent (1 for the first test), 0 before any; a record from before rounds says 1. */
export function testRound(r: Pick<ItRecord, "testSend">): number {
  return r.testSend ? (r.testSend.round ?? 1) : 0;
}

/**
 * IT's test send went out (to the requester and Communications): only on a prepared mass mail that has not gone
 * out (the test is built from its draft). The state stays prepared; the history says who sent it and when. Each
 * round is recorded once: a round already recorded (or an older one) leaves the record as it is; a round may
 * only follow the latest one (round 2 after round 1), which it replaces as the record's test.
 */
export function markTestSent(r: ItRecord, test: ItTestSend): ItRecord {
  const round = test.round ?? 1;
  const latest = testRound(r);
  if (latest >= round) return r;
  if (r.state !== "prepared" || !r.draftId) {
    guardStopped(r, "prepared", "testSent");
    throw illegal(r.state, "prepared", "testSent", "Only a prepared mass mail can be sent as a test");
  }
  if (round !== latest + 1) {
    throw new AppError("conflict", `Test ${round} cannot follow test ${latest}`, {
      details: { round, latest },
    });
  }
  return {
    ...r,
    testSend: { ...test, round, to: [...test.to] },
    history: [...(r.history ?? []), entryOf("testSent", test)],
  };
}

/**
 * The requester's answer to the test send, recorded once per reply message (a newer reply replaces an older
 * one); the history keeps the verdict and, for changes asked, their words. Only an answer to the latest round
 * counts: an answer to an earlier test (the draft has changed since) is not recorded.
 */
export function recordTestReply(r: ItRecord, reply: ItTestReply): ItRecord {
  if (!r.testSend || r.testReply?.messageId === reply.messageId) return r;
  if ((reply.round ?? 1) !== testRound(r)) return r;
  if (
    r.testReply &&
    (r.testReply.round ?? 1) === testRound(r) &&
    Date.parse(r.testReply.at) > Date.parse(reply.at)
  )
    return r;
  const action: ItAction = reply.verdict === "approved" ? "testApproved" : "testChangesAsked";
  const note = reply.verdict === "changesAsked" && reply.text !== "" ? reply.text : undefined;
  const entry = entryOf(action, { at: reply.at, by: reply.from, ...(note !== undefined ? { note } : {}) });
  return { ...r, testReply: { ...reply }, history: [...(r.history ?? []), entry] };
}

/**
 * The requester approved IT's latest test send (their latest answer to it). An approval of an earlier round does
 * not count: the draft changed after it, and the requester has not seen the change.
 */
export function testApproved(r: Pick<ItRecord, "testSend" | "testReply">): boolean {
  return !!r.testSend && r.testReply?.verdict === "approved" && (r.testReply.round ?? 1) === testRound(r);
}

/**
 * The mass mail went out (or was handed to Exchange to leave at `scheduledFor`); `sent` are its facts (when, who,
 * its internetMessageId, its Sent Items copy). `requestedFor` is when the requester asked for it: going out
 * before that needs `earlyReason`, which the history keeps as the entry's note.
 */
export function markItSent(
  r: ItRecord,
  sent: NonNullable<ItRecord["sent"]>,
  requestedFor?: string,
): ItRecord {
  const leaves = sent.scheduledFor ?? sent.at;
  const early = requestedFor !== undefined && Date.parse(leaves) < Date.parse(requestedFor);
  const reason = sent.earlyReason?.trim() ?? "";
  if (early && reason === "") {
    throw illegal(r.state, "sent", "sent", "Sending before the requested date and time needs a reason");
  }
  const facts = { ...sent };
  if (reason === "") delete facts.earlyReason;
  else facts.earlyReason = reason;
  const next = transition(r, "sent", "sent", reason === "" ? sent : { ...sent, note: reason });
  return { ...next, sent: facts };
}

/** A scheduled send that has not left yet: what can be withdrawn (until `scheduledFor`). */
export function itScheduledPending(r: ItRecord, now: Date): boolean {
  const due = r.sent?.scheduledFor;
  return (
    (r.state === "sent" || r.state === "confirmed") && due !== undefined && Date.parse(due) > now.getTime()
  );
}

/**
 * IT withdraws a scheduled send before it leaves (its held message was deleted): back to received, with no draft
 * and no send facts, so the mass mail can be prepared again; when Communications cancelled the case, straight on
 * to cancelled with Communications' reason.
 */
export function withdrawItSend(
  r: ItRecord,
  act: ItActor & { reason?: string; cancelled?: { reason: string; at: string; by: string } },
): ItRecord {
  guardItStep(r, "withdraw", new Date(act.at));
  const scheduledFor = r.sent?.scheduledFor ?? "";
  const reason = act.reason?.trim() ?? "";
  const entry = entryOf("withdrawn", reason === "" ? act : { ...act, note: reason });
  const withdrawn: NonNullable<ItRecord["withdrawn"]> = { at: act.at, ...actor(act), scheduledFor };
  if (reason !== "") withdrawn.reason = reason;
  const back: ItRecord = {
    v: r.v,
    caseId: r.caseId,
    state: "received",
    groups: r.groups.map((g) => ({ ...g })),
    withdrawn,
    history: [...(r.history ?? []), entry],
  };
  if (r.sender) back.sender = { ...r.sender };
  if (r.senderFallback !== undefined) back.senderFallback = r.senderFallback;
  if (r.sendAsRefused) back.sendAsRefused = { ...r.sendAsRefused };
  if (r.claim) back.claim = { ...r.claim };
  if (!act.cancelled) return back;
  return cancelIt(back, { at: act.at, by: act.by, for: act.for, reason: act.cancelled.reason });
}

/** IT's confirmation reached Communications; `confirmed` are its facts (when, who, its Sent Items copy). */
export function markItConfirmed(r: ItRecord, confirmed: NonNullable<ItRecord["confirmed"]>): ItRecord {
  if (!r.sent && r.state === "sent")
    throw illegal(r.state, "confirmed", "confirmed", "The send has no facts");
  return { ...transition(r, "confirmed", "confirmed", confirmed), confirmed: { ...confirmed } };
}

/** IT refuses the request (e.g. it breaks the institution's rules); the reason is required. */
export function refuseIt(r: ItRecord, act: ItActor & { reason: string }): ItRecord {
  return stop(r, "refused", act);
}

/** Communications cancelled the case before the send; its reason is kept. */
export function cancelIt(r: ItRecord, act: ItActor & { reason: string }): ItRecord {
  return stop(r, "cancelled", act);
}

/**
 * Throws the lifecycle's refusal when `step` is not legal now; returns nothing when it is. `now` matters only to
 * "withdraw" (a scheduled send can be withdrawn until its time).
 */
export function guardItStep(r: ItRecord, step: ItStep, now: Date = new Date()): void {
  if (step === "withdraw") {
    guardStopped(r, "received", "withdrawn");
    if (!itScheduledPending(r, now)) {
      throw illegal(
        r.state,
        "received",
        "withdrawn",
        r.sent?.scheduledFor
          ? "The scheduled mass mail has already left"
          : "No scheduled mass mail to withdraw",
      );
    }
    return;
  }
  const to = targetOf(step);
  guardStopped(r, to, actionOf(step));
  if (step === "changeSender") {
    if (r.state !== "prepared" || !r.draftId)
      throw illegal(
        r.state,
        r.state,
        "prepared",
        `A ${r.state} mass mail has no draft whose sender can change`,
      );
    return;
  }
  if (step === "confirm" && r.state === "sent" && !r.sent) {
    throw illegal(r.state, to, "confirmed", "The send has no facts");
  }
  if (!canItTransition(r.state, to)) {
    throw illegal(r.state, to, actionOf(step), `Cannot go from ${r.state} to ${to}`);
  }
}

function targetOf(step: ItStep): ItState {
  switch (step) {
    case "prepare":
    case "changeSender":
      return "prepared";
    case "send":
      return "sent";
    case "confirm":
      return "confirmed";
    case "refuse":
      return "refused";
    case "cancel":
      return "cancelled";
    case "withdraw":
      return "received";
  }
}

function actionOf(step: ItStep): ItAction {
  if (step === "withdraw") return "withdrawn";
  return step === "changeSender" ? "prepared" : (targetOf(step) as ItAction);
}

function stop(r: ItRecord, to: "refused" | "cancelled", act: ItActor & { reason: string }): ItRecord {
  const reason = act.reason.trim();
  const next = transition(r, to, to, { at: act.at, by: act.by, for: act.for, note: reason });
  if (reason === "")
    throw illegal(r.state, to, to, `A ${to === "refused" ? "refusal" : "cancellation"} needs a reason`);
  const facts: NonNullable<ItRecord["refused"]> = { at: act.at, ...actor(act), reason };
  return to === "refused" ? { ...next, refused: facts } : { ...next, cancelled: facts };
}

/** Work on a case that stopped: cancelled by Communications is `caseCancelled`, refused by IT is illegal. */
function guardStopped(r: ItRecord, to: ItState, action: ItAction): void {
  if (r.state === "cancelled" && to !== "cancelled") {
    throw new AppError("caseCancelled", `Communications cancelled the case: ${r.cancelled?.reason ?? ""}`, {
      details: {
        from: r.state,
        to,
        action,
        ...(r.cancelled ? { reason: r.cancelled.reason, by: r.cancelled.by, at: r.cancelled.at } : {}),
      },
    });
  }
}

function transition(r: ItRecord, to: ItState, action: ItAction, act: ItActor & { note?: string }): ItRecord {
  guardStopped(r, to, action);
  if (!canItTransition(r.state, to)) {
    throw illegal(r.state, to, action, `Cannot go from ${r.state} to ${to}`);
  }
  return { ...r, state: to, history: [...(r.history ?? []), entryOf(action, act)] };
}

function actor(act: ItActor): { by: string; for?: string } {
  return act.for !== undefined && act.for.toLowerCase() !== act.by.toLowerCase()
    ? { by: act.by, for: act.for }
    : { by: act.by };
}

function entryOf(action: ItAction, act: ItActor & { note?: string }): ItHistoryEntry {
  const entry: ItHistoryEntry = { at: act.at, ...actor(act), action };
  if (act.note !== undefined) entry.note = act.note;
  return entry;
}

function illegal(from: ItState, to: ItState, action: ItAction, message: string): AppError {
  return new AppError("illegalTransition", message, { details: { from, to, action } });
}
