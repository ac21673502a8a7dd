import { beforeEach, describe, expect, it } from 'vitest';
import { activityFor, describePost, postToTimeline, type TimelineEvent } from '../../../lib/actions/timeline';
import { createGladlyApiClient, type GladlyApiClient } from '../../../lib/gladly/api-client';
import { createGladlyApp, resetGladlyState } from '../../../sandbox/gladly/app';
import { GLADLY_API_USER, personas } from '../../../sandbox/personas';

const app = createGladlyApp({ apiUser: GLADLY_API_USER });
let failNext = 0;
const requests: number[] = [];
const inProcess: typeof fetch = async (input, init) => {
  if (failNext > 0) {
    failNext--;
    throw new TypeError('network down');
  }
  const response = await app.request(input instanceof Request ? input : String(input), init);
  requests.push(response.status);
  return response;
};
const client = createGladlyApiClient({ host: 'http://127.0.0.1:4999', ...GLADLY_API_USER, fetch: inProcess });
const timeline = async () =>
  ((await (await app.request(`/_app/view?path=/customer/${personas.jane.gladlyId}`)).json()) as { timeline: string })
    .timeline;

const event = (overrides: Partial<TimelineEvent> = {}): TimelineEvent => ({
  actionId: 'action-0001-abcdef',
  action: 'cancelRefund',
  outcome: 'done',
  storeName: 'Acme US',
  orderNumber: '101',
  agent: 'amy@acme.example',
  amount: '$141.90',
  reason: 'Ordered by mistake',
  at: new Date().toISOString(),
  ...overrides,
});

beforeEach(() => {
  resetGladlyState(app);
  failNext = 0;
  requests.length = 0;
});

describe('actions on the Gladly timeline', () => {
  it('says who did what to which order, with the amount and the reason', () => {
    const activity = activityFor(event());
    expect(activity.title).toBe('Order #101 cancelled and refunded ($141.90)');
    expect(activity.body).toContain('Acme US · by amy@acme.example');
    expect(activity.body).toContain('Reason: Ordered by mistake');
    expect(activity.sourceName).toBe('BigCommerce');
    expect(activityFor(event({ outcome: 'unknown' })).title).toBe('Order #101: cancel & refund outcome unknown');
    expect(activityFor(event({ outcome: 'refunded-not-cancelled' })).title).toBe(
      'Order #101 refunded ($141.90), but not cancelled',
    );
    expect(activityFor(event({ outcome: 'found-done', action: 'refund' })).title).toBe(
      'Order #101: checked, the refund went through',
    );
  });

  it('gives each outcome of an action its own id (≤ 50, URL safe), so "unknown" and its reconciliation are two cards', () => {
    const ids = (['done', 'unknown', 'found-done', 'found-not-done', 'refunded-not-cancelled', 'failed'] as const).map(
      (outcome) => activityFor(event({ outcome, actionId: 'x'.repeat(64) })).id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[\w-]{1,50}$/);
  });

  it('posts to the look-alike, where the timeline shows it', async () => {
    const result = await postToTimeline(client, personas.jane.gladlyId, event());
    expect(result).toEqual({ posted: true, attempts: 1 });
    expect(await timeline()).toContain('Order #101 cancelled and refunded ($141.90)');
  });

  it('retries once after a failure, and a lost answer never makes a second card', async () => {
    failNext = 1;
    expect(await postToTimeline(client, personas.jane.gladlyId, event())).toEqual({ posted: true, attempts: 2 });
    // The same event again (a reply lost after Gladly stored it): 409 taken, one card.
    expect(await postToTimeline(client, personas.jane.gladlyId, event())).toEqual({ posted: true, attempts: 1 });
    expect(requests).toEqual([200, 409]);
    expect((await timeline()).match(/data-aid="customer-activity"/g)).toHaveLength(1);
  });

  it('never throws: two failures are reported for the audit log', async () => {
    failNext = 2;
    const result = await postToTimeline(client, personas.jane.gladlyId, event());
    expect(result).toMatchObject({ posted: false, attempts: 2 });
    expect(describePost(result)).toMatch(
      /^Not posted to the Gladly timeline after 2 tries: Gladly could not be reached/,
    );
    const rejecting: Pick<GladlyApiClient, 'postActivity'> = {
      postActivity: async () => {
        throw new Error('boom');
      },
    };
    expect(await postToTimeline(rejecting, 'abc', event())).toEqual({ posted: false, attempts: 2, why: 'boom' });
  });

  it('does nothing without the Gladly API or a Gladly customer', async () => {
    expect(await postToTimeline(null, personas.jane.gladlyId, event())).toMatchObject({ attempts: 0 });
    expect(await postToTimeline(client, null, event())).toMatchObject({ attempts: 0, why: 'no-customer' });
    expect(requests).toEqual([]);
  });
});
