/**
 * Timing marks for the benchmark's breakdown of one visit (`npm run bench`: where the agent's wait
 * goes between Gladly's panel and the orders on screen). Off unless the benchmark switches them on
 * in that context (`globalThis.__bcVisitMarks = true`): a sidebar or worker that runs for hours must
 * not collect an entry per request.
 */
export type VisitMark =
  /** The background received a message (any type; the benchmark picks the first after the panel). */
  | 'visit:message'
  /** A BigCommerce request left (fetch called) / its answer was read and parsed. */
  | 'visit:request-sent'
  | 'visit:answer-read'
  /** The lookup published its combined state (to the sidebar when one follows it). */
  | 'visit:published'
  /** The sidebar received a lookup update. */
  | 'visit:update-received';

export function visitMark(name: VisitMark): void {
  if ((globalThis as { __bcVisitMarks?: boolean }).__bcVisitMarks) performance.mark(name);
}
