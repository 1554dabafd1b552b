// Large attachments: POST …/attachments/createUploadSession returns a pre-authenticated uploadUrl on the
// emulator's own host; the client PUTs byte ranges (Content-Range: bytes a-b/total) in order. Each partial PUT
// answers 200 with nextExpectedRanges; the last one answers 201 with a Location for the new attachment.
// DELETE on the uploadUrl cancels. Sessions under 2 MiB are refused as Exchange refuses them.
import { bytesToBase64 } from "../base64";
import { GraphError } from "../errors";
import type { EmuRequest, EmuResponse } from "../http";
import { emptyResponse, jsonResponse } from "../http";
import { isRecord, isString } from "../json";
import { storedAttachment, touch } from "../mail/drafts";
import { newToken } from "../state/ids";
import type { Tenant, UploadSession } from "../state/tenant";
import type { RouteContext } from "./context";
import { findMessage, jsonBody, metadataUrl, userSegment } from "./context";

export const MIN_UPLOAD_SESSION_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_SESSION_BYTES = 150 * 1024 * 1024;
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;
const UPLOAD_PATH = "/emulator/uploadSessions/";

export function createUploadSession(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  const body = jsonBody(context.request);
  const item = body.AttachmentItem ?? body.attachmentItem;
  if (!isRecord(item) || !isString(item.name) || typeof item.size !== "number") {
    throw new GraphError(400, "RequestBodyRead", "AttachmentItem with name and size is required.");
  }
  if (isString(item.attachmentType) && item.attachmentType.toLowerCase() !== "file") {
    throw new GraphError(501, "NotImplemented", "Only file upload sessions are emulated.");
  }
  if (item.size < MIN_UPLOAD_SESSION_BYTES) {
    throw new GraphError(
      400,
      "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize",
      "Attachment size must be greater than the minimum size.",
    );
  }
  if (item.size > MAX_UPLOAD_SESSION_BYTES) {
    throw new GraphError(
      400,
      "ErrorAttachmentSizeLimitExceeded",
      "The attachment exceeds the maximum supported size.",
    );
  }
  const session: UploadSession = {
    id: newToken(),
    mailboxAddress: context.mailbox.address,
    messageId: message.id,
    name: item.name,
    contentType: isString(item.contentType) ? item.contentType : "application/octet-stream",
    isInline: item.isInline === true,
    size: item.size,
    received: new Uint8Array(item.size),
    nextOffset: 0,
    expiresAt: context.tenant.now().getTime() + SESSION_LIFETIME_MS,
  };
  context.tenant.uploadSessions.set(session.id, session);
  return jsonResponse(201, {
    "@odata.context": `${metadataUrl(context)}#microsoft.graph.uploadSession`,
    uploadUrl: `${context.tenant.baseUrl}${UPLOAD_PATH}${session.id}`,
    expirationDateTime: new Date(session.expiresAt).toISOString(),
    nextExpectedRanges: ["0-"],
  });
}

/** Requests to the upload URLs (outside /v1.0, no bearer token: the URL itself is the credential). */
export function handleUpload(tenant: Tenant, request: EmuRequest): EmuResponse {
  const path = request.url.pathname;
  const session = path.startsWith(UPLOAD_PATH)
    ? tenant.uploadSessions.get(path.slice(UPLOAD_PATH.length))
    : undefined;
  if (!session || session.expiresAt < tenant.now().getTime()) {
    throw new GraphError(404, "ErrorItemNotFound", "The upload session does not exist or has expired.");
  }
  if (request.method === "DELETE") {
    tenant.uploadSessions.delete(session.id);
    return emptyResponse(204);
  }
  if (request.method !== "PUT")
    throw new GraphError(
      405,
      "BadRequest",
      `The HTTP method '${request.method}' is not allowed for an upload URL.`,
    );
  return receiveRange(tenant, session, request);
}

function receiveRange(tenant: Tenant, session: UploadSession, request: EmuRequest): EmuResponse {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(request.headers.get("content-range")?.trim() ?? "");
  const bytes = request.rawBytes ?? new Uint8Array(0);
  if (!match)
    throw new GraphError(
      400,
      "InvalidContentRange",
      "A Content-Range header 'bytes start-end/total' is required.",
    );
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (total !== session.size || end < start || end >= total || bytes.length !== end - start + 1) {
    throw new GraphError(
      400,
      "InvalidContentRange",
      "The Content-Range does not match the session or the body length.",
    );
  }
  if (bytes.length > MAX_CHUNK_BYTES)
    throw new GraphError(413, "RequestEntityTooLarge", "Upload ranges are limited to 4 MB.");
  if (start !== session.nextOffset) {
    throw new GraphError(416, "InvalidRange", `The next expected range starts at ${session.nextOffset}.`);
  }
  session.received.set(bytes, start);
  session.nextOffset = end + 1;
  if (session.nextOffset < session.size) {
    return jsonResponse(200, {
      expirationDateTime: new Date(session.expiresAt).toISOString(),
      nextExpectedRanges: [String(session.nextOffset)],
    });
  }
  tenant.uploadSessions.delete(session.id);
  const mailbox = tenant.mailbox(session.mailboxAddress);
  const message = mailbox?.messages.get(session.messageId);
  if (!mailbox || !message)
    throw new GraphError(404, "ErrorItemNotFound", "The message of this upload session no longer exists.");
  const attachment = storedAttachment(tenant, message.id, {
    name: session.name,
    contentType: session.contentType,
    contentBytes: bytesToBase64(session.received),
    size: session.size,
    isInline: session.isInline,
    contentId: null,
  });
  message.attachments.push(attachment);
  touch(tenant, message);
  return emptyResponse(201, {
    location: `${tenant.baseUrl}/v1.0/${userSegment(mailbox)}/messages('${message.id}')/attachments('${attachment.id}')`,
  });
}
