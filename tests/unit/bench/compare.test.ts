import { describe, expect, it } from 'vitest';
import { buildsForRun, compareBuilds, comparisonTable } from '../../../bench/lib/compare';

const LABELS = ['this build', 'compared'] as const;
const visit = (scenario: string, build: string, panelToOrdersMs: number | null, completeMs: number | null = 1000) => ({
  scenario,
  build,
  panelToOrdersMs,
  completeMs,
});

describe('compareBuilds', () => {
  it("reports each build's median per scenario and this build minus the other", () => {
    const rows = compareBuilds(
      [
        visit('jane', 'this build', 240, 1400),
        visit('jane', 'compared', 250, 1380),
        visit('jane', 'this build', 230, 1410),
        visit('jane', 'compared', 262, 1390),
        visit('jane', 'this build', 236, 1390),
        visit('jane', 'compared', 255, 1400),
        visit('guest', 'compared', 190),
        visit('guest', 'this build', 195),
      ],
      LABELS,
    );
    expect(rows.map((r) => r.scenario)).toEqual(['jane', 'guest']);
    expect(rows[0]).toMatchObject({
      visits: [3, 3],
      panelToOrders: [236, 255],
      panelToOrdersDiff: -19,
      complete: [1400, 1390],
      completeDiff: 10,
    });
    expect(rows[1]).toMatchObject({ panelToOrders: [195, 190], panelToOrdersDiff: 5 });
  });

  it('leaves out visits that never showed orders, and has no difference without both builds', () => {
    const [row] = compareBuilds(
      [visit('cold', 'this build', null, null), visit('cold', 'this build', 250), visit('cold', 'other', 240)],
      LABELS,
    );
    expect(row).toMatchObject({ visits: [1, 0], panelToOrders: [250, null], panelToOrdersDiff: null });
  });
});

describe('buildsForRun', () => {
  it('swaps which build goes first every run, so neither always meets a fresher machine', () => {
    expect(buildsForRun(['a', 'b'], 1)).toEqual(['a', 'b']);
    expect(buildsForRun(['a', 'b'], 2)).toEqual(['b', 'a']);
    expect(buildsForRun(['a', 'b'], 3)).toEqual(['a', 'b']);
  });
});

describe('comparisonTable', () => {
  it('signs the differences and names both builds', () => {
    const { headers, cells } = comparisonTable(
      compareBuilds([visit('jane', 'this build', 250), visit('jane', 'compared', 240)], LABELS),
      LABELS,
    );
    expect(headers[1]).toContain('this build');
    expect(headers[2]).toBe('compared');
    expect(cells[0]!.slice(0, 4)).toEqual(['jane', 250, 240, '+10']);
  });
});
