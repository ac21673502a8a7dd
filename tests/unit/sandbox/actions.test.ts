import { beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { sandboxClient, type SandboxClient } from '../../../sandbox/bigcommerce/test-client';

type Json = Record<string, any>;
const ORDERS = SEED_IDS.main.orders;

let now = Date.UTC(2026, 10, 24, 12);
let sandbox: ReturnType<typeof createBigCommerceSandbox>;
let client: SandboxClient;
beforeEach(() => {
  now = Date.UTC(2026, 10, 24, 12);
  sandbox = createBigCommerceSandbox({ now: () => now });
  client = sandboxClient(sandbox.app, sandbox.stores[0]!);
});

async function products(orderId: number): Promise<Json[]> {
  return (await client.get<Json[]>(`/v2/orders/${orderId}/products`)).body;
}

async function quote(orderId: number, items: Json[]) {
  return client.request<Json>('POST', `/v3/orders/${orderId}/payment_actions/refund_quotes`, { body: { items } });
}

async function refund(orderId: number, items: Json[], payments: Json[]) {
  return client.request<Json>('POST', `/v3/orders/${orderId}/payment_actions/refunds`, { body: { items, payments } });
}

describe('refunds', () => {
  it('quotes from the order products and offers the card gateway, custom and store credit', async () => {
    const id = ORDERS.janeCapturedAwaiting;
    const lines = await products(id);
    const socks = lines.find((p) => p.quantity === 2)!;
    const reply = await quote(id, [{ item_type: 'PRODUCT', item_id: socks.id, quantity: 1 }]);
    expect(reply.status).toBe(201);
    const expected = Number(socks.price_inc_tax);
    expect(reply.body.data.total_refund_amount).toBe(expected);
    const methods: Json[][] = reply.body.data.refund_methods;
    expect(Array.isArray(methods[0])).toBe(true);
    const providers = methods.map((m) => m.map((o) => o.provider_id).join('+'));
    expect(providers).toEqual(['braintree', 'custom', 'storecredit']);
    expect(methods[0]![0]).toMatchObject({ amount: expected, offline: false });
    expect(methods[1]![0]).toMatchObject({ offline: true });
  });

  it('refunds part then the rest, moving the order to Partially Refunded then Refunded', async () => {
    const id = ORDERS.janeCapturedAwaiting;
    const lines = await products(id);
    const socks = lines.find((p) => p.quantity === 2)!;
    const jacket = lines.find((p) => p.quantity === 1)!;

    const first = await quote(id, [{ item_type: 'PRODUCT', item_id: socks.id, quantity: 1 }]);
    const method = first.body.data.refund_methods[0];
    const done = await refund(
      id,
      [{ item_type: 'PRODUCT', item_id: socks.id, quantity: 1, reason: 'Too small' }],
      method.map((o: Json) => ({ provider_id: o.provider_id, amount: o.amount, offline: o.offline })),
    );
    expect(done.status).toBe(201);
    expect(done.body.data).toMatchObject({
      order_id: id,
      total_amount: Number(socks.price_inc_tax),
      reason: 'Too small',
    });

    let order = (await client.get<Json>(`/v2/orders/${id}`)).body;
    expect(order).toMatchObject({ status_id: 14, status: 'Partially Refunded', payment_status: 'partially refunded' });
    let after = await products(id);
    expect(after.find((p) => p.id === socks.id)).toMatchObject({ quantity_refunded: 1, is_refunded: false });

    const rest = [
      { item_type: 'PRODUCT', item_id: socks.id, quantity: 1 },
      { item_type: 'PRODUCT', item_id: jacket.id, quantity: 1 },
    ];
    const second = await quote(id, rest);
    const remaining = second.body.data.total_refund_amount;
    const final = await refund(id, rest, [{ provider_id: 'custom', amount: remaining, offline: true }]);
    expect(final.status).toBe(201);
    order = (await client.get<Json>(`/v2/orders/${id}`)).body;
    expect(order).toMatchObject({ status_id: 4, status: 'Refunded', payment_status: 'refunded' });
    after = await products(id);
    expect(after.every((p) => p.is_refunded && p.quantity_refunded === p.quantity)).toBe(true);

    const history = await client.get<Json>(`/v3/orders/${id}/payment_actions/refunds`);
    expect(history.body.data).toHaveLength(2);
    const across = await client.get<Json>(
      `/v3/orders/payment_actions/refunds?order_id:in=${id},${ORDERS.janePartiallyRefunded}`,
    );
    expect(across.body.data.map((r: Json) => r.order_id).sort()).toEqual([id, id, ORDERS.janePartiallyRefunded].sort());

    // Nothing is left to refund now.
    const more = await quote(id, [{ item_type: 'PRODUCT', item_id: jacket.id, quantity: 1 }]);
    expect(more.status).toBe(422);
  });

  it('refunds shipping per address and custom ORDER amounts', async () => {
    const id = ORDERS.oliviaMultiAddress;
    const addresses = (await client.get<Json[]>(`/v2/orders/${id}/shipping_addresses`)).body;
    expect(addresses).toHaveLength(2);
    const second = addresses[1]!;
    const reply = await quote(id, [
      { item_type: 'SHIPPING', item_id: second.id, amount: Number(second.cost_inc_tax) },
      { item_type: 'ORDER', item_id: id, amount: 5 },
    ]);
    expect(reply.status).toBe(201);
    expect(reply.body.data.total_refund_amount).toBe(Number((Number(second.cost_inc_tax) + 5).toFixed(2)));
    expect(reply.body.data.order_level_refund_amount).toBe(5);
    const tooMuch = await quote(id, [
      { item_type: 'SHIPPING', item_id: second.id, amount: Number(second.cost_inc_tax) + 1 },
    ]);
    expect(tooMuch.status).toBe(422);
  });

  it('refuses a refund whose payments match no quoted method, and one above what is refundable', async () => {
    const id = ORDERS.janeCapturedAwaiting;
    const jacket = (await products(id)).find((p) => p.quantity === 1)!;
    const items = [{ item_type: 'PRODUCT', item_id: jacket.id, quantity: 1 }];
    const wrong = await refund(id, items, [{ provider_id: 'braintree', amount: 1, offline: false }]);
    expect(wrong.status).toBe(422);
    expect(wrong.body.data[0]).toMatchObject({ status: 422, title: expect.any(String) });
    const over = await refund(
      id,
      [{ item_type: 'ORDER', item_id: id, amount: 100000 }],
      [{ provider_id: 'custom', amount: 100000, offline: true }],
    );
    expect(over.status).toBe(422);
    const tooMany = await refund(
      id,
      [{ item_type: 'PRODUCT', item_id: jacket.id, quantity: 2 }],
      [{ provider_id: 'custom', amount: 1, offline: true }],
    );
    expect(tooMany.status).toBe(422);
    // Nothing changed.
    expect((await client.get<Json>(`/v2/orders/${id}`)).body.status_id).toBe(11);
  });

  it('takes amounts as exact decimals: more than 2 decimal places is refused', async () => {
    const id = ORDERS.janeCapturedAwaiting;
    const ok = await quote(id, [{ item_type: 'ORDER', item_id: id, amount: 19.99 }]);
    expect(ok.body.data.total_refund_amount).toBe(19.99);
    expect((await quote(id, [{ item_type: 'ORDER', item_id: id, amount: 0.001 }])).status).toBe(422);
    expect((await quote(id, [{ item_type: 'ORDER', item_id: id, amount: -5 }])).status).toBe(422);
  });

  it('refuses store credit for a guest with the wrapped 422 and offers no store credit in its quote', async () => {
    const id = ORDERS.janeGuestShipped;
    const line = (await products(id))[0]!;
    const items = [{ item_type: 'PRODUCT', item_id: line.id, quantity: 1 }];
    const q = await quote(id, items);
    expect(q.body.data.refund_methods.flat().map((o: Json) => o.provider_id)).not.toContain('storecredit');
    const reply = await refund(id, items, [{ provider_id: 'storecredit', amount: Number(line.price_inc_tax) }]);
    expect(reply.status).toBe(422);
    expect(reply.body).toEqual({
      data: [{ status: 422, title: 'Unable to provide store credit for a guest customer.', type: expect.any(String) }],
    });
  });

  it("adds a store-credit refund to the customer's store credit", async () => {
    const id = ORDERS.janeCapturedAwaiting;
    const jacket = (await products(id)).find((p) => p.quantity === 1)!;
    const items = [{ item_type: 'PRODUCT', item_id: jacket.id, quantity: 1 }];
    const amount = Number(jacket.price_inc_tax);
    expect((await refund(id, items, [{ provider_id: 'storecredit', amount }])).status).toBe(201);
    const customer = await client.get<Json>(`/v3/customers?id:in=${SEED_IDS.main.customers.jane}&include=storecredit`);
    expect(customer.body.data[0].store_credit_amounts[0].amount).toBe(Number((25 + amount).toFixed(2)));
  });
});

describe('cancel and void', () => {
  it('cancels with PUT status_id 5: the status name follows the id, and staff notes can be set', async () => {
    const id = ORDERS.janeAuthorized;
    const reply = await client.request<Json>('PUT', `/v2/orders/${id}`, {
      body: { status_id: 5, staff_notes: 'Cancelled by support' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, status_id: 5, status: 'Cancelled', staff_notes: 'Cancelled by support' });
    expect((await client.get<Json>(`/v2/orders/${id}`)).body.status).toBe('Cancelled');
  });

  it('refuses an unknown status id and a body that is not an update', async () => {
    const id = ORDERS.janeAuthorized;
    expect((await client.request('PUT', `/v2/orders/${id}`, { body: { status_id: 99 } })).status).toBe(400);
    expect((await client.request('PUT', `/v2/orders/${id}`, { body: { status_id: 'five' } })).status).toBe(400);
    expect((await client.get<Json>(`/v2/orders/${id}`)).body.status_id).toBe(11);
  });

  it('voids an authorized payment (void pending, then void) and refuses to void anything else', async () => {
    const id = ORDERS.janeAuthorized;
    expect((await quote(id, [{ item_type: 'ORDER', item_id: id, amount: 1 }])).status).toBe(422);
    const voided = await client.request('POST', `/v3/orders/${id}/payment_actions/void`);
    expect(voided.status).toBe(201);
    expect((await client.get<Json>(`/v2/orders/${id}`)).body.payment_status).toBe('void pending');
    now += 5_000;
    expect((await client.get<Json>(`/v2/orders/${id}`)).body.payment_status).toBe('void');
    const again = await client.request<Json>('POST', `/v3/orders/${id}/payment_actions/void`);
    expect(again.status).toBe(422);
    const captured = await client.request('POST', `/v3/orders/${ORDERS.janeCapturedAwaiting}/payment_actions/void`);
    expect(captured.status).toBe(422);
  });
});

describe('discount codes', () => {
  const coupon = (code: string) => ({
    name: `Goodwill ${code}`,
    code,
    type: 'per_total_discount',
    amount: '10',
    applies_to: { entity: 'categories', ids: [0] },
    max_uses: 1,
  });

  it('creates a v2 coupon that can then be found by code, and refuses a taken code with 409', async () => {
    const created = await client.request<Json>('POST', '/v2/coupons', { body: coupon('SORRY-JANE-1') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'SORRY-JANE-1', num_uses: 0, id: expect.any(Number) });
    const found = await client.get<Json[]>('/v2/coupons?code=SORRY-JANE-1');
    expect(found.body.map((c) => c.id)).toEqual([created.body.id]);
    const again = await client.request<Json>('POST', '/v2/coupons', {
      body: { ...coupon('SORRY-JANE-1'), name: 'Other name' },
    });
    expect(again.status).toBe(409);
    expect(again.body[0].status).toBe(409);
    expect((await client.request('POST', '/v2/coupons', { body: coupon('WELCOME10') })).status).toBe(409);
    expect((await client.request('POST', '/v2/coupons', { body: { ...coupon('BAD*CODE') } })).status).toBe(400);
  });

  it('creates a coupon promotion and its code; a taken code gets 422 in the promotions error shape', async () => {
    const promotion = await client.request<Json>('POST', '/v3/promotions', {
      body: {
        name: 'Support goodwill 10 off',
        redemption_type: 'COUPON',
        status: 'ENABLED',
        rules: [{ action: { cart_value: { discount: { fixed_amount: '10' } } } }],
        max_uses: 1,
        currency_code: 'USD',
        coupon_type: 'SINGLE',
      },
    });
    expect(promotion.status).toBe(201);
    const promotionId = promotion.body.data.id;
    const code = await client.request<Json>('POST', `/v3/promotions/${promotionId}/codes`, {
      body: { code: 'GOODWILL-77', max_uses: 1 },
    });
    expect(code.status).toBe(201);
    expect(code.body.data).toMatchObject({ code: 'GOODWILL-77', current_uses: 0, max_uses: 1 });
    const lookup = await client.get<Json>('/v3/promotions/codes?code=GOODWILL-77');
    expect(lookup.body.data).toHaveLength(1);
    const listed = await client.get<Json>(`/v3/promotions/${promotionId}/codes`);
    expect(listed.body.data.map((c: Json) => c.code)).toEqual(['GOODWILL-77']);
    const taken = await client.request<Json>('POST', `/v3/promotions/${promotionId}/codes`, {
      body: { code: 'goodwill-77' },
    });
    expect(taken.status).toBe(422);
    expect(taken.body.errors[0]).toMatchObject({ status: 422 });
    expect(
      (await client.request('POST', `/v3/promotions/${promotionId}/codes`, { body: { code: 'WELCOME10' } })).status,
    ).toBe(422);
  });
});

describe('reset', () => {
  it('restores the seed: orders, refunds and coupons written since are gone', async () => {
    const id = ORDERS.janeCapturedAwaiting;
    await client.request('PUT', `/v2/orders/${id}`, { body: { status_id: 5 } });
    await client.request('POST', '/v2/coupons', {
      body: {
        name: 'x',
        code: 'RESET-ME',
        type: 'per_total_discount',
        amount: '1',
        applies_to: { entity: 'categories', ids: [0] },
      },
    });
    sandbox.control.reset();
    expect((await client.get<Json>(`/v2/orders/${id}`)).body.status_id).toBe(11);
    expect((await client.get('/v2/coupons?code=RESET-ME')).status).toBe(204);
  });
});
