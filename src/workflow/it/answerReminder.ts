// "Answer with status": IT, on a reminder in its mailbox, replies to Communications in one click with where the
// case stands in IT's mailbox (not yet prepared / prepared, to be sent … / scheduled for … / sent on …). The
// reply carries the x-pregon-it-status header (and, once sent, the send's evidence), so Communications' pane
// links it to the case like IT's confirmation. Each reminder is answered once: the claim and the answer are kept
// on the reminder itself (its own extended property), and the send goes through the one send-exactly-once
// pipeline (workflow/sendPipeline.ts) like every other mail.
import { CASE_HEADER, decodeCaseHeader } from "../../domain/caseHeader";
import type { CaseSummary } from "../../domain/caseHeader";
import type { Claim } from "../../domain/claim";
import { toLocalDate } from "../../domain/dates";
import { AppError } from "../../domain/errors";
import type { ItRecord } from "../../domain/itRecord";
import type { AnswerRecord } from "../../domain/itStatus";
import { DEFAULT_SCHEDULED_SEND_TIME, requestedSendInstant } from "../../domain/schedule";
import {
  IT_STATUS_HEADER,
  decodeAnswerRecord,
  encodeAnswerRecord,
  encodeItStatusHeader,
  itStatusOf,
} from "../../domain/itStatus";
import { itStatusAnswerTemplate } from "../../domain/templates";
import type { MailboxId, MailMessage, SentResult } from "../../ports/mailService";
import type { ClaimHome, ClaimOptions } from "../claims";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { WorkflowContext } from "../context";
import { updateRecord } from "../recordStore";
import { sendOnce } from "../sendOnce";
import { claimEvidence, sendExactlyOnce } from "../sendPipeline";
import { itRecordOf } from "./itStore";
import type { ItOpened } from "./openItCase";

type ItCase = Extract<ItOpened, { kind: "itCase" }>;

/**
 * Where the case stands in IT's record now, with the times an answer states: a mass mail Exchange holds is
 * "scheduled for" the time it leaves; a prepared one waiting for the requested date names the requested date at the
 * institution's send time (domain/schedule.ts), the time IT's send dialog schedules it for.
 */
export function itStatusNow(
  ctx: WorkflowContext,
  record: ItRecord,
  summary: CaseSummary,
): ReturnType<typeof itStatusOf> {
  const { timeZone } = ctx.config.institution;
  const now = ctx.now();
  const requestedAt = requestedSendInstant(
    summary.fields.requestedDate,
    ctx.config.scheduledSendTime ?? DEFAULT_SCHEDULED_SEND_TIME,
    timeZone,
    now,
  );
  return itStatusOf(
    record,
    summary,
    toLocalDate(now, timeZone),
    requestedAt ? { now, requestedAt } : { now },
  );
}

/** Tolerated difference between this computer's clock and Exchange's. */
const CLOCK_SLACK_MS = 60_000;

export function answerRecordOf(message: MailMessage, caseId: string): AnswerRecord {
  const raw = message.caseProps.answer;
  if (!raw) return { v: 1, caseId };
  const decoded = decodeAnswerRecord(raw);
  if (!decoded) throw new AppError("invalidRecord", "The answer kept on the reminder is not readable");
  return decoded;
}

/** The reminder in IT's mailbox as the home of the answer's claim (workflow/claims.ts). */
export function answerHome(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  reminderId: string,
  caseId: string,
): ClaimHome<AnswerRecord> {
  return {
    async read() {
      const message = await ctx.mail.getMessage(mailbox, reminderId);
      return { record: answerRecordOf(message, caseId), message };
    },
    async write(message, record) {
      const answer = encodeAnswerRecord(record);
      const { etag } = await ctx.mail.writeCaseProps(
        mailbox,
        reminderId,
        { answer },
        { ifMatch: message.etag },
      );
      return { ...message, etag, caseProps: { ...message.caseProps, answer } };
    },
    claimOf: (r) => r.claim,
    withClaim(r, claim) {
      const { claim: _dropped, ...rest } = r;
      return claim ? { ...rest, claim } : rest;
    },
  };
}

