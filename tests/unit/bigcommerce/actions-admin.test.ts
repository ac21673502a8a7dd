import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConnectionApis } from '../../../lib/bigcommerce';
import { requiredScopes, SCOPES } from '../../../lib/bigcommerce/admin-api';
import { toRfc2822 } from '../../../lib/bigcommerce/actions-api';
import { fakeClock, fakeFetch, freshHash, TOKEN, type Call, type Reply } from './fakes';

const realOrder = (
  JSON.parse(readFileSync('/work/shared/bigcommerce-real-payloads/v2-orders.json', 'utf8')) as object[]
)[0]!;

function setup(respond: (call: Call, index: number) => Reply | Promise<Reply>, timeoutMs?: number) {
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
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  const path = (i: number) => new URL(fake.calls[i]!.url).pathname.replace(`/stores/${storeHash}`, '');
  return { apis, calls: fake.calls, path, storeHash };
}

describe('ActionsApi', () => {
  it('cancels with a PUT carrying ONLY status_id, and returns the order', async () => {
    const { apis, calls, path } = setup(() => ({ body: { ...realOrder, status_id: 5, status: 'Cancelled' } }));
    const order = await apis.actions.setOrderStatus('106', 5);
    expect(calls[0]!.method).toBe('PUT');
    expect(path(0)).toBe('/v2/orders/106');
    expect(calls[0]!.body).toEqual({ status_id: 5 });
    expect(order).toMatchObject({ id: '106', statusId: 5, status: 'Cancelled' });
  });

  it('saves staff notes with a PUT carrying ONLY staff_notes', async () => {
    const { apis, calls } = setup(() => ({ body: realOrder }));
    await apis.actions.setStaffNotes('106', 'Refunded by agent');
    expect(calls[0]!.body).toEqual({ staff_notes: 'Refunded by agent' });
  });

  it('voids a payment', async () => {
    const { apis, calls, path } = setup(() => ({ status: 201, body: {} }));
    await apis.actions.voidPayment('106');
    expect(calls[0]!.method).toBe('POST');
    expect(path(0)).toBe('/v3/orders/106/payment_actions/void');
  });

  it('quotes and refunds with amounts as JSON numbers', async () => {
    const { apis, calls, path } = setup((call) =>
      call.url.includes('refund_quotes')
        ? {
            status: 201,
            body: {
              data: {
                order_id: 106,
                total_refund_amount: 58.9,
                total_refund_tax_amount: 4.9,
                adjustment: 0,
                tax_inclusive: true,
                refund_methods: [
                  [{ provider_id: 'custom', provider_description: 'Refund externally', amount: 58.9, offline: true }],
                ],
              },
              meta: {},
            },
          }
        : {
            status: 201,
            body: {
              data: {
                id: 3,
                order_id: 106,
                created: '2026-11-24T10:00:00Z',
                total_amount: 58.9,
                total_tax: 4.9,
                items: [],
                payments: [
                  { provider_id: 'custom', amount: 58.9, offline: true, is_declined: false, declined_message: '' },
                ],
              },
              meta: {},
            },
          },
    );
    const items = [
      { itemType: 'PRODUCT', itemId: 11, quantity: 1 },
      { itemType: 'SHIPPING', itemId: 7, amount: '5.00' },
    ] as const;
    const quote = await apis.actions.refundQuote('106', [...items]);
    expect(path(0)).toBe('/v3/orders/106/payment_actions/refund_quotes');
    expect(calls[0]!.body).toEqual({
      items: [
        { item_type: 'PRODUCT', item_id: 11, quantity: 1 },
        { item_type: 'SHIPPING', item_id: 7, amount: 5 },
      ],
    });
    expect(quote.totalRefundAmount).toBe('58.90');
    const refund = await apis.actions.createRefund('106', [...items], quote.refundMethods[0]!);
    expect(path(1)).toBe('/v3/orders/106/payment_actions/refunds');
    expect(calls[1]!.body).toEqual({
      items: [
        { item_type: 'PRODUCT', item_id: 11, quantity: 1 },
        { item_type: 'SHIPPING', item_id: 7, amount: 5 },
      ],
      payments: [{ provider_id: 'custom', amount: 58.9, offline: true }],
    });
    expect(refund).toMatchObject({ id: '3', totalAmount: '58.90' });
  });

  it('lists refunds (a GET: retried after a 503)', async () => {
    const { apis, calls } = setup((_, i) => (i === 0 ? { status: 503 } : { body: { data: [], meta: {} } }));
    expect(await apis.actions.refunds('106')).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it('never retries a refund, and a timeout after sending says the outcome is unknown', async () => {
    const { apis, calls } = setup(() => 'hang', 20);
    await expect(
      apis.actions.createRefund('106', [{ itemType: 'ORDER', itemId: 106, amount: '1.00' }], []),
    ).rejects.toMatchObject({
      kind: 'timeout',
      sent: true,
    });
    expect(calls).toHaveLength(1);
  });

  it('surfaces the guest store-credit refusal in BigCommerce’s words', async () => {
    const { apis } = setup(() => ({
      status: 422,
      body: { data: [{ status: 422, title: 'Unable to provide store credit for a guest customer.', type: 'x' }] },
    }));
    await expect(
      apis.actions.createRefund(
        '106',
        [{ itemType: 'ORDER', itemId: 106, amount: '1.00' }],
        [{ providerId: 'storecredit', providerDescription: 'Store credit', amount: '1.00', offline: false }],
      ),
    ).rejects.toMatchObject({ kind: 'validation', message: expect.stringContaining('guest customer') });
  });

  it('checks a coupon code and creates a coupon with the v2 body', async () => {
    const { apis, calls } = setup((call, i) => {
      if (call.method === 'GET') return i === 0 ? { body: [{ id: 9, code: 'SORRY10' }] } : { status: 204 };
      return {
        status: 201,
        body: { id: 12, code: 'SORRY15', num_uses: 0, date_created: 'Tue, 24 Nov 2026 10:00:00 +0000' },
      };
    });
    expect(await apis.actions.couponCodeExists('sorry10')).toBe(true);
    expect(new URL(calls[0]!.url).searchParams.get('code')).toBe('sorry10');
    expect(await apis.actions.couponCodeExists('SORRY15')).toBe(false);
    const created = await apis.actions.createCoupon({
      code: 'SORRY15',
      name: 'Support SORRY15',
      type: 'percentage',
      amount: '15',
      minPurchase: '50',
      expires: '2026-12-31',
      maxUses: 1,
    });
    expect(created).toEqual({ id: '12', code: 'SORRY15' });
    expect(calls[2]!.body).toEqual({
      name: 'Support SORRY15',
      code: 'SORRY15',
      type: 'percentage_discount',
      amount: '15.00',
      min_purchase: '50.00',
      expires: 'Thu, 31 Dec 2026 23:59:59 +0000',
      max_uses: 1,
      applies_to: { entity: 'categories', ids: [0] },
      enabled: true,
    });
  });

  it('maps coupon types and leaves out what is not set', async () => {
    const { apis, calls } = setup(() => ({ status: 201, body: { id: 1, code: 'SHIP' } }));
    await apis.actions.createCoupon({
      code: 'SHIP',
      name: 'Ship',
      type: 'free_shipping',
      amount: '',
      minPurchase: null,
      expires: null,
      maxUses: 1,
    });
    await apis.actions.createCoupon({
      code: 'FIVE',
      name: 'Five',
      type: 'fixed',
      amount: '5',
      minPurchase: null,
      expires: null,
      maxUses: 3,
    });
    expect(calls[0]!.body).toMatchObject({ type: 'free_shipping', amount: '0.00' });
    expect(calls[0]!.body).not.toHaveProperty('expires');
    expect(calls[0]!.body).not.toHaveProperty('min_purchase');
    expect(calls[1]!.body).toMatchObject({ type: 'per_total_discount', amount: '5.00', max_uses: 3 });
  });

  it('writes RFC 2822 dates', () => {
    expect(toRfc2822('2026-02-03T04:05:06Z')).toBe('Tue, 03 Feb 2026 04:05:06 +0000');
  });
});

describe('AdminApi', () => {
  it('reads the store information', async () => {
    const { apis, storeHash } = setup(() => ({
      body: {
        id: 'x',
        name: 'Cooper & Co',
        currency: 'USD',
        timezone: { name: 'America/Chicago', raw_offset: -21600 },
        secure_url: 'https://x',
      },
    }));
    expect(await apis.admin.storeInfo()).toEqual({
      name: 'Cooper & Co',
      currency: 'USD',
      timezone: 'America/Chicago',
      controlPanelBaseUrl: `https://store-${storeHash}.mybigcommerce.com/`,
    });
  });

  it('probes scopes without changing anything: only a 403 means missing', async () => {
    const { apis, calls } = setup((call) => {
      if (call.url.includes('/v2/coupons')) return call.method === 'POST' ? { status: 403 } : { status: 204 };
      if (call.method === 'PUT') return { status: 404, body: [{ status: 404, message: 'not found' }] };
      if (call.url.includes('/v3/catalog')) return { status: 502 };
      if (call.url.includes('/v3/customers')) return { status: 403 };
      return { status: 200, body: [] };
    });
    const probes = await apis.admin.probeScopes([
      'store_v2_orders',
      'store_v2_marketing',
      'store_v2_marketing_read_only',
      'store_v2_customers_read_only',
      'store_v2_products_read_only',
      'store_v2_orders_read_only',
      'something_else',
    ]);
    const status = Object.fromEntries(probes.map((p) => [p.scope, p.status]));
    expect(status).toEqual({
      store_v2_orders: 'present',
      store_v2_marketing: 'missing',
      store_v2_marketing_read_only: 'present',
      store_v2_customers_read_only: 'missing',
      store_v2_products_read_only: 'undecided',
      store_v2_orders_read_only: 'present',
      something_else: 'undecided',
    });
    expect(probes.find((p) => p.scope === 'store_v2_orders')).toMatchObject({
      label: 'Orders: modify',
      detail: expect.stringContaining('PUT /v2/orders/0'),
    });
    expect(probes.find((p) => p.scope === 'store_v2_products_read_only')!.detail).toContain('502');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({});
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({});
    for (const call of calls.filter((c) => c.method === 'GET' && !c.url.includes('/v2/store'))) {
      expect(new URL(call.url).searchParams.get('limit')).toBe('1');
    }
  });

  it('says undecided when a probe times out', async () => {
    const { apis } = setup(() => 'hang', 20);
    const [probe] = await apis.admin.probeScopes(['store_v2_marketing']);
    expect(probe).toMatchObject({ status: 'undecided', detail: expect.stringContaining('did not answer') });
  });

  it('names the scopes a connection needs from its action switches', () => {
    const off = { enabled: false, cancel: true, refund: true, partialRefund: true, discount: true };
    expect(requiredScopes({ actions: off })).toEqual([
      'store_v2_customers_read_only',
      'store_v2_orders_read_only',
      'store_v2_products_read_only',
      'store_v2_information_read_only',
    ]);
    const all = { ...off, enabled: true };
    expect(requiredScopes({ actions: all })).toEqual(expect.arrayContaining(['store_v2_orders', 'store_v2_marketing']));
    const discountOnly = { enabled: true, cancel: false, refund: false, partialRefund: false, discount: true };
    expect(requiredScopes({ actions: discountOnly })).toEqual(
      expect.arrayContaining(['store_v2_orders_read_only', 'store_v2_marketing']),
    );
    expect(requiredScopes({ actions: discountOnly })).not.toContain('store_v2_orders');
    expect(SCOPES.store_v2_marketing).toBe('Marketing: modify');
  });
});
