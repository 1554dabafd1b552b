// Creating drafts and writing client input onto stored messages. Every write gets a new change key, so the
// etag a client holds goes stale exactly when Graph's would.
import { GraphError } from "../errors";
import { DRAFT_ONLY } from "./message-input";
import type { AttachmentInput, MessageInput } from "./message-input";
import { upsertProperties } from "../state/extended-props";
import {
  newAttachmentId,
  newChangeKey,
  newConversationId,
  newInternetMessageId,
  newMessageId,
} from "../state/ids";
import type { Mailbox } from "../state/mailbox";
import type { StoredAttachment, StoredMessage } from "../state/message";
import type { Tenant } from "../state/tenant";

export function newDraft(tenant: Tenant, mailbox: Mailbox): StoredMessage {
  const now = tenant.nowIso();
  return {
    id: newMessageId(mailbox.id),
    seq: tenant.nextSeq(),
    folder: "drafts",
    changeKey: newChangeKey(),
    createdDateTime: now,
    lastModifiedDateTime: now,
    receivedDateTime: now,
    sentDateTime: now,
    subject: "",
    body: { contentType: "text", content: "" },
    from: null,
    sender: null,
    toRecipients: [],
    ccRecipients: [],
    bccRecipients: [],
    replyTo: [],
    conversationId: newConversationId(mailbox.id),
    conversationIndex: "",
    internetMessageId: newInternetMessageId(tenant.domain),
    inReplyTo: null,
    isDraft: true,
    isRead: true,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    importance: "normal",
    inferenceClassification: "focused",
    categories: [],
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: [],
    singleValueExtendedProperties: [],
    attachments: [],
  };
}

/** Writes validated input onto a message; draft-only properties on a sent/received message are refused. */
export function applyInput(tenant: Tenant, message: StoredMessage, input: MessageInput): void {
  if (!message.isDraft) {
    const refused = Object.keys(input).find((key) => DRAFT_ONLY.has(key));
    if (refused) {
      throw new GraphError(
        400,
        "ErrorInvalidPropertySet",
        `The property '${refused}' can only be updated while the message is a draft.`,
      );
    }
  }
  const { singleValueExtendedProperties, attachments, ...plain } = input;
  Object.assign(message, plain);
  if (singleValueExtendedProperties) {
    message.singleValueExtendedProperties = upsertProperties(
      message.singleValueExtendedProperties,
      singleValueExtendedProperties,
    );
  }
  if (attachments) {
    for (const attachment of attachments)
      message.attachments.push(storedAttachment(tenant, message.id, attachment));
  }
  touch(tenant, message);
}

export function touch(tenant: Tenant, message: StoredMessage): void {
  message.changeKey = newChangeKey();
  message.lastModifiedDateTime = tenant.nowIso();
}

export function storedAttachment(
  tenant: Tenant,
  messageId: string,
  input: AttachmentInput,
): StoredAttachment {
  return {
    id: newAttachmentId(messageId),
    name: input.name,
    contentType: input.contentType,
    size: input.size,
    isInline: input.isInline,
    contentId: input.contentId,
    lastModifiedDateTime: tenant.nowIso(),
    contentBytes: input.contentBytes,
  };
}

/** Moving an item gives it a new id in Exchange; the old id stops resolving. */
export function moveMessage(
  mailbox: Mailbox,
  message: StoredMessage,
  folder: StoredMessage["folder"],
  tenant: Tenant,
): StoredMessage {
  mailbox.messages.delete(message.id);
  const moved: StoredMessage = { ...message, id: newMessageId(mailbox.id), folder };
  moved.attachments = message.attachments.map((a) => ({ ...a, id: newAttachmentId(moved.id) }));
  touch(tenant, moved);
  mailbox.messages.set(moved.id, moved);
  return moved;
}
