// Graph failures → the add-in's one error model (AppError with a stable code and a next step).
//
// | Graph says                               | code            |
// |------------------------------------------|-----------------|
// | 400 (any error.code, kept in details)    | badRequest      |
// | 401                                      | unauthenticated |
// | 403 ErrorSendAsDenied                    | sendAsDenied    |
// | 403 otherwise                            | forbidden       |
// | 404                                      | notFound        |
// | 409, 412 (stale If-Match)                | conflict        |
// | 429 (after the retries allowed)          | throttled       |
// | 502, 503, 504                            | unavailable     |
// | other 4xx / 5xx                          | badRequest / unknown |
// | fetch TypeError / timeout                | network         |
// | token provider failure                   | its own AppError, else unauthenticated |
//
// A request that sends or creates (not repeatable) and ends in a 5xx, a dropped connection or a timeout
// may have been processed: it becomes "unavailable" with details.maybeDelivered = 1 (it sends mail) or
// details.maybeCreated = 1 (it creates an item), so the workflow looks in Sent Items / Drafts before trying
// again instead of resending blindly.
import { AppError, isAppError } from "../domain/errors";
import type { ErrorCode } from "../domain/errors";
import { RequestTimeoutError } from "./pipeline/pipelineError";
import type { RequestTraits } from "./pipeline/requestTraits";
import { retryAfterMs } from "./pipeline/retryAfter";

interface GraphErrorBody {
  error?: { code?: string; message?: string; innerError?: { "request-id"?: string } };
}

type Details = Record<string, string | number>;

function codeForStatus(status: number, graphCode: string | undefined): ErrorCode {
  switch (status) {
    case 400:
      return "badRequest";
    case 401:
      return "unauthenticated";
    case 403:
      return graphCode === "ErrorSendAsDenied" ? "sendAsDenied" : "forbidden";
    case 404:
      return "notFound";
    case 409:
    case 412:
      return "conflict";
    case 429:
      return "throttled";
    case 502:
    case 503:
    case 504:
      return "unavailable";
    default:
      return status >= 400 && status < 500 ? "badRequest" : "unknown";
  }
}

/** The detail that tells the workflow a non-repeatable request may have taken effect. */
function ambiguityDetail(traits: RequestTraits): Details {
  if (traits.repeatable) return {};
  if (traits.effect === "delivers") return { maybeDelivered: 1 };
  if (traits.effect === "creates") return { maybeCreated: 1 };
  return {};
}

async function readErrorBody(response: Response): Promise<GraphErrorBody> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as GraphErrorBody) : {};
  } catch {
    return {};
  }
}

/** An AppError for a non-2xx Graph response. */
export async function errorFromResponse(response: Response, traits: RequestTraits): Promise<AppError> {
  const body = await readErrorBody(response);
  const graphCode = body.error?.code;
  const status = response.status;
  let code = codeForStatus(status, graphCode);
  const details: Details = { status };
  if (graphCode) details.graphCode = graphCode;
  const requestId = body.error?.innerError?.["request-id"] ?? response.headers.get("request-id");
  if (requestId) details.requestId = requestId;
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(response.headers.get("Retry-After"), Date.now());
    if (wait !== undefined) details.retryAfterSeconds = Math.ceil(wait / 1000);
  }
  if (status >= 500) {
    const ambiguity = ambiguityDetail(traits);
    if (Object.keys(ambiguity).length > 0) code = "unavailable";
    Object.assign(details, ambiguity);
  }
  const message = body.error?.message ?? `Microsoft Graph answered ${status}`;
  return new AppError(code, message, { details });
}

/** An AppError for a failure before any response: token provider, network, timeout. */
export function errorFromTransport(cause: unknown, traits: RequestTraits): AppError {
  if (isAppError(cause)) return cause;
  const ambiguity = ambiguityDetail(traits);
  const details: Details = { ...ambiguity };
  if (cause instanceof RequestTimeoutError) details.timeoutMs = cause.timeoutMs;
  const isNetwork = cause instanceof TypeError || cause instanceof RequestTimeoutError;
  if (!isNetwork) return new AppError("unknown", errorMessage(cause), { cause, details });
  const code: ErrorCode = Object.keys(ambiguity).length > 0 ? "unavailable" : "network";
  return new AppError(code, errorMessage(cause), { cause, details });
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
