// "Forward to IT": the request goes to the IT mailbox with the case summary on top, attachments kept, the case
// id in the subject and in an x- header; then the record says so. Safe to repeat and to interrupt.
import type { Claim } from "../../domain/claim";
import { plainTextToHtml } from "../../domain/caseText";
import { forwardCase, withItVersion } from "../../domain/lifecycle";
import { forwardToItTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { caseClaimHome, updateCase } from "../caseStore";
import type { UpdateResult } from "../caseStore";
import { caseHeaderOf } from "../caseProtocol";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimHome, ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { REQUEST_READING, requestMessageHtml, requestMessageHtmlOf } from "../requestMessage";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { claimEvidence, sendExactlyOnce } from "../sendPipeline";

export function forwardToIt(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
  options: ClaimOptions = {},
): Promise<Case> {
  // The record's reads bring the request's body too: the forward carries it without reading it again.
  const home = caseClaimHome(ctx, mailbox, messageId, undefined, REQUEST_READING);
  return sendExactlyOnce<Case, SentResult, Case>(ctx, {
    key: `forward:${messageId}`,
    home,
    options,
    claim: (record) => ({
      step: "forward",
      mail: { mailbox, caseId: record.id, kind: "forward" },
      isDone: (c) => c.state !== "received",
    }),
    done: (record) => record,
    // Someone's forward left Drafts but was never recorded: it went out; record it, never send a second one.
    sentByClaim: () => ({}),
    alreadySent: async (current) => {
      const already = await findSent(ctx, mailbox, current.id, "forward");
      return already
        ? { sentItemId: already.id, internetMessageId: already.internetMessageId, sentAt: already.sentAt }
        : undefined;
    },
    send: async (claim, current) => {
      // The message as Communications' pane showed it travels in the forward itself: IT's pane reads it from
      // there, not from Exchange's quote of the original, which a stray <html>/<body> in the request can cut.
      // A request that carried no message has the one the professional typed on the form (stored in the case);
      // otherwise the body the record read already brought, or one read of the request.
      const read = home.latest?.()?.message;
      const messageHtml = current.messageText
        ? ctx.sanitizeHtml(plainTextToHtml(current.messageText))
        : read?.body !== undefined
          ? await requestMessageHtmlOf(ctx, read)
          : await requestMessageHtml(ctx, mailbox, messageId);
      const template = forwardToItTemplate({
        lang: ctx.config.institution.defaultLanguage,
        caseId: current.id,
        fields: current.fields,
        requester: current.requester,
        dueDate: current.dueDate,
        audienceLabels: audienceLabels(ctx.config),
        note,
        messageHtml,
      });
      return sendOnce(ctx, mailbox, current.id, "forward", () =>
        ctx.mail.forward(mailbox, messageId, {
          to: [{ address: ctx.config.itMailbox }],
          subject: template.subject,
          ...(current.fields.urgency === "urgent" ? { importance: "high" as const } : {}),
          commentHtml: template.html,
          caseId: current.id,
          kind: "forward",
          headers: caseHeaderOf(current, "forward", { version: 1 }),
          beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
        }),
      );
    },
    sentUnderClaim: claimEvidence,
    record: async (claim, sent) => (await recordForward(ctx, mailbox, messageId, claim, sent, home)).case,
  });
}

/**
 * The forward's record write, which also clears the claim it was sent under. Also what reopening does with a
 * claimed forward whose draft left Drafts (workflow/reconcile.ts).
 */
export function recordForward(
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
    (c) =>
      releasing(
        home,
        c.state === "received"
          ? withItVersion(
              forwardCase(c, {
                at: sent.sentAt ?? ctx.now().toISOString(),
                ...actorOfClaim(ctx, mailbox, claim),
                evidence: {
                  messageId: sent.sentItemId,
                  internetMessageId,
                  conversationId: sent.conversationId,
                },
              }),
              1,
            )
          : c,
        claim.token,
      ),
    home,
  );
}
