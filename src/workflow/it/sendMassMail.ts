// IT sends the prepared mass mail exactly once, and records it (IT lifecycle: prepared → sent).
import { refuseEmptyDraft } from "./massMailContent";
import { AppError } from "../../domain/errors";
import { DEFAULT_SCHEDULED_SEND_TIME, instantAt, requestedSendInstant } from "../../domain/schedule";
import type { Claim } from "../../domain/claim";
import { guardItStep, itMassMailWentOut, markItSent, rememberSendAsRefusal } from "../../domain/itLifecycle";
import type { ItRecord, SendAsRefusal } from "../../domain/itRecord";
import { totalRecipients } from "../../domain/itRecord";
import { CONTENT_FINDING_CODES, findHeavySend } from "../../domain/policy";
import type { ContentFindingCode } from "../../domain/policy";
import type { MailAddress } from "../../domain/types";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import { actorOfClaim, releasing } from "../claims";
import type { ClaimHome, ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { actorIn, started } from "../context";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { claimEvidence, sendExactlyOnce } from "../sendPipeline";
import { caseCancelledError, refuseIfCancelledNow } from "./itCase";
import type { ItCase } from "./itCase";
import { itClaimHome, updateItRecord } from "./itStore";
import { refuseUnlessApproved } from "./testSend";
import { actorOf, sentFacts } from "./sentFacts";

/**
 * How IT sends: scheduled for the requested date and time (the default when it is still ahead: Exchange holds the
 * mass mail in Drafts until then), or now — which, before the requested time, needs a reason.
 */
export type SendWhen = { mode: "scheduled" } | { mode: "now"; earlyReason?: string };

export interface SendMassMailOptions extends ClaimOptions {
  when?: SendWhen;
}

/** When the requester asked the mass mail to go out (the case as it now stands), and whether that is still ahead. */
export function requestedSend(
  ctx: WorkflowContext,
  opened: ItCase,
): { at: string; ahead: boolean } | undefined {
  const date = opened.summary.fields.requestedDate;
  if (!date) return undefined;
  const sendTime = ctx.config.scheduledSendTime ?? DEFAULT_SCHEDULED_SEND_TIME;
  const { timeZone } = ctx.config.institution;
  return {
    at: instantAt(date, sendTime, timeZone),
    ahead: requestedSendInstant(date, sendTime, timeZone, ctx.now()) !== undefined,
  };
}

/** The requested send time, if it is still ahead (then the mass mail is scheduled for it by default). */
export function requestedSendTime(ctx: WorkflowContext, opened: ItCase): string | undefined {
  const requested = requestedSend(ctx, opened);
  return requested?.ahead ? requested.at : undefined;
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
  options: SendMassMailOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  const { when, ...claimOptions } = options;
  const requestedFor = requestedSendTime(ctx, opened);
  const scheduledFor = requestedFor && when?.mode !== "now" ? requestedFor : undefined;
  const earlyReason = when?.mode === "now" ? when.earlyReason?.trim() : undefined;
  let draftId = "";
  let draft: MailMessage | undefined;
  let sender: ItRecord["sender"];
  let contentWarnings: ContentFindingCode[] = [];
  let cancelCheck: Promise<void> | undefined;
  const home = itClaimHome(ctx, mailbox, message.id, summary.id);
  const sending = sendExactlyOnce<ItRecord, Partial<NonNullable<ItRecord["sent"]>>, ItRecord>(ctx, {
    key: `massmail:${message.id}`,
    home,
    options: claimOptions,
    check: async (record) => {
      if (itMassMailWentOut(record)) return record;
      if (opened.cancelled) throw caseCancelledError(opened.cancelled);
      // testSend.approvalRequired: no mass send before the requester approved IT's test (it/testSend.ts).
      refuseUnlessApproved(ctx, record);
      if (requestedFor && !scheduledFor && !earlyReason) {
        throw new AppError("badRequest", "Sending before the requested date and time needs a reason", {
          details: { field: "earlyReason", requestedFor },
        });
      }
      if (!record.draftId) throw new AppError("notFound", "Prepare the mass mail first");
      guardItStep(record, "send");
      draftId = record.draftId;
      sender = record.sender;
      contentWarnings = contentWarningsOf(opened, record);
      draft = await draftOrGone(ctx, mailbox, draftId);
      if (draft) refuseEmptyDraft(draft);
      return undefined;
    },
    claim: () => ({
      step: "massMailSend",
      mail: { mailbox, caseId: summary.id, kind: "massMail" },
      isDone: (r) => {
        if (itMassMailWentOut(r)) return true;
        guardItStep(r, "send");
        return false;
      },
      draft: { id: draftId, internetMessageId: draft?.internetMessageId },
    }),
    done: (record) => record,
    sentByClaim: () => ({}),
    // Right before the send: no copy of the case's mass mail may be out already (a compose window, another
    // draft of the case, an answer that was lost).
    alreadySent: async () => {
      const already = await findSent(ctx, mailbox, summary.id, "massMail");
      return already ? sentFacts(already, actorIn(ctx, mailbox)) : undefined;
    },
    // The last look for a cancellation goes with the claim's read-back (one round trip): after the claim, with
    // nothing but this action's own reads between it and the send.
    alongReadBack: () => {
      cancelCheck = started(refuseIfCancelledNow(ctx, opened));
    },
    send: async () => {
      // The draft left Drafts but its copy is not in Sent Items: sent (from a compose window, say) moments ago.
      if (!draft)
        throw new AppError("notInSentItemsYet", "The mass mail left Drafts but is not in Sent Items yet");
      // Right before the send: a cancellation that reached IT's mailbox since the pane opened stops it.
      await (cancelCheck ?? refuseIfCancelledNow(ctx, opened));
      // Exchange's deferred delivery: the draft carries the time before /send (graph/deferredSend.ts).
      if (scheduledFor) await ctx.mail.setDeferredSendTime(mailbox, draftId, scheduledFor);
      const facts = await sendDraftOnce(ctx, opened, draftId, draft);
      if (scheduledFor) facts.scheduledFor = scheduledFor;
      return facts;
    },
    sentUnderClaim: claimEvidence,
    record: (claim, sent) =>
      recordMassSend(
        ctx,
        mailbox,
        message.id,
        summary.id,
        claim,
        {
          ...sent,
          ...(earlyReason ? { earlyReason } : {}),
          ...(contentWarnings.length > 0 ? { contentWarnings } : {}),
        },
        requestedFor,
        home,
      ),
  });
  return sending.catch(async (e: unknown) => {
    const refused = draft?.from ?? sender;
    if (e instanceof AppError && e.code === "sendAsDenied" && refused) {
      await rememberRefusal(ctx, opened, refused);
    }
    throw e;
  });
}

/**
 * What the content checks found in the mail IT sends anyway (they never block it): the review's findings, and the
 * weight of the send against the groups' member counts. Each code once, in the checks' order, for the record.
 */
function contentWarningsOf(opened: ItCase, record: ItRecord): ContentFindingCode[] {
  const found = new Set<ContentFindingCode>(opened.content.findings.map((f) => f.code));
  if (findHeavySend(opened.content.weight, totalRecipients(record.groups))) found.add("heavySend");
  return CONTENT_FINDING_CODES.filter((code) => found.has(code));
}

/**
 * Exchange refused the send as `sender` (403 ErrorSendAsDenied: the operator has no Send As on it). Graph offers no
 * way to ask beforehand under delegated mail permissions — the refusal comes at submission
 * (microsoftgraph/microsoft-graph-docs-contrib#7401) — so IT's record remembers it, and the pane says so before
 * the next send as that sender. Best effort: the refusal itself is what the caller must see, whatever this write does.
 */
async function rememberRefusal(ctx: WorkflowContext, opened: ItCase, sender: MailAddress): Promise<void> {
  const refusal: SendAsRefusal = {
    address: sender.address,
    at: ctx.now().toISOString(),
    ...actorIn(ctx, opened.mailbox),
  };
  if (sender.name) refusal.name = sender.name;
  try {
    await updateItRecord(ctx, opened.mailbox, opened.message.id, opened.summary.id, (r) =>
      rememberSendAsRefusal(r, refusal),
    );
  } catch {
    // The send was refused either way; the next refusal is remembered again.
  }
}

async function draftOrGone(ctx: WorkflowContext, mailbox: string, draftId: string) {
  try {
    return await ctx.mail.getMessage(mailbox, draftId, { withBody: true, withAttachments: true });
  } catch (e) {
    if (e instanceof AppError && e.code === "notFound") return undefined;
    throw e;
  }
}

/**
 * The mass send's record write, which also clears the claim it was sent under. Also what reopening IT's pane does
 * with a claimed send whose draft left Drafts (it/recoverIt.ts).
 */
export async function recordMassSend(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  claim: Claim,
  sent: Partial<NonNullable<ItRecord["sent"]>>,
  requestedFor?: string,
  home: ClaimHome<ItRecord> = itClaimHome(ctx, mailbox, messageId, caseId),
): Promise<ItRecord> {
  const facts: NonNullable<ItRecord["sent"]> = {
    at: sent.at ?? ctx.now().toISOString(),
    ...(sent.by ? actorOf({ by: sent.by, for: sent.for }) : actorOfClaim(ctx, mailbox, claim)),
  };
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  if (internetMessageId) facts.internetMessageId = internetMessageId;
  if (sent.sentItemId) facts.sentItemId = sent.sentItemId;
  if (sent.conversationId) facts.conversationId = sent.conversationId;
  if (sent.scheduledFor) facts.scheduledFor = sent.scheduledFor;
  if (sent.earlyReason) facts.earlyReason = sent.earlyReason;
  if (sent.contentWarnings && sent.contentWarnings.length > 0) facts.contentWarnings = sent.contentWarnings;
  // A send found already out (Sent Items, a claim's draft gone) is a fact: no reason is asked of it.
  const asked = sent.scheduledFor || sent.earlyReason ? requestedFor : undefined;
  return updateItRecord(
    ctx,
    mailbox,
    messageId,
    caseId,
    (r) => releasing(home, itMassMailWentOut(r) ? r : markItSent(r, facts, asked), claim.token),
    home,
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
