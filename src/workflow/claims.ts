// The claim protocol (domain/claim.ts) on a record kept in a message's extended property — Communications' case
// record on the request, IT's record on the forward in IT's mailbox:
//
//   1. read the record; a claim someone else holds stops here (claimedByOther: who, which step, since when),
//      unless its draft has left Drafts (then its mail went out: the caller records the step from the claim),
//      or it is stale and the caller explicitly takes it over;
//   2. write our claim with If-Match on the etag we read (a concurrent write is a 412, and we read again: the
//      one etag-retry loop of workflow/recordStore.ts);
//   3. read it back and check that the token stored is ours — so that two people cannot both win even on a
//      server that ignored If-Match;
//   4. once the draft exists, write its id and internetMessageId into the claim, before /send;
//   5. the step's own record write clears the claim (see `releasing`).
//
// A failure after the claim settles it: when the claimed draft is still an unsent draft the claim is released and
// then (only if that write succeeded) the draft deleted — a draft deleted while a claim names it reads as sent; when it has left Drafts its mail went out and the caller records the step; when neither can
// be known (the connection is down) the claim stays, for the next opener to judge the same way.
import type { Claim, ClaimNotice, ClaimStep } from "../domain/claim";
import { DEFAULT_STALE_CLAIM_MINUTES, isOldClaim, withDraft } from "../domain/claim";
import { AppError, isNotRun } from "../domain/errors";
import type { DraftRef, MailboxId, MailMessage, MessageKind } from "../ports/mailService";
import type { WorkflowContext } from "./context";
import { actorIn, writeThenRead } from "./context";
import { updateRecord } from "./recordStore";
import type { RecordHome } from "./recordStore";

export interface ClaimOptions {
  /** Take over a stale claim (one that `claimedByOther` reported with details.stale = 1). Never automatic. */
  takeOver?: boolean;
}

/** Where a claim lives: a record on a message, read with its etag and written with If-Match. */
export interface ClaimHome<R> extends RecordHome<R> {
  claimOf(record: R): Claim | undefined;
  withClaim(record: R, claim: Claim | undefined): R;
}

/** What the claimed step sends, to look for its copy in Sent Items before calling a claim stale. */
export interface ClaimedMail {
  mailbox: MailboxId;
  caseId: string;
  kind?: MessageKind;
  /** For mail a case sends several times (reminders): is this copy the claim's? Default: any copy is. */
  isClaims?: (sent: MailMessage, claim: Claim) => boolean;
}

export type Acquired<R> =
  | { kind: "claimed"; claim: Claim; record: R; message: MailMessage }
  /** The step was already done (the caller's check said so); nothing claimed. */
  | { kind: "done"; record: R; message: MailMessage }
  /** Another claim's draft left Drafts: its mail went out. The caller records the step from `claim`. */
  | { kind: "sentByClaim"; claim: Claim; record: R; message: MailMessage };

export function staleMinutes(ctx: WorkflowContext): number {
  return ctx.config.staleClaimMinutes ?? DEFAULT_STALE_CLAIM_MINUTES;
}

export function claimedByOther(claim: Claim, stale: boolean): AppError {
  const details: Record<string, string | number> = {
    by: claim.by,
    step: claim.step,
    since: claim.since,
    stale: stale ? 1 : 0,
  };
  if (claim.for) details.for = claim.for;
  return new AppError(
    "claimedByOther",
    `${claim.by} is doing ${claim.step} on this case since ${claim.since}`,
    { details, nextStep: stale ? "none" : "retry" },
  );
}

function isGone(e: unknown): boolean {
  return e instanceof AppError && e.code === "notFound";
}

/** Is the claim's draft still an unsent draft ("unsent"), gone from Drafts ("gone"), or is there none? */
export async function draftStatus(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  claim: Claim,
): Promise<"none" | "unsent" | "gone"> {
  if (!claim.draftId) return "none";
  try {
    const draft = await ctx.mail.getMessage(mailbox, claim.draftId);
    return draft.isDraft ? "unsent" : "gone";
  } catch (e) {
    if (isGone(e)) return "gone";
    throw e;
  }
}

