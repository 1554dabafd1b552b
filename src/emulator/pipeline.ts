// One request through the emulator: faults, authentication, routing, Graph's error JSON, request ids, and the
// request log. $batch sub-requests come through here too, so they get the same auth, faults and logging.
import { GraphError, errorBody } from "./errors";
import type { FaultRule } from "./faults";
import type { EmuRequest, EmuResponse } from "./http";
import { emptyResponse, jsonResponse } from "./http";
import { newGuid } from "./state/ids";
import type { Mailbox } from "./state/mailbox";
import type { Tenant } from "./state/tenant";
import { routeRequest } from "./routes/router";
import type { RouteTables } from "./routes/router";

export interface DispatchOptions {
  routes: RouteTables;
  /** Handles the requests to the upload origin (attachment upload-session URLs, outside Graph). */
  outside?: (tenant: Tenant, request: EmuRequest) => Promise<EmuResponse> | EmuResponse;
}

const READ_ONLY_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export async function dispatch(
  tenant: Tenant,
  request: EmuRequest,
  options: DispatchOptions,
): Promise<EmuResponse> {
  const startedMs = performance.now();
  const startedAt = tenant.now();
  const requestId = newGuid();
  const clientRequestId = request.headers.get("client-request-id") ?? requestId;
  const url = decodeForDisplay(request.url.href);
  const faults = tenant.faults.take(request.method, url);
  const state: { caller: Mailbox | null } = { caller: null };

  const latency = faults.reduce((sum, f) => sum + (f.effect.kind === "latency" ? f.effect.ms : 0), 0);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

  const blocking = faults.find((f) => f.effect.kind === "throttle" || f.effect.kind === "unavailable");
  // A request that may write ends every listing snapshot taken before it, and any taken while it ran.
  const writes = !READ_ONLY_METHODS.has(request.method);
  if (writes) tenant.noteWrite();
  let response: EmuResponse;
  try {
    response = blocking ? faultResponse(blocking) : await execute(tenant, request, options, state);
  } catch (error) {
    response = errorResponse(error);
  }
  if (writes) tenant.noteWrite();

  const after = faults.find((f) => f.effect.kind === "failAfterEffect");
  if (after?.effect.kind === "failAfterEffect") {
    response =
      after.effect.as === "drop"
        ? { ...response, dropConnection: true }
        : errorResponse(new GraphError(503, "ServiceUnavailable", "The service is temporarily unavailable."));
  }

  const finalized = finalize(response, requestId, clientRequestId, startedAt, {
    // A $batch step's headers travel in the batch's JSON body, which a browser reads like any body.
    exposeRetryAfter: tenant.behaviour.exposeRetryAfter || request.batchStepId !== undefined,
  });
  const applied = blocking ?? after ?? faults[0];
  tenant.log.record({
    method: request.method,
    url,
    requestBody: describeBody(request),
    status: finalized.status,
    startedAt: startedAt.toISOString(),
    durationMs: performance.now() - startedMs,
    caller: state.caller?.address ?? null,
    ...(request.batchStepId !== undefined ? { batchStepId: request.batchStepId } : {}),
    ...(applied ? { faultId: applied.id } : {}),
    ...(finalized.dropConnection ? { dropped: true } : {}),
  });
  return finalized;
}

async function execute(
  tenant: Tenant,
  request: EmuRequest,
  options: DispatchOptions,
  state: { caller: Mailbox | null },
): Promise<EmuResponse> {
  if (request.method === "OPTIONS") return preflight(request);
  if (options.outside && request.url.origin === tenant.uploadOrigin) return options.outside(tenant, request);
  const first = request.url.pathname.split("/").filter((s) => s.length > 0)[0];
  if (first !== "v1.0") throw new GraphError(400, "BadRequest", "Invalid version.");
  const caller = authenticate(tenant, request);
  state.caller = caller;
  return routeRequest(tenant, request, caller, options.routes, (sub) => dispatch(tenant, sub, options));
}

/** CORS preflight: any method and the headers Graph clients send, no authentication. */
function preflight(request: EmuRequest): EmuResponse {
  return emptyResponse(204, {
    "access-control-allow-methods": "GET, POST, PATCH, PUT, DELETE, OPTIONS",
    "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "*",
    "access-control-max-age": "3600",
  });
}

/** Bearer tokens are opaque strings the tenant issued; anything else is refused like an invalid JWT. */
function authenticate(tenant: Tenant, request: EmuRequest): Mailbox {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const challenge = {
    "www-authenticate":
      'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
  };
  if (!match?.[1])
    throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.", challenge);
  const user = tenant.userForToken(match[1]);
  if (!user)
    throw new GraphError(
      401,
      "InvalidAuthenticationToken",
      "Access token validation failure. Invalid audience.",
      challenge,
    );
  return user;
}

function faultResponse(rule: FaultRule): EmuResponse {
  if (rule.effect.kind === "throttle") {
    throw new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", {
      "retry-after": String(rule.effect.retryAfterSeconds),
    });
  }
  const retry = rule.effect.kind === "unavailable" ? rule.effect.retryAfterSeconds : undefined;
  throw new GraphError(
    503,
    "ServiceUnavailable",
    "The service is temporarily unavailable.",
    retry !== undefined ? { "retry-after": String(retry) } : {},
  );
}

/** The body is rendered in finalize(), where the request id is known. */
function errorResponse(error: unknown): EmuResponse {
  if (error instanceof GraphError) {
    return {
      ...jsonResponse(error.status, null, error.headers),
      graphError: { code: error.code, message: error.message },
    };
  }
  const message = error instanceof Error ? error.message : "Unexpected failure.";
  return { ...jsonResponse(500, null), graphError: { code: "InternalServerError", message } };
}

/**
 * The headers a browser client may read cross-origin. Graph does not expose Retry-After
 * (microsoftgraph/microsoft-graph-docs#17488, microsoftgraph/msgraph-sdk-design#76: a 429 in a browser carries
 * it, but script cannot read it), so by default the emulator neither lists it nor lets the client see it: under
 * msw the client reads whatever the emulator returns, so hiding it is how the browser's view is reproduced.
 */
const EXPOSED_HEADERS =
  "ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id, WWW-Authenticate";

function finalize(
  response: EmuResponse,
  requestId: string,
  clientRequestId: string,
  at: Date,
  options: { exposeRetryAfter: boolean },
): EmuResponse {
  const own = Object.fromEntries(
    Object.entries(response.headers).filter(
      ([name]) => options.exposeRetryAfter || name.toLowerCase() !== "retry-after",
    ),
  );
  const headers = {
    ...own,
    "request-id": requestId,
    "client-request-id": clientRequestId,
    "cache-control": "private",
    "access-control-allow-origin": "*",
    "access-control-expose-headers": options.exposeRetryAfter
      ? `${EXPOSED_HEADERS}, Retry-After`
      : EXPOSED_HEADERS,
  };
  if (response.graphError) {
    const { code, message } = response.graphError;
    return {
      ...response,
      headers,
      body: { kind: "json", value: errorBody(code, message, requestId, clientRequestId, at) },
    };
  }
  return { ...response, headers };
}

function describeBody(request: EmuRequest): unknown {
  if (request.rawBytes && request.body === undefined) return `<${request.rawBytes.length} bytes>`;
  return request.body;
}

function decodeForDisplay(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}
