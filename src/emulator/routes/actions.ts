// Message actions: send, reply / replyAll / forward (sent at once, 202) and createReply / createReplyAll /
// createForward (a draft, 201), and the user action sendMail (202). As documented for these actions, a
// request may give `comment` or `message.body` but not both (400), and a forward needs its recipients either
// in `toRecipients` or in `message.toRecipients`, not both and not neither (400).
import { GraphError } from "../errors";
import type { EmuResponse } from "../http";
import { emptyResponse, jsonResponse } from "../http";
import { dataKeys, isRecord, isString } from "../json";
import type { JsonObject } from "../json";
import { composeResponse, setLead } from "../mail/compose";
import type { ResponseKind } from "../mail/compose";
import { deferredSendTimeMs } from "../mail/deferredSend";
import { checkSendable, sendMessage } from "../mail/delivery";
import { applyInput, newDraft } from "../mail/drafts";
import { parseMessageInput } from "../mail/message-input";
import type { MessageInput } from "../mail/message-input";
import { newAttachmentId, newChangeKey, newMessageId } from "../state/ids";
import type { RouteContext } from "./context";
import { findMessage, jsonBody, metadataUrl, userSegment } from "./context";
import { renderMessage } from "./message-view";
import type { Route } from "./router";

const PARAMETERS: Record<ResponseKind, readonly string[]> = {
  reply: ["comment", "message"],
  replyAll: ["comment", "message"],
  forward: ["comment", "message", "toRecipients"],
};

interface ActionParameters {
  comment?: string;
  message: MessageInput;
}

function readParameters(context: RouteContext, kind: ResponseKind, action: string): ActionParameters {
  const body: JsonObject = context.request.body === undefined ? {} : jsonBody(context.request);
  for (const key of dataKeys(body)) {
    if (!PARAMETERS[kind].includes(key)) {
      throw new GraphError(
        400,
        "RequestBodyRead",
        `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`,
      );
    }
  }
  if (body.comment !== undefined && !isString(body.comment)) {
    throw new GraphError(400, "RequestBodyRead", "The parameter 'comment' must be a string.");
  }
  const message = body.message === undefined ? {} : parseMessageInput(body.message, "create");
  if (body.comment !== undefined && message.body !== undefined) {
    throw new GraphError(
      400,
      "ErrorInvalidRequest",
      "Specify either 'comment' or the body of 'message', not both.",
    );
  }
  if (body.toRecipients !== undefined) {
    if (message.toRecipients !== undefined) {
      throw new GraphError(
        400,
        "ErrorInvalidRequest",
        "Specify either 'toRecipients' or 'message.toRecipients', not both.",
      );
    }
    message.toRecipients = parseMessageInput({ toRecipients: body.toRecipients }, "create").toRecipients;
  }
  if (kind === "forward" && message.toRecipients === undefined) {
    throw new GraphError(
      400,
      "ErrorInvalidRecipients",
      "At least one recipient is required, but none were found.",
    );
  }
  return isString(body.comment) ? { comment: body.comment, message } : { message };
}

function buildResponse(context: RouteContext, kind: ResponseKind, action: string) {
  const original = findMessage(context, context.params.id ?? "");
  const { comment, message } = readParameters(context, kind, action);
  const draft = composeResponse(context.tenant, context.mailbox, original, kind);
  const { body, ...rest } = message;
  applyInput(context.tenant, draft, rest);
  const lead =
    body ?? (comment !== undefined ? { contentType: "html" as const, content: comment } : undefined);
  if (lead) setLead(draft, original, lead);
  return draft;
}

// POST /messages/{id}/createReply | createReplyAll | createForward → 201 with the draft (subject "RE:"/"FW:",
// same conversationId, comment above the quoted original).
function createResponse(kind: ResponseKind, action: string) {
  return (context: RouteContext): EmuResponse => {
    const draft = buildResponse(context, kind, action);
    context.mailbox.messages.set(draft.id, draft);
    return jsonResponse(201, {
      "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/messages/$entity`,
      ...renderMessage(
        draft,
        context.mailbox,
        { select: null, bodyAsText: false },
        "https://outlook.office365.com/owa/",
      ),
    });
  };
}

