// Member counts of the institutional distribution groups (shown to IT as the expected recipient count).
//
// Directory $count needs the advanced query mode: header `ConsistencyLevel: eventual`; the answer is a bare
// number as text/plain. The count is of direct members (a nested group counts as one), as Graph's
// /members/$count defines it.
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
    path: `/groups/${segment(groupId)}/members/$count`,
    headers: { ConsistencyLevel: "eventual" },
  });
  const count = Number.parseInt(text.trim(), 10);
  if (Number.isNaN(count))
    throw new AppError("unknown", "Graph answered a member count that is not a number");
  return count;
}
