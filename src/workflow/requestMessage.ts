// The request as the domain reads it, from the port's message shape.
import { extractRequestInSteps } from "../domain/intake";
import type { RequestMessage } from "../domain/types";
import type { MailboxId, MailMessage } from "../ports/mailService";
import type { WorkflowContext } from "./context";

export function toRequestMessage(message: MailMessage): RequestMessage {
  return {
    id: message.id,
    subject: message.subject,
    from: message.from ?? { address: "" },
    body: message.body ?? "",
    bodyType: message.bodyType ?? "html",
    receivedAt: message.receivedAt ?? message.sentAt ?? new Date(0).toISOString(),
    attachments: message.attachments ?? [],
    conversationId: message.conversationId,
    internetMessageId: message.internetMessageId,
  };
}

/**
 * The request's message, sanitized, exactly as Communications' pane shows it when it opens the request: the same
 * read (body and attachments) and the same extraction. "" when the request has no message part.
 */
export async function requestMessageHtml(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
): Promise<string> {
  return requestMessageHtmlOf(ctx, await ctx.mail.getMessage(mailbox, messageId, REQUEST_READING));
}

/** What a read of the request must bring for `requestMessageHtmlOf`. */
export const REQUEST_READING = { withBody: true, withAttachments: true } as const;

/** The same, from the request as already read with REQUEST_READING. */
export async function requestMessageHtmlOf(
  ctx: Pick<WorkflowContext, "sanitizeHtml" | "config" | "pause">,
  request: MailMessage,
): Promise<string> {
  // In steps, as the request's opening: a large request read again in one go would freeze the pane.
  const proposal = await extractRequestInSteps(
    toRequestMessage(request),
    { sanitizeHtml: ctx.sanitizeHtml, timeZone: ctx.config.institution.timeZone },
    ctx.pause,
  );
  return proposal.message.value?.html ?? "";
}
