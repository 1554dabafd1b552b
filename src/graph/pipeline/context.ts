// Helpers over the Graph client's middleware Context, which carries a fetch request in loosely typed parts.
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

export function requestUrl(context: Context): string {
  return typeof context.request === "string" ? context.request : context.request.url;
}

/**
 * The request headers as a Headers object, stored back on the context so that every middleware edits the
 * same one (the client hands over a plain record; a Request may carry its own).
 */
export function requestHeaders(context: Context): Headers {
  const options = (context.options ??= {});
  if (options.headers instanceof Headers) return options.headers;
  const headers = new Headers(options.headers);
  if (typeof context.request !== "string") {
    context.request.headers.forEach((value, name) => {
      if (!headers.has(name)) headers.set(name, value);
    });
  }
  options.headers = headers;
  return headers;
}

/**
 * Reads a response that will not be used to its end, so its connection is freed. Draining rather than
 * cancelling: these bodies are small (error JSON, a PATCH echo), and a cancel on some fetch implementations
 * (msw's interceptor among them) never settles.
 */
export async function drainResponse(response: Response | undefined): Promise<void> {
  if (response?.body && !response.bodyUsed) await response.arrayBuffer().catch(() => undefined);
}

export async function discardResponse(context: Context): Promise<void> {
  const response = context.response;
  context.response = undefined;
  await drainResponse(response);
}

/** Base for our middleware: holds the next link of the chain. */
export abstract class ChainLink implements Middleware {
  private nextLink?: Middleware;

  setNext(middleware: Middleware): void {
    this.nextLink = middleware;
  }

  protected get next(): Middleware {
    if (!this.nextLink) throw new Error(`${this.constructor.name} is the last link of the chain`);
    return this.nextLink;
  }

  abstract execute(context: Context): Promise<void>;
}

/** Links middleware in order and returns the first. */
export function linkChain(first: Middleware, ...rest: Middleware[]): Middleware {
  let current = first;
  for (const link of rest) {
    if (!current.setNext) throw new Error("Only the last middleware may lack setNext");
    current.setNext(link);
    current = link;
  }
  return first;
}
