// What the pipeline must know about a request to retry it safely, carried as a Graph-client middleware option.
import type { Context, MiddlewareOptions } from "@microsoft/microsoft-graph-client";

/** What a request does if it reaches Graph: nothing durable, creates an item, or delivers mail. */
export type RequestEffect = "none" | "creates" | "delivers";

export class RequestTraits implements MiddlewareOptions {
  /**
   * @param repeatable Safe to send again after an unclear outcome (503/504, dropped connection): reads, PUTs
   *   of the same bytes, PATCHes that set fixed values. A POST that sends or creates is not.
   * @param effect What an unclear outcome may have left behind; it decides the detail on the error.
   */
  constructor(
    readonly repeatable: boolean,
    readonly effect: RequestEffect = "none",
  ) {}

  /** GET/PUT/PATCH/DELETE are idempotent; POST is not unless the caller says so. */
  static forMethod(method: string): RequestTraits {
    return new RequestTraits(method.toUpperCase() !== "POST");
  }
}

/** The traits attached to this request, or the method's default. */
export function traitsOf(context: Context): RequestTraits {
  const option = context.middlewareControl?.getMiddlewareOptions(RequestTraits);
  if (option instanceof RequestTraits) return option;
  return RequestTraits.forMethod(context.options?.method ?? "GET");
}
