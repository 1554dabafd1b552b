// The audience picker's facts: each configured group with its directory member count, when the directory can
// give one. A count is information for the operator, never a condition of sending: a look-up that fails
// ("unavailable", with a retry) or a group Graph does not know ("notInDirectory": an Exchange dynamic
// distribution group, which Graph never returns although Exchange delivers to it) leaves the group choosable.
import { AppError, toAppError } from "../../domain/errors";
import type { AudienceKey } from "../../domain/types";
import type { ItGroup } from "../../domain/itRecord";
import type { WorkflowContext } from "../context";

export type CountStatus = "counted" | "notInDirectory" | "unavailable";

export interface AudienceCount extends ItGroup {
  key: AudienceKey;
  status: CountStatus;
  /** Why the count is unavailable (for the message next to the retry). */
  error?: AppError;
}

function isGroupNotFound(e: unknown): boolean {
  return e instanceof AppError && e.code === "notFound" && e.details?.field === "group";
}

function fromError(key: AudienceKey, address: string, e: unknown): AudienceCount {
  if (isGroupNotFound(e)) return { key, address, status: "notInDirectory" };
  return { key, address, status: "unavailable", error: toAppError(e) };
}

/** One audience's count; never rejects. */
export async function audienceCount(ctx: WorkflowContext, key: AudienceKey): Promise<AudienceCount> {
  const audience = ctx.config.audiences.find((a) => a.key === key);
  if (!audience) throw new AppError("config", `No audience ${key} in the configuration`);
  try {
    const count = await ctx.mail.groupMemberCount(audience.group);
    return { key, address: audience.group, count, status: "counted" };
  } catch (e) {
    return fromError(key, audience.group, e);
  }
}

/**
 * Every configured audience, asked for together (the adapter batches them), each with its own outcome: one
 * failure does not hide the others.
 */
export async function audienceCounts(ctx: WorkflowContext): Promise<AudienceCount[]> {
  const audiences = ctx.config.audiences;
  let results;
  try {
    results = await ctx.mail.groupMemberCounts(audiences.map((a) => a.group));
  } catch (e) {
    return audiences.map((a) => fromError(a.key, a.group, e));
  }
  return audiences.map((a, i): AudienceCount => {
    const result = results[i];
    if (result?.ok) return { key: a.key, address: a.group, count: result.count, status: "counted" };
    return fromError(a.key, a.group, result ? result.error : new AppError("unknown", "No count came back"));
  });
}

/** The groups a mass mail goes to: every chosen audience, with its count when one is known. */
export function chosenGroups(
  ctx: Pick<WorkflowContext, "config">,
  chosen: readonly AudienceKey[],
  counts: readonly AudienceCount[],
): ItGroup[] {
  return ctx.config.audiences
    .filter((a) => chosen.includes(a.key))
    .map((a) => {
      const count = counts.find((c) => c.key === a.key && c.status === "counted")?.count;
      return count === undefined ? { address: a.group } : { address: a.group, count };
    });
}

/**
 * Institutional groups overlap (a teaching assistant is a student and staff): mailing several reaches fewer
 * people than the sum. The pane warns when more than one is chosen.
 */
export function overlapWarning(chosen: readonly AudienceKey[]): boolean {
  return chosen.length > 1;
}
