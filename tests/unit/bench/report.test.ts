import { describe, expect, it } from 'vitest';
import { probeSpecFor } from '../../../scripts/lib/expected';
import { hasDisplay } from '../../../scripts/lib/run';
import { markdownReport, summarise, targets } from '../../../bench/lib/report';
import type { ScenarioSample } from '../../../bench/lib/browser-bench';
import type { BaselineSample } from '../../../bench/lib/baseline-bench';
import type { StoreLookup } from '../../../lib/messages/lookup';
import { makeOrder } from '../../fixtures/fake-store-api';
import { makeCustomer } from '../../fixtures/customers';

describe('what the probe waits for', () => {
  it('waits for the 10 newest orders of a linked customer and the tracking numbers among them', () => {
    const orders = Array.from({ length: 12 }, (_, i) =>
      makeOrder(200 + i, { firstTrackingNumber: i % 2 ? `TRK${i}` : null }),
    );
    const spec = probeSpecFor([
      { connectionId: 'm', storeName: 'Main', status: 'linked', customer: makeCustomer(), orders, complete: true },
    ]);
    expect(spec.kind).toBe('linked');
    expect(spec.profiles).toBe(1);
    expect(spec.profileTexts).toEqual(['jane.cooper@example.com']);
    expect(spec.orderNumbers).toEqual(['211', '210', '209', '208', '207', '206', '205', '204', '203', '202']);
    expect(spec.trackingNumbers).toEqual(['TRK11', 'TRK9', 'TRK7', 'TRK5', 'TRK3']); // not TRK1: order 201 is not shown
    expect(spec.expandFirstOrder).toBe(true);
  });
  it('expects a profile per store when the customer is in two stores', () => {
    const store = (id: string): StoreLookup => ({
      connectionId: id,
      storeName: id,
      status: 'linked',
      customer: makeCustomer(),
      orders: [makeOrder(1)],
      complete: true,
    });
    expect(probeSpecFor([store('a'), store('b')]).profiles).toBe(2);
  });
  it('expects the guest note for guest orders, and the not-found screen when nothing matched', () => {
    const guest = probeSpecFor([
      {
        connectionId: 'm',
        storeName: 'Main',
        status: 'guest',
        customer: null,
        orders: [makeOrder(5, { isGuest: true })],
        complete: true,
      },
      { connectionId: 'e', storeName: 'Europe', status: 'not-found', complete: true },
    ]);
    expect(guest).toMatchObject({ kind: 'guest', profiles: 0, orderNumbers: ['5'] });
    const none = probeSpecFor([{ connectionId: 'm', storeName: 'Main', status: 'not-found', complete: true }]);
    expect(none).toMatchObject({ kind: 'not-found', orderNumbers: [], expandFirstOrder: false });
  });
});

describe('a display for the headed demo', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux, nothing elsewhere', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });
});

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

const base = (scenario: string, run: number, requests: number, completeMs: number): BaselineSample => ({
  scenario,
  run,
  requests,
  roundTrips: 3,
  completeMs,
  ordersFound: 9,
  failedRequests: 0,
  failures: [],
});

describe('the summary and its targets', () => {
  const ours = [
    sample('jane', 1, { ordersAfterDetectionMs: 210, completeAfterDetectionMs: 380 }),
    sample('jane', 2, { ordersAfterDetectionMs: 240, completeAfterDetectionMs: 420 }),
    sample('jane', 3, { ordersAfterDetectionMs: 220, completeAfterDetectionMs: 360 }),
    sample('revisit', 1, { requests: 0, roundTrips: 0, renderedBeforeAnyRequest: true, requestMs: null }),
    sample('revisit', 2, { requests: 1, roundTrips: 1, renderedBeforeAnyRequest: false }),
  ];
  const baseline = [base('jane', 1, 30, 500), base('jane', 2, 30, 700), base('jane', 3, 30, 600)];
  const scenarios = summarise(ours, baseline, 150);

  it('takes medians per scenario and compares with the baseline', () => {
    const jane = scenarios.find((s) => s.key === 'jane')!;
    expect(jane.ours).toMatchObject({
      runs: 3,
      completedRuns: 3,
      ordersAfterDetectionMs: 220,
      completeAfterDetectionMs: 380,
      roundTripMs: 150,
    });
    expect(jane.baseline).toMatchObject({ requests: 30, completeMs: 600 });
    expect(jane.ratio).toEqual({ requests: 0.2, roundTrips: 0.67, completeMs: 0.63 });
  });

  it('judges first paint against 1.5 and completion against 2.5 round trips', () => {
    const list = targets(scenarios, null, null, null);
    const first = list.find((t) => t.name === 'jane: profile + orders after detection')!;
    const complete = list.find((t) => t.name === 'jane: complete after detection')!;
    expect(first.met).toBe(true); // 220 ≤ 225
    expect(complete.met).toBe(false); // 380 > 375
  });

  it('judges panel → orders against the server round trip, and shows the round trip the worker waited for beside it', () => {
    const visits = [1, 2, 3].map((run) =>
      sample('jane', run, { panelToOrdersMs: 190 + run * 10, requestMs: 151, browserRequestMs: 170 + run }),
    );
    const target = targets(summarise(visits, [], 150), null, null, null).find(
      (t) => t.name === 'jane: panel → orders',
    )!;
    expect(target.target).toBe('≤ 1 round trip + 50 ms (201 ms)');
    expect(target.measured).toBe('210 ms (one round trip as the worker saw it: 172 ms)');
    expect(target.met).toBe(false); // 210 > 151 + 50, whatever the browser's own wait
  });

  it('shows a revisit as served from the cache next to the baseline, not as a time from navigation', () => {
    const revisit = scenarios.map((s) =>
      s.key === 'revisit' ? { ...s, baseline: { requests: 30, roundTrips: 3, completeMs: 488, ordersFound: 9 } } : s,
    );
    const row = markdownReport({ scenarios: revisit, targets: [], bundles: [] }, '')
      .split('\n')
      .find((line) => line.startsWith('| Revisit'))!;
    expect(row.trim().endsWith('| from cache, 0 requests / 488 |')).toBe(true);
  });

  it('fails the revisit target when any run sent a request before rendering', () => {
    expect(targets(scenarios, null, null, null).find((t) => t.name === 'revisit renders from cache')!.met).toBe(false);
  });

  it('reports size, render and quota targets as not measured when those parts did not run', () => {
    const list = targets(scenarios, null, null, null);
    expect(list.filter((t) => /size$|^render |^open one|quota/.test(t.name)).every((t) => t.met === null)).toBe(true);
  });

  it('judges bundle sizes in gzip bytes', () => {
    const bundles = [
      { entry: 'content script', files: [], raw: 40_000, gzip: 10 * 1024 + 1 },
      { entry: 'sidebar', files: [], raw: 200_000, gzip: 50_000 },
    ];
    const list = targets(scenarios, bundles, null, null);
    expect(list.find((t) => t.name === 'content script size')!.met).toBe(false);
    expect(list.find((t) => t.name === 'sidebar size')!.met).toBe(true);
  });
});
