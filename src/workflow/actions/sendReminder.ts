// "Send reminder to IT": a reply on the forward's thread, addressed to IT, case id kept in the subject.
import { AppError } from "../../domain/errors";
import { recordReminder, recordSentReminder } from "../../domain/lifecycle";
import { reminderCount } from "../../domain/compaction";
import { daysBetween, toLocalDate } from "../../domain/dates";
import { guardReminderPace } from "../../domain/reminders";
import { reminderTemplate } from "../../domain/templates";
import type { Case, HistoryEntry } from "../../domain/types";
import type { Claim } from "../../domain/claim";
import type { MailboxId, MailMessage, SentResult } from "../../ports/mailService";
import { caseClaimHome, updateCase } from "../caseStore";
import type { UpdateResult } from "../caseStore";
import { caseHeaderOf } from "../caseProtocol";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimHome, ClaimOptions } from "../claims";
import { calendarOf, started, urgentTimingOf } from "../context";
import type { WorkflowContext } from "../context";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { claimEvidence, sendExactlyOnce } from "../sendPipeline";

/** Tolerated difference between this computer's clock and Exchange's. */
const CLOCK_SLACK_MS = 60_000;

function isNewReminder(earlier: readonly HistoryEntry[], sinceMs: number): (sent: MailMessage) => boolean {
  const known = new Set(
    earlier.flatMap((h) => [h.evidence?.messageId, h.evidence?.internetMessageId]).filter(Boolean),
  );
  return (sent) =>
    !known.has(sent.id) &&
    !(sent.internetMessageId && known.has(sent.internetMessageId)) &&
    (sent.sentAt === undefined || Date.parse(sent.sentAt) >= sinceMs);
}

export interface ReminderOptions extends ClaimOptions {
  /**
   * The person confirmed a second reminder on the same business day. Without it, a case already reminded this
   * business day is refused with "reminderAlreadySentToday" (details.at: the earlier reminder) and nothing is sent.
   */
  confirmSecond?: boolean;
}

export function sendReminder(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
  options: ReminderOptions = {},
): Promise<Case> {
  const home = caseClaimHome(ctx, mailbox, messageId);
  const calendar = calendarOf(ctx.config);
  // The domain refuses reminders on other states, and a second one the same business day (an urgent case: within
  // its reminder hours) unless confirmed.
  // Checked before anything is claimed, and again on the claimed record: another pane may have reminded between.
  const guard = (c: Case) => {
    recordReminder(c, { at: ctx.now().toISOString(), by: ctx.user });
    guardReminderPace(c, ctx.now(), calendar, options.confirmSecond === true, urgentTimingOf(ctx.config));
  };
  let forwardCopy: Promise<MailMessage | undefined> | undefined;
  return sendExactlyOnce<Case, SentResult, Case>(ctx, {
    key: `remind:${messageId}`,
    home,
    options,
    check: (record) => {
      guard(record);
      return undefined;
    },
    claim: (record) => ({
      step: "reminder",
      mail: {
        mailbox,
        caseId: record.id,
        kind: "reminder",
        isClaims: (sent, claim) =>
          (!!claim.internetMessageId && sent.internetMessageId === claim.internetMessageId) ||
          (sent.sentAt !== undefined && Date.parse(sent.sentAt) >= Date.parse(claim.since) - CLOCK_SLACK_MS),
      },
    }),
    done: (record) => record,
    sentByClaim: () => ({}),
    guard,
    // The forward's Sent Items copy, when the record does not name it yet, is looked for in the same round trip as
    // the claim's read-back: a claim does not change which forward the case has.
    alongReadBack: (first) => {
      if (!first.history.find((h) => h.action === "forwarded")?.evidence?.messageId)
        forwardCopy = started(findSent(ctx, mailbox, first.id, "forward"));
    },
    send: async (claim, current) => {
      const forwarded = current.history.find((h) => h.action === "forwarded");
      const today = toLocalDate(ctx.now(), ctx.config.institution.timeZone);
      const template = reminderTemplate({
        lang: ctx.config.institution.defaultLanguage,
        caseId: current.id,
        subject: current.fields.subject,
        requestingUnit: current.fields.requestingUnit,
        dueDate: current.dueDate,
        overdueDays: Math.max(0, daysBetween(current.dueDate, today)),
        forwardedAt: forwarded?.at,
        timeZone: ctx.config.institution.timeZone,
        note,
      });
      const earlier = current.history.filter((h) => h.action === "reminded");
      const forwardId =
        forwarded?.evidence?.messageId ??
        (await (forwardCopy ?? findSent(ctx, mailbox, current.id, "forward")))?.id;
      if (!forwardId) throw new AppError("notInSentItemsYet", "The forward to IT is not in Sent Items yet");
      return sendOnce(
        ctx,
        mailbox,
        current.id,
        "reminder",
        () =>
          ctx.mail.reply(mailbox, forwardId, {
            to: [{ address: ctx.config.itMailbox }],
            subject: template.subject,
            commentHtml: template.html,
            caseId: current.id,
            kind: "reminder",
            headers: caseHeaderOf(current, "reminder"),
            beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
          }),
        // After an unclear send, Sent Items holds the earlier reminders too: only a newer, unrecorded one is ours.
        isNewReminder(earlier, ctx.now().getTime() - CLOCK_SLACK_MS),
      );
    },
    sentUnderClaim: claimEvidence,
    record: async (claim, sent) =>
      (await recordReminderSent(ctx, mailbox, messageId, claim, sent, home)).case,
  });
}

/**
 * The reminder's record write, which also clears the claim it was sent under. Also what reopening does with a
 * claimed reminder whose draft left Drafts (workflow/reconcile.ts): recorded once, by its internetMessageId.
 */
export function recordReminderSent(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  claim: Claim,
  sent: SentResult,
  home: ClaimHome<Case> = caseClaimHome(ctx, mailbox, messageId),
): Promise<UpdateResult> {
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  return updateCase(
    ctx,
    mailbox,
    messageId,
    (c) => {
      const known = c.history.some(
        (h) =>
          h.action === "reminded" &&
          ((sent.sentItemId && h.evidence?.messageId === sent.sentItemId) ||
            (internetMessageId && h.evidence?.internetMessageId === internetMessageId)),
      );
      const before = reminderCount(c.history);
      const next = known
        ? c
        : recordSentReminder(c, {
            at: sent.sentAt ?? ctx.now().toISOString(),
            ...actorOfClaim(ctx, mailbox, claim),
            note: before > 0 ? `reminder ${before + 1}` : undefined,
            evidence: { messageId: sent.sentItemId, internetMessageId },
          });
      return releasing(home, next, claim.token);
    },
    home,
  );
}
