import { beforeEach, describe, expect, it } from 'vitest';
import { createGladlyApp, resetGladlyState } from '../../../sandbox/gladly/app';
import { GLADLY_API_USER, MERGED_GLADLY_ID, MERGED_INTO, personas } from '../../../sandbox/personas';

const app = createGladlyApp({ apiUser: GLADLY_API_USER });
const auth = {
  Authorization: `Basic ${Buffer.from(`${GLADLY_API_USER.email}:${GLADLY_API_USER.token}`).toString('base64')}`,
  'Content-Type': 'application/json',
};
const jane = personas.jane;
const post = (customerId: string, body: unknown, headers: Record<string, string> = auth) =>
  app.request(`/api/v1/customers/${customerId}/conversation-items`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
const activity = (extra: Record<string, unknown> = {}) => ({
  content: {
    type: 'CUSTOMER_ACTIVITY',
    activityType: 'ISSUE',
    title: 'Order #101 refunded',
    body: '$10.00 refunded by agent@example.com',
    sourceName: 'BigCommerce',
    ...extra,
  },
});
const timelineOf = async (customerId: string) =>
  ((await (await app.request(`/_app/view?path=/customer/${customerId}`)).json()) as { timeline: string }).timeline;

beforeEach(() => resetGladlyState(app));

describe("the look-alike's Customer Activity endpoint (POST /api/v1/customers/{id}/conversation-items)", () => {
  it('creates the activity, answers 200 with the item, and the timeline shows it', async () => {
    const response = await post(jane.gladlyId, { id: 'act-1', ...activity() });
    expect(response.status).toBe(200);
    const item = (await response.json()) as { id: string; customerId: string; timestamp: string; content: object };
    expect(item).toMatchObject({
      id: 'act-1',
      customerId: jane.gladlyId,
      content: { type: 'CUSTOMER_ACTIVITY', activityType: 'ISSUE', title: 'Order #101 refunded' },
    });
    expect(Date.parse(item.timestamp)).not.toBeNaN();
    const timeline = await timelineOf(jane.gladlyId);
    expect(timeline).toContain('data-activity-id="act-1"');
    expect(timeline).toContain('Order #101 refunded');
    expect(timeline).toContain('$10.00 refunded by agent@example.com');
    // Another customer's timeline does not show it.
    expect(await timelineOf(personas.guest.gladlyId)).not.toContain('act-1');
  });

  it('generates an id when none is given, and refuses an id already used with 409 taken', async () => {
    const first = (await (await post(jane.gladlyId, activity())).json()) as { id: string };
    expect(first.id).toMatch(/^[A-Za-z0-9_-]{10,50}$/);
    expect((await post(jane.gladlyId, { id: 'same', ...activity() })).status).toBe(200);
    const again = await post(jane.gladlyId, { id: 'same', ...activity({ title: 'changed' }) });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      errors: [{ attr: 'newConversationItems', code: 'taken', detail: 'conversation item already exists' }],
    });
    expect((await timelineOf(jane.gladlyId)).match(/data-activity-id="same"/g)).toHaveLength(1);
  });

  it('answers validation errors as Gladly does: 400 with errors[{attr, code, detail}]', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{}, 'content', 'blank'],
      [{ content: { activityType: 'ISSUE' } }, 'content.type', 'blank'],
      [{ content: { type: 'EMAIL', activityType: 'ISSUE' } }, 'content.type', 'invalid'],
      [{ content: { type: 'CUSTOMER_ACTIVITY' } }, 'content.activityType', 'blank'],
      [activity({ activityType: 'PHONE' }), 'content.activityType', 'invalid'],
      [activity({ title: 'x'.repeat(101) }), 'content.title', 'too_long'],
      [activity({ sourceName: 'x'.repeat(51) }), 'content.sourceName', 'too_long'],
      [activity({ occurredAt: 'yesterday' }), 'content.occurredAt', 'invalid'],
      [activity({ occurredAt: '2001-01-01T00:00:00.000Z' }), 'content.occurredAt', 'invalid'],
      [{ id: 'a/b', ...activity() }, 'id', 'invalid'],
      [{ id: 'x'.repeat(51), ...activity() }, 'id', 'too_long'],
    ];
    for (const [body, attr, code] of cases) {
      resetGladlyState(app); // a fresh rate-limit budget per case
      const response = await post(jane.gladlyId, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const json = (await response.json()) as { errors: Array<{ attr: string; code: string; detail: string }> };
      expect(json.errors[0], JSON.stringify(body)).toMatchObject({ attr, code });
      expect(json.errors[0]?.detail).toBeTruthy();
    }
    expect(await timelineOf(jane.gladlyId)).not.toContain('customer-activity');
  });

  it('asks for credentials, answers 404 for an unknown customer and 301 moved for a merged one', async () => {
    expect((await post(jane.gladlyId, activity(), { 'Content-Type': 'application/json' })).status).toBe(401);
    expect((await post('Nobody42', activity())).status).toBe(404);
    const merged = await post(MERGED_GLADLY_ID, activity());
    expect(merged.status).toBe(301);
    expect(merged.headers.get('Location')).toMatch(new RegExp(`/api/v1/customers/${MERGED_INTO}/conversation-items$`));
    expect(await merged.json()).toMatchObject({
      errors: [{ code: 'moved', meta: { old: MERGED_GLADLY_ID, new: MERGED_INTO } }],
    });
  });

  it('shares the 10 requests per second budget of POST', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(jane.gladlyId, activity())).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
  });

  it('escapes what it renders', async () => {
    await post(jane.gladlyId, activity({ title: '<img src=x onerror=alert(1)>' }));
    const timeline = await timelineOf(jane.gladlyId);
    expect(timeline).not.toContain('<img');
    expect(timeline).toContain('&#60;img');
  });
});
