// "X is doing Y since T": a claim written into a case's record before an effect that must happen once per case
// (a forward, a reminder, a relay, IT's mass-mail draft and send, IT's confirmation). A second person — or a
// second pane of the same person — who finds a live claim does not act; they see who holds it and since when.
// A claim that is older than the configured time, whose mail is not in Sent Items and whose draft (if any) is
// gone or still unsent, is stale: someone may take it over, explicitly. The step's record write clears it.
import type { AudienceKey, DateOnly, Instant } from "./types";

export type ClaimStep =
  | "forward"
  | "reminder"
  | "relay"
  | "massMailDraft"
  | "massMailSend"
  | "confirmation"
  /** A cancellation or update notice to IT (after the forward). */
  | "notice"
  /** IT's answer to a reminder, with the case's status (claimed on the reminder in IT's mailbox). */
  | "reminderAnswer"
  /** Communications asks the requester for what the request left out (once per case). */
  | "ask"
  /** IT's test copy of the mass mail to the requester and Communications. */
  | "testSend";

export const CLAIM_STEPS: readonly ClaimStep[] = [
  "forward",
  "reminder",
  "relay",
  "massMailDraft",
  "massMailSend",
  "confirmation",
  "notice",
  "reminderAnswer",
  "ask",
  "testSend",
];

export interface Claim {
  /** Unique per attempt: the read-after-write check compares it, so a lost race is seen even without If-Match. */
  token: string;
  step: ClaimStep;
  /** The person acting. */
  by: string;
  /** The mailbox they act for, when it is not their own. */
  for?: string;
  since: Instant;
  /** The draft the effect goes out as, once it exists. */
  draftId?: string;
  /** What that draft's mail carries (kept when sent), so the next opener can recognise it was sent. */
  internetMessageId?: string;
  /**
   * On a notice claim: the change the notice tells IT, so that whoever finds the claim's draft gone (it was sent)
   * records that change without the pane that sent it (workflow/reconcile.ts). Absent on other steps.
   */
  notice?: ClaimNotice;
}

/**
 * The change a cancellation or update notice carries. A new message text travels only in the notice's body (the
 * record keeps no bodies): `text: true` says it changed.
 */
export type ClaimNotice =
  | { msg: "cancel"; reason: string }
  | {
      msg: "update";
      requestedDate?: DateOnly | null;
      audiences?: AudienceKey[];
      subject?: string;
      dueDate?: DateOnly;
      text?: true;
      note?: string;
    };

/** Minutes after which a claim may be taken over when nothing shows its effect happened. */
export const DEFAULT_STALE_CLAIM_MINUTES = 10;

export function claimAgeMs(claim: Claim, now: Date): number {
  return now.getTime() - Date.parse(claim.since);
}

export function isOldClaim(claim: Claim, now: Date, staleMinutes: number): boolean {
  return claimAgeMs(claim, now) >= staleMinutes * 60_000;
}

/** The claim with what is now known of its draft. */
export function withDraft(claim: Claim, draft: { id: string; internetMessageId?: string }): Claim {
  const next: Claim = { ...claim, draftId: draft.id };
  if (draft.internetMessageId) next.internetMessageId = draft.internetMessageId;
  else delete next.internetMessageId;
  return next;
}
