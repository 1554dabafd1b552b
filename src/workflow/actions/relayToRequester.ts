// "Relay confirmation to requester": a reply to the request telling the unit its mass mail went out; it closes
// the case.
import { requireAddress } from "../../domain/address";
import type { Claim } from "../../domain/claim";
import { relayConfirmation } from "../../domain/lifecycle";
import { relayToRequesterTemplate } from "../../domain/templates";
import type { Case, MailAddress } from "../../domain/types";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { caseClaimHome, updateCase } from "../caseStore";
import type { UpdateResult } from "../caseStore";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimHome, ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { claimEvidence, sendExactlyOnce } from "../sendPipeline";
import { signatureOf } from "../signature";

export function relayToRequester(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
  options: ClaimOptions = {},
): Promise<Case> {
  const home = caseClaimHome(ctx, mailbox, messageId);
  // The domain refuses a relay unless the case is confirmed.
  const guard = (c: Case) => void relayConfirmation(c, { at: ctx.now().toISOString(), by: ctx.user });
  return sendExactlyOnce<Case, SentResult, Case>(ctx, {
    key: `relay:${messageId}`,
    home,
    options,
    check: (record) => {
      if (record.state === "closed") return record;
      // Never a claim, a draft or a send for an address that cannot receive it (a record older than the address
      // rule may hold one): a typed refusal the pane explains.
      requireAddress(relayRecipient(record).address, "requester");
      guard(record);
      return undefined;
    },
    claim: (record) => ({
      step: "relay",
      mail: { mailbox, caseId: record.id, kind: "relay" },
      isDone: (c) => c.state === "closed",
    }),
    done: (record) => record,
    sentByClaim: () => ({}),
    guard,
    alreadySent: async (current) => {
      const already = await findSent(ctx, mailbox, current.id, "relay");
      return already
        ? { sentItemId: already.id, internetMessageId: already.internetMessageId, sentAt: already.sentAt }
        : undefined;
    },
    send: (claim, current) => {
      const sentEntry = current.history.find((h) => h.action === "sent");
      const template = relayToRequesterTemplate({
        lang: ctx.config.institution.defaultLanguage,
        caseId: current.id,
        requestingUnit: current.fields.requestingUnit,
        subject: current.fields.subject,
        sentAt: sentEntry?.evidence?.sentAt ?? sentEntry?.at ?? ctx.now().toISOString(),
        // IT's confirmation said the mass mail is held until then (evidence header, domain/evidenceHeader.ts).
        ...(sentEntry?.evidence?.scheduledFor ? { scheduledFor: sentEntry.evidence.scheduledFor } : {}),
        timeZone: ctx.config.institution.timeZone,
        audiences: current.fields.audiences,
        audienceLabels: audienceLabels(ctx.config),
        totalRecipients: sentEntry?.evidence?.recipientCount,
        note,
        signature: signatureOf(ctx.config, "communications", ctx.config.institution.defaultLanguage),
      });
      return sendOnce(ctx, mailbox, current.id, "relay", () =>
        ctx.mail.reply(mailbox, messageId, {
          to: [relayRecipient(current)],
          subject: template.subject,
          commentHtml: template.html,
          caseId: current.id,
          kind: "relay",
          beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
        }),
      );
    },
    sentUnderClaim: claimEvidence,
    record: async (claim, sent) => (await recordRelay(ctx, mailbox, messageId, claim, sent, home)).case,
  });
}

/**
 * Who the confirmation goes to: the recipient chosen when the case was created (the person who wrote to
 * Communications, or the original requester of a forwarded chain); records from before that choice, the requester.
 */
export function relayRecipient(c: Pick<Case, "requester" | "relayTo">): MailAddress {
  return c.relayTo ?? c.requester;
}

/**
 * The relay's record write (it closes the case), which also clears the claim it was sent under. Also what
 * reopening does with a claimed relay whose draft left Drafts (workflow/reconcile.ts).
 */
export function recordRelay(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  claim: Claim,
  sent: SentResult,
  home: ClaimHome<Case> = caseClaimHome(ctx, mailbox, messageId),
): Promise<UpdateResult> {
  return updateCase(
    ctx,
    mailbox,
    messageId,
    (c) =>
      releasing(
        home,
        c.state === "confirmed"
          ? relayConfirmation(c, {
              at: sent.sentAt ?? ctx.now().toISOString(),
              ...actorOfClaim(ctx, mailbox, claim),
              evidence: {
                messageId: sent.sentItemId,
                internetMessageId: sent.internetMessageId ?? claim.internetMessageId,
              },
            })
          : c,
        claim.token,
      ),
    home,
  );
}
