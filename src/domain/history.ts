// History entries: how one is built from an act, and how two versions of a history are merged.
// Kept apart from the transition rules (lifecycle.ts) because the sync and the etag-conflict retry need the
// merge without any rule about states.
import type { Evidence, HistoryAction, HistoryEntry, Instant } from "./types";

/** Who did something, when, and what proves it. */
export interface Act {
  at: Instant;
  /** Address of the person who acted. */
  by: string;
  /** The mailbox acted for (a shared mailbox the person is a delegate of); dropped when it is `by` itself. */
  for?: string;
  note?: string;
  evidence?: Evidence;
}

/** A history entry with only the fields that carry something (an empty evidence object proves nothing). */
export function entryFor(action: HistoryAction, act: Act): HistoryEntry {
  const entry: HistoryEntry = { at: act.at, by: act.by, action };
  if (act.for !== undefined && act.for.toLowerCase() !== act.by.toLowerCase()) entry.for = act.for;
  if (act.note !== undefined) entry.note = act.note;
  const evidence = compactEvidence(act.evidence);
  if (evidence) entry.evidence = evidence;
  return entry;
}

function compactEvidence(evidence: Evidence | undefined): Evidence | undefined {
  if (!evidence) return undefined;
  const copy: Evidence = {};
  if (evidence.messageId !== undefined) copy.messageId = evidence.messageId;
  if (evidence.internetMessageId !== undefined) copy.internetMessageId = evidence.internetMessageId;
  if (evidence.conversationId !== undefined) copy.conversationId = evidence.conversationId;
  if (evidence.sentAt !== undefined) copy.sentAt = evidence.sentAt;
  if (evidence.scheduledFor !== undefined) copy.scheduledFor = evidence.scheduledFor;
  if (evidence.groups !== undefined) copy.groups = [...evidence.groups];
  if (evidence.recipientCount !== undefined) copy.recipientCount = evidence.recipientCount;
  if (evidence.approvedBy !== undefined) copy.approvedBy = evidence.approvedBy;
  if (evidence.approvedAt !== undefined) copy.approvedAt = evidence.approvedAt;
  if (evidence.contentWarnings !== undefined) copy.contentWarnings = [...evidence.contentWarnings];
  return Object.keys(copy).length > 0 ? copy : undefined;
}

/**
 * Merges two versions of one case's history (e.g. ours and the one read back after an etag conflict) without
 * losing entries. Entries are the same when time, actor, action and evidence message id agree; the first copy
 * (from `a`) wins. The result is in time order; entries at the same time keep their order (a's before b's).
 */
export function mergeHistories(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  const seen = new Set<string>();
  const merged: HistoryEntry[] = [];
  for (const entry of [...a, ...b]) {
    const key = identityOf(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(entry);
  }
  return merged
    .map((entry, index) => ({ entry, index, time: timeOf(entry.at) }))
    .sort((x, y) => x.time - y.time || x.index - y.index)
    .map(({ entry }) => entry);
}

function identityOf(entry: HistoryEntry): string {
  const time = timeOf(entry.at);
  const when = Number.isFinite(time) ? String(time) : entry.at;
  return [when, entry.by.toLowerCase(), entry.action, entry.evidence?.messageId ?? ""].join("\n");
}

/** Milliseconds since the epoch; unreadable times sort last rather than breaking the merge. */
function timeOf(at: Instant): number {
  const time = Date.parse(at);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}
