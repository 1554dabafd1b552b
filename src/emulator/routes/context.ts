// What every route handler receives, and the small guards they share (JSON body, message lookup).
import { GraphError, itemNotFound } from "../errors";
import type { EmuRequest, EmuResponse } from "../http";
import { isRecord } from "../json";
import type { JsonObject } from "../json";
import { looksLikeRestId } from "../state/ids";
import type { Mailbox } from "../state/mailbox";
import type { StoredMessage } from "../state/message";
import type { Tenant } from "../state/tenant";

export interface RouteContext {
  tenant: Tenant;
  request: EmuRequest;
  /** The signed-in user (from the bearer token). */
  caller: Mailbox;
  /** The mailbox addressed by /me or /users/{id}, when the route is mailbox-scoped (access already checked). */
  mailbox: Mailbox;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Runs another request through the full pipeline (auth, faults, log): $batch uses it for its steps. */
  dispatch: (request: EmuRequest) => Promise<EmuResponse>;
}

/** The request body as a JSON object, or Graph's 400 for an unreadable payload. */
export function jsonBody(request: EmuRequest): JsonObject {
  if (request.body === undefined) {
    throw new GraphError(400, "BadRequest", "Empty Payload. JSON content expected.");
  }
  if (!isRecord(request.body)) {
    throw new GraphError(
      400,
      "BadRequest",
      "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
    );
  }
  return request.body;
}

/** Looks a message up by id in the addressed mailbox: 400 for ids that are not REST ids, 404 when absent. */
export function findMessage(context: RouteContext, id: string): StoredMessage {
  if (!looksLikeRestId(id)) throw new GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.");
  const message = context.mailbox.messages.get(id);
  if (!message) throw itemNotFound();
  return message;
}

/** Base of @odata.context values: "https://graph.microsoft.com/v1.0/$metadata". */
export function metadataUrl(context: RouteContext): string {
  return `${context.tenant.baseUrl}/v1.0/$metadata`;
}

/** The user segment Graph writes in @odata.context, e.g. "users('ana%40universidad.example')". */
export function userSegment(mailbox: Mailbox): string {
  return `users('${encodeURIComponent(mailbox.address)}')`;
}
