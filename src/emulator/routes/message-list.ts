// GET …/messages and …/mailFolders/{id}/messages: $filter, $orderby (with Exchange's sort-leads-filter
// rule), $top (default 10, at most 1000), $skip / $skiptoken, $count and the message view options.
// Default order is receivedDateTime descending.
import { GraphError } from "../errors";
import type { EmuResponse } from "../http";
import { jsonResponse } from "../http";
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

export function listMessages(context: RouteContext, folder: FolderName | undefined): EmuResponse {
  const { query, mailbox } = context;
  for (const key of query.keys()) {
    if (key === "$search")
      throw new GraphError(501, "NotImplemented", "$search is not emulated; use $filter.");
    if (key.startsWith("$") && !SUPPORTED_OPTIONS.has(key)) {
      throw new GraphError(400, "BadRequest", `Query option '${key}' is not supported.`);
    }
  }
  const schema = messageSchema(mailbox);
  const filterText = query.get("$filter");
  const filterTree = filterText !== null && filterText.trim() !== "" ? parseFilter(filterText) : null;
  const predicate = filterTree ? compileFilter(filterTree, schema) : null;
  const sortKeys = query.has("$orderby") ? parseOrderBy(query.get("$orderby") ?? "", schema) : [];
  checkSortLeadsFilter(sortKeys, filterTree);
  const paging = parsePaging(query, { top: 10, max: 1000 });
  const countRequested = parseCount(query.get("$count"));
  const view = parseMessageView(context);

  const matched = mailbox.list(folder).filter((m) => (predicate ? predicate(m) : true));
  const keys = sortKeys.length > 0 ? sortKeys : [{ path: "receivedDateTime", descending: true }];
  const sorted = sortBy(matched, keys, schema, (a: StoredMessage, b: StoredMessage) => b.seq - a.seq);
  const page = sorted.slice(paging.offset, paging.offset + paging.top);
  const webLink = `https://outlook.office365.com/owa/`;
  const body: Record<string, unknown> = {
    "@odata.context": `${metadataUrl(context)}#${userSegment(mailbox)}/${folder ? `mailFolders('${folder}')/messages` : "messages"}`,
  };
  if (countRequested) body["@odata.count"] = matched.length;
  body.value = page.map((m) => renderMessage(m, mailbox, view, webLink));
  if (paging.offset + paging.top < sorted.length) {
    body["@odata.nextLink"] = nextLinkFor(context.request.url, paging.offset + paging.top);
  }
  return jsonResponse(
    200,
    body,
    view.bodyAsText ? { "preference-applied": 'outlook.body-content-type="text"' } : {},
  );
}

export function parseCount(value: string | null): boolean {
  if (value === null) return false;
  if (value === "true" || value === "false") return value === "true";
  throw new GraphError(400, "BadRequest", `Invalid value '${value}' for $count; expected true or false.`);
}
