// Large attachments: POST …/attachments/createUploadSession returns a pre-authenticated uploadUrl; the client PUTs
// byte ranges (Content-Range: bytes a-b/total) in order. Each partial PUT answers 200 with nextExpectedRanges;
// the last one answers 201 with a Location for the new attachment. DELETE on the uploadUrl cancels. Sessions
// under 2 MiB are refused as Exchange refuses them.
//
// As on real Exchange (Graph's "Attach large files to Outlook messages or events"):
// - the uploadUrl is on https://outlook.office.com (…/api/v2.0/Users('…')/Messages('…')/AttachmentSessions('…')
//   ?authtoken=…), not on graph.microsoft.com, and the PUTs carry no Authorization header: the authtoken in the
//   URL is the credential. Graph's own host does not serve these URLs.
// - under delegated permissions createUploadSession succeeds only on the signed-in user's own mailbox: on a
//   shared or delegated mailbox it answers 403 (Graph "known issues": "Attaching large files to messages with
//   delegated permissions can fail"; also microsoftgraph/microsoft-graph-docs#12103). The docs give the status,
//   not the body; the emulator answers Exchange's usual ErrorAccessDenied.
import { bytesToBase64 } from "../base64";
import { GraphError, accessDenied } from "../errors";
import type { EmuRequest, EmuResponse } from "../http";
import { emptyResponse, jsonResponse } from "../http";
import { isRecord, isString } from "../json";
import { storedAttachment, touch } from "../mail/drafts";
import { newToken } from "../state/ids";
import type { Mailbox } from "../state/mailbox";
import type { Tenant, UploadSession } from "../state/tenant";
import type { RouteContext } from "./context";
import { findMessage, jsonBody, metadataUrl } from "./context";

export const MIN_UPLOAD_SESSION_BYTES = 2 * 1024 * 1024;
export const MAX_UPLOAD_SESSION_BYTES = 150 * 1024 * 1024;
const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** …/AttachmentSessions('{session id}') at the end of the upload URL's path. */
const SESSION_IN_PATH = /\/AttachmentSessions\('([^'/]+)'\)$/;

export function createUploadSession(context: RouteContext): EmuResponse {
  const message = findMessage(context, context.params.id ?? "");
  if (context.mailbox.address !== context.caller.address) throw accessDenied();
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
    authToken: newToken(),
    mailboxAddress: context.mailbox.address,
    messageId: message.id,
    name: item.name,
    contentType: isString(item.contentType) ? item.contentType : "application/octet-stream",
    isInline: item.isInline === true,
    contentId: isString(item.contentId) ? item.contentId : null,
    size: item.size,
    received: new Uint8Array(item.size),
    nextOffset: 0,
    expiresAt: context.tenant.now().getTime() + SESSION_LIFETIME_MS,
  };
  context.tenant.uploadSessions.set(session.id, session);
  return jsonResponse(201, {
    "@odata.context": `${metadataUrl(context)}#microsoft.graph.uploadSession`,
    uploadUrl: uploadUrl(context.tenant, context.mailbox, message.id, session),
    expirationDateTime: new Date(session.expiresAt).toISOString(),
    nextExpectedRanges: ["0-"],
  });
}

/** Exchange's resource path on its own host: Users('{id}@{tenant}')/Messages('{id}'), as in the documented example. */
function outlookItemPath(tenant: Tenant, mailbox: Mailbox, messageId: string): string {
  return `${tenant.uploadOrigin}/api/v2.0/Users('${mailbox.id}@${tenant.domain}')/Messages('${messageId}')`;
}

function uploadUrl(tenant: Tenant, mailbox: Mailbox, messageId: string, session: UploadSession): string {
  const path = `${outlookItemPath(tenant, mailbox, messageId)}/AttachmentSessions('${session.id}')`;
  return `${path}?authtoken=${encodeURIComponent(session.authToken)}`;
}

/** Requests to the upload origin (no bearer token: the authtoken in the URL is the credential). */
export function handleUpload(tenant: Tenant, request: EmuRequest): EmuResponse {
  const id = SESSION_IN_PATH.exec(decodeURIComponent(request.url.pathname))?.[1];
  const session = id ? tenant.uploadSessions.get(id) : undefined;
  if (!session || session.expiresAt < tenant.now().getTime()) {
    throw new GraphError(404, "ErrorItemNotFound", "The upload session does not exist or has expired.");
  }
  if (request.url.searchParams.get("authtoken") !== session.authToken) {
    throw new GraphError(401, "InvalidAuthenticationToken", "The authtoken of this upload URL is not valid.");
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
    contentId: session.contentId,
  });
  message.attachments.push(attachment);
  touch(tenant, message);
  return emptyResponse(201, {
    location: `${outlookItemPath(tenant, mailbox, message.id)}/Attachments('${attachment.id}')`,
  });
}
