// Graph's error model: every failure answers `{ error: { code, message, innerError } }` with an HTTP status.
// Routes throw GraphError; the pipeline turns it into the JSON body and adds innerError and request ids.

/** A failure that Graph would report; `code` is the stable string clients branch on. */
export class GraphError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "GraphError";
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; "request-id": string; "client-request-id": string };
  };
}

/** Graph writes innerError.date without milliseconds, e.g. "2026-11-27T14:05:00". */
export function errorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId: string,
  at: Date,
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: at.toISOString().slice(0, 19),
        "request-id": requestId,
        "client-request-id": clientRequestId,
      },
    },
  };
}

// Constructors for the errors the emulator answers most, so the codes are spelled once.

export function itemNotFound(): GraphError {
  return new GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

export function accessDenied(): GraphError {
  return new GraphError(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
}

export function badRequest(code: string, message: string): GraphError {
  return new GraphError(400, code, message);
}

/** OData URI parse failures on Outlook resources (unknown $select/$orderby/$expand property). */
export function uriParseError(message: string): GraphError {
  return new GraphError(400, "RequestBroker--ParseUri", message);
}

export function invalidFilterNode(): GraphError {
  return new GraphError(
    400,
    "ErrorInvalidUrlQueryFilter",
    "The query filter contains one or more invalid nodes.",
  );
}

export function invalidFilterClause(detail: string): GraphError {
  return new GraphError(400, "BadRequest", `Invalid filter clause: ${detail}`);
}
