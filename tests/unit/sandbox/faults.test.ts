import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { sandboxClient, type SandboxClient } from '../../../sandbox/bigcommerce/test-client';

type Json = Record<string, any>;

let sandbox: ReturnType<typeof createBigCommerceSandbox>;
let client: SandboxClient;
beforeEach(() => {
  sandbox = createBigCommerceSandbox();
  client = sandboxClient(sandbox.app, sandbox.stores[0]!);
});

describe('faults', () => {
  it("answers an injected status in the API family's error shape, with extra headers, for `times` requests", async () => {
    sandbox.control.addFault({
      path: '^/v2/orders$',
      kind: 'status',
      status: 503,
      headers: { 'retry-after': '1' },
      times: 2,
    });
    const first = await client.get('/v2/orders');
    expect(first.status).toBe(503);
    expect(first.body).toEqual([{ status: 503, message: expect.any(String) }]);
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await client.get('/v2/orders')).status).toBe(503);
    expect((await client.get('/v2/orders?limit=1')).status).toBe(200);
    sandbox.control.addFault({ path: '^/v3/customers$', kind: 'status', status: 500 });
    const v3 = await client.get<Json>('/v3/customers');
    expect(v3.body).toMatchObject({ status: 500, title: expect.any(String) });
  });

  it('matches only the given store and method', async () => {
    sandbox.control.addFault({ store: 'eu7x9k', path: '^/v2/time$', kind: 'status', status: 500 });
    sandbox.control.addFault({ method: 'POST', path: '^/v2/coupons$', kind: 'status', status: 500 });
    expect((await client.get('/v2/time')).status).toBe(200);
    expect((await client.get('/v2/coupons')).status).toBe(200);
    expect((await sandboxClient(sandbox.app, sandbox.stores[1]!).get('/v2/time')).status).toBe(500);
  });

  it('sends malformed JSON, valid JSON of the wrong shape, and an empty 204 where a body was expected', async () => {
    sandbox.control.addFault({ path: '^/v2/store$', kind: 'malformed-json', times: 1 });
    const malformed = await client.get('/v2/store');
    expect(malformed.status).toBe(200);
    expect(malformed.body).toBeUndefined(); // the text does not parse
    expect(() => JSON.parse(malformed.text)).toThrow();

    sandbox.control.addFault({ path: '^/v3/customers$', kind: 'wrong-shape', times: 1 });
    const wrong = await client.get<Json>('/v3/customers');
    expect(wrong.status).toBe(200);
    expect(Array.isArray(wrong.body.data)).toBe(false);

    sandbox.control.addFault({ path: '^/v2/store$', kind: 'empty-204', times: 1 });
    const empty = await client.get('/v2/store');
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
  });

  it('hangs until the client gives up', async () => {
    sandbox.control.addFault({ path: '^/v2/time$', kind: 'hang' });
    const controller = new AbortController();
    let settled = false;
    const pending = client.request('GET', '/v2/time', { signal: controller.signal }).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    controller.abort();
    await pending.catch(() => undefined);
    expect(settled).toBe(true);
  });

  it('drops the connection (in process: a network error response)', async () => {
    sandbox.control.addFault({ path: '^/v2/time$', kind: 'drop', times: 1 });
    const response = await sandbox.app.request(`/stores/${sandbox.stores[0]!.hash}/v2/time`, {
      headers: { 'X-Auth-Token': sandbox.stores[0]!.accessToken },
    });
    expect(response.type).toBe('error');
    expect(response.status).toBe(0);
    expect(sandbox.control.log()[0]).toMatchObject({ path: '/v2/time', status: 0 });
    expect((await client.get('/v2/time')).status).toBe(200);
  });

  it('matches the raw query string when a fault has `query`: customers by phone fail, by email still work', async () => {
    sandbox.control.addFault({ path: '^/v3/customers$', query: '(^|&)phone:in=', kind: 'status', status: 500 });
    expect((await client.get('/v3/customers?phone:in=4155550142')).status).toBe(500);
    expect((await client.get('/v3/customers?include=addresses&phone:in=4155550142')).status).toBe(500);
    expect((await client.get('/v3/customers?email:in=jane.cooper@example.com')).status).toBe(200);
    expect((await client.get('/v3/customers')).status).toBe(200);
  });

  it('tells orders by email from orders by customer id, and matches a missing query as empty', async () => {
    const jane = SEED_IDS.main.customers.jane;
    sandbox.control.addFault({ path: '^/v2/orders$', query: '(^|&)email=', kind: 'empty-204', times: 1 });
    sandbox.control.addFault({ path: '^/v2/time$', query: '^$', kind: 'status', status: 503 });
    expect((await client.get(`/v2/orders?customer_id=${jane}`)).status).toBe(200);
    expect((await client.get('/v2/orders?email=jane.cooper%40example.com')).status).toBe(204);
    expect((await client.get('/v2/orders?email=jane.cooper%40example.com')).status).toBe(200);
    expect((await client.get('/v2/time')).status).toBe(503);
    expect((await client.get('/v2/time?x=1')).status).toBe(200);
  });

  it('refuses a query that is not a regular expression, in process and over HTTP', async () => {
    expect(() => sandbox.control.addFault({ path: '^/v2/time$', query: '(', kind: 'hang' })).toThrow();
    const response = await sandbox.app.request('/__sandbox/faults', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '^/v2/time$', query: '[', kind: 'hang' }),
    });
    expect(response.status).toBe(400);
    expect((await client.get('/v2/time')).status).toBe(200);
  });

  it('apply-then-hang applies the write, then answers nothing until the client gives up (logged 499)', async () => {
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    sandbox.control.addFault({ method: 'PUT', path: `^/v2/orders/${order}$`, kind: 'apply-then-hang', times: 1 });
    const controller = new AbortController();
    let settled = false;
    const pending = client
      .request('PUT', `/v2/orders/${order}`, {
        body: { staff_notes: 'Written, reply lost' },
        signal: controller.signal,
      })
      .finally(() => {
        settled = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(settled).toBe(false);
    // The write is already in the store while the client still waits.
    expect((await client.get<Json>(`/v2/orders/${order}`)).body.staff_notes).toBe('Written, reply lost');
    controller.abort();
    await pending.catch(() => undefined);
    expect(settled).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sandbox.control.log().find((e) => e.method === 'PUT')).toMatchObject({
      path: `/v2/orders/${order}`,
      status: 499,
    });
  });

  it('apply-then-hang on a refund: the refund exists once, though its POST never got an answer', async () => {
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    const products = (await client.get<Json[]>(`/v2/orders/${order}/products`)).body;
    const items = [{ item_type: 'PRODUCT', item_id: products[0]!.id, quantity: 1 }];
    const quote = (
      await client.request<Json>('POST', `/v3/orders/${order}/payment_actions/refund_quotes`, { body: { items } })
    ).body;
    const payments = (quote.data.refund_methods[0] as Json[]).map((m) => ({
      provider_id: m.provider_id,
      amount: m.amount,
      offline: m.offline,
    }));
    sandbox.control.addFault({
      method: 'POST',
      path: `^/v3/orders/${order}/payment_actions/refunds$`,
      kind: 'apply-then-hang',
      times: 1,
    });
    const controller = new AbortController();
    let answered = false;
    const pending = client
      .request('POST', `/v3/orders/${order}/payment_actions/refunds`, {
        body: { items, payments },
        signal: controller.signal,
      })
      .then(() => {
        answered = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(answered).toBe(false);
    controller.abort();
    await pending.catch(() => undefined);
    const refunds = (await client.get<Json>(`/v3/orders/${order}/payment_actions/refunds`)).body.data as Json[];
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.total_amount).toBe(quote.data.total_refund_amount);
  });

  it('apply-then-status on a refund: the refund exists once, and its POST is answered 502 as a gateway would', async () => {
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    const products = (await client.get<Json[]>(`/v2/orders/${order}/products`)).body;
    const items = [{ item_type: 'PRODUCT', item_id: products[0]!.id, quantity: 1 }];
    const quote = (
      await client.request<Json>('POST', `/v3/orders/${order}/payment_actions/refund_quotes`, { body: { items } })
    ).body;
    const payments = (quote.data.refund_methods[0] as Json[]).map((m) => ({
      provider_id: m.provider_id,
      amount: m.amount,
      offline: m.offline,
    }));
    sandbox.control.addFault({
      method: 'POST',
      path: `^/v3/orders/${order}/payment_actions/refunds$`,
      kind: 'apply-then-status',
      status: 502,
      times: 1,
    });
    const answer = await client.request<Json>('POST', `/v3/orders/${order}/payment_actions/refunds`, {
      body: { items, payments },
    });
    expect(answer.status).toBe(502);
    expect(JSON.stringify(answer.body)).not.toContain('total_amount');
    const refunds = (await client.get<Json>(`/v3/orders/${order}/payment_actions/refunds`)).body.data as Json[];
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.total_amount).toBe(quote.data.total_refund_amount);
    expect(sandbox.control.log().at(-2)).toMatchObject({ method: 'POST', status: 502 });
  });

  it(
    'a hang still ends when the client gives up after a garbage collection (undici links a Request ' +
      'to its signal only weakly)',
    async () => {
      setFlagsFromString('--expose-gc');
      const collectGarbage = runInNewContext('gc') as () => void;
      sandbox.control.addFault({ path: '^/v2/time$', kind: 'hang' });
      const controller = new AbortController();
      let settled = false;
      const pending = client.request('GET', '/v2/time', { signal: controller.signal }).finally(() => {
        settled = true;
      });
      for (let round = 0; round < 3; round++) {
        collectGarbage();
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      controller.abort();
      await Promise.race([pending.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]);
      expect(settled).toBe(true);
    },
  );

  it('apply-then-drop applies the write, then drops the connection (in process: a network error, logged 0)', async () => {
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    const store = sandbox.stores[0]!;
    sandbox.control.addFault({ path: `^/v2/orders/${order}$`, method: 'PUT', kind: 'apply-then-drop', times: 1 });
    const response = await sandbox.app.request(`/stores/${store.hash}/v2/orders/${order}`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': store.accessToken, 'Content-Type': 'application/json' },
      body: JSON.stringify({ staff_notes: 'Written, connection dropped' }),
    });
    expect(response.type).toBe('error');
    expect(response.status).toBe(0);
    expect(sandbox.control.log()[0]).toMatchObject({ method: 'PUT', path: `/v2/orders/${order}`, status: 0 });
    expect((await client.get<Json>(`/v2/orders/${order}`)).body.staff_notes).toBe('Written, connection dropped');
  });

  it('a plain drop still fires before the route: nothing is written', async () => {
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    const before = (await client.get<Json>(`/v2/orders/${order}`)).body.staff_notes;
    sandbox.control.addFault({ path: `^/v2/orders/${order}$`, method: 'PUT', kind: 'drop', times: 1 });
    // In process a dropped connection reads as fetch's network error: status 0, no body.
    const dropped = await client.request('PUT', `/v2/orders/${order}`, {
      body: { staff_notes: 'Must not be written' },
    });
    expect(dropped.status).toBe(0);
    expect((await client.get<Json>(`/v2/orders/${order}`)).body.staff_notes).toBe(before);
  });

  it('stops injecting after clearFaults', async () => {
    sandbox.control.addFault({ path: '.*', kind: 'status', status: 502 });
    expect((await client.get('/v2/time')).status).toBe(502);
    sandbox.control.clearFaults();
    expect((await client.get('/v2/time')).status).toBe(200);
  });
});

