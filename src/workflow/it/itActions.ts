// IT's actions on a forwarded case: prepare the mass-mail draft, send it once, and confirm to Communications.
import { CASE_ID_HEADER, EVIDENCE_HEADER, encodeEvidenceHeader } from "../../domain/evidenceHeader";
import { AppError } from "../../domain/errors";
import type { ItRecord } from "../../domain/itRecord";
import { withDeliveryProblems } from "../../domain/itRecord";
import { itConfirmationTemplate } from "../../domain/templates";
import type { AudienceKey } from "../../domain/types";
import type { Claim } from "../../domain/claim";
import type { MailMessage, SentResult } from "../../ports/mailService";
import { acquireClaim, actorOfClaim, recordClaimDraft, releasing, underClaim } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";
import type { AudienceCount } from "./groups";
import { chosenGroups } from "./groups";
import { itClaimHome, itRecordOf, updateItRecord } from "./itStore";
import type { ItOpened } from "./openItCase";
import { lookForDeliveryProblems } from "./deliveryReports";
import { actorOf, sentFacts } from "./openItCase";
import type { SenderChoice } from "./senders";
import { findCaseMessages } from "./caseMessages";
import type { CancelNotice } from "../../domain/caseHeader";
import { refuseEmptyDraft, refuseEmptyMessage } from "./massMailContent";

/** Communications cancelled the case: nothing is prepared or sent. */
export function caseCancelledError(cancelled: CancelNotice): AppError {
  return new AppError("caseCancelled", `Communications cancelled the case: ${cancelled.reason}`, {
    details: { reason: cancelled.reason, by: cancelled.by, at: cancelled.at },
  });
}

/**
 * One more look at the case's messages in IT's mailbox (one filtered request): a cancellation that arrived since
 * the pane opened stops the step.
 */
async function refuseIfCancelledNow(ctx: WorkflowContext, opened: ItCase): Promise<void> {
  const { latest } = await findCaseMessages(ctx, opened.mailbox, opened.summary.id);
  const cancelled = latest?.summary.cancelled ?? opened.cancelled;
  if (cancelled) throw caseCancelledError(cancelled);
}

type ItCase = Extract<ItOpened, { kind: "itCase" }>;

export interface PrepareInput {
  audiences: readonly AudienceKey[];
  counts: readonly AudienceCount[];
  sender: SenderChoice;
}

/** Creates the draft (or returns the one already prepared): BCC the groups, no case id in the subject. */
export function prepareMassMail(
  ctx: WorkflowContext,
  opened: ItCase,
  input: PrepareInput,
  options: ClaimOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlight(`prepare:${message.id}`, async () => {
    const home = itClaimHome(ctx, mailbox, message.id, summary.id);
    if (opened.cancelled) throw caseCancelledError(opened.cancelled);
    refuseEmptyMessage(ctx, opened);
    const groups = chosenGroups(ctx, input.audiences, input.counts);
    if (groups.length === 0) throw new AppError("badRequest", "Choose at least one audience");
    // Before the draft exists: a file that cannot be copied must not leave a half-made draft behind.
    ctx.mail.assertAttachmentsCopyable(mailbox, opened.attachments);
    const acquired = await acquireClaim(
      ctx,
      home,
      "massMailDraft",
      { mailbox, caseId: summary.id },
      { ...options, isDone: (r) => r.state !== "received" && !!r.draftId },
    );
    if (acquired.kind !== "claimed") return acquired.record;
    const { claim } = acquired;
    const draft = await underClaim(
      ctx,
      home,
      mailbox,
      claim.token,
      async () => {
        const made = await ctx.mail.createDraft(mailbox, {
          subject: summary.fields.subject,
          bodyHtml: ctx.sanitizeHtml(opened.messageHtml),
          bcc: groups.map((g) => ({ address: g.address })),
          from: input.sender.sender,
          caseProps: { caseId: summary.id, kind: "massMail" },
          headers: { [CASE_ID_HEADER]: summary.id },
        });
        const carry = opened.attachments.map((a) => a.id);
        if (carry.length > 0) await ctx.mail.copyAttachments(mailbox, message.id, made.id, carry);
        return made;
      },
      () => {
        throw new AppError("unknown", "The mass-mail draft claim names no draft");
      },
    );
    return updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
      releasing(
        home,
        {
          ...r,
          state: "prepared",
          draftId: draft.id,
          sender: input.sender.sender,
          senderFallback: input.sender.fallback,
          groups,
        },
        claim.token,
      ),
    );
  });
}

