// A subject written in capitals reads as shouting, is harder to read, and spam filters score it against the mail.

/** Fewer cased letters than this are too few to judge ("UNAL 2027" is an acronym and a year, not shouting). */
export const SHOUTING_MIN_LETTERS = 10;
/** The share of capitals, among letters that have a case, from which a subject counts as written in capitals. */
export const SHOUTING_UPPER_SHARE = 0.8;

export interface ShoutingSubjectFinding {
  where: string;
  /** Capitals among the letters that have a case, 0–1, rounded to two decimals. */
  upperShare: number;
}

/**
 * The subject when most of its letters are capitals. Letters without case (digits, CJK…) are not counted, so
 * "CONVOCATORIA 2027" is judged on its twelve letters; a few acronyms in a normal subject stay well below the share.
 */
export function findShoutingSubject(subject: string): ShoutingSubjectFinding | undefined {
  let upper = 0;
  let lower = 0;
  for (const ch of subject) {
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  const cased = upper + lower;
  if (cased < SHOUTING_MIN_LETTERS || upper / cased < SHOUTING_UPPER_SHARE) return undefined;
  return { where: subject.trim(), upperShare: Math.round((upper / cased) * 100) / 100 };
}
