import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { sandboxClient, type SandboxClient } from '../../../sandbox/bigcommerce/test-client';
import { realPayloadDir } from '../../contract/shared-dir';

type Json = Record<string, any>;
const ORDERS = SEED_IDS.main.orders;
const REAL = JSON.parse(readFileSync(resolve(realPayloadDir(), 'v3-order-transactions.json'), 'utf8')) as Json;
/** v2 money "12.3400" → the v3 number 12.34 (via its decimal text, no arithmetic). */
const v3 = (v2Money: string) => Number(v2Money.replace(/(\.\d{2})00$/, '$1'));

let sandbox: ReturnType<typeof createBigCommerceSandbox>;
let client: SandboxClient;
beforeEach(() => {
  sandbox = createBigCommerceSandbox();
  client = sandboxClient(sandbox.app, sandbox.stores[0]!);
});

const transactions = (orderId: number) => client.get<Json>(`/v3/orders/${orderId}/transactions`);

describe('GET /v3/orders/{id}/transactions', () => {
  it("answers a card order with one purchase of the order total, in the real payload's shape", async () => {
    const order = (await client.get<Json>(`/v2/orders/${ORDERS.janeCapturedAwaiting}`)).body;
    const reply = await transactions(ORDERS.janeCapturedAwaiting);
    expect(reply.status).toBe(200);
    expect(reply.body.meta).toEqual(REAL.meta);
    const [purchase, ...rest] = reply.body.data as Json[];
    expect(rest).toEqual([]);
    expect(Object.keys(purchase!).sort()).toEqual(Object.keys(REAL.data[0]).sort());
    expect(purchase).toMatchObject({
      order_id: String(order.id),
      event: 'purchase',
      method: 'credit_card',
      amount: v3(order.total_inc_tax),
      currency: 'USD',
      gateway: 'braintree',
      status: 'ok',
      reference_transaction_id: null,
      credit_card: { card_type: 'visa', card_last4: '4242' },
    });
    expect(purchase!.date_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
  });

  it('has null card, AVS and CVV details for a PayPal payment, as the real API does for non-card payments', async () => {
    const [payment] = (await transactions(ORDERS.janeWorkEmail)).body.data as Json[];
    expect(payment).toMatchObject({
      method: 'electronic_wallet',
      gateway: 'paypalexpress',
      credit_card: null,
      avs_result: null,
      cvv_result: null,
    });
  });

  it('adds a refund transaction for a refund made through the API, pointing at the purchase, with stable ids', async () => {
    const order = ORDERS.janeCapturedAwaiting;
    const [line] = (await client.get<Json[]>(`/v2/orders/${order}/products`)).body;
    const items = [{ item_type: 'PRODUCT', item_id: line!.id, quantity: 1 }];
    const quote = (
      await client.request<Json>('POST', `/v3/orders/${order}/payment_actions/refund_quotes`, { body: { items } })
    ).body;
    const payments = (quote.data.refund_methods[0] as Json[]).map((m) => ({
      provider_id: m.provider_id,
      amount: m.amount,
      offline: m.offline,
    }));
    expect(
      (await client.request('POST', `/v3/orders/${order}/payment_actions/refunds`, { body: { items, payments } }))
        .status,
    ).toBe(201);

    const first = (await transactions(order)).body;
    const [purchase, refund] = first.data as Json[];
    expect(refund).toMatchObject({
      event: 'refund',
      amount: quote.data.total_refund_amount,
      reference_transaction_id: purchase!.id,
      status: 'ok',
    });
    expect(first.meta.pagination.total).toBe(2);
    expect((await transactions(order)).body).toEqual(first);
  });

  it('shows the authorization and its void for a cancelled authorized order', async () => {
    const events = ((await transactions(ORDERS.janeCancelled)).body.data as Json[]).map((t) => t.event);
    expect(events).toEqual(['authorization', 'void']);
  });

  it('answers 204 with no body for an order nothing was paid on, and 404 for no order', async () => {
    const orders = (await client.get<Json[]>('/v2/orders?limit=250')).body;
    const unpaid = orders.find((o) => o.payment_status === 'pending');
    expect(unpaid).toBeDefined();
    const empty = await transactions(unpaid!.id);
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
    expect((await transactions(999_999)).status).toBe(404);
  });

  it('needs a token of this store; the limited token (it keeps the transactions scope) may read', async () => {
    expect((await client.get(`/v3/orders/${ORDERS.janeCapturedAwaiting}/transactions`, 'bad-token')).status).toBe(401);
    expect(
      (
        await client.get(
          `/v3/orders/${ORDERS.janeCapturedAwaiting}/transactions`,
          sandbox.stores[0]!.limitedAccessToken,
        )
      ).status,
    ).toBe(200);
  });
});
