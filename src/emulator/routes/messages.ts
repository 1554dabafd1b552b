// Message CRUD and well-known folders.
import { GraphError } from "../errors";
import type { EmuResponse } from "../http";
import { emptyResponse, jsonResponse } from "../http";
import { applyInput, moveMessage, newDraft } from "../mail/drafts";
import { parseMessageInput } from "../mail/message-input";
import { etagOf, ifMatchSatisfied } from "../state/etag";
import type { Mailbox } from "../state/mailbox";
import { FOLDER_DISPLAY_NAMES, FOLDER_NAMES } from "../types";
import type { FolderName } from "../types";
import type { RouteContext } from "./context";
import { findMessage, jsonBody, metadataUrl, userSegment } from "./context";
import { countMessages, listMessages } from "./message-list";
import { parseMessageView, renderMessage } from "./message-view";
import type { Route } from "./router";

const WEB_LINK = "https://outlook.office365.com/owa/";

function folderOr404(mailbox: Mailbox, ref: string): FolderName {
  const folder = mailbox.resolveFolder(ref);
  if (!folder)
    throw new GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
  return folder;
}

function folderJson(context: RouteContext, folder: FolderName): Record<string, unknown> {
  const messages = context.mailbox.list(folder);
  return {
    id: context.mailbox.folderId(folder),
    displayName: FOLDER_DISPLAY_NAMES[folder],
    parentFolderId: context.mailbox.folderId("inbox").replace(/AAA=$/, "AAE="),
    childFolderCount: 0,
    unreadItemCount: messages.filter((m) => !m.isRead).length,
    totalItemCount: messages.length,
    isHidden: false,
  };
}

// GET /messages/{id}: the message, with $select/$expand; 404 ErrorItemNotFound when absent.
function getMessage(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  const view = parseMessageView(context);
  return jsonResponse(
    200,
    {
      "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/messages/$entity`,
      ...renderMessage(message, context.mailbox, view, WEB_LINK),
    },
    { etag: etagOf(message.changeKey) },
  );
}

// POST /messages (or /mailFolders/drafts/messages): creates a draft; 201 with the message. Unknown
// properties → 400 RequestBodyRead; a header not starting with "x-" → 400 InvalidInternetMessageHeader.
function createMessage(context: RouteContext): EmuResponse {
  const input = parseMessageInput(jsonBody(context.request), "create");
  const draft = newDraft(context.tenant, context.mailbox);
  applyInput(context.tenant, draft, input);
  context.mailbox.messages.set(draft.id, draft);
  return jsonResponse(
    201,
    {
      "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/messages/$entity`,
      ...renderMessage(draft, context.mailbox, { select: null, bodyAsText: false }, WEB_LINK),
    },
    { location: `${context.tenant.baseUrl}/v1.0/${userSegment(context.mailbox)}/messages('${draft.id}')` },
  );
}

// PATCH /messages/{id}: updates writable properties, returns 200 with the message. Draft-only properties on a
// sent/received message → 400 ErrorInvalidPropertySet; stale If-Match → 412 ErrorIrresolvableConflict.
function updateMessage(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  const ifMatch = context.request.headers.get("if-match");
  if (ifMatch !== undefined && !ifMatchSatisfied(ifMatch, message.changeKey)) {
    throw new GraphError(
      412,
      "ErrorIrresolvableConflict",
      "The change key passed in the request does not match the current change key for the item.",
    );
  }
  const input = parseMessageInput(jsonBody(context.request), "update");
  applyInput(context.tenant, message, input);
  return jsonResponse(
    200,
    {
      "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/messages/$entity`,
      ...renderMessage(message, context.mailbox, { select: null, bodyAsText: false }, WEB_LINK),
    },
    { etag: etagOf(message.changeKey) },
  );
}

// DELETE /messages/{id}: 204; the item moves to Deleted Items (and is purged when deleted from there).
function deleteMessage(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  if (message.folder === "deleteditems") context.mailbox.messages.delete(message.id);
  else moveMessage(context.mailbox, message, "deleteditems", context.tenant);
  return emptyResponse(204);
}

// GET /mailFolders: the well-known folders; GET /mailFolders/{name|id}: one of them.
function listFolders(context: RouteContext): EmuResponse {
  return jsonResponse(200, {
    "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/mailFolders`,
    value: FOLDER_NAMES.map((f) => folderJson(context, f)),
  });
}

function getFolder(context: RouteContext): EmuResponse {
  return jsonResponse(200, folderJson(context, folderOr404(context.mailbox, context.params.folder ?? "")));
}

function createInFolder(context: RouteContext): EmuResponse {
  if (folderOr404(context.mailbox, context.params.folder ?? "") !== "drafts") {
    throw new GraphError(501, "NotImplemented", "The emulator creates messages in Drafts only.");
  }
  return createMessage(context);
}

export const messageRoutes: Route[] = [
  { method: "GET", pattern: "messages", handler: (c) => listMessages(c, undefined) },
  { method: "GET", pattern: "messages/$count", handler: (c) => countMessages(c, undefined) },
  { method: "POST", pattern: "messages", handler: createMessage },
  { method: "GET", pattern: "messages/:id", handler: getMessage },
  { method: "PATCH", pattern: "messages/:id", handler: updateMessage },
  { method: "DELETE", pattern: "messages/:id", handler: deleteMessage },
  { method: "GET", pattern: "mailFolders", handler: listFolders },
  { method: "GET", pattern: "mailFolders/:folder", handler: getFolder },
  {
    method: "GET",
    pattern: "mailFolders/:folder/messages",
    handler: (c) => listMessages(c, folderOr404(c.mailbox, c.params.folder ?? "")),
  },
  {
    method: "GET",
    pattern: "mailFolders/:folder/messages/$count",
    handler: (c) => countMessages(c, folderOr404(c.mailbox, c.params.folder ?? "")),
  },
  { method: "POST", pattern: "mailFolders/:folder/messages", handler: createInFolder },
  { method: "GET", pattern: "mailFolders/:folder/messages/:id", handler: getMessage },
  { method: "PATCH", pattern: "mailFolders/:folder/messages/:id", handler: updateMessage },
  { method: "DELETE", pattern: "mailFolders/:folder/messages/:id", handler: deleteMessage },
];
