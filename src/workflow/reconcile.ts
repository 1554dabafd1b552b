// Bringing a case record up to date with what the mailboxes prove happened:
// - an action whose mail went out but whose record write was lost (the pane closed, the connection dropped) is
//   found in Sent Items by its case id and kind, and recorded — never sent again;
// - IT's confirmation that arrived in the inbox is linked, so the case moves to `confirmed` by itself;
// - sends recorded before Exchange filed their Sent Items copy get that copy's id (sentEvidence.ts);
// - a claim (claims.ts) whose draft has left Drafts is a send that went out but was not recorded, whatever its step
//   (forward, ask to the requester, reminder, relay, cancellation or update notice): it is recorded by the step's own record write from
//   the claim (its internetMessageId; a notice's change), at once, before Exchange has even filed the Sent Items
//   copy. IT's pane does the same for IT's sends (it/recoverIt.ts).
import {
  forwardCase,
  linkConfirmation,
  recordItAnswer,
  recordSentAfterCancel,
  relayConfirmation,
  sendConflictOf,
} from "../domain/lifecycle";
import { answerNote, sentEvidenceOf } from "../domain/itStatus";
import { evidenceOf } from "../domain/evidenceHeader";
import type { Act } from "../domain/lifecycle";
import type { ClaimStep } from "../domain/claim";
import type { Case } from "../domain/types";
import { AppError } from "../domain/errors";
import type { MailboxId, MailMessage, MessageKind } from "../ports/mailService";
import { recordAsked } from "./actions/askRequester";
import { recordForward } from "./actions/forwardToIt";
import { recordRelay } from "./actions/relayToRequester";
import { recordReminderSent } from "./actions/sendReminder";
import { caseClaimHome, updateCase } from "./caseStore";
import type { UpdateResult } from "./caseStore";
import { recordClaimedNotice } from "./caseProtocol";
import { draftStatus } from "./claims";
import type { WorkflowContext } from "./context";
import { readTogether, started } from "./context";
import { findItReplies } from "./confirmations";
import type { FoundAnswer } from "./confirmations";
import { awaitsSentCopy, completeSentEvidence, withSentCopies } from "./sentEvidence";
import { claimEvidence } from "./sendPipeline";

export type Reconciliation =
  | "forwardRecovered"
  | "confirmationLinked"
  | "relayRecovered"
  /** The ask to the requester went out under a claim but was not recorded: recorded now (never sent again). */
  | "askRecovered"
  /** A reminder went out under a claim but was not recorded: recorded now (never sent again). */
  | "reminderRecovered"
  /** A cancellation or update notice went out under a claim but was not recorded: recorded now. */
  | "noticeRecovered"
  /** IT answered a reminder with the case's status (recorded in the history). */
  | "itAnswerLinked"
  /** IT sent the mass mail of a case Communications had cancelled: the two crossed. */
  | "sendCrossedCancel";

export interface ReconcileResult {
  case: Case;
  message: MailMessage;
  changes: Reconciliation[];
}

/** The record's home for one opening: seeded with the message just opened, so each write chains on the last. */
type Home = ReturnType<typeof caseClaimHome>;

function sentEvidence(sent: MailMessage) {
  return {
    messageId: sent.id,
    internetMessageId: sent.internetMessageId,
    conversationId: sent.conversationId,
    sentAt: sent.sentAt,
  };
}

type Step = (c: Case, act: Act) => Case;

/**
 * The case's copies in Sent Items, listed once per opening and only when a step needs them: recovering a lost
 * record (forward, relay) and completing the evidence of recorded sends read the same listing.
 */
interface SentCopies {
  all(): Promise<readonly MailMessage[]>;
}

/** The same page of 50 the evidence completion always read, newest first; each kind's newest copy is in it. */
function sentCopies(ctx: WorkflowContext, mailbox: MailboxId, caseId: string): SentCopies {
  let listing: Promise<readonly MailMessage[]> | undefined;
  return {
    all: () => {
      listing ??= ctx.mail
        .listCases(mailbox, { folder: "sentitems", caseId, top: 50 })
        .then((page) => page.items)
        .catch((e: unknown) => {
          listing = undefined;
          throw e;
        });
      return listing;
    },
  };
}

/** The case without a claim on `step` (the step is recorded now, so the claim is over). */
function withoutClaimOn(c: Case, step: ClaimStep): Case {
  if (c.claim?.step !== step) return c;
  const { claim: _over, ...rest } = c;
  return rest;
}

/**
 * A claim whose draft left Drafts is a send that went out and was not recorded, whatever its step: it is recorded
 * now, by the step's own record write (which clears the claim), from what the claim says of its mail — before
 * Exchange has even filed the Sent Items copy. Pressing the action again then finds the step done.
 */
