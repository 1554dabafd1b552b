// The two summaries the quality report gives of a step's durations.

/**
 * The median: the middle value of the sorted values, or the mean of the two middle ones when there is an even
 * number of them (the textbook definition). Undefined for no values.
 */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? sorted[middle]
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The p-th percentile by the nearest-rank method: the value at rank ⌈p/100 × n⌉ (1-based) of the n sorted
 * values. It is always one of the measured values (no interpolation), so "90 % of the cases took at most this
 * long" holds literally. With 10 values the 90th percentile is the 9th; with 5 values it is the 5th (⌈4.5⌉).
 * Undefined for no values; p must lie in (0, 100].
 */
export function nearestRankPercentile(values: readonly number[], p: number): number | undefined {
  if (!(p > 0 && p <= 100)) throw new RangeError(`Percentile out of range: ${p}`);
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  // p × n first: (90 / 100) × 70 is 63.00000000000001 in floating point, and its ceiling would be rank 64.
  const rank = Math.max(1, Math.ceil((p * sorted.length) / 100));
  return sorted[rank - 1];
}