/** After Exchange refused the requested sender: the same draft, from the institutional sender. */
export async function switchDraftSender(
  ctx: WorkflowContext,
  opened: ItCase,
  sender: SenderChoice,
): Promise<ItRecord> {
  const record = itRecordOf(await ctx.mail.getMessage(opened.mailbox, opened.message.id), opened.summary.id);
  if (!record.draftId) throw new AppError("notFound", "No draft prepared");
  await ctx.mail.setDraftSender(opened.mailbox, record.draftId, sender.sender);
  return updateItRecord(ctx, opened.mailbox, opened.message.id, opened.summary.id, (r) => ({
    ...r,
    sender: sender.sender,
    senderFallback: sender.fallback,
  }));
}

/**
 * Sends the prepared draft exactly once: Sent Items is checked first (a send from a compose window, or one whose
 * answer was lost, counts), and a refused send leaves the draft as it was. The record takes the draft's
 * internetMessageId, which the sent mail keeps (graph/outgoing.ts): its Sent Items copy is filed seconds later,
 * and the next opening records that copy's id (openItCase.ts).
 */
export function sendMassMail(
  ctx: WorkflowContext,
  opened: ItCase,
  options: ClaimOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlight(`massmail:${message.id}`, async () => {
    const home = itClaimHome(ctx, mailbox, message.id, summary.id);
    const record = itRecordOf(await ctx.mail.getMessage(mailbox, message.id), summary.id);
    if (record.state === "sent" || record.state === "confirmed") return record;
    if (opened.cancelled) throw caseCancelledError(opened.cancelled);
    if (!record.draftId) throw new AppError("notFound", "Prepare the mass mail first");
    const draftId = record.draftId;
    const draft = await draftOrGone(ctx, mailbox, draftId);
    if (draft) refuseEmptyDraft(draft);
    const acquired = await acquireClaim(
      ctx,
      home,
      "massMailSend",
      { mailbox, caseId: summary.id, kind: "massMail" },
      {
        ...options,
        isDone: (r) => r.state === "sent" || r.state === "confirmed",
        draft: { id: draftId, internetMessageId: draft?.internetMessageId },
      },
    );
    if (acquired.kind === "done") return acquired.record;
    if (acquired.kind === "sentByClaim") return recordMassSend(ctx, opened, acquired.claim, {});
    const { claim } = acquired;
    const sent = await underClaim(
      ctx,
      home,
      mailbox,
      claim.token,
      async (): Promise<Partial<NonNullable<ItRecord["sent"]>>> => {
        // Right before the send: no copy of the case's mass mail may be out already (a compose window, another
        // draft of the case, an answer that was lost).
        const already = await findSent(ctx, mailbox, summary.id, "massMail");
        if (already) return sentFacts(already, actorIn(ctx, mailbox));
        // The draft left Drafts but its copy is not in Sent Items: sent (from a compose window, say) moments ago.
        if (!draft)
          throw new AppError("notInSentItemsYet", "The mass mail left Drafts but is not in Sent Items yet");
        // Right before the send: a cancellation that reached IT's mailbox since the pane opened stops it.
        await refuseIfCancelledNow(ctx, opened);
        return sendDraftOnce(ctx, opened, draftId, draft);
      },
      (held) => (held.internetMessageId ? { internetMessageId: held.internetMessageId } : {}),
    );
    return recordMassSend(ctx, opened, claim, sent);
  });
}

