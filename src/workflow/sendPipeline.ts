// "Send exactly once": the one pipeline every mail the product sends goes through — the forward, reminders, the
// relay to the requester, the cancellation and update notices, IT's mass mail and IT's confirmation:
//
//   1. single flight, scoped to the workflow context: repeated clicks in one pane share one run;
//   2. read the record; the action's checks (the domain's guards, "already done") before anything is claimed;
//   3. claim the step on the record (workflow/claims.ts): a second person sees who holds it; a claim whose draft
//      left Drafts means its mail went out, and the step is recorded from the claim, never sent again;
//   4. under the claim: the Sent Items check (a copy of this send already out is the evidence), else the send
//      (through workflow/sendOnce.ts, which settles an unclear answer by Sent Items and the kept draft). The check
//      is asked in the same round trip as the claim's read-back (both reads come after our claim was written,
//      neither depends on the other), and its answer is used only once the read-back shows the claim is ours;
//   5. record the step; that write also clears the claim.
//
// What each action brings is its plan: the record home, the claim, the checks, the send and the record step.
import type { Claim, ClaimNotice, ClaimStep } from "../domain/claim";
import type { DraftRef } from "../ports/mailService";
import { acquireClaim, releaseClaim, underClaim } from "./claims";
import type { ClaimedMail, ClaimHome, ClaimOptions } from "./claims";
import type { WorkflowContext } from "./context";
import { readTogether, started } from "./context";
import { singleFlightIn } from "./singleFlight";

export interface SendPlan<R, S, Out> {
  /** The single-flight key within this workflow context, e.g. `forward:${messageId}`. */
  key: string;
  /** The record the step is claimed and recorded on. */
  home: ClaimHome<R>;
  /** On the record as first read, before any claim: throw to refuse; return a result when already done. */
  check?: (record: R) => Out | undefined | Promise<Out | undefined>;
  /** The claim: which step, which mail (to look for in Sent Items), when it is done, the draft it names. */
  claim: (record: R) => {
    step: ClaimStep;
    mail: ClaimedMail;
    isDone?: (record: R) => boolean;
    draft?: DraftRef;
    /** A notice's change, kept in the claim so that its recovery needs no pane (workflow/reconcile.ts). */
    notice?: ClaimNotice;
  };
  options?: ClaimOptions;
  /** The step was done by the time of the claim: what the action returns. */
  done: (record: R) => Out;
  /** On the claimed (freshest) record: the guards again; a refusal lets the claim go and nothing is sent. */
  guard?: (record: R) => void;
  /** After the claim (also when a claim's mail is found sent): what the send and the record need to know. */
  prepare?: (record: R) => Promise<void>;
  /**
   * The Sent Items check: this send's copy already out (a compose window, a lost answer); then nothing is sent.
   * It goes with the claim's read-back (one round trip), so it is given the record as first read: it may use only
   * what a claim does not change (the case id).
   */
  alreadySent?: (record: R) => Promise<S | undefined>;
  /**
   * Reads the step makes under the claim that depend only on what was known before it (a cancellation that
   * arrived, reports that came back): started in the same round trip as the claim's read-back, and awaited by
   * `prepare` or `send` where they used to be asked. What it starts must not reject unobserved (context.ts `started`).
   */
  alongReadBack?: (first: R) => void;
  /** The send itself; `claim` is for writing the draft into it before /send (recordClaimDraft). */
  send: (claim: Claim, record: R) => Promise<S>;
  /** The claim's draft left Drafts while sending: its mail went out; what it proves. */
  sentUnderClaim: (claim: Claim) => S;
  /** Another claim's draft left Drafts before ours could be taken: what proves that send. */
  sentByClaim: (claim: Claim, record: R) => S | Promise<S>;
  /** The step's record write, which clears the claim. */
  record: (claim: Claim, sent: S, record: R) => Promise<Out>;
}

export function sendExactlyOnce<R, S, Out>(ctx: WorkflowContext, plan: SendPlan<R, S, Out>): Promise<Out> {
  return singleFlightIn(ctx, plan.key, async () => {
    const { record: first } = await plan.home.read();
    const early = await plan.check?.(first);
    if (early !== undefined) return early;
    const { step, mail, isDone, draft, notice } = plan.claim(first);
    let sentCheck: Promise<S | undefined> | undefined;
    const { alreadySent, alongReadBack } = plan;
    const readBack =
      alreadySent || alongReadBack
        ? () =>
            readTogether(ctx, () => {
              const back = plan.home.read();
              // Its failure is seen where it is awaited, under the claim (as when it was asked there).
              if (alreadySent) sentCheck = started(alreadySent(first));
              alongReadBack?.(first);
              return back;
            })
        : undefined;
    const acquired = await acquireClaim(ctx, plan.home, step, mail, {
      ...plan.options,
      ...(isDone ? { isDone } : {}),
      ...(draft ? { draft } : {}),
      ...(notice ? { notice } : {}),
      ...(readBack ? { readBack } : {}),
    });
    if (acquired.kind === "done") return plan.done(acquired.record);
    if (acquired.kind === "sentByClaim") {
      await plan.prepare?.(acquired.record);
      const sent = await plan.sentByClaim(acquired.claim, acquired.record);
      return plan.record(acquired.claim, sent, acquired.record);
    }
    const { claim, record: current } = acquired;
    try {
      plan.guard?.(current);
    } catch (refusal) {
      await releaseClaim(plan.home, claim.token);
      throw refusal;
    }
    await plan.prepare?.(current);
    const sent = await underClaim(
      ctx,
      plan.home,
      mail.mailbox,
      claim.token,
      async () => (await (sentCheck ?? plan.alreadySent?.(current))) ?? plan.send(claim, current),
      plan.sentUnderClaim,
    );
    return plan.record(claim, sent, current);
  });
}

/** What a claim proves of its mail: the internetMessageId its draft carried, when the claim names one. */
export function claimEvidence(claim: Claim): { internetMessageId?: string } {
  return claim.internetMessageId ? { internetMessageId: claim.internetMessageId } : {};
}
