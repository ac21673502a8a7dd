/**
 * How many sequential round trips a set of requests took, from their server-side time spans:
 * the longest chain of requests where each one started only after the previous one had ended.
 * Requests in flight together (overlapping spans) count as one round trip.
 */
export interface Span {
  start: number;
  end: number;
}

export function sequentialRoundTrips(spans: readonly Span[]): number {
  const byEnd = [...spans].sort((a, b) => a.end - b.end || a.start - b.start);
  const chain: number[] = [];
  let longest = 0;
  for (let i = 0; i < byEnd.length; i++) {
    let before = 0;
    for (let j = 0; j < i; j++) {
      if (byEnd[j]!.end <= byEnd[i]!.start) before = Math.max(before, chain[j]!);
    }
    chain[i] = before + 1;
    longest = Math.max(longest, chain[i]!);
  }
  return longest;
}

/** The spans that began within [from, to] (inclusive), e.g. between navigation and completion. */
export function spansBetween<T extends Span>(spans: readonly T[], from: number, to: number): T[] {
  return spans.filter((s) => s.start >= from && s.start <= to);
}
