// Keeps the stored record small by writing long repeated strings once.
//
// A case record is mostly ids: Graph message ids (~150 characters), internetMessageIds and mailbox addresses.
// Graph ids of messages in the same mailbox share a long prefix (mailbox, then folder) and differ only in their
// last characters; internetMessageIds from one mailbox share a long suffix (the sending server's host name);
// the same addresses and conversation ids repeat on many history entries. The record therefore carries a
// table of shared strings, and each such field holds a reference:
//   "text"            the value itself (nothing worth sharing)
//   3                 exactly strings[3]
//   [3, "AAYbvZ="]    strings[3] followed by "AAYbvZ="
//   ["<A1B2C3", 4]    "<A1B2C3" followed by strings[4]
// The forms are told apart by their JSON types, so any string can be stored, whatever it contains.

export type StringRef = string | number | [number, string] | [string, number];

export interface StringTable {
  /** The shared strings, to store beside the references. Empty when nothing repeats. */
  readonly strings: readonly string[];
  /** The reference to store for `value` (the value itself when it was not among the values given). */
  ref(value: string): StringRef;
}

/** Shorter shared parts would save a few bytes at the cost of a record nobody can read. */
export const MIN_SHARED_PART = 16;
/** The same for whole repeated values (addresses are longer; short words stay readable where they are). */
export const MIN_REPEATED_VALUE = 8;

type Kind = "whole" | "prefix" | "suffix";
interface Candidate {
  text: string;
  kind: Kind;
}

/**
 * Builds the table for these values. Candidates are the values that repeat and the prefixes and suffixes that
 * neighbours share once sorted (every longest common prefix of two values is one of those). Then, greedily, the
 * candidate that saves the most bytes on the values not yet covered joins the table, until none saves any.
 */
export function buildStringTable(values: readonly string[]): StringTable {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const distinct = [...counts.keys()];
  const candidates = [
    ...distinct
      .filter((value) => value.length >= MIN_REPEATED_VALUE && (counts.get(value) ?? 0) > 1)
      .map((text): Candidate => ({ text, kind: "whole" })),
    ...neighbourParts(distinct, "prefix"),
    ...neighbourParts(distinct, "suffix"),
  ];

  const strings: string[] = [];
  const refs = new Map<string, StringRef>();
  const open = new Set(distinct);
  for (;;) {
    const best = mostSaving(candidates, open, counts, strings.length);
    if (!best) break;
    const index = strings.push(best.text) - 1;
    for (const value of open) {
      if (!covers(best, value)) continue;
      refs.set(value, refTo(best, index, value));
      open.delete(value);
    }
  }
  return { strings, ref: (value) => refs.get(value) ?? value };
}

/** The value a reference stands for, or undefined when it points outside the table. */
export function resolveRef(ref: StringRef, strings: readonly string[]): string | undefined {
  if (typeof ref === "string") return ref;
  if (typeof ref === "number") return strings[ref];
  if (sharesPrefix(ref)) {
    const [index, rest] = ref;
    const shared = strings[index];
    return shared === undefined ? undefined : shared + rest;
  }
  const [rest, index] = ref;
  const shared = strings[index];
  return shared === undefined ? undefined : rest + shared;
}

function sharesPrefix(ref: [number, string] | [string, number]): ref is [number, string] {
  return typeof ref[0] === "number";
}

/** Prefixes (or suffixes) that adjacent values share once sorted (by their reversal, for suffixes). */
function neighbourParts(distinct: readonly string[], kind: "prefix" | "suffix"): Candidate[] {
  const fromEnd = kind === "suffix";
  const key = (value: string) => (fromEnd ? value.split("").reverse().join("") : value);
  const sorted = [...distinct].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const parts = new Set<string>();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] ?? "";
    const length = commonLength(a, sorted[i] ?? "", fromEnd);
    if (length >= MIN_SHARED_PART) parts.add(fromEnd ? a.slice(a.length - length) : a.slice(0, length));
  }
  return [...parts].map((text) => ({ text, kind }));
}

function mostSaving(
  candidates: readonly Candidate[],
  open: ReadonlySet<string>,
  counts: ReadonlyMap<string, number>,
  nextIndex: number,
): Candidate | null {
  let best: Candidate | null = null;
  let bestSaving = 0;
  for (const candidate of candidates) {
    const saving = savingOf(candidate, open, counts, String(nextIndex).length);
    if (saving > bestSaving) [best, bestSaving] = [candidate, saving];
  }
  return best;
}

/** Bytes saved by adding `candidate` to the table: per use, its length minus the reference's brackets and
 * index; once, the table entry itself. */
function savingOf(
  candidate: Candidate,
  open: ReadonlySet<string>,
  counts: ReadonlyMap<string, number>,
  indexDigits: number,
): number {
  let saving = -(candidate.text.length + 3);
  for (const value of open) {
    if (!covers(candidate, value)) continue;
    const perUse =
      value === candidate.text ? value.length + 2 - indexDigits : candidate.text.length - 4 - indexDigits;
    saving += perUse * (counts.get(value) ?? 0);
  }
  return saving;
}

function covers(candidate: Candidate, value: string): boolean {
  switch (candidate.kind) {
    case "whole":
      return value === candidate.text;
    case "prefix":
      return value.startsWith(candidate.text);
    case "suffix":
      return value.endsWith(candidate.text);
  }
}

function refTo(candidate: Candidate, index: number, value: string): StringRef {
  if (value === candidate.text) return index;
  const shared = candidate.text.length;
  return candidate.kind === "suffix"
    ? [value.slice(0, value.length - shared), index]
    : [index, value.slice(shared)];
}

/** Length of the common prefix of a and b, or of their common suffix when `fromEnd`. */
function commonLength(a: string, b: string, fromEnd: boolean): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  const at = (s: string) => s.charCodeAt(fromEnd ? s.length - 1 - i : i);
  while (i < max && at(a) === at(b)) i++;
  return i;
}