async function copyInSentItems(ctx: WorkflowContext, mail: ClaimedMail, claim: Claim): Promise<boolean> {
  if (!mail.kind) return false;
  const page = await ctx.mail.listCases(mail.mailbox, {
    folder: "sentitems",
    caseId: mail.caseId,
    kind: mail.kind,
    top: 50,
  });
  const isClaims = mail.isClaims ?? (() => true);
  return page.items.some((sent) => isClaims(sent, claim));
}

async function deleteQuietly(ctx: WorkflowContext, mailbox: MailboxId, id: string | undefined) {
  if (!id) return;
  try {
    await ctx.mail.deleteDraft(mailbox, id);
  } catch {
    // Left in Drafts, where it carries the case id and kind (findable, see graph/outgoing.ts).
  }
}

/**
 * Claims `step` on the record, or says why not. `isDone` is the caller's check on the freshest record (e.g. the
 * case is no longer "received"): when it holds, nothing is claimed.
 */
export async function acquireClaim<R>(
  ctx: WorkflowContext,
  home: ClaimHome<R>,
  step: ClaimStep,
  mail: ClaimedMail,
  options: ClaimOptions & {
    isDone?: (record: R) => boolean;
    draft?: DraftRef;
    notice?: ClaimNotice;
    /**
     * The read-back of step 3, when the caller sends other reads with it in the same round trip (sendPipeline.ts:
     * the Sent Items check); `home.read` otherwise. It must read the record afresh from the server.
     */
    readBack?: () => Promise<{ record: R; message: MailMessage }>;
  } = {},
): Promise<Acquired<R>> {
  let outcome: Acquired<R> | undefined;
  let named: Claim | undefined;
  let staleDraft: string | undefined;
  // Read-after-write: the protocol holds even where If-Match would not be honoured. The read-back goes in the
  // claim write's round trip, run by the server only after that write succeeded (context.ts writeThenRead).
  const readBack = options.readBack ?? (() => home.read());
  let back: Promise<{ record: R; message: MailMessage }> | undefined;
  const writing = (write: () => Promise<MailMessage>) => {
    const pair = writeThenRead(ctx, write, readBack);
    back = pair.read;
    return pair.written;
  };
  await updateRecord(
    home,
    async (record, message) => {
      outcome = undefined;
      staleDraft = undefined;
      if (options.isDone?.(record)) {
        outcome = { kind: "done", record, message };
        return record;
      }
      const held = home.claimOf(record);
      if (held) {
        // A claim whose draft left Drafts: its mail went out, whoever sent it and whatever step it was.
        const status = await draftStatus(ctx, mail.mailbox, held);
        if (status === "gone" && held.step === step) {
          outcome = { kind: "sentByClaim", claim: held, record, message };
          return record;
        }
        const old = isOldClaim(held, ctx.now(), staleMinutes(ctx));
        const stale = old && status !== "gone" && !(await copyInSentItems(ctx, mail, held));
        if (!stale || !options.takeOver) throw claimedByOther(held, stale);
        // Taking over: the stale claim's unsent draft goes, so only one draft of this step can ever be sent —
        // except the prepared mass mail, which is the case's draft, not the claim's. It goes once our claim is
        // read back in its place (below): deleted while the stale claim still names it, it would read as sent.
        if (status === "unsent" && ownsDraft(held.step)) staleDraft = held.draftId;
      }
      const claim: Claim = {
        token: newToken(),
        step,
        ...actorIn(ctx, mail.mailbox),
        since: ctx.now().toISOString(),
        ...(options.notice ? { notice: options.notice } : {}),
      };
      named = options.draft ? withDraft(claim, options.draft) : claim;
      return home.withClaim(record, named);
    },
    { writing },
  );
  if (outcome) return outcome;
  let read: { record: R; message: MailMessage };
  try {
    read = await (back ?? readBack());
  } catch (e) {
    // Not run with the write (it was retried alone after a throttle or an outage): read back now.
    if (!isNotRun(e)) throw e;
    read = await readBack();
  }
  const stored = home.claimOf(read.record);
  if (!named || stored?.token !== named.token) {
    if (stored) throw claimedByOther(stored, false);
    throw new AppError("conflict", "The claim was overwritten before it could be checked");
  }
  await deleteQuietly(ctx, mail.mailbox, staleDraft);
  return { kind: "claimed", claim: stored, record: read.record, message: read.message };
}

