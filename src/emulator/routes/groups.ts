// Directory groups: GET /groups with $filter (mailEnabled eq true, mail eq '…', startswith(mail,'…')…),
// $select, $top, $count; GET /groups/{id}; members and the member count. As documented for directory
// objects, $count (and endswith) are advanced queries: they need `ConsistencyLevel: eventual`, otherwise
// 400 Request_BadRequest ("$count is not currently supported."). The member count is the directory's
// configured number (thousands), not the handful of member mailboxes that exist for delivery.
//
// Nested groups: `/members` is documented as the direct members ("this operation is not transitive"): a nested
// group is one member. `/transitiveMembers` is "a flat list of all nested members", nested groups included as
// objects of their own; the OData cast `/transitiveMembers/microsoft.graph.user/$count` counts users only
// (group-list-transitivemembers; the cast with $count and ConsistencyLevel is shown in Microsoft Q&A 447359).
// Dynamic distribution groups are not Microsoft Entra objects: absent here entirely (see Tenant.directoryGroup).
import { GraphError } from "../errors";
import type { EmuResponse } from "../http";
import { jsonResponse, textResponse } from "../http";
import { compileFilter } from "../odata/filter-compile";
import { parseFilter } from "../odata/filter-parser";
import type { EntitySchema } from "../odata/filter-schema";
import { parseOrderBy, sortBy } from "../odata/orderby";
import { nextLinkFor, parsePaging } from "../odata/paging";
import { applySelect, parseSelect } from "../odata/select";
import type { DirectoryGroup } from "../state/config";
import type { RouteContext } from "./context";
import { metadataUrl } from "./context";
import { checkOptions, parseCount } from "./message-list";
import type { Route } from "./router";

const SELECTABLE = [
  "id",
  "displayName",
  "description",
  "mail",
  "mailEnabled",
  "mailNickname",
  "securityEnabled",
  "groupTypes",
  "createdDateTime",
  "proxyAddresses",
  "visibility",
];

function schema(advanced: boolean): EntitySchema<DirectoryGroup> {
  return {
    typeName: "microsoft.graph.group",
    properties: {
      id: { type: "string", get: (g) => g.id },
      displayName: { type: "string", get: (g) => g.displayName },
      description: { type: "string", get: (g) => g.description },
      mail: { type: "string", get: (g) => g.address },
      mailNickname: { type: "string", get: (g) => g.address.split("@")[0] },
      mailEnabled: { type: "boolean", get: () => true },
      securityEnabled: { type: "boolean", get: () => false },
      createdDateTime: { type: "datetime", get: (g) => g.createdDateTime },
    },
    collections: {
      groupTypes: { items: () => [], itemProperties: { "": { type: "string", get: (i) => i } } },
      proxyAddresses: {
        items: (g) => [`SMTP:${g.address}`],
        itemProperties: { "": { type: "string", get: (i) => i } },
      },
    },
    functions: new Set(advanced ? ["startswith", "endswith"] : ["startswith"]),
  };
}

function groupJson(group: DirectoryGroup): Record<string, unknown> {
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: group.createdDateTime,
    description: group.description,
    displayName: group.displayName,
    groupTypes: [],
    mail: group.address,
    mailEnabled: true,
    mailNickname: group.address.split("@")[0],
    proxyAddresses: [`SMTP:${group.address}`],
    securityEnabled: false,
    visibility: null,
  };
}

function isEventual(context: RouteContext): boolean {
  return (context.request.headers.get("consistencylevel") ?? "").toLowerCase() === "eventual";
}

function requireEventual(context: RouteContext): void {
  if (!isEventual(context))
    throw new GraphError(400, "Request_BadRequest", "$count is not currently supported.");
}

function groupOr404(context: RouteContext): DirectoryGroup {
  const id = context.params.group ?? "";
  const group = context.tenant.directoryGroupById(id);
  if (!group) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return group;
}

