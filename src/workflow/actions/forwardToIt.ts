// "Forward to IT": the request goes to the IT mailbox with the case summary on top, attachments kept, the case
// id in the subject and in an x- header; then the record says so. Safe to repeat and to interrupt.
import type { Claim } from "../../domain/claim";
import { forwardCase, withItVersion } from "../../domain/lifecycle";
import { forwardToItTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { caseClaimHome, updateCase } from "../caseStore";
import { caseHeaderOf } from "../caseProtocol";
import { acquireClaim, actorOfClaim, recordClaimDraft, releasing, underClaim } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";

export function forwardToIt(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
  options: ClaimOptions = {},
): Promise<Case> {
  return singleFlight(`forward:${messageId}`, async () => {
    const home = caseClaimHome(ctx, mailbox, messageId);
    const { record } = await home.read();
    const acquired = await acquireClaim(
      ctx,
      home,
      "forward",
      { mailbox, caseId: record.id, kind: "forward" },
      { ...options, isDone: (c) => c.state !== "received" },
    );
    if (acquired.kind === "done") return acquired.record;
    // Someone's forward left Drafts but was never recorded: it went out; record it, never send a second one.
    if (acquired.kind === "sentByClaim") return recordForward(ctx, mailbox, messageId, acquired.claim, {});
    const { claim, record: current } = acquired;

    const lang = ctx.config.institution.defaultLanguage;
    const template = forwardToItTemplate({
      lang,
      caseId: current.id,
      fields: current.fields,
      requester: current.requester,
      dueDate: current.dueDate,
      audienceLabels: audienceLabels(ctx.config),
      note,
    });
    const sent: SentResult = await underClaim(
      ctx,
      home,
      mailbox,
      claim.token,
      async () => {
        const already = await findSent(ctx, mailbox, current.id, "forward");
        if (already)
          return {
            sentItemId: already.id,
            internetMessageId: already.internetMessageId,
            sentAt: already.sentAt,
          };
        return sendOnce(ctx, mailbox, current.id, "forward", () =>
          ctx.mail.forward(mailbox, messageId, {
            to: [{ address: ctx.config.itMailbox }],
            subject: template.subject,
            commentHtml: template.html,
            caseId: current.id,
            kind: "forward",
            headers: caseHeaderOf(current, "forward", { version: 1 }),
            beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
          }),
        );
      },
      (held) => (held.internetMessageId ? { internetMessageId: held.internetMessageId } : {}),
    );
    return recordForward(ctx, mailbox, messageId, claim, sent);
  });
}

/** The forward's record write, which also clears the claim it was sent under. */
async function recordForward(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  claim: Claim,
  sent: SentResult,
): Promise<Case> {
  const home = caseClaimHome(ctx, mailbox, messageId);
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  const updated = await updateCase(ctx, mailbox, messageId, (c) =>
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
  );
  return updated.case;
}
