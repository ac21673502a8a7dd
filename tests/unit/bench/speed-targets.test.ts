/**
 * The bench's figures for what the agent waits for: panel → orders, a cold worker against a warm
 * one, Gladly's API connected, the first load, the background's size; and the waterfall picture.
 */
import { describe, expect, it } from 'vitest';
import { summarise, summariseFirstLoads, targets } from '../../../bench/lib/report';
import type { ScenarioSample } from '../../../bench/lib/browser-bench';
import { typicalVisit, waterfallSvg } from '../../../bench/lib/waterfall';

function sample(scenario: string, run: number, over: Partial<ScenarioSample> = {}): ScenarioSample {
  return {
    scenario,
    run,
    requests: 6,
    roundTrips: 2,
    profileMs: 900,
    ordersMs: 900,
    allOrdersMs: 1000,
    completeMs: 1100,
    ordersShown: 10,
    ordersAfterDetectionMs: 200,
    completeAfterDetectionMs: 400,
    detectionMs: 700,
    renderedBeforeAnyRequest: false,
    requestMs: 150,
    images: 2,
    missing: [],
    ...over,
  };
}

const find = (list: ReturnType<typeof targets>, name: string) => list.find((t) => t.name === name)!;

describe('speed targets', () => {
  const ours = [
    sample('jane', 1, { panelToOrdersMs: 190 }),
    sample('jane', 2, { panelToOrdersMs: 260 }),
    sample('jane', 3, { panelToOrdersMs: 180 }),
    sample('cold', 1, { panelToOrdersMs: 260, workerStartMs: 40, workerEvaluatedMs: 25, workerScriptStartMs: 18 }),
    sample('api', 1, { panelToOrdersMs: -120 }),
    sample('twoStores', 1, { panelToOrdersMs: 201 }),
  ];
  const scenarios = summarise(ours, null, 150);

  it('judges panel → orders against one round trip + 50 ms, from the median run', () => {
    const list = targets(scenarios, null, null, null);
    expect(find(list, 'jane: panel → orders')).toMatchObject({ measured: '190 ms', met: true });
    expect(find(list, 'twoStores: panel → orders').met).toBe(false); // 201 > 200
  });

  it('compares the cold worker with the warm visit of the same customer (+50 ms)', () => {
    const cold = find(targets(scenarios, null, null, null), 'cold worker: panel → orders (Jane)');
    expect(cold.met).toBe(false); // 260 > 190 + 50
    expect(cold.measured).toContain('worker start-up 40 ms');
    expect(cold.measured).toContain('modules evaluated at 25 ms');
    expect(cold.measured).toContain('script began at 18 ms');
  });

  it('meets the Gladly API goal when orders show before (or within 50 ms of) the panel', () => {
    expect(find(targets(scenarios, null, null, null), 'Gladly API connected: panel → orders (Jane)').met).toBe(true);
  });

  it('wants the sidebar ready before the first panel on a full load', () => {
    const late = summariseFirstLoads([
      { run: 1, panelMs: 700, sidebarReadyMs: 650 },
      { run: 2, panelMs: 720, sidebarReadyMs: 900 },
      { run: 3, panelMs: 710, sidebarReadyMs: 880 },
    ]);
    expect(find(targets(scenarios, null, null, null, late), 'first load: sidebar ready').met).toBe(false);
    const early = summariseFirstLoads([{ run: 1, panelMs: 700, sidebarReadyMs: 500 }]);
    expect(find(targets(scenarios, null, null, null, early), 'first load: sidebar ready').met).toBe(true);
  });

  it('holds the background to 40 kB gzip', () => {
    const bundles = [{ entry: 'background', files: [], raw: 300_000, gzip: 84_000 }];
    expect(find(targets(scenarios, bundles, null, null), 'background size')).toMatchObject({
      measured: '82.0 kB',
      met: false,
    });
  });
});

describe('the waterfall', () => {
  it('draws the typical visit: a bar per request and the panel and orders lines', () => {
    const visits = [140, 400, 260].map((ms, i) =>
      sample('jane', i + 1, {
        panelToOrdersMs: ms,
        timeline: {
          requests: [
            { start: 10, end: 160, label: 'Gladly GET /api/v1/customer-profiles/x' },
            { start: 170, end: 320, label: `GET /v2/orders run${i + 1}` },
          ],
          marks: [
            { name: 'panel', at: 800 },
            { name: 'orders', at: 800 + ms },
          ],
        },
      }),
    );
    const typical = typicalVisit(visits, 'jane')!;
    expect(typical.run).toBe(3); // 260: the median of 140, 260, 400
    const svg = waterfallSvg([{ title: 'After · Jane', timeline: typical.timeline! }], 'One visit');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<rect x=/g)).toHaveLength(3); // the band + 2 requests
    expect(svg).toContain('GET /v2/orders run3');
    expect(svg).toContain('panel 800');
    expect(svg).toContain('orders 1060');
    expect(svg).toContain('#8250df'); // the Gladly API call in its own colour
  });
});