async function draftOrGone(ctx: WorkflowContext, mailbox: string, draftId: string) {
  try {
    return await ctx.mail.getMessage(mailbox, draftId, { withBody: true, withAttachments: true });
  } catch (e) {
    if (e instanceof AppError && e.code === "notFound") return undefined;
    throw e;
  }
}

/** The mass send's record write, which also clears the claim it was sent under. */
async function recordMassSend(
  ctx: WorkflowContext,
  opened: ItCase,
  claim: Claim,
  sent: Partial<NonNullable<ItRecord["sent"]>>,
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  const home = itClaimHome(ctx, mailbox, message.id, summary.id);
  const facts: NonNullable<ItRecord["sent"]> = {
    at: sent.at ?? ctx.now().toISOString(),
    ...(sent.by ? actorOf({ by: sent.by, for: sent.for }) : actorOfClaim(ctx, mailbox, claim)),
  };
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  if (internetMessageId) facts.internetMessageId = internetMessageId;
  if (sent.sentItemId) facts.sentItemId = sent.sentItemId;
  if (sent.conversationId) facts.conversationId = sent.conversationId;
  return updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
    releasing(
      home,
      r.state === "sent" || r.state === "confirmed" ? r : { ...r, state: "sent", sent: facts },
      claim.token,
    ),
  );
}

async function sendDraftOnce(
  ctx: WorkflowContext,
  opened: ItCase,
  draftId: string,
  draft: MailMessage,
): Promise<NonNullable<ItRecord["sent"]>> {
  const { mailbox, summary } = opened;
  const result = await sendOnce(ctx, mailbox, summary.id, "massMail", async () => {
    await ctx.mail.sendDraft(mailbox, draftId);
    return draft.internetMessageId ? { internetMessageId: draft.internetMessageId } : {};
  });
  const facts: NonNullable<ItRecord["sent"]> = {
    at: result.sentAt ?? ctx.now().toISOString(),
    ...actorIn(ctx, mailbox),
  };
  const internetMessageId = result.internetMessageId ?? draft.internetMessageId;
  if (internetMessageId) facts.internetMessageId = internetMessageId;
  const conversationId = result.conversationId ?? draft.conversationId;
  if (conversationId) facts.conversationId = conversationId;
  if (result.sentItemId) facts.sentItemId = result.sentItemId;
  return facts;
}

/**
 * The mass mail's facts with a non-empty internetMessageId, which the confirmation must carry: from the record,
 * else from the copy in Sent Items (recorded then); refused while Exchange has not filed that copy yet.
 */
async function sentWithMessageId(
  ctx: WorkflowContext,
  opened: ItCase,
  record: ItRecord,
): Promise<{ record: ItRecord; sent: NonNullable<ItRecord["sent"]> & { internetMessageId: string } }> {
  const { mailbox, message, summary } = opened;
  const known = record.sent;
  if (known?.internetMessageId)
    return { record, sent: { ...known, internetMessageId: known.internetMessageId } };
  const found = await findSent(ctx, mailbox, summary.id, "massMail");
  const internetMessageId = found?.internetMessageId;
  if (!found || !internetMessageId)
    throw new AppError("notInSentItemsYet", "The mass mail is not in Sent Items yet");
  const updated = await updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
    r.sent?.internetMessageId
      ? r
      : { ...r, sent: { ...r.sent, ...sentFacts(found, r.sent ? actorOf(r.sent) : actorIn(ctx, mailbox)) } },
  );
  const sent = updated.sent ?? sentFacts(found, actorIn(ctx, mailbox));
  return {
    record: updated,
    sent: { ...sent, internetMessageId: sent.internetMessageId ?? internetMessageId },
  };
}

