// Sending mail exactly once over an unreliable connection. A send whose answer was lost (503, timeout, dropped
// connection) may or may not have happened: look in Sent Items for the case's copy of this kind before any
// resend. Only when it is not there is the send tried again — and when the failed attempt left its draft behind
// (details.draftId), that same draft is sent, so no second draft stays in Drafts for someone to send later.
// For mail a case can send several times (reminders), `isThisSend` tells this send's copy from earlier ones.
import { AppError } from "../domain/errors";
import type { MailboxId, MailMessage, MessageKind, SentResult } from "../ports/mailService";
import type { WorkflowContext } from "./context";
import { findSent } from "./reconcile";

function fromSentItem(sent: MailMessage | undefined): SentResult {
  if (!sent) return {};
  return {
    sentItemId: sent.id,
    internetMessageId: sent.internetMessageId,
    conversationId: sent.conversationId,
    sentAt: sent.sentAt,
  };
}

function isAmbiguous(e: unknown): boolean {
  return e instanceof AppError && (e.code === "unavailable" || e.code === "network");
}

/** The draft an unclear send kept, when the adapter says which one. */
function draftLeftBy(e: unknown): string | undefined {
  const draftId = e instanceof AppError ? e.details?.draftId : undefined;
  return typeof draftId === "string" && draftId !== "" ? draftId : undefined;
}

const MAX_SENDS = 3;

export async function sendOnce(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
  send: () => Promise<SentResult>,
  isThisSend: (sent: MailMessage) => boolean = () => true,
): Promise<SentResult> {
  const lookUp = async () => {
    const sent = await findSent(ctx, mailbox, caseId, kind);
    return sent && isThisSend(sent) ? sent : undefined;
  };
  let keptDraft: string | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      if (keptDraft === undefined) return await send();
      await ctx.mail.sendDraft(mailbox, keptDraft);
      return fromSentItem(await lookUp());
    } catch (e) {
      // The kept draft is gone: its earlier send went through after all (a sent draft leaves Drafts).
      if (keptDraft !== undefined && e instanceof AppError && e.code === "notFound")
        return fromSentItem(await lookUp());
      if (!isAmbiguous(e) || attempt >= MAX_SENDS) throw e;
      const sent = await lookUp();
      if (sent) return fromSentItem(sent);
      keptDraft = draftLeftBy(e) ?? keptDraft;
    }
  }
}
