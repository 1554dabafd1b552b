// GET …/messages and …/mailFolders/{id}/messages: $filter, $orderby (with Exchange's sort-leads-filter
// rule), $top (default 10, at most 1000), $skip / $skiptoken, $count and the message view options.
// Default order is receivedDateTime descending. Graph's list-messages page: "The default page size is 10
// messages. Use $top to customize the page size, within the range of 1 and 1000"
// (learn.microsoft.com/graph/api/user-list-messages); a larger $top is refused with 400.
// The pages of one listing are cut from one filtered, ordered snapshot while the mailbox stays unchanged
// (state/listings.ts), so paging through n messages costs one filter and one sort, not one per page.
import { GraphError } from "../errors";
import type { EmuResponse } from "../http";
import { jsonResponse, textResponse } from "../http";
import { compileFilter } from "../odata/filter-compile";
import { parseFilter } from "../odata/filter-parser";
import { checkSortLeadsFilter, parseOrderBy, sortBy } from "../odata/orderby";
import { nextLinkFor, parsePaging } from "../odata/paging";
import type { StoredMessage } from "../state/message";
import type { FolderName } from "../types";
import type { RouteContext } from "./context";
import { metadataUrl, userSegment } from "./context";
import { messageSchema } from "./message-schema";
import { parseMessageView, renderMessage } from "./message-view";

const SUPPORTED_OPTIONS = new Set([
  "$select",
  "$filter",
  "$orderby",
  "$top",
  "$skip",
  "$skiptoken",
  "$count",
  "$expand",
]);

/** Refuses query options Graph would refuse ($search is real Graph but not emulated: 501, not ignored). */
export function checkOptions(query: URLSearchParams, supported: ReadonlySet<string>): void {
  for (const key of query.keys()) {
    if (key === "$search")
      throw new GraphError(501, "NotImplemented", "$search is not emulated; use $filter.");
    if (key.startsWith("$") && !supported.has(key)) {
      throw new GraphError(400, "BadRequest", `Query option '${key}' is not supported.`);
    }
  }
}

/** The query checked (a bad filter or order is refused on every page) and, unless `run` is false, run. */
function matchingMessages(context: RouteContext, folder: FolderName | undefined, run = true) {
  const { query, mailbox } = context;
  const schema = messageSchema(mailbox);
  const filterText = query.get("$filter");
  const filterTree = filterText !== null && filterText.trim() !== "" ? parseFilter(filterText) : null;
  const predicate = filterTree ? compileFilter(filterTree, schema) : null;
  const sortKeys = query.has("$orderby") ? parseOrderBy(query.get("$orderby") ?? "", schema) : [];
  checkSortLeadsFilter(sortKeys, filterTree);
  if (!run) return { schema, sortKeys, matched: [] };
  const all = mailbox.list(folder);
  context.tenant.listings.scanned += all.length;
  return { schema, sortKeys, matched: all.filter((m) => (predicate ? predicate(m) : true)) };
}

export function listMessages(context: RouteContext, folder: FolderName | undefined): EmuResponse {
  const { query, mailbox, tenant } = context;
  checkOptions(query, SUPPORTED_OPTIONS);
  const paging = parsePaging(query, { top: 10, max: 1000 });
  const listing = {
    mailbox,
    folder,
    filter: query.get("$filter") ?? "",
    orderBy: query.get("$orderby") ?? "",
  };
  const kept = tenant.listings.reuse(paging.snapshot, listing, tenant.writes);
  const { schema, sortKeys, matched } = matchingMessages(context, folder, kept === undefined);
  const countRequested = parseCount(query.get("$count"));
  const view = parseMessageView(context);
  const keys = sortKeys.length > 0 ? sortKeys : [{ path: "receivedDateTime", descending: true }];
  const sorted = kept ?? sortBy(matched, keys, schema, (a: StoredMessage, b: StoredMessage) => b.seq - a.seq);
  const page = sorted.slice(paging.offset, paging.offset + paging.top);
  const webLink = `https://outlook.office365.com/owa/`;
  const body: Record<string, unknown> = {
    "@odata.context": `${metadataUrl(context)}#${userSegment(mailbox)}/${folder ? `mailFolders('${folder}')/messages` : "messages"}`,
  };
  if (countRequested) body["@odata.count"] = sorted.length;
  body.value = page.map((m) => renderMessage(m, mailbox, view, webLink));
  if (paging.offset + paging.top < sorted.length) {
    const snapshot =
      kept !== undefined && paging.snapshot !== undefined
        ? paging.snapshot
        : tenant.listings.keep(listing, tenant.writes, sorted);
    body["@odata.nextLink"] = nextLinkFor(context.request.url, paging.offset + paging.top, snapshot);
  }
  return jsonResponse(
    200,
    body,
    view.bodyAsText ? { "preference-applied": 'outlook.body-content-type="text"' } : {},
  );
}

// GET …/messages/$count → the number of matching messages as text/plain (no ConsistencyLevel needed for
// Outlook resources, unlike directory objects).
export function countMessages(context: RouteContext, folder: FolderName | undefined): EmuResponse {
  checkOptions(context.query, new Set(["$filter"]));
  return textResponse(200, String(matchingMessages(context, folder).matched.length));
}

export function parseCount(value: string | null): boolean {
  if (value === null) return false;
  if (value === "true" || value === "false") return value === "true";
  throw new GraphError(400, "BadRequest", `Invalid value '${value}' for $count; expected true or false.`);
}
