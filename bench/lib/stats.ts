/** Small statistics for benchmark samples (milliseconds, counts). */

/** The median of the finite samples, or null when there are none. */
export function median(samples: readonly number[]): number | null {
  return percentile(samples, 50);
}

/**
 * The p-th percentile (0–100) by linear interpolation between closest ranks, or null when
 * there is no finite sample.
 */
export function percentile(samples: readonly number[], p: number): number | null {
  const sorted = samples.filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low]!;
  return lowValue + (sorted[high]! - lowValue) * (rank - low);
}

/** Rounded for a report: whole numbers stay whole, others get one decimal. */
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** ours / baseline, or null when either is missing or the baseline is 0. */
export function ratio(ours: number | null, baseline: number | null): number | null {
  if (ours === null || baseline === null || baseline === 0) return null;
  return Math.round((ours / baseline) * 100) / 100;
}
