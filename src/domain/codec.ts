// Case ⇄ stored record (the JSON kept in an extended property of the request message).
//
// Reading never throws: a record can be damaged, hand-edited or written by a newer Pregón, and the caller must
// be able to show that and refuse to overwrite it (a record that fails validation is reported, never silently
// replaced). Writing refuses what could not be read back, and what is too large to store.
import { AppError } from "./errors";
import { RECORD_VERSION, archiveSchemaV1, describePath, recordSchemaV1 } from "./recordSchema";
import { fromArchive, fromRecord, toArchive, toRecord } from "./recordMapping";
import type { Case, HistoryEntry } from "./types";

export { RECORD_VERSION } from "./recordSchema";

/** Upper bound of a stored record, in bytes of UTF-8; extended property values should stay small. */
export const MAX_RECORD_BYTES = 16 * 1024;

export type DecodeFailure = "corrupt" | "newerVersion" | "invalid";

export type DecodeResult =
  { ok: true; case: Case } | { ok: false; reason: DecodeFailure; detail: string; version?: number };

/** Turns a record of version n into one of version n + 1. */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * MIGRATIONS[n] upgrades a version-n record to version n + 1. Version 1 is the only version so far, so the list
 * is empty; a version 2 adds `1: (v1) => ({ ...v2 shape, v: 2 })` here and a new schema in recordSchema.ts.
 */
const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** The JSON to store for a case. Throws AppError "invalidRecord" or "recordTooLarge" instead of writing it. */
export function encodeCase(c: Case): string {
  const record = toRecord(c);
  const checked = recordSchemaV1.safeParse(record);
  if (!checked.success) {
    const detail = describeIssues(checked.error.issues);
    throw new AppError("invalidRecord", `Case ${c.id} cannot be stored: ${detail}`, { details: { detail } });
  }
  const json = JSON.stringify(record);
  const bytes = recordBytes(json);
  if (bytes > MAX_RECORD_BYTES) {
    throw new AppError(
      "recordTooLarge",
      `Case ${c.id} record is ${bytes} bytes (limit ${MAX_RECORD_BYTES})`,
      {
        details: { bytes, limit: MAX_RECORD_BYTES },
      },
    );
  }
  return json;
}

/** Bytes the record of `c` would take, without validating it or refusing it (for compaction.ts). */
export function measureCase(c: Case): number {
  return recordBytes(JSON.stringify(toRecord(c)));
}

/** Bytes the archive of these entries would take (for compaction.ts). */
export function measureArchive(caseId: string, history: readonly HistoryEntry[]): number {
  return recordBytes(JSON.stringify(toArchive(caseId, history)));
}

/**
 * The JSON of a compacted case's older history (the second property, see compaction.ts). Throws AppError
 * "invalidRecord" or "recordTooLarge" like encodeCase: what could not be read back is not written.
 */
export function encodeArchive(caseId: string, history: readonly HistoryEntry[]): string {
  const archive = toArchive(caseId, history);
  const checked = archiveSchemaV1.safeParse(archive);
  if (!checked.success) {
    const detail = describeIssues(checked.error.issues);
    throw new AppError("invalidRecord", `Case ${caseId} history cannot be stored: ${detail}`, {
      details: { detail },
    });
  }
  const json = JSON.stringify(archive);
  const bytes = recordBytes(json);
  if (bytes > MAX_RECORD_BYTES) {
    throw new AppError(
      "recordTooLarge",
      `Case ${caseId} history is ${bytes} bytes (limit ${MAX_RECORD_BYTES})`,
      {
        details: { bytes, limit: MAX_RECORD_BYTES },
      },
    );
  }
  return json;
}

export type ArchiveDecodeResult =
  { ok: true; history: HistoryEntry[] } | { ok: false; reason: DecodeFailure; detail: string };

/** Reads a stored archive; an absent one is an empty history. Never throws. */
export function decodeArchive(json: string | undefined): ArchiveDecodeResult {
  if (json === undefined || json === "") return { ok: true, history: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return { ok: false, reason: "corrupt", detail: e instanceof Error ? e.message : String(e) };
  }
  if (isPlainObject(parsed) && typeof parsed.v === "number" && parsed.v > RECORD_VERSION) {
    return {
      ok: false,
      reason: "newerVersion",
      detail: `version ${parsed.v} is newer than ${RECORD_VERSION}`,
    };
  }
  const checked = archiveSchemaV1.safeParse(parsed);
  if (!checked.success) return { ok: false, reason: "invalid", detail: describeIssues(checked.error.issues) };
  return { ok: true, history: fromArchive(checked.data) };
}

/** Reads a stored record. Never throws. */
export function decodeCase(json: string): DecodeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    return { ok: false, reason: "corrupt", detail: e instanceof Error ? e.message : String(e) };
  }
  if (!isPlainObject(parsed)) {
    return { ok: false, reason: "invalid", detail: "(record): expected a JSON object" };
  }
  const version = parsed.v;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: "invalid", detail: "v: expected a positive whole version number" };
  }
  if (version > RECORD_VERSION) {
    return {
      ok: false,
      reason: "newerVersion",
      detail: `version ${version} is newer than ${RECORD_VERSION}`,
      version,
    };
  }
  const migrated = migrateRecord(parsed, version);
  if (!migrated.ok) return { ok: false, reason: "invalid", detail: migrated.detail, version };
  const checked = recordSchemaV1.safeParse(migrated.record);
  if (!checked.success) {
    return { ok: false, reason: "invalid", detail: describeIssues(checked.error.issues), version };
  }
  return { ok: true, case: fromRecord(checked.data) };
}

/** Size of a record as stored. */
export function recordBytes(json: string): number {
  return new TextEncoder().encode(json).length;
}

/** Runs the migrations from `from` up to `to`, one version at a time. Exported so the hook can be tested
 * before a second version exists. */
export function migrateRecord(
  record: Record<string, unknown>,
  from: number,
  to: number = RECORD_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): { ok: true; record: Record<string, unknown> } | { ok: false; detail: string } {
  let current = record;
  for (let version = from; version < to; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, detail: `v: no migration from version ${version}` };
    try {
      current = step(current);
    } catch (e) {
      return { ok: false, detail: `v: migration from version ${version} failed: ${String(e)}` };
    }
  }
  return { ok: true, record: current };
}

function describeIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): string {
  const shown = issues.slice(0, 3).map((issue) => `${describePath(issue.path)}: ${issue.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return shown.join("; ") + more;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
