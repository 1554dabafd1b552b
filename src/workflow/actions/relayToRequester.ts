// "Relay confirmation to requester": a reply to the request telling the unit its mass mail went out; it closes
// the case.
import { requireAddress } from "../../domain/address";
import type { Claim } from "../../domain/claim";
import { relayConfirmation } from "../../domain/lifecycle";
import { relayToRequesterTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { caseClaimHome, updateCase } from "../caseStore";
import { acquireClaim, actorOfClaim, recordClaimDraft, releasing, underClaim } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";

export function relayToRequester(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
  options: ClaimOptions = {},
): Promise<Case> {
  return singleFlight(`relay:${messageId}`, async () => {
    const home = caseClaimHome(ctx, mailbox, messageId);
    const { record } = await home.read();
    if (record.state === "closed") return record;
    // Never a claim, a draft or a send for an address that cannot receive it (a record older than the address
    // rule may hold one): a typed refusal the pane explains.
    requireAddress(record.requester.address, "requester");
    relayConfirmation(record, { at: ctx.now().toISOString(), by: ctx.user }); // refuses unless confirmed
    const acquired = await acquireClaim(
      ctx,
      home,
      "relay",
      { mailbox, caseId: record.id, kind: "relay" },
      { ...options, isDone: (c) => c.state === "closed" },
    );
    if (acquired.kind === "done") return acquired.record;
    if (acquired.kind === "sentByClaim") return recordRelay(ctx, mailbox, messageId, acquired.claim, {});
    const { claim, record: current } = acquired;
    relayConfirmation(current, { at: ctx.now().toISOString(), by: ctx.user });

    const sentEntry = current.history.find((h) => h.action === "sent");
    const template = relayToRequesterTemplate({
      lang: ctx.config.institution.defaultLanguage,
      caseId: current.id,
      requestingUnit: current.fields.requestingUnit,
      subject: current.fields.subject,
      sentAt: sentEntry?.evidence?.sentAt ?? sentEntry?.at ?? ctx.now().toISOString(),
      timeZone: ctx.config.institution.timeZone,
      audiences: current.fields.audiences,
      audienceLabels: audienceLabels(ctx.config),
      totalRecipients: sentEntry?.evidence?.recipientCount,
      note,
    });
    const sent: SentResult = await underClaim(
      ctx,
      home,
      mailbox,
      claim.token,
      async () => {
        const already = await findSent(ctx, mailbox, current.id, "relay");
        if (already)
          return {
            sentItemId: already.id,
            internetMessageId: already.internetMessageId,
            sentAt: already.sentAt,
          };
        return sendOnce(ctx, mailbox, current.id, "relay", () =>
          ctx.mail.reply(mailbox, messageId, {
            to: [current.requester],
            subject: template.subject,
            commentHtml: template.html,
            caseId: current.id,
            kind: "relay",
            beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
          }),
        );
      },
      (held) => (held.internetMessageId ? { internetMessageId: held.internetMessageId } : {}),
    );
    return recordRelay(ctx, mailbox, messageId, claim, sent);
  });
}

/** The relay's record write (it closes the case), which also clears the claim it was sent under. */
async function recordRelay(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  claim: Claim,
  sent: SentResult,
): Promise<Case> {
  const home = caseClaimHome(ctx, mailbox, messageId);
  const updated = await updateCase(ctx, mailbox, messageId, (c) =>
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
  );
  return updated.case;
}