function matchingGroups(context: RouteContext): DirectoryGroup[] {
  const advanced = isEventual(context);
  const entity = schema(advanced);
  const filterText = context.query.get("$filter");
  let groups = context.tenant.directoryGroups();
  if (filterText) {
    if (!advanced && /\bendswith\s*\(/i.test(filterText))
      throw new GraphError(400, "Request_UnsupportedQuery", "Unsupported Query.");
    const predicate = compileFilter(parseFilter(filterText), entity);
    groups = groups.filter(predicate);
  }
  const order = context.query.get("$orderby");
  const keys = order ? parseOrderBy(order, entity) : [{ path: "displayName", descending: false }];
  return sortBy(groups, keys, entity, (a, b) => a.id.localeCompare(b.id));
}

// GET /groups → {value, @odata.count?, @odata.nextLink?}.
function listGroups(context: RouteContext): EmuResponse {
  checkOptions(context.query, new Set(["$select", "$filter", "$orderby", "$top", "$skiptoken", "$count"]));
  const count = parseCount(context.query.get("$count"));
  if (count) requireEventual(context);
  const select = parseSelect(context.query.get("$select"), SELECTABLE, "microsoft.graph.group");
  const paging = parsePaging(context.query, { top: 100, max: 999 });
  const groups = matchingGroups(context);
  const body: Record<string, unknown> = { "@odata.context": `${metadataUrl(context)}#groups` };
  if (count) body["@odata.count"] = groups.length;
  body.value = groups
    .slice(paging.offset, paging.offset + paging.top)
    .map((g) => applySelect(groupJson(g), select, ["id"]));
  if (paging.offset + paging.top < groups.length)
    body["@odata.nextLink"] = nextLinkFor(context.request.url, paging.offset + paging.top);
  return jsonResponse(200, body);
}

// GET /groups/$count (ConsistencyLevel: eventual) → text/plain.
function countGroups(context: RouteContext): EmuResponse {
  requireEventual(context);
  return textResponse(200, String(matchingGroups(context).length));
}

function getGroup(context: RouteContext): EmuResponse {
  const select = parseSelect(context.query.get("$select"), SELECTABLE, "microsoft.graph.group");
  return jsonResponse(200, {
    "@odata.context": `${metadataUrl(context)}#groups/$entity`,
    ...applySelect(groupJson(groupOr404(context)), select, ["id"]),
  });
}

/** The direct members that are groups Graph knows (a dynamic distribution group is not one). */
function nestedGroups(context: RouteContext, group: DirectoryGroup): DirectoryGroup[] {
  return group.members.flatMap((address) => context.tenant.directoryGroup(address) ?? []);
}

interface Membership {
  users: number;
  groups: number;
  /** Member objects that exist here, in the order Graph would list them. */
  objects: Record<string, unknown>[];
}

/** Direct membership, or the flattened transitive one (each nested group once, then its members). */
function membership(context: RouteContext, root: DirectoryGroup, transitive: boolean): Membership {
  const result: Membership = { users: 0, groups: 0, objects: [] };
  const seenGroups = new Set<string>([root.id]);
  const seenUsers = new Set<string>();
  const walk = (group: DirectoryGroup): void => {
    result.users += group.memberCount;
    for (const address of group.members) {
      const mailbox = context.tenant.mailbox(address);
      if (mailbox && !seenUsers.has(mailbox.address)) {
        seenUsers.add(mailbox.address);
        result.objects.push({
          "@odata.type": "#microsoft.graph.user",
          id: mailbox.id,
          displayName: mailbox.displayName,
          mail: mailbox.address,
        });
      }
    }
    for (const nested of nestedGroups(context, group)) {
      if (seenGroups.has(nested.id)) continue;
      seenGroups.add(nested.id);
      result.groups += 1;
      result.objects.push({ "@odata.type": "#microsoft.graph.group", ...groupJson(nested) });
      if (transitive) walk(nested);
    }
  };
  walk(root);
  return result;
}

// GET /groups/{id}/members (or /transitiveMembers): the member objects that exist here; @odata.count is the
// directory count (users and groups).
function listMembers(transitive: boolean) {
  return (context: RouteContext): EmuResponse => {
    const group = groupOr404(context);
    const count = parseCount(context.query.get("$count"));
    if (count) requireEventual(context);
    const found = membership(context, group, transitive);
    return jsonResponse(200, {
      "@odata.context": `${metadataUrl(context)}#directoryObjects`,
      ...(count ? { "@odata.count": found.users + found.groups } : {}),
      value: found.objects,
    });
  };
}

// GET /groups/{id}/members/$count, /transitiveMembers/$count (ConsistencyLevel: eventual) → text/plain.
function countMembers(transitive: boolean) {
  return (context: RouteContext): EmuResponse => {
    const group = groupOr404(context);
    requireEventual(context);
    const found = membership(context, group, transitive);
    return textResponse(200, String(found.users + found.groups));
  };
}

// GET /groups/{id}/members/microsoft.graph.user/$count (and transitiveMembers): users only. The cast must
// name the type in full; any other type than user or group is not a member type of these groups.
function countMembersOfType(transitive: boolean) {
  return (context: RouteContext): EmuResponse => {
    const group = groupOr404(context);
    const cast = (context.params.cast ?? "").toLowerCase();
    if (cast !== "microsoft.graph.user" && cast !== "microsoft.graph.group")
      throw new GraphError(400, "Request_UnsupportedQuery", "Unsupported Query.");
    requireEventual(context);
    const found = membership(context, group, transitive);
    return textResponse(200, String(cast === "microsoft.graph.user" ? found.users : found.groups));
  };
}

export const groupRoutes: Route[] = [
  { method: "GET", pattern: "groups", handler: listGroups },
  { method: "GET", pattern: "groups/$count", handler: countGroups },
  { method: "GET", pattern: "groups/:group", handler: getGroup },
  { method: "GET", pattern: "groups/:group/members", handler: listMembers(false) },
  { method: "GET", pattern: "groups/:group/transitiveMembers", handler: listMembers(true) },
  { method: "GET", pattern: "groups/:group/members/$count", handler: countMembers(false) },
  { method: "GET", pattern: "groups/:group/transitiveMembers/$count", handler: countMembers(true) },
  { method: "GET", pattern: "groups/:group/members/:cast/$count", handler: countMembersOfType(false) },
  {
    method: "GET",
    pattern: "groups/:group/transitiveMembers/:cast/$count",
    handler: countMembersOfType(true),
  },
];