/** A claimed confirmation that went out: its Sent Items copy when filed already (else recorded without it). */
async function copyOfClaimed(ctx: WorkflowContext, mailbox: string, caseId: string): Promise<SentResult> {
  const copy = await findSent(ctx, mailbox, caseId, "confirmation");
  return copy ? { sentItemId: copy.id, sentAt: copy.sentAt } : {};
}

/**
 * Replies on the forwarded thread with the evidence, readable and in the x-pregon-evidence header. The evidence
 * always names the mass mail's internetMessageId: never sent with an empty one.
 */
export function confirmToCommunications(
  ctx: WorkflowContext,
  opened: ItCase,
  options: ClaimOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlight(`confirm:${message.id}`, async () => {
    const home = itClaimHome(ctx, mailbox, message.id, summary.id);
    const first = itRecordOf(await ctx.mail.getMessage(mailbox, message.id), summary.id);
    if (first.state === "confirmed") return first;
    if (first.state !== "sent" || !first.sent)
      throw new AppError("illegalTransition", "Send the mass mail first");
    const withId = await sentWithMessageId(ctx, opened, first);
    const acquired = await acquireClaim(
      ctx,
      home,
      "confirmation",
      { mailbox, caseId: summary.id, kind: "confirmation" },
      { ...options, isDone: (r) => r.state === "confirmed" },
    );
    if (acquired.kind === "done") return acquired.record;
    const claim = acquired.claim;
    // Reports that came back since the pane opened are part of the evidence: Communications must not read
    // "sent" as "delivered" for a group that refused it. They are recorded with the confirmation (one write).
    const found = await lookForDeliveryProblems(ctx, mailbox, withId.record);
    const record = withDeliveryProblems(withId.record, found);
    const refused = (record.deliveryProblems ?? []).map((p) => p.address);
    const sent = withId.sent;
    const labels = new Map(ctx.config.audiences.map((a) => [a.group.toLowerCase(), a.label]));
    const lang = ctx.config.institution.defaultLanguage;
    const template = itConfirmationTemplate({
      lang,
      caseId: summary.id,
      subject: summary.fields.subject,
      sentAt: sent.at,
      timeZone: ctx.config.institution.timeZone,
      groups: record.groups.map((g) => ({
        address: g.address,
        label: labels.get(g.address.toLowerCase())?.[lang],
        recipientCount: g.count,
      })),
      internetMessageId: sent.internetMessageId,
      sentFrom: record.sender?.address,
      refused,
    });
    const reply: SentResult =
      acquired.kind === "sentByClaim"
        ? await copyOfClaimed(ctx, mailbox, summary.id)
        : await underClaim(
            ctx,
            home,
            mailbox,
            claim.token,
            async (): Promise<SentResult> => {
              const already = await findSent(ctx, mailbox, summary.id, "confirmation");
              if (already) return { sentItemId: already.id, sentAt: already.sentAt };
              return sendOnce(ctx, mailbox, summary.id, "confirmation", () =>
                ctx.mail.reply(mailbox, message.id, {
                  beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
                  subject: template.subject,
                  commentHtml: template.html,
                  caseId: summary.id,
                  kind: "confirmation",
                  headers: {
                    [EVIDENCE_HEADER]: encodeEvidenceHeader({
                      sentAt: sent.at,
                      internetMessageId: sent.internetMessageId,
                      groups: record.groups,
                      ...(refused.length > 0 ? { refused } : {}),
                    }),
                  },
                }),
              );
            },
            () => ({}),
          );
    return updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
      releasing(
        home,
        r.state === "confirmed"
          ? r
          : withDeliveryProblems(
              {
                ...r,
                state: "confirmed",
                confirmed: {
                  at: reply.sentAt ?? ctx.now().toISOString(),
                  ...actorOfClaim(ctx, mailbox, claim),
                  messageId: reply.sentItemId,
                },
              },
              found,
            ),
        claim.token,
      ),
    );
  });
}
