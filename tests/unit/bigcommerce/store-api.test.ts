import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConnectionApis } from '../../../lib/bigcommerce';
import { fakeClock, fakeFetch, freshHash, TOKEN, type Call, type Reply } from './fakes';

const real = (file: string): unknown =>
  JSON.parse(readFileSync(`/work/shared/bigcommerce-real-payloads/${file}`, 'utf8'));

function setup(respond: (call: Call, index: number) => Reply) {
  const clock = fakeClock();
  const fake = fakeFetch(respond, clock);
  const storeHash = freshHash();
  const apis = createConnectionApis({
    storeHash,
    accessToken: TOKEN,
    allowCustomBase: false,
    fetch: fake.fetch,
    now: clock.now,
    sleep: clock.sleep,
    connectionId: 'main',
    storeName: 'Main store',
  });
  const params = (i: number) => new URL(fake.calls[i]!.url).searchParams;
  const path = (i: number) => new URL(fake.calls[i]!.url).pathname.replace(`/stores/${storeHash}`, '');
  return { apis, calls: fake.calls, params, path, storeHash };
}

describe('StoreApi', () => {
  it('finds customers by several emails in one request, with addresses and store credit', async () => {
    const { apis, calls, params, path } = setup(() => ({ body: real('v3-customers-two-same-email.json') }));
    const customers = await apis.lookup.customersByEmail(['primary@email.com', 'other@example.com']);
    expect(customers.map((c) => c.id)).toEqual(['3', '4']);
    expect(customers[0]!.store).toEqual({
      connectionId: 'main',
      storeName: 'Main store',
      storeHash: expect.any(String),
    });
    expect(calls).toHaveLength(1);
    expect(path(0)).toBe('/v3/customers');
    expect(params(0).get('email:in')).toBe('primary@email.com,other@example.com');
    expect(params(0).get('include')).toBe('addresses,storecredit');
  });

  it('sends every spelling of the phones in ONE request', async () => {
    const { apis, calls, params } = setup(() => ({ body: { data: [] } }));
    await apis.lookup.customersByPhone(['(415) 555-0142', '303.555.0188']);
    expect(calls).toHaveLength(1);
    const sent = params(0).get('phone:in')!.split(',');
    expect(sent).toEqual(
      expect.arrayContaining(['(415) 555-0142', '4155550142', '+14155550142', '303-555-0188', '303.555.0188']),
    );
  });

  it('looks a customer up by id, and says null when there is none', async () => {
    const { apis, params } = setup((_, i) => ({
      body: i === 0 ? real('v3-customers-one.json') : real('v3-customers-none.json'),
    }));
    expect((await apis.lookup.customerById('3'))?.email).toBe('primary@email.com');
    expect(params(0).get('id:in')).toBe('3');
    expect(await apis.lookup.customerById('999')).toBeNull();
  });

  it('asks for the newest orders by email with line items embedded; 204 is no orders', async () => {
    const { apis, params, path } = setup((_, i) => (i === 0 ? { body: real('v2-orders.json') } : { status: 204 }));
    const orders = await apis.lookup.ordersByEmail('primary@email.com', 10);
    expect(orders).toHaveLength(3);
    expect(path(0)).toBe('/v2/orders');
    expect(Object.fromEntries(params(0))).toEqual({
      email: 'primary@email.com',
      limit: '10',
      sort: 'date_created:desc',
      include: 'consignments.line_items',
      consignment_structure: 'object',
    });
    expect(await apis.lookup.ordersByCustomerId('3', 10)).toEqual([]);
    expect(params(1).get('customer_id')).toBe('3');
  });

  it('fetches one order (404 → null) and its shipments (204 → [])', async () => {
    const order = (real('v2-orders.json') as unknown[])[0];
    const { apis, path, params } = setup((call) => {
      if (call.url.includes('/shipments'))
        return call.url.includes('/106/') ? { body: real('v2-order-shipments.json') } : { status: 204 };
      return call.url.includes('/orders/106')
        ? { body: order }
        : { status: 404, body: [{ status: 404, message: 'The requested resource was not found.' }] };
    });
    expect((await apis.lookup.orderById('106'))?.id).toBe('106');
    expect(path(0)).toBe('/v2/orders/106');
    expect(params(0).get('include')).toBe('consignments.line_items');
    expect(await apis.lookup.orderById('5')).toBeNull();
    expect((await apis.lookup.shipments('106'))[0]?.trackingNumber).toBe('731519400000');
    expect(await apis.lookup.shipments('107')).toEqual([]);
  });

  it('loads every thumbnail in one catalog request, skipping custom items', async () => {
    const { apis, calls, params } = setup(() => ({
      body: {
        data: [
          { id: 77, name: 'Towel', sku: 'T', primary_image: { url_thumbnail: 'https://cdn.example/77.jpg' } },
          { id: 103, name: 'Cart', sku: 'C', primary_image: null },
        ],
        meta: {},
      },
    }));
    const images = await apis.lookup.productImages([77, 103, 77, 0]);
    expect(calls).toHaveLength(1);
    expect(params(0).get('id:in')).toBe('77,103');
    expect(params(0).get('include')).toBe('primary_image');
    expect(params(0).get('include_fields')).toBe('name,sku');
    expect([...images]).toEqual([[77, 'https://cdn.example/77.jpg']]);
    expect(await apis.lookup.productImages([0])).toEqual(new Map());
    expect(calls).toHaveLength(1);
  });

  it('caches a group name per store', async () => {
    const { apis, calls } = setup(() => ({ body: { id: 1, name: 'VIP' } }));
    expect(await apis.lookup.customerGroupName(1)).toBe('VIP');
    expect(await apis.lookup.customerGroupName(1)).toBe('VIP');
    expect(await apis.lookup.customerGroupName(0)).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('reports a payload it cannot read as malformed', async () => {
    const { apis } = setup(() => ({ body: [{ id: 'abc' }] }));
    await expect(apis.lookup.ordersByEmail('a@b.c', 10)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('counts requests per connection', async () => {
    const { apis } = setup(() => ({ status: 204 }));
    await apis.lookup.ordersByEmail('a@b.c', 10);
    await apis.lookup.shipments('1');
    expect(apis.requestCount()).toBe(2);
  });
});
