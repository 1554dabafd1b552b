// Case ids: minted without a central counter, short enough to read over the phone, found again in subjects.
//
// Canonical form: `CM-YYMM-XXXX`, e.g. `CM-2611-7F3K`.
//   - `YYMM` is the month of creation in the institution's time zone: it spreads ids over time and tells a
//     person roughly how old a case is.
//   - `XXXX` are four symbols drawn uniformly from CASE_ID_ALPHABET: digits 2–9 and the letters without I, L,
//     O, U and V. 0/O, 1/I/L and U/V look alike on paper; B and V sound alike in Spanish ("be" / "ve"), which
//     is the language these ids are read aloud in. 29 symbols give 29^4 = 707,281 ids per month.
//
// No check character. Considered and rejected: a typo would have to land on another *existing* id of the same
// month to do harm, and with a few hundred cases a month among 707,281 possible ids that chance is well under
// 0.1 %; the lookup that follows a typo already says "no such case". A fifth symbol would make every id longer
// to read for little gain, and the four-symbol form is the one the design and the people already use.
//
// Uniqueness: random draws collide by the birthday bound (about n²/1.4 million per month for n cases), so
// the caller passes `isTaken` (ids already in the communications mailbox) and a taken id is drawn again. The
// mailbox is the only place ids are minted, so that check is enough; no counter has to be shared.
import { toLocalDate, parts } from "./dates";
import { AppError } from "./errors";
import type { Instant } from "./types";

/** The symbols of the random part, in a fixed order (the order matters only for drawing). */
export const CASE_ID_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
export const CASE_ID_PREFIX = "CM";
const RANDOM_LENGTH = 4;
/** Redraws before giving up; reaching it means a broken random source, not a full month. */
const MAX_ATTEMPTS = 64;

/** Fills `count` random bytes; injected so that tests are deterministic. */
export type RandomBytes = (count: number) => Uint8Array;

export interface CaseIdOptions {
  /** When the case is created; its month in `timeZone` becomes the `YYMM` part. */
  now: Instant | Date;
  /** IANA time zone of the institution, so that a case created at 23:30 on the 31st keeps its local month. */
  timeZone: string;
  randomBytes?: RandomBytes;
  /** Ids already in use; a candidate for which this returns true is drawn again. */
  isTaken?: (id: string) => boolean;
}

const CANONICAL_RE = new RegExp(
  `^${CASE_ID_PREFIX}-\\d{2}(0[1-9]|1[0-2])-[${CASE_ID_ALPHABET}]{${RANDOM_LENGTH}}$`,
);

/** Lower and upper case of the alphabet, listed explicitly: a case-insensitive flag would also accept
 * Unicode look-alikes such as the Kelvin sign for K. */
const SYMBOL_CLASS = `[${CASE_ID_ALPHABET}${CASE_ID_ALPHABET.toLowerCase().replace(/\d/g, "")}]`;
/** Between the parts people type a hyphen, an autocorrected dash, an underscore, spaces, or nothing. */
const SEPARATOR = "[ \\t]*[-\\u2010-\\u2015_]?[ \\t]*";
/** Not glued to a longer token on either side ("XCM-2611-7F3K", "CM-2611-7F3KZZ" are not ids). */
const LOOSE_SOURCE =
  `(?<![\\p{L}\\p{N}])[Cc][Mm]${SEPARATOR}(\\d{2})(\\d{2})${SEPARATOR}(${SYMBOL_CLASS}{${RANDOM_LENGTH}})` +
  `(?![\\p{L}\\p{N}])`;

/** Global, for matchAll (which copies it, so the shared instance keeps no state between calls). */
const LOOSE_RE = new RegExp(LOOSE_SOURCE, "gu");
const WHOLE_RE = new RegExp(`^\\s*\\[?\\s*${LOOSE_SOURCE}\\s*\\]?\\s*$`, "u");

/** True for an id in canonical form (upper case, hyphens, a real month). */
export function isCaseId(value: string): boolean {
  return CANONICAL_RE.test(value);
}

/** The canonical id found in a subject line, or null. Reply/forward prefixes, brackets, case and the
 * spacing or dashes between the parts do not matter; candidates with an impossible month are skipped. */
export function findCaseId(subject: string): string | null {
  for (const match of subject.matchAll(LOOSE_RE)) {
    const canonical = canonicalFromParts(match[1], match[2], match[3]);
    if (canonical) return canonical;
  }
  return null;
}

/** Every distinct canonical id cited in `text` (a subject or a body's text), in order of first appearance. */
export function findCaseIds(text: string): string[] {
  const ids: string[] = [];
  for (const match of text.matchAll(LOOSE_RE)) {
    const canonical = canonicalFromParts(match[1], match[2], match[3]);
    if (canonical && !ids.includes(canonical)) ids.push(canonical);
  }
  return ids;
}

/** The canonical id when `input` is exactly one id (as typed into a search box, brackets allowed), else null. */
export function normalizeCaseId(input: string): string | null {
  const whole = WHOLE_RE.exec(input);
  return whole ? canonicalFromParts(whole[1], whole[2], whole[3]) : null;
}

/** The tag carried in subjects of forwards, reminders and confirmations: "[CM-2611-7F3K]". */
export function formatCaseTag(id: string): string {
  const canonical = normalizeCaseId(id);
  if (!canonical) {
    throw new AppError("invalidCaseId", `Not a case id: ${id}`, { details: { value: id } });
  }
  return `[${canonical}]`;
}

/** A new id for a case created at `now`, not one of the ids `isTaken` reports. */
export function generateCaseId(options: CaseIdOptions): string {
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const { year, month } = parts(toLocalDate(options.now, options.timeZone));
  const yymm = `${String(year % 100).padStart(2, "0")}${String(month).padStart(2, "0")}`;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const id = `${CASE_ID_PREFIX}-${yymm}-${drawSymbols(RANDOM_LENGTH, randomBytes)}`;
    if (!options.isTaken?.(id)) return id;
  }
  throw new AppError("conflict", `No free case id after ${MAX_ATTEMPTS} attempts`, {
    details: { attempts: MAX_ATTEMPTS },
  });
}

function canonicalFromParts(
  yy: string | undefined,
  mm: string | undefined,
  symbols: string | undefined,
): string | null {
  if (yy === undefined || mm === undefined || symbols === undefined) return null;
  const candidate = `${CASE_ID_PREFIX}-${yy}${mm}-${symbols.toUpperCase()}`;
  return isCaseId(candidate) ? candidate : null;
}

/** Uniform symbols by rejection sampling: bytes at or above the largest multiple of the alphabet size are
 * discarded, so that no symbol is likelier than another (a plain `byte % 29` would favour the first 24). */
function drawSymbols(count: number, randomBytes: RandomBytes): string {
  const size = CASE_ID_ALPHABET.length;
  const limit = 256 - (256 % size);
  let result = "";
  for (let round = 0; round < MAX_ATTEMPTS && result.length < count; round++) {
    for (const byte of randomBytes(count * 2)) {
      if (byte >= limit) continue;
      result += CASE_ID_ALPHABET.charAt(byte % size);
      if (result.length === count) break;
    }
  }
  if (result.length < count) {
    // Only a broken source rejects this often (each byte is kept with probability 232/256).
    throw new AppError("unknown", "The random source gave no usable bytes");
  }
  return result;
}

function defaultRandomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count));
}