async function recoverClaim(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  result: ReconcileResult,
  home: Home,
): Promise<ReconcileResult> {
  const claim = result.case.claim;
  if (!claim?.draftId) return result;
  if ((await draftStatus(ctx, mailbox, claim)) !== "gone") return result;
  const id = result.message.id;
  const sent = claimEvidence(claim);
  let recovered: { updated: UpdateResult; change: Reconciliation } | undefined;
  try {
    switch (claim.step) {
      case "forward":
        recovered = {
          updated: await recordForward(ctx, mailbox, id, claim, sent, home),
          change: "forwardRecovered",
        };
        break;
      case "relay":
        recovered = {
          updated: await recordRelay(ctx, mailbox, id, claim, sent, home),
          change: "relayRecovered",
        };
        break;
      case "ask":
        recovered = { updated: await recordAsked(ctx, mailbox, id, claim, sent), change: "askRecovered" };
        break;
      case "reminder":
        recovered = {
          updated: await recordReminderSent(ctx, mailbox, id, claim, sent, home),
          change: "reminderRecovered",
        };
        break;
      case "notice":
        // A claim written by a build that did not keep the notice's change: pressing the action again records it.
        if (claim.notice)
          recovered = {
            updated: await recordClaimedNotice(ctx, mailbox, id, claim, claim.notice, home),
            change: "noticeRecovered",
          };
        break;
      default:
        break;
    }
  } catch (e) {
    // The case moved on in a way the step cannot be recorded over (the domain refuses): the claim stays, shown to
    // whoever presses next (claimedByOther), and the case opens as it is.
    if (e instanceof AppError && e.code === "illegalTransition") return result;
    throw e;
  }
  if (!recovered?.updated.changed) return result;
  return {
    case: recovered.updated.case,
    message: recovered.updated.message,
    changes: [...result.changes, recovered.change],
  };
}

/**
 * When the mail of a step is in Sent Items but the record still shows the state before it (the answer or the
 * record write was lost), the step is recorded from the sent copy — never sent again.
 */
async function recoverSent(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  result: ReconcileResult,
  kind: MessageKind,
  change: Reconciliation,
  step: Step,
  home: Home,
  copies: SentCopies,
): Promise<ReconcileResult> {
  const before = result.case.state;
  const sent = (await copies.all()).find((m) => m.caseProps.kind === kind);
  if (!sent) return result;
  const updated = await updateCase(
    ctx,
    mailbox,
    result.message.id,
    (c) =>
      c.state === before
        ? withoutClaimOn(
            step(c, {
              at: sent.sentAt ?? ctx.now().toISOString(),
              by: sent.from?.address ?? ctx.user,
              note: "recovered from Sent Items",
              evidence: sentEvidence(sent),
            }),
            kind === "forward" ? "forward" : "relay",
          )
        : c,
    home,
  );
  return { case: updated.case, message: updated.message, changes: [...result.changes, change] };
}

export async function reconcileCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
  current: Case,
): Promise<ReconcileResult> {
  let result: ReconcileResult = { case: current, message, changes: [] };
  const home = caseClaimHome(ctx, mailbox, message.id, { record: current, message });
  const copies = sentCopies(ctx, mailbox, current.id);

  result = await recoverClaim(ctx, mailbox, result, home);
  if (result.case.state === "received") {
    result = await recoverSent(
      ctx,
      mailbox,
      result,
      "forward",
      "forwardRecovered",
      forwardCase,
      home,
      copies,
    );
  }

  // A cancelled case that went to IT is looked at too, until a send that crossed the cancellation is recorded.
  const crossingPossible =
    result.case.state === "cancelled" &&
    result.case.history.some((h) => h.action === "forwarded") &&
    !sendConflictOf(result.case);
  if (result.case.state === "forwarded" || result.case.state === "sent" || crossingPossible) {
    const since = result.case.history.find((h) => h.action === "forwarded")?.at ?? result.case.createdAt;
    // The Sent Items listing this opening reads at its end (a recorded send still awaits its copy) goes in the same
    // round trip as IT's replies: two independent reads, and Sent Items is the same whether read before or after
    // the record writes between them (no send happens in an opening; a copy Exchange files a moment later is
    // completed by the next opening, as before).
    let listed: Promise<readonly MailMessage[]> | undefined;
    const replies = await readTogether(ctx, () => {
      if (result.case.history.some(awaitsSentCopy)) listed = started(copies.all());
      return findItReplies(ctx, mailbox, since, new Set([current.id]));
    });
    const answered = await linkItAnswers(ctx, mailbox, result, replies.answers.get(current.id) ?? [], home);
    if (answered) result = answered;
    const found = replies.confirmations.get(current.id);
    if (found && result.case.state === "cancelled") {
      const updated = await updateCase(
        ctx,
        mailbox,
        message.id,
        (c) =>
          c.state === "cancelled" && !sendConflictOf(c)
            ? recordSentAfterCancel(c, confirmationSent(ctx, found.message, evidenceOf(found.evidence)))
            : c,
        home,
      );
      if (updated.changed)
        result = {
          case: updated.case,
          message: updated.message,
          changes: [...result.changes, "sendCrossedCancel"],
        };
    } else if (found && (result.case.state === "forwarded" || result.case.state === "sent")) {
      // The evidence completion below rides on the link's write when the Sent Items listing is at hand: the same
      // record as two writes would leave, in one (completing evidence only fills in ids of sends already recorded).
      const copiesAtHand = listed ? await listed.catch(() => undefined) : undefined;
      const updated = await linkFoundConfirmation(
        ctx,
        mailbox,
        message.id,
        found.message,
        evidenceOf(found.evidence),
        home,
        copiesAtHand ? (c) => withSentCopies(c, copiesAtHand) : undefined,
      );
      result = {
        case: updated.case,
        message: updated.message,
        changes: [...result.changes, "confirmationLinked"],
      };
    }
  }

  if (result.case.state === "confirmed") {
    result = await recoverSent(
      ctx,
      mailbox,
      result,
      "relay",
      "relayRecovered",
      relayConfirmation,
      home,
      copies,
    );
  }

  // Bookkeeping, not news for the user: no entry in `changes`. The same Sent Items listing as above, when read.
  const completed = await completeSentEvidence(
    ctx,
    mailbox,
    result.message.id,
    result.case,
    home,
    copies.all,
  );
  if (completed) result = { ...result, case: completed.case, message: completed.message };
  return result;
}

