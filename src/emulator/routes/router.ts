// Path routing for /v1.0. A route is a method plus a segment pattern (":name" captures); mailbox-scoped
// routes are matched after the /me or /users/{id} prefix, whose access rules are applied here once.
// Action segments are matched with or without the "microsoft.graph." namespace, as Graph accepts both.
import { GraphError, accessDenied } from "../errors";
import type { EmuResponse } from "../http";
import type { Mailbox } from "../state/mailbox";
import type { Tenant } from "../state/tenant";
import type { EmuRequest } from "../http";
import type { RouteContext } from "./context";

export type Handler = (context: RouteContext) => EmuResponse | Promise<EmuResponse>;

export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
}

export interface RouteTables {
  /** Matched after /me or /users/{id}. */
  mailbox: Route[];
  /** Matched from the root of /v1.0 (groups, $batch, /users/{id} itself, /me itself). */
  root: Route[];
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = pattern.split("/").filter((p) => p.length > 0);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? "";
    const segment = segments[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = segment;
    else if (part.toLowerCase() !== segment.replace(/^microsoft\.graph\./i, "").toLowerCase()) return null;
  }
  return params;
}

function find(
  routes: readonly Route[],
  method: string,
  segments: readonly string[],
): { route: Route; params: Record<string, string> } | "method" | null {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? "method" : null;
}

export async function routeRequest(
  tenant: Tenant,
  request: EmuRequest,
  caller: Mailbox,
  tables: RouteTables,
  dispatch: (request: EmuRequest) => Promise<EmuResponse>,
): Promise<EmuResponse> {
  const segments = request.url.pathname
    .split("/")
    .filter((s) => s.length > 0)
    .map(decodeSegment)
    .slice(1);
  const base = { tenant, request, caller, query: request.url.searchParams, dispatch };
  const mailboxTarget = mailboxPrefix(tenant, caller, segments);
  if (mailboxTarget) {
    const found = find(tables.mailbox, request.method, mailboxTarget.rest);
    if (found && found !== "method") {
      if (!tenant.canAccess(caller, mailboxTarget.mailbox)) throw accessDenied();
      return found.route.handler({ ...base, mailbox: mailboxTarget.mailbox, params: found.params });
    }
    if (found === "method") throw methodNotAllowed(request.method);
  }
  const found = find(tables.root, request.method, segments);
  if (found === "method") throw methodNotAllowed(request.method);
  if (!found)
    throw new GraphError(400, "BadRequest", `Resource not found for the segment '${segments.at(-1) ?? ""}'.`);
  return found.route.handler({ ...base, mailbox: caller, params: found.params });
}

/** `/me/...` or `/users/{id|address}/...` with something after it. */
function mailboxPrefix(
  tenant: Tenant,
  caller: Mailbox,
  segments: readonly string[],
): { mailbox: Mailbox; rest: string[] } | null {
  const [first, second, ...rest] = segments;
  if (first?.toLowerCase() === "me" && second !== undefined)
    return { mailbox: caller, rest: [second, ...rest] };
  if (first?.toLowerCase() === "users" && second !== undefined && rest.length > 0) {
    const mailbox = tenant.resolveMailbox(second);
    if (!mailbox) throw new GraphError(404, "ErrorInvalidUser", `The requested user '${second}' is invalid.`);
    return { mailbox, rest };
  }
  return null;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, "BadRequest", `The URL segment '${segment}' is not valid percent-encoding.`);
  }
}

function methodNotAllowed(method: string): GraphError {
  return new GraphError(405, "BadRequest", `The HTTP method '${method}' is not allowed for this resource.`);
}
