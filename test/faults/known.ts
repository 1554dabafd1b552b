// Runs of the fault matrix that fail for a known, reported defect not yet fixed. They are printed and counted
// as "known failures" (never as passed), so CI stays usable while the defect stays visible. Remove an entry as
// soon as its defect is fixed: a known run that passes is reported as such.
import type { Run } from "./faults.test";

export interface Known {
  action: string;
  route?: string;
  fault?: string;
  table: Run["table"];
  reason: string;
}

export const KNOWN: Known[] = [];

export function knownReason(run: Omit<Run, "ok" | "known">): string | undefined {
  return KNOWN.find(
    (k) =>
      k.table === run.table &&
      k.action === run.action &&
      (k.route === undefined || k.route === run.route) &&
      (k.fault === undefined || k.fault === run.fault),
  )?.reason;
}
