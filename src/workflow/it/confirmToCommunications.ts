// IT confirms the send to Communications: a reply on the forward's thread with the evidence, readable and in
// the x-pregon-evidence header, sent exactly once (IT lifecycle: sent → confirmed).
import { EVIDENCE_HEADER, encodeEvidenceHeader } from "../../domain/evidenceHeader";
import { AppError } from "../../domain/errors";
import { guardItStep, markItConfirmed, testApproved } from "../../domain/itLifecycle";
import type { DeliveryProblem, ItRecord } from "../../domain/itRecord";
import { withDeliveryProblems } from "../../domain/itRecord";
import { itConfirmationTemplate } from "../../domain/templates";
import type { Claim } from "../../domain/claim";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimHome, ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { actorIn, started } from "../context";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { sendExactlyOnce } from "../sendPipeline";
import { lookForDeliveryProblems } from "./deliveryReports";
import type { ItCase } from "./itCase";
import { itClaimHome, updateItRecord } from "./itStore";
import { actorOf, sentFacts } from "./sentFacts";
import { signatureOf } from "../signature";

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
  const home = itClaimHome(ctx, mailbox, message.id, summary.id);
  let withId: Awaited<ReturnType<typeof sentWithMessageId>> | undefined;
  let found: DeliveryProblem[] = [];
  let problems: Promise<DeliveryProblem[]> | undefined;
  let reply: { record: ItRecord; refused: string[]; template: { subject: string; html: string } } | undefined;
  return sendExactlyOnce<ItRecord, SentResult, ItRecord>(ctx, {
    key: `confirm:${message.id}`,
    home,
    options,
    check: async (first) => {
      if (first.state === "confirmed") return first;
      guardItStep(first, "confirm");
      withId = await sentWithMessageId(ctx, opened, first);
      return undefined;
    },
    claim: () => ({
      step: "confirmation",
      mail: { mailbox, caseId: summary.id, kind: "confirmation" },
      isDone: (r) => {
        if (r.state === "confirmed") return true;
        guardItStep(r, "confirm");
        return false;
      },
    }),
    done: (record) => record,
    // Reports that came back since the pane opened are part of the evidence: Communications must not read
    // "sent" as "delivered" for a group that refused it. They are recorded with the confirmation (one write).
    // The look-up goes with the claim's read-back (one round trip): it needs only the facts read before the claim.
    alongReadBack: () => {
      if (withId) problems = started(lookForDeliveryProblems(ctx, mailbox, withId.record));
    },
    prepare: async () => {
      if (!withId) throw new AppError("unknown", "The mass mail's facts were not read");
      found = await (problems ?? lookForDeliveryProblems(ctx, mailbox, withId.record));
      const record = withDeliveryProblems(withId.record, found);
      const refused = (record.deliveryProblems ?? []).map((p) => p.address);
      reply = { record, refused, template: confirmationTemplate(ctx, opened, record, withId.sent, refused) };
    },
    sentByClaim: () => copyOfClaimed(ctx, mailbox, summary.id),
    alreadySent: async () => {
      const already = await findSent(ctx, mailbox, summary.id, "confirmation");
      return already ? { sentItemId: already.id, sentAt: already.sentAt } : undefined;
    },
    send: (claim) => {
      if (!withId || !reply) throw new AppError("unknown", "The confirmation was not prepared");
      const { record, refused, template } = reply;
      const sent = withId.sent;
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
              ...(sent.scheduledFor ? { scheduledFor: sent.scheduledFor } : {}),
              groups: record.groups,
              ...(refused.length > 0 ? { refused } : {}),
              // The requester's approval of IT's latest test round travels to Communications' register.
              ...(testApproved(record) && record.testReply
                ? { approvedBy: record.testReply.from, approvedAt: record.testReply.at }
                : {}),
              // The content findings IT sent anyway travel to Communications' register too.
              ...(sent.contentWarnings && sent.contentWarnings.length > 0
                ? { contentWarnings: sent.contentWarnings }
                : {}),
            }),
          },
        }),
      );
    },
    sentUnderClaim: () => ({}),
    record: (claim, sent) =>
      recordConfirmation(ctx, mailbox, message.id, summary.id, claim, sent, found, home),
  });
}

/**
 * The confirmation's record write (with the delivery problems it reported), which also clears the claim it was
 * sent under. Also what reopening IT's pane does with a claimed confirmation whose draft left Drafts
 * (it/recoverIt.ts).
 */
export function recordConfirmation(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  claim: Claim,
  sent: SentResult,
  found: DeliveryProblem[] = [],
  home: ClaimHome<ItRecord> = itClaimHome(ctx, mailbox, messageId, caseId),
): Promise<ItRecord> {
  return updateItRecord(
    ctx,
    mailbox,
    messageId,
    caseId,
    (r) =>
      releasing(
        home,
        r.state === "confirmed"
          ? r
          : withDeliveryProblems(
              markItConfirmed(r, {
                at: sent.sentAt ?? ctx.now().toISOString(),
                ...actorOfClaim(ctx, mailbox, claim),
                ...(sent.sentItemId ? { messageId: sent.sentItemId } : {}),
              }),
              found,
            ),
        claim.token,
      ),
    home,
  );
}

/** The confirmation's text: when and how the mass mail went out, to which groups, and which refused it. */
function confirmationTemplate(
  ctx: WorkflowContext,
  opened: ItCase,
  record: ItRecord,
  sent: NonNullable<ItRecord["sent"]> & { internetMessageId: string },
  refused: string[],
): { subject: string; html: string } {
  const labels = new Map(ctx.config.audiences.map((a) => [a.group.toLowerCase(), a.label]));
  const lang = ctx.config.institution.defaultLanguage;
  return itConfirmationTemplate({
    lang,
    caseId: opened.summary.id,
    subject: opened.summary.fields.subject,
    sentAt: sent.at,
    ...(sent.scheduledFor ? { scheduledFor: sent.scheduledFor } : {}),
    timeZone: ctx.config.institution.timeZone,
    groups: record.groups.map((g) => ({
      address: g.address,
      label: labels.get(g.address.toLowerCase())?.[lang],
      recipientCount: g.count,
    })),
    internetMessageId: sent.internetMessageId,
    sentFrom: record.sender?.address,
    refused,
    signature: signatureOf(ctx.config, "it", lang),
  });
}
