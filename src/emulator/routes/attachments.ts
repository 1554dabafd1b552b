// File attachments of a message: list, get (metadata + contentBytes, or raw bytes with /$value), add (≤ 3 MB
// in one POST, as documented; larger files go through createUploadSession), delete.
import { base64ToBytes } from "../base64";
import { GraphError, itemNotFound } from "../errors";
import type { EmuResponse } from "../http";
import { bytesResponse, emptyResponse, jsonResponse } from "../http";
import { storedAttachment, touch } from "../mail/drafts";
import { parseFileAttachment } from "../mail/message-input";
import { applySelect, parseSelect } from "../odata/select";
import type { StoredAttachment, StoredMessage } from "../state/message";
import { ATTACHMENT_DERIVED_PROPERTIES, ATTACHMENT_PROPERTIES, toGraphAttachment } from "../state/message";
import type { RouteContext } from "./context";
import { findMessage, jsonBody, metadataUrl, userSegment } from "./context";
import type { Route } from "./router";
import { createUploadSession } from "./upload";

function findAttachment(message: StoredMessage, id: string): StoredAttachment {
  const attachment = message.attachments.find((a) => a.id === id);
  if (!attachment) throw itemNotFound();
  return attachment;
}

/** $select on attachments: base-type names plain, fileAttachment's own ones only with the cast (see select.ts). */
export function parseAttachmentSelect(text: string | null): string[] | null {
  return parseSelect(
    text,
    ATTACHMENT_PROPERTIES,
    "microsoft.graph.attachment",
    ATTACHMENT_DERIVED_PROPERTIES,
  );
}

function render(context: RouteContext, attachment: StoredAttachment): Record<string, unknown> {
  const select = parseAttachmentSelect(context.query.get("$select"));
  return applySelect(toGraphAttachment(attachment, true), select, ["@odata.type", "id"]);
}

// GET /messages/{id}/attachments → {value: [fileAttachment…]} with contentBytes.
function listAttachments(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  return jsonResponse(200, {
    "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/messages('${message.id}')/attachments`,
    value: message.attachments.map((a) => render(context, a)),
  });
}

// GET /messages/{id}/attachments/{attachmentId} → the attachment; 404 ErrorItemNotFound when absent.
function getAttachment(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  return jsonResponse(200, render(context, findAttachment(message, context.params.attachmentId ?? "")));
}

// GET /messages/{id}/attachments/{attachmentId}/$value → the raw file.
function getAttachmentValue(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  const attachment = findAttachment(message, context.params.attachmentId ?? "");
  return bytesResponse(200, base64ToBytes(attachment.contentBytes), attachment.contentType);
}

// POST /messages/{id}/attachments with a #microsoft.graph.fileAttachment → 201; > 3 MB → 413.
function addAttachment(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  const input = parseFileAttachment(jsonBody(context.request));
  const attachment = storedAttachment(context.tenant, message.id, input);
  message.attachments.push(attachment);
  touch(context.tenant, message);
  return jsonResponse(201, {
    "@odata.context": `${metadataUrl(context)}#${userSegment(context.mailbox)}/messages('${message.id}')/attachments/$entity`,
    ...toGraphAttachment(attachment, true),
  });
}

// DELETE /messages/{id}/attachments/{attachmentId} → 204.
function deleteAttachment(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  const attachment = findAttachment(message, context.params.attachmentId ?? "");
  if (!message.isDraft)
    throw new GraphError(400, "ErrorInvalidOperation", "Attachments can only be removed from drafts.");
  message.attachments = message.attachments.filter((a) => a !== attachment);
  touch(context.tenant, message);
  return emptyResponse(204);
}

export const attachmentRoutes: Route[] = [
  { method: "GET", pattern: "messages/:id/attachments", handler: listAttachments },
  { method: "POST", pattern: "messages/:id/attachments", handler: addAttachment },
  { method: "POST", pattern: "messages/:id/attachments/createUploadSession", handler: createUploadSession },
  { method: "GET", pattern: "messages/:id/attachments/:attachmentId", handler: getAttachment },
  { method: "DELETE", pattern: "messages/:id/attachments/:attachmentId", handler: deleteAttachment },
  { method: "GET", pattern: "messages/:id/attachments/:attachmentId/$value", handler: getAttachmentValue },
];
