/**
 * `npm run bench -- --compare <dir>`: this build against another built extension, measured in the
 * same run. Each run visits every scenario with both builds, one browser after the other, the order
 * swapped every run. On this machine a whole run drifts by tens of ms within the hour (the first
 * load, which no lookup touches: 250 ms in one run, 339 ms in another 20 minutes later), so two
 * builds timed one after the other can differ by more than any change under test; interleaved,
 * both see the same drift and only their difference is reported.
 */
import { median, round1 } from './stats';
import type { Cell } from './table';

/** The builds a comparison alternates: [this build, the other]. */
export interface Build {
  label: string;
  dir: string;
}

/** Each run's order: the first run starts with this build, the next with the other, and so on. */
export function buildsForRun<T>(builds: readonly T[], run: number): T[] {
  return run % 2 === 1 ? [...builds] : [...builds].reverse();
}

/** What the comparison reads of a visit. */
export interface ComparedSample {
  scenario: string;
  build?: string;
  panelToOrdersMs?: number | null;
  completeMs: number | null;
}

export interface ComparisonRow {
  scenario: string;
  /** Visits with a panel → orders figure, per build. */
  visits: [number, number];
  panelToOrders: [number | null, number | null];
  /** The first build's median minus the second's: negative when this build is faster. */
  panelToOrdersDiff: number | null;
  complete: [number | null, number | null];
  completeDiff: number | null;
}

/** Per scenario (in the order first seen): both builds' medians and their difference. */
export function compareBuilds(samples: readonly ComparedSample[], labels: readonly [string, string]): ComparisonRow[] {
  const scenarios = [...new Set(samples.map((s) => s.scenario))];
  return scenarios.map((scenario) => {
    const of = (label: string) => samples.filter((s) => s.scenario === scenario && s.build === label);
    const figures = (label: string, pick: (s: ComparedSample) => number | null | undefined) =>
      of(label)
        .map(pick)
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const medians = (pick: (s: ComparedSample) => number | null | undefined) =>
      labels.map((label) => round1(median(figures(label, pick)))) as [number | null, number | null];
    const diff = ([a, b]: [number | null, number | null]) => (a === null || b === null ? null : round1(a - b));
    const panelToOrders = medians((s) => s.panelToOrdersMs);
    const complete = medians((s) => s.completeMs);
    return {
      scenario,
      visits: labels.map((label) => figures(label, (s) => s.panelToOrdersMs).length) as [number, number],
      panelToOrders,
      panelToOrdersDiff: diff(panelToOrders),
      complete,
      completeDiff: diff(complete),
    };
  });
}

/** Header and rows for table.ts. */
export function comparisonTable(rows: readonly ComparisonRow[], labels: readonly [string, string]) {
  const headers = [
    'Scenario (medians, ms)',
    `Panel → orders: ${labels[0]}`,
    labels[1],
    'difference',
    `Complete (from navigation): ${labels[0]}`,
    labels[1],
    'difference',
    'Visits',
  ];
  const cells: Cell[][] = rows.map((r) => [
    r.scenario,
    r.panelToOrders[0],
    r.panelToOrders[1],
    signed(r.panelToOrdersDiff),
    r.complete[0],
    r.complete[1],
    signed(r.completeDiff),
    `${r.visits[0]} / ${r.visits[1]}`,
  ]);
  return { headers, cells };
}

const signed = (n: number | null) => (n === null ? null : n > 0 ? `+${n}` : String(n));