// POST /messages/{id}/reply | replyAll | forward → 202; the response goes out at once and lands in Sent Items.
function respondAndSend(kind: ResponseKind, action: string) {
  return (context: RouteContext): EmuResponse => {
    const draft = buildResponse(context, kind, action);
    sendMessage(context.tenant, context.caller, context.mailbox, draft, { saveToSentItems: true });
    return emptyResponse(202);
  };
}

// POST /messages/{id}/send → 202. The draft moves to Sent Items with a new id (so the draft id stops
// resolving: retrying a send that succeeded answers 404, never a second copy), and copies are delivered.
// A draft whose PidTagDeferredSendTime is still ahead is held in Drafts under a new id until then
// (mail/deferredSend.ts has the sources).
function sendDraft(context: RouteContext): EmuResponse {
  const draft = findMessage(context, context.params.id ?? "");
  if (!draft.isDraft) throw new GraphError(400, "ErrorInvalidOperation", "Only draft messages can be sent.");
  const dueAtMs = deferredSendTimeMs(draft);
  if (dueAtMs !== undefined && dueAtMs > context.tenant.now().getTime()) {
    checkSendable(context.tenant, context.caller, context.mailbox, draft);
    const held = { ...draft, id: newMessageId(context.mailbox.id), changeKey: newChangeKey() };
    held.attachments = draft.attachments.map((a) => ({ ...a, id: newAttachmentId(held.id) }));
    context.mailbox.messages.delete(draft.id);
    context.mailbox.messages.set(held.id, held);
    context.tenant.deferredSends.hold({
      mailbox: context.mailbox.address,
      caller: context.caller.address,
      messageId: held.id,
      dueAtMs,
    });
    return emptyResponse(202);
  }
  sendMessage(context.tenant, context.caller, context.mailbox, draft, { saveToSentItems: true });
  return emptyResponse(202);
}

// POST /sendMail {message, saveToSentItems} → 202; nothing is left in Drafts.
function sendMail(context: RouteContext): EmuResponse {
  const body = jsonBody(context.request);
  for (const key of dataKeys(body)) {
    if (key !== "message" && key !== "saveToSentItems") {
      throw new GraphError(
        400,
        "RequestBodyRead",
        `The parameter '${key}' in the request payload is not a valid parameter for the operation 'sendMail'.`,
      );
    }
  }
  if (!isRecord(body.message))
    throw new GraphError(400, "ErrorInvalidParameter", "The 'message' parameter is required.");
  if (body.saveToSentItems !== undefined && typeof body.saveToSentItems !== "boolean") {
    throw new GraphError(400, "RequestBodyRead", "The parameter 'saveToSentItems' must be a boolean.");
  }
  const draft = newDraft(context.tenant, context.mailbox);
  applyInput(context.tenant, draft, parseMessageInput(body.message, "create"));
  sendMessage(context.tenant, context.caller, context.mailbox, draft, {
    saveToSentItems: body.saveToSentItems !== false,
  });
  return emptyResponse(202);
}

const RESPONSE_ACTIONS: Array<[string, ResponseKind, boolean]> = [
  ["createReply", "reply", true],
  ["createReplyAll", "replyAll", true],
  ["createForward", "forward", true],
  ["reply", "reply", false],
  ["replyAll", "replyAll", false],
  ["forward", "forward", false],
];

export const actionRoutes: Route[] = [
  { method: "POST", pattern: "messages/:id/send", handler: sendDraft },
  { method: "POST", pattern: "mailFolders/:folder/messages/:id/send", handler: sendDraft },
  { method: "POST", pattern: "sendMail", handler: sendMail },
  ...RESPONSE_ACTIONS.flatMap(([action, kind, create]): Route[] => {
    const handler = create ? createResponse(kind, action) : respondAndSend(kind, action);
    return [
      { method: "POST", pattern: `messages/:id/${action}`, handler },
      { method: "POST", pattern: `mailFolders/:folder/messages/:id/${action}`, handler },
    ];
  }),
];
