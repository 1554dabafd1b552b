// How a failure inside the middleware chain reaches the adapter intact.
//
// GraphRequest turns any error thrown by middleware into a GraphError and keeps only its name and stack,
// except instances of GraphClientError, which it rethrows unchanged. Wrapping our failures in this subclass
// keeps the original (an AppError from the token provider, a fetch TypeError, a timeout) as `cause`.
import { GraphClientError } from "@microsoft/microsoft-graph-client";

export class PipelineError extends GraphClientError {
  override readonly cause: unknown;

  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    Object.setPrototypeOf(this, PipelineError.prototype);
    this.name = "PipelineError";
    this.cause = cause;
  }
}

/** Wraps once: an error that is already a PipelineError passes through. */
export function asPipelineError(e: unknown): PipelineError {
  return e instanceof PipelineError ? e : new PipelineError(e);
}

/** Thrown by the timeout handler so that a slow Graph is told apart from a dropped connection. */
export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`No response from Graph within ${timeoutMs} ms`);
    this.name = "RequestTimeoutError";
  }
}
