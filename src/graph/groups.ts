// Member counts of the institutional distribution groups (shown to IT as the expected recipient count).
//
// Directory $count needs the advanced query mode: header `ConsistencyLevel: eventual`; the answer is a bare
// number as text/plain. The people a mass mail reaches are the users at every level of nesting, so the count is
// `/transitiveMembers/microsoft.graph.user/$count`: transitive (Graph's /members/$count counts a nested group
// as one member and none of its people) and cast to users (so the nested groups themselves are not counted).
// A dynamic distribution group is not in Graph at all: the lookup by mail finds nothing → notFound.
//
// These are the only calls that need GroupMember.Read.All (admin consent). The adapter asks for it with these
// calls only (incremental consent, GROUP_COUNT_SCOPES), so a Communications user is never asked for it; when
// consent is refused the count fails with "consentRequired" and the pane shows the count as unavailable.
import { AppError } from "../domain/errors";
import type { GroupCountResult } from "../ports/mailService";
import { runBatch } from "./batch";
import type { GraphCollection } from "./graphTypes";
import { odataString, queryString } from "./odata";
import { segment } from "./paths";
import type { AccessTokenProvider } from "./tokenProvider";
import type { GraphTransport } from "./transport";

/**
 * Graph's permission tables list GroupMember.Read.All as the least privileged delegated permission for listing
 * a group's members (and so for counting them); it also covers finding the group by address. The same name is
 * in src/auth/scopes.ts (the two folders do not import each other); a test checks they agree.
 */
export const GROUP_COUNT_SCOPES: readonly string[] = ["GroupMember.Read.All"];

/** A token provider that asks for `scopes` on top of the sign-in's, for every request it serves. */
export function withScopes(tokens: AccessTokenProvider, scopes: readonly string[]): AccessTokenProvider {
  return {
    getAccessToken: (request) => tokens.getAccessToken({ ...request, scopes: [...scopes] }),
  };
}

function lookupPath(groupAddress: string): string {
  return `/groups${queryString({ $filter: `mail eq ${odataString(groupAddress)}`, $select: "id" })}`;
}

function countPath(groupId: string): string {
  return `/groups/${segment(groupId)}/transitiveMembers/microsoft.graph.user/$count`;
}

const COUNT_HEADERS = { ConsistencyLevel: "eventual" };

function groupIdOf(groups: GraphCollection<{ id?: string }> | undefined): string {
  const groupId = groups?.value?.[0]?.id;
  if (!groupId) throw new AppError("notFound", "No group has that address", { details: { field: "group" } });
  return groupId;
}

function countOf(text: string): number {
  const count = Number.parseInt(text.trim(), 10);
  if (Number.isNaN(count))
    throw new AppError("unknown", "Graph answered a member count that is not a number");
  return count;
}

export async function groupMemberCount(transport: GraphTransport, groupAddress: string): Promise<number> {
  const groups = await transport.json<GraphCollection<{ id?: string }>>({
    method: "GET",
    path: lookupPath(groupAddress),
  });
  const text = await transport.text({
    method: "GET",
    path: countPath(groupIdOf(groups)),
    headers: COUNT_HEADERS,
  });
  return countOf(text);
}

/**
 * Every group's count in two round trips whatever their number: one $batch of look-ups by address, one of the
 * counts of the groups found. Each group's result is its own (a group Graph does not know, or a step that
 * failed, leaves the others counted), with the same errors groupMemberCount throws.
 */
export async function groupMemberCounts(
  transport: GraphTransport,
  groupAddresses: readonly string[],
): Promise<GroupCountResult[]> {
  const results: GroupCountResult[] = new Array<GroupCountResult>(groupAddresses.length);
  const lookups = await runBatch(
    transport,
    groupAddresses.map((address) => ({ method: "GET" as const, path: lookupPath(address) })),
  );
  const found: Array<{ index: number; groupId: string }> = [];
  lookups.forEach((outcome, index) => {
    if (!outcome.ok) results[index] = { ok: false, error: outcome.error };
    else {
      try {
        found.push({ index, groupId: groupIdOf(outcome.json as GraphCollection<{ id?: string }>) });
      } catch (e) {
        results[index] = { ok: false, error: e as AppError };
      }
    }
  });
  const counts = await runBatch(
    transport,
    found.map((f) => ({ method: "GET" as const, path: countPath(f.groupId), headers: COUNT_HEADERS })),
  );
  counts.forEach((outcome, i) => {
    const index = found[i]?.index ?? -1;
    if (!outcome.ok) results[index] = { ok: false, error: outcome.error };
    else {
      try {
        results[index] = { ok: true, count: countOf(outcome.text) };
      } catch (e) {
        results[index] = { ok: false, error: e as AppError };
      }
    }
  });
  return results;
}
