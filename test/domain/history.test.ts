import { entryFor, mergeHistories } from "../../src/domain/history";
import type { HistoryEntry } from "../../src/domain/types";

const COMMS = "comunicaciones@universidad.edu.co";
const IT = "tic@universidad.edu.co";

function frozen<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

describe("entryFor", () => {
  it("keeps only the fields that carry something", () => {
    expect(
      entryFor("reminded", { at: "2026-11-28T14:00:00Z", by: COMMS, note: undefined, evidence: {} }),
    ).toEqual({
      at: "2026-11-28T14:00:00Z",
      by: COMMS,
      action: "reminded",
    });
    expect(Object.keys(entryFor("reminded", { at: "2026-11-28T14:00:00Z", by: COMMS }))).toEqual([
      "at",
      "by",
      "action",
    ]);
  });

  it("copies the evidence so that the caller's object can change later without rewriting history", () => {
    const evidence = { messageId: "m", groups: ["estudiantes@universidad.edu.co"] };
    const entry = entryFor("sent", { at: "2026-11-25T13:00:00Z", by: IT, evidence });
    evidence.groups.push("docentes@universidad.edu.co");
    evidence.messageId = "changed";
    expect(entry.evidence).toEqual({ messageId: "m", groups: ["estudiantes@universidad.edu.co"] });
  });
});

describe("mergeHistories", () => {
  const entry = (at: string, action: HistoryEntry["action"], messageId?: string, by = COMMS): HistoryEntry =>
    messageId === undefined ? { at, by, action } : { at, by, action, evidence: { messageId } };
  const created = entry("2026-11-23T14:00:00Z", "created", "req");
  const forwardedEntry = entry("2026-11-23T15:00:00Z", "forwarded", "fwd");

  it("keeps the entries both sides added since they diverged, in time order", () => {
    const ours = [created, forwardedEntry, entry("2026-11-28T14:00:00Z", "reminded", "rem-ours")];
    const theirs = [created, forwardedEntry, entry("2026-11-27T09:00:00Z", "reminded", "rem-theirs", IT)];
    const merged = mergeHistories(ours, theirs);
    expect(merged.map((e) => e.evidence?.messageId)).toEqual(["req", "fwd", "rem-theirs", "rem-ours"]);
  });

  it("removes duplicates even when the time is written differently or the address differs in case", () => {
    const same = { ...forwardedEntry, at: "2026-11-23T10:00:00.000-05:00", by: COMMS.toUpperCase() };
    expect(mergeHistories([created, forwardedEntry], [created, same])).toEqual([created, forwardedEntry]);
  });

  it("keeps two entries that differ only in their evidence message id", () => {
    const a = entry("2026-11-28T14:00:00Z", "reminded", "one");
    const b = entry("2026-11-28T14:00:00Z", "reminded", "two");
    expect(mergeHistories([a], [b])).toEqual([a, b]);
  });

  it("is idempotent and loses nothing: merging with itself or with nothing changes nothing", () => {
    const history = [created, forwardedEntry, entry("2026-11-25T13:00:00Z", "sent", "mass", IT)];
    expect(mergeHistories(history, history)).toEqual(history);
    expect(mergeHistories(history, [])).toEqual(history);
    expect(mergeHistories([], history)).toEqual(history);
  });

  it("contains every entry of both sides (property over many interleavings)", () => {
    for (let seed = 0; seed < 200; seed++) {
      const all = Array.from({ length: 12 }, (_, i) =>
        entry(`2026-11-${String(10 + i).padStart(2, "0")}T12:00:00Z`, "reminded", `m${i}`),
      );
      const a = all.filter((_, i) => (seed >> (i % 8)) & 1 || i % 3 === 0);
      const b = all.filter((_, i) => !((seed >> (i % 8)) & 1) || i % 3 === 0);
      expect(mergeHistories(a, b)).toEqual(all);
      expect(mergeHistories(b, a)).toEqual(all);
    }
  });

  it("puts entries with an unreadable time last instead of failing", () => {
    const odd = entry("not a time", "repaired");
    expect(mergeHistories([odd, created], [forwardedEntry])).toEqual([created, forwardedEntry, odd]);
  });

  it("does not change its inputs", () => {
    const a = frozen([forwardedEntry, created]);
    const b = frozen([created]);
    expect(mergeHistories(a, b)).toEqual([created, forwardedEntry]);
  });
});
