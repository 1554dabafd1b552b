// "Forward to IT": the request goes to the IT mailbox with the case summary on top, attachments kept, the case
// id in the subject and in an x- header; then the record says so. Safe to repeat and to interrupt.
import { CASE_HEADER, encodeCaseHeader } from "../../domain/caseHeader";
import { AppError } from "../../domain/errors";
import { forwardCase } from "../../domain/lifecycle";
import { forwardToItTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { storedCaseOf, unreadableError, updateCase } from "../caseStore";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";

export function forwardToIt(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
): Promise<Case> {
  return singleFlight(`forward:${messageId}`, async () => {
    const message = await ctx.mail.getMessage(mailbox, messageId);
    const stored = storedCaseOf(message);
    if (stored.status === "unreadable") throw unreadableError(stored);
    if (stored.status === "none") throw new AppError("notFound", "Create the case first");
    const current = stored.case;
    if (current.state !== "received") return current;

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
    const already = await findSent(ctx, mailbox, current.id, "forward");
    const sent: SentResult = already
      ? { sentItemId: already.id, internetMessageId: already.internetMessageId, sentAt: already.sentAt }
      : await sendOnce(ctx, mailbox, current.id, "forward", () =>
          ctx.mail.forward(mailbox, messageId, {
            to: [{ address: ctx.config.itMailbox }],
            subject: template.subject,
            commentHtml: template.html,
            caseId: current.id,
            kind: "forward",
            headers: { [CASE_HEADER]: encodeCaseHeader(current) },
          }),
        );
    const updated = await updateCase(ctx, mailbox, messageId, (c) =>
      c.state === "received"
        ? forwardCase(c, {
            at: sent.sentAt ?? ctx.now().toISOString(),
            ...actorIn(ctx, mailbox),
            evidence: {
              messageId: sent.sentItemId,
              internetMessageId: sent.internetMessageId,
              conversationId: sent.conversationId,
            },
          })
        : c,
    );
    return updated.case;
  });
}
