// The request as the domain reads it, from the port's message shape.
import type { RequestMessage } from "../domain/types";
import type { MailMessage } from "../ports/mailService";

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
