// "Relay confirmation to requester": a reply to the request telling the unit its mass mail went out; it closes
// the case.
import { AppError } from "../../domain/errors";
import { relayConfirmation } from "../../domain/lifecycle";
import { relayToRequesterTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { storedCaseOf, unreadableError, updateCase } from "../caseStore";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";

export function relayToRequester(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
): Promise<Case> {
  return singleFlight(`relay:${messageId}`, async () => {
    const message = await ctx.mail.getMessage(mailbox, messageId);
    const stored = storedCaseOf(message);
    if (stored.status === "unreadable") throw unreadableError(stored);
    if (stored.status === "none") throw new AppError("notFound", "No case on this message");
    const current = stored.case;
    if (current.state === "closed") return current;
    relayConfirmation(current, { at: ctx.now().toISOString(), by: ctx.user }); // refuses unless confirmed

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
    const already = await findSent(ctx, mailbox, current.id, "relay");
    const sent = already
      ? { sentItemId: already.id, internetMessageId: already.internetMessageId, sentAt: already.sentAt }
      : await sendOnce(ctx, mailbox, current.id, "relay", () =>
          ctx.mail.reply(mailbox, messageId, {
            to: [current.requester],
            subject: template.subject,
            commentHtml: template.html,
            caseId: current.id,
            kind: "relay",
          }),
        );
    const updated = await updateCase(ctx, mailbox, messageId, (c) =>
      c.state === "confirmed"
        ? relayConfirmation(c, {
            at: sent.sentAt ?? ctx.now().toISOString(),
            ...actorIn(ctx, mailbox),
            evidence: { messageId: sent.sentItemId, internetMessageId: sent.internetMessageId },
          })
        : c,
    );
    return updated.case;
  });
}
