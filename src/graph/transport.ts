// One way to call Graph: the Graph client (our middleware chain) asked for the raw Response, so that status,
// headers and Graph's error JSON are all ours to read, and every failure leaves here as an AppError.
import { Client, ResponseType } from "@microsoft/microsoft-graph-client";
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { AppError, toAppError } from "../domain/errors";
import { errorFromResponse, errorFromTransport } from "./errors";
import { drainResponse } from "./pipeline/context";
import { PipelineError } from "./pipeline/pipelineError";
import { RequestTraits } from "./pipeline/requestTraits";
import type { ServerAnswerWaits } from "./pipeline/retryHandler";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface GraphCall {
  method: HttpMethod;
  /** Path under the base URL ("/me/messages?$top=10"), or an absolute URL under it (an @odata.nextLink). */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Defaults to the method's (POST: not repeatable). */
  traits?: RequestTraits;
}

export class GraphTransport {
  private readonly client: Client;
  private readonly baseHref: string;

  /** @param baseUrl e.g. https://graph.microsoft.com/v1.0 */
  constructor(
    baseUrl: URL,
    chain: Middleware,
    private readonly uploads: Middleware,
    /** The retry handler's rules, policy, clock and listener: $batch steps wait by them too (batch.ts). */
    readonly waits: ServerAnswerWaits,
  ) {
    this.baseHref = baseUrl.href.replace(/\/+$/, "");
    this.client = Client.initWithMiddleware({
      middleware: chain,
      baseUrl: baseUrl.origin,
      defaultVersion: baseUrl.pathname.replace(/^\/+|\/+$/g, ""),
    });
  }

  async json<T>(call: GraphCall): Promise<T> {
    const response = await this.send(call);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }

  async text(call: GraphCall): Promise<string> {
    return (await this.send(call)).text();
  }

  async bytes(call: GraphCall): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await (await this.send(call)).arrayBuffer());
  }

  async none(call: GraphCall): Promise<void> {
    await drainResponse(await this.send(call));
  }

  /** The response of a successful call; anything else throws an AppError. */
  async send(call: GraphCall): Promise<Response> {
    const traits = call.traits ?? RequestTraits.forMethod(call.method);
    const request = this.client
      .api(this.relative(call.path))
      .headers(call.headers ?? {})
      .middlewareOptions([traits])
      .responseType(ResponseType.RAW);
    let response: Response;
    try {
      response = (await this.dispatch(request, call)) as Response;
    } catch (e) {
      throw e instanceof PipelineError ? errorFromTransport(e.cause, traits) : toAppError(e);
    }
    if (!response.ok) throw await errorFromResponse(response, traits);
    return response;
  }

  /**
   * PUT to a pre-authenticated URL outside Graph (an attachment upload session): our retry, concurrency and
   * timeout handling, no Authorization header, no Graph client URL rewriting.
   */
  upload(url: string, body: Uint8Array<ArrayBuffer>, headers: Record<string, string>): Promise<Response> {
    return this.outside(url, { method: "PUT", headers, body });
  }

  /** DELETE of a pre-authenticated upload URL: cancels the session (same handling as upload). */
  cancelUpload(url: string): Promise<Response> {
    return this.outside(url, { method: "DELETE" });
  }

  private async outside(url: string, options: RequestInit): Promise<Response> {
    const traits = new RequestTraits(true);
    const context: Context = { request: url, options };
    try {
      await this.uploads.execute(context);
    } catch (e) {
      throw e instanceof PipelineError ? errorFromTransport(e.cause, traits) : toAppError(e);
    }
    const response = context.response;
    if (!response) throw new AppError("unknown", "Upload returned no response");
    if (!response.ok) throw await errorFromResponse(response, traits);
    return response;
  }

  /** A path relative to the base URL; absolute URLs must be under it, so tokens never leave for another host. */
  private relative(path: string): string {
    if (!/^https?:\/\//i.test(path)) return path;
    if (path === this.baseHref || path.startsWith(`${this.baseHref}/`))
      return path.slice(this.baseHref.length);
    throw new AppError("badRequest", "Refusing a URL outside the Graph base URL", {
      details: { field: "nextLink" },
    });
  }

  private dispatch(request: ReturnType<Client["api"]>, call: GraphCall): Promise<unknown> {
    switch (call.method) {
      case "GET":
        return request.get();
      case "POST":
        return request.post(call.body);
      case "PATCH":
        return request.patch(call.body ?? {});
      case "PUT":
        return request.put(call.body);
      case "DELETE":
        return request.delete();
    }
  }
}