describe('request log and HTTP control routes', () => {
  it('logs each store request with its path after the store, query and status', async () => {
    await client.get('/v2/orders?email=jane.cooper%40example.com&limit=10');
    await client.get('/v2/orders/1', 'bad-token');
    const log = sandbox.control.log();
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      service: 'bigcommerce',
      store: 'abc123',
      method: 'GET',
      path: '/v2/orders',
      query: 'email=jane.cooper%40example.com&limit=10',
      status: 200,
    });
    expect(log[0]!.end).toBeGreaterThanOrEqual(log[0]!.start);
    expect(log[1]).toMatchObject({ path: '/v2/orders/1', status: 401 });
    sandbox.control.logGladly({
      method: 'GET',
      path: '/api/v1/customer-profiles',
      query: '',
      status: 200,
      start: 1,
      end: 2,
    });
    expect(sandbox.control.log().at(-1)).toMatchObject({ service: 'gladly', path: '/api/v1/customer-profiles' });
    sandbox.control.clearLog();
    expect(sandbox.control.log()).toEqual([]);
  });

  it('offers the same switches over HTTP, unlogged, unlimited and without a token', async () => {
    const http = (method: string, path: string, body?: unknown) =>
      sandbox.app.request(`/__sandbox${path}`, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await http('POST', '/config', { quota: 2 })).status).toBe(200);
    const added = await http('POST', '/faults', { path: '^/v2/time$', kind: 'status', status: 500, times: 1 });
    expect(await added.json()).toEqual({ id: expect.any(String) });
    expect((await client.get('/v2/time')).status).toBe(500);
    expect((await client.get('/v2/time')).status).toBe(200);
    expect((await client.get('/v2/time')).status).toBe(429);
    const log = (await (await http('GET', '/log')).json()) as Json[];
    expect(log.map((e) => e.status)).toEqual([500, 200, 429]);
    expect((await http('POST', '/faults', { path: '(', kind: 'hang' })).status).toBe(400);
    expect((await http('POST', '/config', { quota: -1 })).status).toBe(400);
    await http('DELETE', '/faults');
    await http('DELETE', '/log');
    expect(await (await http('GET', '/log')).json()).toEqual([]);
    await http('POST', '/config', { quota: 150 });
    expect((await http('POST', '/reset')).status).toBe(200);
    expect((await client.get('/v2/time')).status).toBe(200);
  });
});
