// Sending mail exactly once over an unreliable connection. A send whose answer was lost (503, timeout, dropped
// connection) may or may not have happened: look in Sent Items for the case's copy of this kind before any
// resend. Only when it is not there is the send tried again.
import { AppError } from "../domain/errors";
import type { MailboxId, MailMessage, MessageKind, SentResult } from "../ports/mailService";
import type { WorkflowContext } from "./context";
import { findSent } from "./reconcile";

function fromSentItem(sent: MailMessage): SentResult {
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

const MAX_SENDS = 3;

export async function sendOnce(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
  send: () => Promise<SentResult>,
): Promise<SentResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (!isAmbiguous(e) || attempt >= MAX_SENDS) throw e;
      const sent = await findSent(ctx, mailbox, caseId, kind);
      if (sent) return fromSentItem(sent);
    }
  }
}
