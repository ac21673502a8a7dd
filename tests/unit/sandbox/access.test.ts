import { describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { sandboxClient } from '../../../sandbox/bigcommerce/test-client';

type Json = Record<string, any>;

function setup(options: Parameters<typeof createBigCommerceSandbox>[0] = {}) {
  const sandbox = createBigCommerceSandbox(options);
  const [main, europe] = sandbox.stores;
  return { sandbox, main: main!, europe: europe!, client: sandboxClient(sandbox.app, main!) };
}

describe('tokens and scopes', () => {
  it("answers 401 without a token, with a wrong one, or with another store's token", async () => {
    const { client, europe } = setup();
    for (const token of [null, 'not-a-token', europe.accessToken]) {
      const reply = await client.get('/v2/orders', token);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual([{ status: 401, message: expect.any(String) }]);
    }
  });

  it('gives each store a full token and a limited one that lacks the marketing write scope', async () => {
    const { sandbox, main } = setup();
    expect(sandbox.stores.map((s) => s.hash)).toEqual(['abc123', 'eu7x9k']);
    expect(main.limitedMissingScope).toBe('store_v2_marketing');
    expect(main.accessToken).not.toBe(main.limitedAccessToken);
  });

  it('lets the limited token read coupons but refuses creating one with 403, before validating the body', async () => {
    const { client, main } = setup();
    const read = await client.get('/v2/coupons', main.limitedAccessToken);
    expect(read.status).toBe(200);
    const write = await client.request('POST', '/v2/coupons', {
      token: main.limitedAccessToken,
      body: { nonsense: true },
    });
    expect(write.status).toBe(403);
    // The body must not reveal which scope is missing.
    expect(write.text).not.toContain('marketing');
    expect(write.text).not.toContain('scope');
    const promotion = await client.request('POST', '/v3/promotions', { token: main.limitedAccessToken, body: {} });
    expect(promotion.status).toBe(403);
  });

  it('lets the limited token do everything else (orders, refunds, cancel)', async () => {
    const { client, main } = setup();
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    expect((await client.get('/v2/orders?limit=1', main.limitedAccessToken)).status).toBe(200);
    const cancel = await client.request('PUT', `/v2/orders/${order}`, {
      token: main.limitedAccessToken,
      body: { status_id: 5 },
    });
    expect(cancel.status).toBe(200);
  });

  it('refuses DELETE on the order collection and on one order with 405, changing nothing', async () => {
    const { client } = setup();
    const before = await client.get<Json[]>('/v2/orders?limit=250');
    expect((await client.request('DELETE', '/v2/orders')).status).toBe(405);
    expect((await client.request('DELETE', `/v2/orders/${SEED_IDS.main.orders.janeOldest}`)).status).toBe(405);
    const after = await client.get<Json[]>('/v2/orders?limit=250');
    expect(after.body.length).toBe(before.body.length);
  });

  it('answers an unknown endpoint with 404 in the family shape', async () => {
    const { client } = setup();
    const reply = await client.get('/v2/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual([{ status: 404, message: expect.any(String) }]);
  });
});

describe('rate limits', () => {
  it('sends lowercase x-rate-limit headers on every answer, counting down per store', async () => {
    const { client, sandbox, europe } = setup({ quota: 5, windowMs: 10_000 });
    const first = await client.get('/v2/time');
    const second = await client.get('/v2/orders/999999');
    expect(first.headers.get('x-rate-limit-requests-quota')).toBe('5');
    expect(first.headers.get('x-rate-limit-requests-left')).toBe('4');
    expect(second.headers.get('x-rate-limit-requests-left')).toBe('3');
    expect(first.headers.get('x-rate-limit-time-window-ms')).toBe('10000');
    // The other store has its own quota.
    const other = await sandboxClient(sandbox.app, europe).get('/v2/time');
    expect(other.headers.get('x-rate-limit-requests-left')).toBe('4');
  });

  it('answers 429 with reset and retry-after headers when the quota is spent, and refills after the window', async () => {
    let now = 1_000_000;
    const { client } = setup({ quota: 3, windowMs: 30_000, now: () => now });
    for (let i = 0; i < 3; i++) expect((await client.get('/v2/time')).status).toBe(200);
    now += 12_000;
    const limited = await client.get('/v2/time');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-rate-limit-requests-left')).toBe('0');
    expect(limited.headers.get('x-rate-limit-time-reset-ms')).toBe('18000');
    expect(limited.headers.get('x-retry-after')).toBe('18');
    now += 18_000;
    const refilled = await client.get('/v2/time');
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get('x-rate-limit-requests-left')).toBe('2');
  });

  it('takes new quota settings at run time', async () => {
    const { client, sandbox } = setup();
    expect((await client.get('/v2/time')).headers.get('x-rate-limit-requests-quota')).toBe('150');
    sandbox.control.configure({ quota: 1 });
    expect((await client.get('/v2/time')).status).toBe(200);
    expect((await client.get('/v2/time')).status).toBe(429);
  });

  it('adds the configured latency', async () => {
    const { client, sandbox } = setup();
    sandbox.control.configure({ latencyMs: 120 });
    const started = Date.now();
    await client.get('/v2/time');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});
