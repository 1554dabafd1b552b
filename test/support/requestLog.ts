// Reading the tenant's request log as figures: which Graph calls an action made, by method and route kind
// ("POST messages/{id}/send", "GET mailFolders/sentitems/messages?filter"…), ids and mailboxes left out.
import type { LogEntry, Tenant } from "../../src/emulator";

const KNOWN_SEGMENTS = new Set([
  "messages",
  "mailFolders",
  "attachments",
  "groups",
  "members",
  "$count",
  "$value",
  "$batch",
  "send",
  "sendMail",
  "createForward",
  "createReply",
  "createReplyAll",
  "forward",
  "reply",
  "replyAll",
  "createUploadSession",
  "inbox",
  "sentitems",
  "drafts",
  "deleteditems",
]);

/**
 * "METHOD route" with ids replaced by {id}; "?filter" marks a filtered list. The log's URL is decoded, and item
 * ids contain "/" (as Exchange's do), so the unknown segments between two known ones are one id.
 */
export function routeKind(entry: Pick<LogEntry, "method" | "url">): string {
  const url = new URL(entry.url);
  const segments = url.pathname.split("/").filter((s) => s.length > 0);
  const rest = segments[0] === "v1.0" ? segments.slice(1) : ["(upload)"];
  if (rest[0] === "me") rest.splice(0, 1);
  else if (rest[0] === "users") rest.splice(0, 2);
  const route = rest
    .map((s) => (KNOWN_SEGMENTS.has(s) ? s : "{id}"))
    .filter((s, i, all) => s !== "{id}" || all[i - 1] !== "{id}")
    .join("/");
  const query = url.searchParams.has("$filter") ? "?filter" : "";
  return `${entry.method} ${route}${query}`;
}

/** How many requests of each route kind, in the order first seen. */
export function countByRoute(entries: readonly LogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const kind = routeKind(entry);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** Runs `action` and returns what it asked of Graph (the log entries it added). */
export async function logged<T>(
  tenant: Tenant,
  action: () => Promise<T>,
): Promise<{ result: T; entries: LogEntry[] }> {
  const before = tenant.log.entries().at(-1)?.seq ?? 0;
  const result = await action();
  return { result, entries: tenant.log.entries().filter((e) => e.seq > before) };
}

/** POST …/send requests that the tenant answered with success, optionally for one caller. */
export function successfulSends(tenant: Tenant, caller?: string): LogEntry[] {
  return tenant.log
    .filter({ method: "POST", url: /\/send$/, ...(caller ? { caller } : {}) })
    .filter((e) => e.status === 202);
}

/** Every POST …/send attempt (whatever its answer), optionally for one caller. */
export function sendAttempts(tenant: Tenant, caller?: string): LogEntry[] {
  return tenant.log.filter({ method: "POST", url: /\/send$/, ...(caller ? { caller } : {}) });
}

/**
 * A fault-rule matcher for every request of one route kind (as `routeKind` names it), whatever the ids: the
 * method, and a pattern for the decoded URL.
 */
/**
 * One id in a decoded URL: an Exchange item id (base64 with "/" and "+", ending in "="), or a GUID-like id
 * without "/" (groups).
 */
const ID_PATTERN = "(?:AA[A-Za-z0-9+/_-]*=+|[^/?=]+)";

export function routeMatcher(kind: string): { method: string; url: RegExp } {
  const [method = "", route = ""] = kind.split(" ");
  const filtered = route.endsWith("?filter");
  const path = (filtered ? route.slice(0, -"?filter".length) : route)
    .split("/")
    .map((s) => (s === "{id}" ? ID_PATTERN : s.replace(/[$.]/g, (c) => `\\${c}`)))
    .join("/");
  // A top-level $filter (not the one inside $expand=…($filter=…)).
  const topFilter = "(?:[^()]*&)?\\$filter=";
  const query = filtered ? `\\?${topFilter}` : `(?:\\?(?!${topFilter}).*)?$`;
  return { method, url: new RegExp(`/v1\\.0/(?:(?:me|users/[^/]+)/)?${path}${query}`) };
}
