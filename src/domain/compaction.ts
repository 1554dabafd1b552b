// Records that never outgrow their property.
//
// Every step of a case happens once, except reminders: a case IT leaves waiting collects one every working day,
// and each carries ids of its sent mail (~200 bytes). Left alone, some 60–80 of them pass the record's limit
// (codec.ts), and then every write — including the one that links IT's confirmation on opening — is refused.
//
// So before a record grows past COMPACT_AT_BYTES, the older reminders are folded into ONE entry that says how
// many there were, when the first and the last went out, and the last one's evidence ("count" and "firstAt"
// on the entry). The entries folded out are kept in full in a second property beside the record, the archive
// (its own 16 KB bound, same codec rules), where its size can never block opening: the record is what opening
// reads and writes; the archive is written only when a fold happens.
//
// What stays in the record, in full: every step that is not a reminder (each happens once, so the register's
// dates and people never move), the last RECENT_REMINDERS_KEPT reminders, and any reminder still waiting for
// the id of its Sent Items copy (sentEvidence.ts looks for those).
//
// If the archive itself would outgrow its bound (hundreds of reminders), its oldest reminders first lose their
// evidence ids (who and when stay), then are folded into a count there too: the number is never lost.
import { MAX_RECORD_BYTES, measureArchive, measureCase } from "./codec";
import type { Case, HistoryEntry, Instant } from "./types";

/** A record is compacted when it would be larger than this (half the limit leaves room for any one step). */
export const COMPACT_AT_BYTES = 8 * 1024;
/** The newest reminders stay in the record in full (a retried reminder checks its own evidence there). */
export const RECENT_REMINDERS_KEPT = 3;

/** How many reminders an entry stands for. */
export function remindersIn(entry: HistoryEntry): number {
  return entry.action === "reminded" ? (entry.count ?? 1) : 0;
}

/** How many reminders a history records, folded ones included. */
export function reminderCount(history: readonly HistoryEntry[]): number {
  return history.reduce((sum, entry) => sum + remindersIn(entry), 0);
}

export interface Compacted {
  /** The case as it is stored: `c` itself when nothing had to be folded. */
  case: Case;
  /** The archive's new entries (all of them, old and new) when a fold happened; undefined when unchanged. */
  archive?: HistoryEntry[];
}

/**
 * The case to store, and the archive to store beside it when entries were folded out. `archived` is the archive
 * as currently stored. Pure: the caller writes both in one request.
 */
export function compactForStorage(c: Case, archived: readonly HistoryEntry[]): Compacted {
  if (measureCase(c) <= COMPACT_AT_BYTES) return { case: c };
  const folded = foldReminders(c.history, RECENT_REMINDERS_KEPT, keepsEvidenceOpen);
  if (!folded) return { case: c };
  // A summary already in the record stands for entries already in the archive: only originals move there.
  const moved = folded.out.filter((entry) => entry.count === undefined);
  const archive = boundArchive(c.id, [...archived, ...moved]);
  return { case: { ...c, history: folded.history }, archive };
}

/**
 * The full history as far as it is kept: the archive's entries, then the record's, with each summary in the
 * record replaced by what the archive holds of it (the archive's own summaries, if any, stay).
 */
export function fullHistory(
  record: readonly HistoryEntry[],
  archived: readonly HistoryEntry[],
): HistoryEntry[] {
  if (archived.length === 0) return [...record];
  return [...archived, ...record.filter((entry) => entry.count === undefined)].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
}

/** A reminder recorded before its Sent Items copy was filed: sentEvidence.ts still has to complete it. */
function keepsEvidenceOpen(entry: HistoryEntry): boolean {
  return !entry.evidence?.messageId;
}

/**
 * Folds every reminder except the newest `keep` (and those `mustStay` holds back) into one summary entry, put
 * where the last folded reminder was. Undefined when fewer than two reminders can be folded.
 */
function foldReminders(
  history: readonly HistoryEntry[],
  keep: number,
  mustStay: (entry: HistoryEntry) => boolean,
): { history: HistoryEntry[]; out: HistoryEntry[] } | undefined {
  const reminders = history.filter((entry) => entry.action === "reminded");
  const recent = new Set(reminders.slice(Math.max(0, reminders.length - keep)));
  const out = reminders.filter(
    (entry) => !recent.has(entry) && (entry.count !== undefined || !mustStay(entry)),
  );
  if (out.length < 2) return undefined;
  const last = out[out.length - 1] as HistoryEntry;
  const summary: HistoryEntry = {
    at: last.at,
    by: last.by,
    action: "reminded",
    count: out.reduce((sum, entry) => sum + remindersIn(entry), 0),
    firstAt: earliest(out.map((entry) => entry.firstAt ?? entry.at)),
  };
  if (last.for !== undefined) summary.for = last.for;
  if (last.evidence !== undefined) summary.evidence = { ...last.evidence };
  const leaving = new Set(out);
  const kept = history.flatMap((entry) => (entry === last ? [summary] : leaving.has(entry) ? [] : [entry]));
  return { history: kept, out };
}

function earliest(instants: readonly Instant[]): Instant {
  return instants.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

/** The archive within its bound: oldest reminders' evidence dropped first, then oldest reminders folded. */
function boundArchive(caseId: string, entries: HistoryEntry[]): HistoryEntry[] {
  let current = entries;
  if (measureArchive(caseId, current) <= MAX_RECORD_BYTES) return current;
  // 1. Who and when stay; the message ids of the oldest reminders go (ten at a time, to measure less often).
  for (let stripped = 0; stripped < current.length; stripped += 10) {
    let seen = 0;
    current = current.map((entry) => {
      if (entry.action !== "reminded" || entry.count !== undefined || seen++ >= stripped + 10) return entry;
      const { evidence: _ids, ...rest } = entry;
      return rest;
    });
    if (measureArchive(caseId, current) <= MAX_RECORD_BYTES) return current;
  }
  // 2. The oldest reminders become a count, keeping more and more of the newest until it fits.
  for (let keep = Math.floor(current.length / 2); keep >= 0; keep = keep === 0 ? -1 : Math.floor(keep / 2)) {
    const folded = foldReminders(current, keep, () => false);
    if (folded && measureArchive(caseId, folded.history) <= MAX_RECORD_BYTES) return folded.history;
  }
  return current;
}
