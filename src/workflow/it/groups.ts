// The audience picker's facts: each configured group with its directory member count.
import type { AudienceKey } from "../../domain/types";
import type { ItGroup } from "../../domain/itRecord";
import type { WorkflowContext } from "../context";

export interface AudienceCount extends ItGroup {
  key: AudienceKey;
}

export async function audienceCounts(ctx: WorkflowContext): Promise<AudienceCount[]> {
  return Promise.all(
    ctx.config.audiences.map(async (a) => ({
      key: a.key,
      address: a.group,
      count: await ctx.mail.groupMemberCount(a.group),
    })),
  );
}

/**
 * Institutional groups overlap (a teaching assistant is a student and staff): mailing several reaches fewer
 * people than the sum. The pane warns when more than one is chosen.
 */
export function overlapWarning(chosen: readonly AudienceKey[]): boolean {
  return chosen.length > 1;
}
