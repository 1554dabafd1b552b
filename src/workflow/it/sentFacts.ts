// The facts IT's record keeps of a send found in Sent Items, and who did a recorded step. Their own module so that
// opening a case (openItCase.ts) and the actions that send (sendMassMail.ts, confirmToCommunications.ts) share them
// without importing each other.
import type { ItRecord } from "../../domain/itRecord";
import type { MailMessage } from "../../ports/mailService";

/** Who did a recorded step: the operator and the mailbox acted for, without the step's other facts. */
export function actorOf(step: { by: string; for?: string | undefined }): { by: string; for?: string } {
  return step.for ? { by: step.by, for: step.for } : { by: step.by };
}

/**
 * `by` is the operator who sent it and `for` the mailbox they acted for (tic@ for its delegates); the From
 * address (Send As) is kept in the record's sender.
 */
export function sentFacts(
  sent: MailMessage,
  actor: { by: string; for?: string },
): NonNullable<ItRecord["sent"]> {
  return {
    at: sent.sentAt ?? new Date().toISOString(),
    ...actor,
    internetMessageId: sent.internetMessageId,
    sentItemId: sent.id,
    ...(sent.conversationId ? { conversationId: sent.conversationId } : {}),
  };
}