/** Whether the message the IT pane was opened on is a reminder about this case (from its case header). */
export async function openedOnReminder(
  ctx: WorkflowContext,
  opened: ItCase,
): Promise<MailMessage | undefined> {
  if (opened.openedId === opened.message.id) return undefined;
  const selected = await ctx.mail.getMessage(opened.mailbox, opened.openedId, { withHeaders: true });
  const header = decodeCaseHeader(selected.headers?.[CASE_HEADER]);
  return header?.message === "reminder" && header.id.toUpperCase() === opened.summary.id.toUpperCase()
    ? selected
    : undefined;
}

export async function answerReminder(
  ctx: WorkflowContext,
  opened: ItCase,
  options: ClaimOptions = {},
): Promise<AnswerRecord> {
  const { mailbox, summary } = opened;
  const reminder = await openedOnReminder(ctx, opened);
  if (!reminder) throw new AppError("badRequest", "Open a reminder of the case to answer it");
  const home = answerHome(ctx, mailbox, reminder.id, summary.id);
  // IT's record as it is when the claim is taken (not as the pane opened it): the answer says where the case stands.
  let status: ReturnType<typeof itStatusOf> | undefined;
  const statusNow = async () =>
    itStatusNow(ctx, itRecordOf(await ctx.mail.getMessage(mailbox, opened.message.id), summary.id), summary);
  return sendExactlyOnce<AnswerRecord, SentResult, AnswerRecord>(ctx, {
    key: `answer:${reminder.id}`,
    home,
    options,
    check: (record) => record.answered && record,
    claim: () => ({
      step: "reminderAnswer",
      mail: {
        mailbox,
        caseId: summary.id,
        kind: "reminderAnswer",
        isClaims: (sent, claim) =>
          (!!claim.internetMessageId && sent.internetMessageId === claim.internetMessageId) ||
          (sent.sentAt !== undefined && Date.parse(sent.sentAt) >= Date.parse(claim.since) - CLOCK_SLACK_MS),
      },
      isDone: (r) => !!r.answered,
    }),
    done: (record) => record,
    prepare: async () => {
      status = await statusNow();
    },
    sentByClaim: () => ({}),
    send: (claim) => {
      if (!status) throw new AppError("unknown", "The status to answer with was not read");
      const template = itStatusAnswerTemplate({
        lang: ctx.config.institution.defaultLanguage,
        caseId: summary.id,
        subject: summary.fields.subject,
        status,
        timeZone: ctx.config.institution.timeZone,
      });
      const header = encodeItStatusHeader({
        ...status,
        ...(reminder.internetMessageId ? { reminder: reminder.internetMessageId } : {}),
      });
      return sendOnce(
        ctx,
        mailbox,
        summary.id,
        "reminderAnswer",
        () =>
          ctx.mail.reply(mailbox, reminder.id, {
            to: [{ address: ctx.config.communicationsMailbox }],
            subject: template.subject,
            commentHtml: template.html,
            caseId: summary.id,
            kind: "reminderAnswer",
            headers: { [IT_STATUS_HEADER]: header },
            beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
          }),
        // Answers to earlier reminders are in Sent Items too: only one sent under this claim is ours.
        (copy) =>
          Date.parse(copy.sentAt ?? ctx.now().toISOString()) >= Date.parse(claim.since) - CLOCK_SLACK_MS,
      );
    },
    sentUnderClaim: claimEvidence,
    record: async (claim, sent) =>
      (await recordAnswer(ctx, mailbox, home, claim, (status ?? (await statusNow())).status, sent)).record,
  });
}

/**
 * The answer's write on the reminder, which also clears the claim it was sent under (workflow/recordStore.ts:
 * If-Match, re-applied on a conflict). Also what reopening IT's pane on the reminder does with a claimed answer
 * whose draft left Drafts (it/recoverIt.ts).
 */
export async function recordAnswer(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  home: ClaimHome<AnswerRecord>,
  claim: Claim,
  status: NonNullable<AnswerRecord["answered"]>["status"],
  sent: SentResult,
): Promise<{ record: AnswerRecord; changed: boolean }> {
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  const saved = await updateRecord(home, (record) =>
    record.answered
      ? releasing(home, record, claim.token)
      : releasing(
          home,
          {
            ...record,
            answered: {
              at: sent.sentAt ?? ctx.now().toISOString(),
              ...actorOfClaim(ctx, mailbox, claim),
              status,
              ...(sent.sentItemId ? { messageId: sent.sentItemId } : {}),
              ...(internetMessageId ? { internetMessageId } : {}),
            },
          },
          claim.token,
        ),
  );
  return { record: saved.record, changed: saved.changed };
}