/**
 * Writes the draft into our claim before it is sent. Throws claimedByOther when the claim is no longer ours (it
 * was taken over): the caller must then not send.
 */
export async function recordClaimDraft<R>(
  home: ClaimHome<R>,
  token: string,
  draft: { id: string; internetMessageId?: string },
): Promise<void> {
  await updateRecord(home, (record) => {
    const held = home.claimOf(record);
    if (held?.token !== token) {
      if (held) throw claimedByOther(held, false);
      // Definite: no claim names the draft (underClaim deletes it once it has read the record itself).
      throw new AppError("conflict", "The claim is gone");
    }
    return home.withClaim(record, withDraft(held, draft));
  });
}

/**
 * Removes our claim (best effort) after a step that certainly did not happen. True when the record no longer
 * holds it (written, or it was not there); false when the write failed and the claim may still stand.
 */
export async function releaseClaim<R>(home: ClaimHome<R>, token: string): Promise<boolean> {
  try {
    await updateRecord(home, (record) =>
      home.claimOf(record)?.token === token ? home.withClaim(record, undefined) : record,
    );
    return true;
  } catch {
    // The claim stays; it becomes stale and can be taken over.
    return false;
  }
}

/**
 * Who did a step recorded under a claim: the claim's holder when it was someone else's (their mail went out,
 * recorded by whoever opened the case next), else this person.
 */
export function actorOfClaim(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  claim: Claim,
): { by: string; for?: string } {
  if (claim.by.toLowerCase() === ctx.user.toLowerCase()) return actorIn(ctx, mailbox);
  return claim.for ? { by: claim.by, for: claim.for } : { by: claim.by };
}

/** For the step's own write: the record without our claim (the same record when it holds no claim of ours). */
export function releasing<R>(home: ClaimHome<R>, record: R, token: string): R {
  return home.claimOf(record)?.token === token ? home.withClaim(record, undefined) : record;
}

/**
 * Runs the effect under the claim. When it fails, the claimed draft decides: gone from Drafts → it was sent
 * (`onSent` is what the caller records); still an unsent draft → the claim released, then the draft deleted
 * (kept, with the claim, when the release failed), the error stands; no draft → the claim is released; unknowable → the claim stays and the error stands.
 * A claim no longer ours names none of our drafts: the one the failed effect was naming in it (the error's
 * details.claimDraftId, graph/outgoing.ts) is deleted. The adapter never deletes a draft once beforeSend ran.
 */
export async function underClaim<R, T>(
  ctx: WorkflowContext,
  home: ClaimHome<R>,
  mailbox: MailboxId,
  token: string,
  effect: () => Promise<T>,
  onSent: (claim: Claim) => T,
): Promise<T> {
  try {
    return await effect();
  } catch (e) {
    let held: Claim | undefined;
    try {
      held = home.claimOf((await home.read()).record);
    } catch {
      throw e;
    }
    if (held?.token !== token) {
      // Our claim is off the record (taken over, or gone): no claim names the draft we were writing into it —
      // another's claim names only its own — so that draft, never sent, goes.
      const unnamed = claimDraftOf(e);
      if (unnamed) await deleteQuietly(ctx, mailbox, unnamed);
      throw e;
    }
    let status: "none" | "unsent" | "gone";
    try {
      status = await draftStatus(ctx, mailbox, held);
    } catch {
      throw e;
    }
    if (status === "gone") return onSent(held);
    // The claim lets the draft go first: a draft deleted while the claim still names it would read as sent.
    // When the release fails, the unsent draft stays with the claim, for whoever takes the claim over.
    const released = await releaseClaim(home, token);
    if (released && ownsDraft(held.step)) {
      if (status === "unsent") await deleteQuietly(ctx, mailbox, held.draftId);
      // A draft that was being written into the claim when that write failed (graph/outgoing.ts), never sent.
      const unnamed = claimDraftOf(e);
      if (unnamed && unnamed !== held.draftId) await deleteQuietly(ctx, mailbox, unnamed);
    }
    throw e;
  }
}

function claimDraftOf(e: unknown): string | undefined {
  const id = e instanceof AppError ? e.details?.claimDraftId : undefined;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** The mass send's claim names the prepared draft, which outlives a failed send; other claims own theirs. */
function ownsDraft(step: ClaimStep): boolean {
  return step !== "massMailSend";
}

function newToken(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