/** The "sent" half of a confirmation: when and by which mailbox IT sent, with the evidence. */
function confirmationSent(
  ctx: WorkflowContext,
  confirmation: MailMessage,
  evidence: ReturnType<typeof evidenceOf>,
) {
  return {
    at: evidence.sentAt ?? confirmation.receivedAt ?? ctx.now().toISOString(),
    by: ctx.config.itMailbox,
    evidence,
  };
}

/** Records IT's answers to reminders that are not in the history yet (one write for all of them). */
async function linkItAnswers(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  result: ReconcileResult,
  answers: readonly FoundAnswer[],
  home: Home,
): Promise<ReconcileResult | undefined> {
  const known = (c: Case, id: string) =>
    c.history.some((h) => h.action === "itAnswered" && h.evidence?.messageId === id);
  const fresh = answers.filter((a) => !known(result.case, a.message.id));
  if (fresh.length === 0) return undefined;
  // Oldest first, so the history reads in order.
  const ordered = [...fresh].sort(
    (a, b) => Date.parse(a.message.receivedAt ?? "") - Date.parse(b.message.receivedAt ?? ""),
  );
  const updated = await updateCase(
    ctx,
    mailbox,
    result.message.id,
    (c) =>
      ordered.reduce((acc, a) => {
        if (acc.state === "received") return acc;
        const evidence = sentEvidenceOf(a.status);
        return recordItAnswer(
          acc,
          {
            at: a.message.receivedAt ?? ctx.now().toISOString(),
            by: a.message.from?.address ?? ctx.config.itMailbox,
            note: answerNote(a.status),
            evidence: {
              messageId: a.message.id,
              internetMessageId: a.message.internetMessageId,
              conversationId: a.message.conversationId,
            },
          },
          evidence
            ? { at: evidence.sentAt ?? ctx.now().toISOString(), by: ctx.config.itMailbox, evidence }
            : undefined,
        );
      }, c),
    home,
  );
  if (!updated.changed) return undefined;
  const crossed = !sendConflictOf(result.case) && !!sendConflictOf(updated.case);
  return {
    case: updated.case,
    message: updated.message,
    changes: [...result.changes, "itAnswerLinked", ...(crossed ? (["sendCrossedCancel"] as const) : [])],
  };
}

export function linkFoundConfirmation(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  requestMessageId: string,
  confirmation: MailMessage,
  evidence: ReturnType<typeof evidenceOf>,
  home?: Home,
  /** A further change made in the same write (the opening's evidence completion). */
  also: (c: Case) => Case = (c) => c,
) {
  return updateCase(
    ctx,
    mailbox,
    requestMessageId,
    (c) =>
      c.state === "forwarded" || c.state === "sent"
        ? linkConfirmation(also(c), {
            sent: {
              at: evidence.sentAt ?? confirmation.receivedAt ?? ctx.now().toISOString(),
              by: ctx.config.itMailbox,
              evidence,
            },
            confirmed: {
              at: confirmation.receivedAt ?? ctx.now().toISOString(),
              by: confirmation.from?.address ?? ctx.config.itMailbox,
              evidence: {
                messageId: confirmation.id,
                internetMessageId: confirmation.internetMessageId,
                conversationId: confirmation.conversationId,
              },
            },
          })
        : c,
    home,
  );
}
