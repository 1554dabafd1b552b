// Member counts of the institutional distribution groups (shown to IT as the expected recipient count).
//
// Directory $count needs the advanced query mode: header `ConsistencyLevel: eventual`; the answer is a bare
// number as text/plain. The people a mass mail reaches are the users at every level of nesting, so the count is
// `/transitiveMembers/microsoft.graph.user/$count`: transitive (Graph's /members/$count counts a nested group
// as one member and none of its people) and cast to users (so the nested groups themselves are not counted).
// A dynamic distribution group is not in Graph at all: the lookup by mail finds nothing → notFound.
import { AppError } from "../domain/errors";
import type { GraphCollection } from "./graphTypes";
import { odataString, queryString } from "./odata";
import { segment } from "./paths";
import type { GraphTransport } from "./transport";

export async function groupMemberCount(transport: GraphTransport, groupAddress: string): Promise<number> {
  const groups = await transport.json<GraphCollection<{ id?: string }>>({
    method: "GET",
    path: `/groups${queryString({ $filter: `mail eq ${odataString(groupAddress)}`, $select: "id" })}`,
  });
  const groupId = groups.value?.[0]?.id;
  if (!groupId) throw new AppError("notFound", "No group has that address", { details: { field: "group" } });
  const text = await transport.text({
    method: "GET",
    path: `/groups/${segment(groupId)}/transitiveMembers/microsoft.graph.user/$count`,
    headers: { ConsistencyLevel: "eventual" },
  });
  const count = Number.parseInt(text.trim(), 10);
  if (Number.isNaN(count))
    throw new AppError("unknown", "Graph answered a member count that is not a number");
  return count;
}
