/**
 * Where the agent's wait goes in one visit: the product's visit marks (lib/core/visit-marks.ts),
 * switched on in the worker and the sidebar frame for the visit, read back as epoch ms and placed
 * between Gladly's panel and the orders on screen:
 *
 *   panel → the worker hears of it → its first request leaves → the last answer the shown update
 *   needed is read → the lookup publishes it → the sidebar receives it → on screen (the probe)
 *
 * Each point is the worker's or the sidebar's own clock (`performance.timeOrigin + mark`), so the
 * differences between neighbours are where the time went.
 */
import { median, round1 } from './stats';

/** ms after Gladly's panel; null when a point was not marked (e.g. a worker that restarted). */
export interface VisitBreakdown {
  heard: number | null;
  firstRequestSent: number | null;
  lastAnswerRead: number | null;
  published: number | null;
  received: number | null;
  onScreen: number | null;
}

export const BREAKDOWN_POINTS: readonly { key: keyof VisitBreakdown; label: string }[] = [
  { key: 'heard', label: 'the worker hears of the panel' },
  { key: 'firstRequestSent', label: 'its first BigCommerce request leaves' },
  { key: 'lastAnswerRead', label: 'the last answer the shown update needed is read' },
  { key: 'published', label: 'the lookup publishes profile + orders' },
  { key: 'received', label: 'the sidebar receives them' },
  { key: 'onScreen', label: 'on screen (rendered, laid out: the probe)' },
];

type Mark = { name: string; at: number };
/** A frame or a worker: somewhere to run a function. */
type Context = { evaluate<R>(fn: () => R): Promise<R> };

/** Switch the marks on (and forget earlier ones) in each context; one that is gone is skipped. */
export async function startVisitMarks(contexts: (Context | undefined)[]): Promise<void> {
  await Promise.all(
    contexts.map((context) =>
      context
        ?.evaluate(() => {
          (globalThis as { __bcVisitMarks?: boolean }).__bcVisitMarks = true;
          for (const entry of performance.getEntriesByType('mark'))
            if (entry.name.startsWith('visit:')) performance.clearMarks(entry.name);
        })
        .catch(() => undefined),
    ),
  );
}

/** The context's visit marks as epoch ms, then forgotten. */
export async function takeVisitMarks(context: Context | undefined): Promise<Mark[]> {
  if (!context) return [];
  return context
    .evaluate(() => {
      const marks = performance
        .getEntriesByType('mark')
        .filter((entry) => entry.name.startsWith('visit:'))
        .map((entry) => ({ name: entry.name, at: performance.timeOrigin + entry.startTime }));
      for (const mark of marks) performance.clearMarks(mark.name);
      return marks;
    })
    .catch(() => [] as Mark[]);
}

const first = (marks: Mark[], name: string, from: number) =>
  marks
    .filter((m) => m.name === name && m.at >= from)
    .reduce<number | null>((a, m) => (a === null ? m.at : Math.min(a, m.at)), null);
const last = (marks: Mark[], name: string, until: number) =>
  marks
    .filter((m) => m.name === name && m.at <= until)
    .reduce<number | null>((a, m) => (a === null ? m.at : Math.max(a, m.at)), null);

/** The breakdown of one visit from its marks, the panel's and the probe's times (epoch ms). */
export function breakdownOf(worker: Mark[], sidebar: Mark[], panelAt: number, ordersAt: number): VisitBreakdown {
  const heard = first(worker, 'visit:message', panelAt);
  const firstRequestSent = heard === null ? null : first(worker, 'visit:request-sent', heard);
  const received = last(sidebar, 'visit:update-received', ordersAt);
  const published = received === null ? null : last(worker, 'visit:published', received);
  const lastAnswerRead = published === null ? null : last(worker, 'visit:answer-read', published);
  const since = (t: number | null) => (t === null ? null : Math.round((t - panelAt) * 10) / 10);
  return {
    heard: since(heard),
    firstRequestSent: since(firstRequestSent),
    lastAnswerRead: since(lastAnswerRead),
    published: since(published),
    received: since(received),
    onScreen: since(ordersAt),
  };
}

/** Each point's median over the visits that have it. */
export function medianBreakdown(visits: (VisitBreakdown | null | undefined)[]): VisitBreakdown | null {
  const known = visits.filter((v): v is VisitBreakdown => !!v);
  if (known.length === 0) return null;
  const point = (key: keyof VisitBreakdown) =>
    round1(median(known.map((v) => v[key]).filter((x): x is number => x !== null)));
  return Object.fromEntries(BREAKDOWN_POINTS.map(({ key }) => [key, point(key)])) as unknown as VisitBreakdown;
}
