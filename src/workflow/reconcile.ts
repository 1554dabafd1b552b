// Bringing a case record up to date with what the mailboxes prove happened:
// - an action whose mail went out but whose record write was lost (the pane closed, the connection dropped) is
//   found in Sent Items by its case id and kind, and recorded — never sent again;
// - IT's confirmation that arrived in the inbox is linked, so the case moves to `confirmed` by itself;
// - sends recorded before Exchange filed their Sent Items copy get that copy's id (sentEvidence.ts);
// - a claim (claims.ts) whose draft has left Drafts is a send that went out but was not recorded: it is recorded
//   from the claim's internetMessageId at once, before Exchange has even filed the Sent Items copy.
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
import type { MailboxId, MailMessage, MessageKind } from "../ports/mailService";
import { caseClaimHome, updateCase } from "./caseStore";
import { draftStatus, releasing } from "./claims";
import type { WorkflowContext } from "./context";
import { findItReplies } from "./confirmations";
import type { FoundAnswer } from "./confirmations";
import { completeSentEvidence } from "./sentEvidence";

export type Reconciliation =
  | "forwardRecovered"
  | "confirmationLinked"
  | "relayRecovered"
  /** IT answered a reminder with the case's status (recorded in the history). */
  | "itAnswerLinked"
  /** IT sent the mass mail of a case Communications had cancelled: the two crossed. */
  | "sendCrossedCancel";

export interface ReconcileResult {
  case: Case;
  message: MailMessage;
  changes: Reconciliation[];
}

/** The sent copy of an action of `kind` for a case, if the mailbox holds one. */
export async function findSent(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
): Promise<MailMessage | undefined> {
  const page = await ctx.mail.listCases(mailbox, { folder: "sentitems", caseId, kind, top: 1 });
  return page.items[0];
}

function sentEvidence(sent: MailMessage) {
  return {
    messageId: sent.id,
    internetMessageId: sent.internetMessageId,
    conversationId: sent.conversationId,
    sentAt: sent.sentAt,
  };
}

type Step = (c: Case, act: Act) => Case;

/** The case without a claim on `step` (the step is recorded now, so the claim is over). */
function withoutClaimOn(c: Case, step: ClaimStep): Case {
  if (c.claim?.step !== step) return c;
  const { claim: _over, ...rest } = c;
  return rest;
}

/** A claim on this step whose draft left Drafts: the mail went out; record it from the claim. */
async function recoverClaimed(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  result: ReconcileResult,
  kind: "forward" | "relay",
  change: Reconciliation,
  step: Step,
): Promise<ReconcileResult> {
  const claim = result.case.claim;
  if (claim?.step !== kind || !claim.draftId) return result;
  if ((await draftStatus(ctx, mailbox, claim)) !== "gone") return result;
  const before = result.case.state;
  const home = caseClaimHome(ctx, mailbox, result.message.id);
  const updated = await updateCase(ctx, mailbox, result.message.id, (c) =>
    c.state === before && c.claim?.token === claim.token
      ? releasing(
          home,
          step(c, {
            at: ctx.now().toISOString(),
            by: claim.by,
            ...(claim.for ? { for: claim.for } : {}),
            note: "recovered from the claim: its draft was sent",
            evidence: claim.internetMessageId ? { internetMessageId: claim.internetMessageId } : undefined,
          }),
          claim.token,
        )
      : c,
  );
  if (!updated.changed) return result;
  return { case: updated.case, message: updated.message, changes: [...result.changes, change] };
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
): Promise<ReconcileResult> {
  const before = result.case.state;
  const sent = await findSent(ctx, mailbox, result.case.id, kind);
  if (!sent) return result;
  const updated = await updateCase(ctx, mailbox, result.message.id, (c) =>
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

  if (result.case.state === "received") {
    result = await recoverClaimed(ctx, mailbox, result, "forward", "forwardRecovered", forwardCase);
  }
  if (result.case.state === "received") {
    result = await recoverSent(ctx, mailbox, result, "forward", "forwardRecovered", forwardCase);
  }

  // A cancelled case that went to IT is looked at too, until a send that crossed the cancellation is recorded.
  const crossingPossible =
    result.case.state === "cancelled" &&
    result.case.history.some((h) => h.action === "forwarded") &&
    !sendConflictOf(result.case);
  if (result.case.state === "forwarded" || result.case.state === "sent" || crossingPossible) {
    const since = result.case.history.find((h) => h.action === "forwarded")?.at ?? result.case.createdAt;
    const replies = await findItReplies(ctx, mailbox, since, new Set([current.id]));
    const answered = await linkItAnswers(ctx, mailbox, result, replies.answers.get(current.id) ?? []);
    if (answered) result = answered;
    const found = replies.confirmations.get(current.id);
    if (found && result.case.state === "cancelled") {
      const updated = await updateCase(ctx, mailbox, message.id, (c) =>
        c.state === "cancelled" && !sendConflictOf(c)
          ? recordSentAfterCancel(c, confirmationSent(ctx, found.message, evidenceOf(found.evidence)))
          : c,
      );
      if (updated.changed)
        result = {
          case: updated.case,
          message: updated.message,
          changes: [...result.changes, "sendCrossedCancel"],
        };
    } else if (found && (result.case.state === "forwarded" || result.case.state === "sent")) {
      const updated = await linkFoundConfirmation(
        ctx,
        mailbox,
        message.id,
        found.message,
        evidenceOf(found.evidence),
      );
      result = {
        case: updated.case,
        message: updated.message,
        changes: [...result.changes, "confirmationLinked"],
      };
    }
  }

  if (result.case.state === "confirmed") {
    result = await recoverClaimed(ctx, mailbox, result, "relay", "relayRecovered", relayConfirmation);
  }
  if (result.case.state === "confirmed") {
    result = await recoverSent(ctx, mailbox, result, "relay", "relayRecovered", relayConfirmation);
  }

  // Bookkeeping, not news for the user: no entry in `changes`.
  const completed = await completeSentEvidence(ctx, mailbox, result.message.id, result.case);
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
): Promise<ReconcileResult | undefined> {
  const known = (c: Case, id: string) =>
    c.history.some((h) => h.action === "itAnswered" && h.evidence?.messageId === id);
  const fresh = answers.filter((a) => !known(result.case, a.message.id));
  if (fresh.length === 0) return undefined;
  // Oldest first, so the history reads in order.
  const ordered = [...fresh].sort(
    (a, b) => Date.parse(a.message.receivedAt ?? "") - Date.parse(b.message.receivedAt ?? ""),
  );
  const updated = await updateCase(ctx, mailbox, result.message.id, (c) =>
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
) {
  return updateCase(ctx, mailbox, requestMessageId, (c) =>
    c.state === "forwarded" || c.state === "sent"
      ? linkConfirmation(c, {
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
  );
}
