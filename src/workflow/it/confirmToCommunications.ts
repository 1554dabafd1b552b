// IT confirms the send to Communications: a reply on the forward's thread with the evidence, readable and in
// the x-pregon-evidence header, sent exactly once (IT lifecycle: sent → confirmed).
import { EVIDENCE_HEADER, encodeEvidenceHeader } from "../../domain/evidenceHeader";
import { AppError } from "../../domain/errors";
import { guardItStep, markItConfirmed } from "../../domain/itLifecycle";
import type { ItRecord } from "../../domain/itRecord";
import { withDeliveryProblems } from "../../domain/itRecord";
import { itConfirmationTemplate } from "../../domain/templates";
import type { SentResult } from "../../ports/mailService";
import { acquireClaim, actorOfClaim, recordClaimDraft, releasing, underClaim } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";
import { lookForDeliveryProblems } from "./deliveryReports";
import type { ItCase } from "./itCase";
import { itClaimHome, itRecordOf, updateItRecord } from "./itStore";
import { actorOf, sentFacts } from "./openItCase";

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
    guardItStep(first, "confirm");
    const withId = await sentWithMessageId(ctx, opened, first);
    const acquired = await acquireClaim(
      ctx,
      home,
      "confirmation",
      { mailbox, caseId: summary.id, kind: "confirmation" },
      {
        ...options,
        isDone: (r) => {
          if (r.state === "confirmed") return true;
          guardItStep(r, "confirm");
          return false;
        },
      },
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
              markItConfirmed(r, {
                at: reply.sentAt ?? ctx.now().toISOString(),
                ...actorOfClaim(ctx, mailbox, claim),
                ...(reply.sentItemId ? { messageId: reply.sentItemId } : {}),
              }),
              found,
            ),
        claim.token,
      ),
    );
  });
}
