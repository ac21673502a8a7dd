import { z } from 'zod';
import type { ContractClient, StoreAccess } from './contract-client';

// The requests the contract run sends: what the extension does (lookups, cancel, refund,
// discount codes), plus empty results and documented errors. Ids are discovered from the
// sandbox's own answers, so the plan does not depend on seed internals.

export interface ScenarioContext {
  client: ContractClient;
  main: StoreAccess;
  europe: StoreAccess;
  /** Values found on the way, by spec path-parameter name (order_id, ...): the fallback uses them. */
  ids: Record<string, string>;
  /** Steps that could not run, in plain words. */
  problems: string[];
}

const OrderZ = z.looseObject({
  id: z.number(),
  customer_id: z.number(),
  status_id: z.number(),
  items_shipped: z.number(),
  payment_status: z.string(),
  coupon_discount: z.string(),
});
type Order = z.infer<typeof OrderZ>;
const OrdersZ = z.array(OrderZ);
const CustomersZ = z.looseObject({
  data: z.array(z.looseObject({ id: z.number(), customer_group_id: z.number() })),
});
const OrderProductsZ = z.array(
  z.looseObject({ id: z.number(), product_id: z.number(), quantity: z.number(), quantity_refunded: z.number() }),
);
const QuoteZ = z.looseObject({
  data: z.looseObject({
    refund_methods: z.array(
      z.array(z.looseObject({ provider_id: z.string(), amount: z.number(), offline: z.boolean() })),
    ),
  }),
});
const CatalogZ = z.looseObject({
  data: z.array(z.looseObject({ primary_image: z.looseObject({ url_thumbnail: z.string() }).nullish() })),
});
const DataIdZ = z.looseObject({ data: z.looseObject({ id: z.number() }) });
const RefundsZ = z.looseObject({ data: z.array(z.looseObject({ id: z.number() })) });

const JANE = 'jane.cooper@example.com';
const GARY = 'gary.guest@example.net';
const NOBODY = 'nora.nobody@example.com';

// A run's own state: the main store's orders, listed once and picked from by later steps.
interface Run extends ScenarioContext {
  orders: Order[];
}
type Step = [name: string, run: (run: Run) => Promise<void>];

function expectStatus(status: number, wanted: number, what: string): void {
  if (status !== wanted) throw new Error(`${what}: expected HTTP ${wanted}, got ${status}`);
}

function expectRefused(status: number, what: string): void {
  if (status < 400 || status >= 500) throw new Error(`${what}: expected a 4xx refusal, got ${status}`);
}

function pick(orders: readonly Order[], what: string, test: (o: Order) => boolean): Order {
  const found = orders.find(test);
  if (!found) throw new Error(`no order that is ${what} in the main store`);
  return found;
}

const STEPS: Step[] = [
  [
    'store information',
    async (run) => {
      const { client, main, europe } = run;
      await client.call(main, 'GET', '/v2/store');
      await client.call(europe, 'GET', '/v2/store');
      await client.call(main, 'GET', '/v2/time');
      await client.call(main, 'GET', '/v2/order_statuses');
    },
  ],
  [
    'customers by email, phone and id',
    async (run) => {
      const { client, main, europe, ids } = run;
      const jane = await client.call(main, 'GET', `/v3/customers?email:in=${JANE}&include=addresses,storecredit`);
      const [first] = CustomersZ.parse(jane.json).data;
      if (!first) throw new Error('Jane is not a customer of the main store');
      ids.customer_id = String(first.id);
      ids.customer_group_id = String(first.customer_group_id);
      await client.call(main, 'GET', '/v3/customers?phone:in=4155550142');
      await client.call(main, 'GET', `/v3/customers?email:in=${NOBODY}`);
      await client.call(main, 'GET', `/v3/customers?id:in=${first.id}&page=1&limit=5`);
      await client.call(europe, 'GET', '/v3/customers?email:in=sam.lee@example.com&include=addresses');
      await client.call(main, 'GET', `/v3/customers/addresses?customer_id:in=${first.id}`);
      await client.call(main, 'GET', '/v2/customer_groups');
      await client.call(main, 'GET', `/v2/customer_groups/${first.customer_group_id}`);
    },
  ],
  [
    'orders: the lookup list, links, empty, all',
    async (run) => {
      const { client, main, ids } = run;
      const enc = encodeURIComponent;
      await client.call(
        main,
        'GET',
        `/v2/orders?email=${enc(JANE)}&sort=date_created:desc&limit=10&include=consignments.line_items&consignment_structure=object`,
      );
      await client.call(main, 'GET', `/v2/orders?customer_id=${ids.customer_id ?? 1}&limit=5&page=1`);
      await client.call(main, 'GET', `/v2/orders?email=${enc(GARY)}`);
      const none = await client.call(main, 'GET', `/v2/orders?email=${enc(NOBODY)}`);
      expectStatus(none.status, 204, 'orders of nobody');
      const all = await client.call(main, 'GET', '/v2/orders?limit=250&sort=id:asc');
      run.orders = OrdersZ.parse(all.json);
      // The lifetime view's count: one customer's, then nobody's (200 with zero, never 204 or 404).
      const count = await client.call(main, 'GET', `/v2/orders/count?customer_id=${ids.customer_id ?? 1}`);
      expectStatus(count.status, 200, 'the order count of a customer');
      const noneCounted = await client.call(main, 'GET', `/v2/orders/count?email=${enc(NOBODY)}`);
      expectStatus(noneCounted.status, 200, 'the order count of nobody');
      ids.order_id = String(pick(run.orders, 'shipped', (o) => o.items_shipped > 0).id);
    },
  ],
  [
    'one order and its sub-resources',
    async (run) => {
      const { client, main } = run;
      const shipped = pick(run.orders, 'shipped', (o) => o.items_shipped > 0);
      const unshipped = pick(run.orders, 'unshipped', (o) => o.items_shipped === 0);
      await client.call(main, 'GET', `/v2/orders/${shipped.id}`);
      await client.call(
        main,
        'GET',
        `/v2/orders/${shipped.id}?include=consignments.line_items&consignment_structure=object`,
      );
      const products = await client.call(main, 'GET', `/v2/orders/${shipped.id}/products`);
      const productIds = [
        ...new Set(
          OrderProductsZ.parse(products.json)
            .map((p) => p.product_id)
            .filter((id) => id > 0),
        ),
      ];
      await client.call(main, 'GET', `/v2/orders/${shipped.id}/shipments`);
      const noShipments = await client.call(main, 'GET', `/v2/orders/${unshipped.id}/shipments`);
      expectStatus(noShipments.status, 204, 'shipments of an unshipped order');
      await client.call(main, 'GET', `/v2/orders/${shipped.id}/consignments`);
      await client.call(main, 'GET', `/v2/orders/${shipped.id}/consignments?include=consignments.line_items`);
      await client.call(main, 'GET', `/v2/orders/${shipped.id}/shipping_addresses`);
      const discounted = run.orders.find((o) => Number(o.coupon_discount) > 0);
      if (discounted) await client.call(main, 'GET', `/v2/orders/${discounted.id}/coupons`);
      const plain = run.orders.find((o) => Number(o.coupon_discount) === 0);
      if (plain) await client.call(main, 'GET', `/v2/orders/${plain.id}/coupons`);
      await client.call(main, 'GET', '/v2/orders/999999');
      const catalog = await client.call(
        main,
        'GET',
        `/v3/catalog/products?id:in=${productIds.join(',') || '1'}&include=primary_image&include_fields=name,sku`,
      );
      const image = CatalogZ.parse(catalog.json).data.find((p) => p.primary_image)?.primary_image?.url_thumbnail;
      if (!image) throw new Error('no product image in the catalog answer');
      // Product images are served by the sandbox itself (outside the API).
      await client.callRaw('GET', new URL(image).pathname);
    },
  ],
  [
    "every customer and order of both stores (the lookup's data, in all its variety)",
    async (run) => {
      const { client, main, europe } = run;
      const europeOrders = OrdersZ.parse((await client.call(europe, 'GET', '/v2/orders?limit=250')).json);
      const embedded = '/v2/orders?limit=250&include=consignments.line_items&consignment_structure=object';
      await client.call(main, 'GET', embedded);
      await client.call(europe, 'GET', embedded);
      for (const store of [main, europe])
        await client.call(store, 'GET', '/v3/customers?limit=250&include=addresses,storecredit');
      for (const [store, list] of [
        [main, run.orders],
        [europe, europeOrders],
      ] as const) {
        for (const order of list) {
          await client.call(store, 'GET', `/v2/orders/${order.id}/products`);
          if (order.items_shipped > 0) await client.call(store, 'GET', `/v2/orders/${order.id}/shipments`);
        }
      }
    },
  ],
  [
    'refund: quote, refund, history',
    async (run) => {
      const { client, main, ids } = run;
      const captured = pick(
        run.orders,
        'captured and not refunded',
        (o) => o.payment_status === 'captured' && o.status_id !== 4,
      );
      const products = OrderProductsZ.parse(
        (await client.call(main, 'GET', `/v2/orders/${captured.id}/products`)).json,
      );
      const line = products.find((p) => p.quantity > p.quantity_refunded);
      if (!line) throw new Error(`order ${captured.id} has nothing left to refund`);
      const items = [{ item_type: 'PRODUCT', item_id: line.id, quantity: 1, reason: 'Arrived damaged' }];
      const base = `/v3/orders/${captured.id}/payment_actions`;
      const quote = await client.call(main, 'POST', `${base}/refund_quotes`, { items });
      const method = QuoteZ.parse(quote.json).data.refund_methods[0];
      if (!method) throw new Error('the refund quote offered no refund method');
      const payments = method.map((m) => ({ provider_id: m.provider_id, amount: m.amount, offline: m.offline }));
      // Far above anything the quote allows (no arithmetic on money needed to say so).
      const tooMuch = payments.map((p, i) => (i === 0 ? { ...p, amount: 999999 } : p));
      const refused = await client.call(main, 'POST', `${base}/refunds`, { items, payments: tooMuch });
      expectStatus(refused.status, 422, 'a refund whose payments do not match the quote');
      const refund = await client.call(main, 'POST', `${base}/refunds`, { items, payments });
      expectStatus(refund.status, 201, 'a refund as quoted');
      ids.refund_id = String(DataIdZ.parse(refund.json).data.id);
      await client.call(main, 'GET', `${base}/refunds`);
      await client.call(
        main,
        'GET',
        `/v3/orders/payment_actions/refunds?order_id:in=${captured.id},${run.orders[0]?.id ?? 1}`,
      );
      const across = RefundsZ.parse((await client.call(main, 'GET', '/v3/orders/payment_actions/refunds')).json);
      if (across.data.length === 0) throw new Error('the new refund is not in the refunds list');
      await client.call(main, 'GET', `/v3/orders/payment_actions/refunds/${ids.refund_id}`);
    },
  ],
  [
    'payment transactions (the benchmark baseline reads them)',
    async (run) => {
      const { client, main, europe } = run;
      const card = pick(run.orders, 'captured', (o) => o.payment_status === 'captured');
      expectStatus(
        (await client.call(main, 'GET', `/v3/orders/${card.id}/transactions`)).status,
        200,
        'transactions of a captured order',
      );
      // Refunds and voids add transactions; a PayPal or cash order has no card, AVS or CVV details.
      for (const status of ['partially refunded', 'refunded', 'void', 'paid', 'authorized', 'declined']) {
        const order = run.orders.find((o) => o.payment_status === status);
        if (order) await client.call(main, 'GET', `/v3/orders/${order.id}/transactions`);
      }
      const unpaid = pick(run.orders, 'awaiting payment', (o) => o.payment_status === 'pending');
      expectStatus(
        (await client.call(main, 'GET', `/v3/orders/${unpaid.id}/transactions`)).status,
        204,
        'transactions of an unpaid order',
      );
      const europeOrders = OrdersZ.parse((await client.call(europe, 'GET', '/v2/orders?limit=5')).json);
      for (const order of europeOrders) await client.call(europe, 'GET', `/v3/orders/${order.id}/transactions`);
      expectStatus(
        (await client.call(main, 'GET', '/v3/orders/999999/transactions')).status,
        404,
        'transactions of no order',
      );
    },
  ],
  [
    'store credit for a guest is refused (wrapped 422)',
    async (run) => {
      const { client, main } = run;
      const guest = pick(
        run.orders,
        'a captured guest order',
        (o) => o.customer_id === 0 && o.payment_status === 'captured',
      );
      const products = OrderProductsZ.parse((await client.call(main, 'GET', `/v2/orders/${guest.id}/products`)).json);
      const line = products.find((p) => p.quantity > p.quantity_refunded);
      if (!line) throw new Error(`guest order ${guest.id} has nothing left to refund`);
      const items = [{ item_type: 'PRODUCT', item_id: line.id, quantity: 1 }];
      const base = `/v3/orders/${guest.id}/payment_actions`;
      const quote = QuoteZ.parse((await client.call(main, 'POST', `${base}/refund_quotes`, { items })).json);
      const amount = quote.data.refund_methods[0]?.[0]?.amount ?? 1;
      const payments = [{ provider_id: 'storecredit', amount, offline: true }];
      expectStatus(
        (await client.call(main, 'POST', `${base}/refunds`, { items, payments })).status,
        422,
        'store credit to a guest',
      );
    },
  ],
  [
    'order-level refund quote',
    async (run) => {
      const { client, main } = run;
      const captured = pick(run.orders, 'captured', (o) => o.payment_status === 'captured');
      const items = [{ item_type: 'ORDER', item_id: captured.id, amount: 1 }];
      await client.call(main, 'POST', `/v3/orders/${captured.id}/payment_actions/refund_quotes`, { items });
    },
  ],
  [
    'cancel and void',
    async (run) => {
      const { client, main } = run;
      const authorized = pick(run.orders, 'authorized', (o) => o.payment_status === 'authorized');
      expectStatus(
        (await client.call(main, 'POST', `/v3/orders/${authorized.id}/payment_actions/void`)).status,
        201,
        'void',
      );
      expectStatus(
        (await client.call(main, 'PUT', `/v2/orders/${authorized.id}`, { status_id: 5 })).status,
        200,
        'cancel',
      );
      await client.call(main, 'PUT', `/v2/orders/${authorized.id}`, {
        staff_notes: "Cancelled at the customer's request",
      });
      const captured = pick(run.orders, 'captured', (o) => o.payment_status === 'captured');
      const notVoidable = await client.call(main, 'POST', `/v3/orders/${captured.id}/payment_actions/void`);
      expectStatus(notVoidable.status, 422, 'void of a captured payment');
    },
  ],
  [
    'archiving is refused',
    async (run) => {
      const { client, main } = run;
      expectStatus(
        (await client.call(main, 'DELETE', `/v2/orders/${run.orders[0]?.id ?? 1}`)).status,
        405,
        'archive one',
      );
      expectStatus((await client.call(main, 'DELETE', '/v2/orders')).status, 405, 'archive all');
    },
  ],
  [
    'legacy coupons',
    async (run) => {
      const { client, main, ids } = run;
      const body = {
        name: 'Support goodwill CONTRACT1',
        code: 'CONTRACT1',
        type: 'per_total_discount',
        amount: '10.00',
        applies_to: { entity: 'categories', ids: [0] },
        max_uses: 1,
      };
      const created = await client.call(main, 'POST', '/v2/coupons', body);
      const coupon = z.looseObject({ id: z.number() }).parse(created.json);
      ids.coupon_id = String(coupon.id);
      const duplicate = await client.call(main, 'POST', '/v2/coupons', { ...body, name: 'Support goodwill duplicate' });
      expectRefused(duplicate.status, 'a second coupon with the same code');
      await client.call(main, 'GET', '/v2/coupons?code=CONTRACT1');
      await client.call(main, 'GET', '/v2/coupons?limit=50&page=1');
      await client.call(main, 'GET', '/v2/coupons?code=NO-SUCH-CODE');
    },
  ],
  [
    'coupon promotions',
    async (run) => {
      const { client, main, ids } = run;
      const promotion = await client.call(main, 'POST', '/v3/promotions', {
        name: 'Support goodwill 10 off',
        redemption_type: 'COUPON',
        status: 'ENABLED',
        rules: [{ action: { cart_value: { discount: { fixed_amount: '10' } } } }],
        max_uses: 1,
        currency_code: 'USD',
        coupon_type: 'SINGLE',
      });
      const id = DataIdZ.parse(promotion.json).data.id;
      ids.promotion_id = String(id);
      const code = { code: 'GOODWILL-CONTRACT', max_uses: 1 };
      expectStatus((await client.call(main, 'POST', `/v3/promotions/${id}/codes`, code)).status, 201, 'a new code');
      expectRefused(
        (await client.call(main, 'POST', `/v3/promotions/${id}/codes`, code)).status,
        'the same code again',
      );
      await client.call(main, 'GET', `/v3/promotions/${id}/codes`);
      await client.call(main, 'GET', '/v3/promotions/codes?code=GOODWILL-CONTRACT');
      await client.call(main, 'GET', `/v3/promotions/${id}`);
      await client.call(main, 'GET', '/v3/promotions?redemption_type=coupon');
    },
  ],
  [
    'sandbox control routes (outside the API)',
    async (run) => {
      const { client } = run;
      await client.callRaw('GET', '/__sandbox/log');
      await client.callRaw('DELETE', '/__sandbox/log');
      await client.callRaw('POST', '/__sandbox/config', { latencyMs: 0 });
      await client.callRaw('POST', '/__sandbox/faults', { path: '^/v2/never$', kind: 'status', status: 500 });
      await client.callRaw('DELETE', '/__sandbox/faults');
      await client.callRaw('POST', '/__sandbox/reset');
    },
  ],
];

/** Runs every step; a step that cannot run is recorded, not thrown, so the rest still runs. */
export async function runScenarios(ctx: ScenarioContext): Promise<void> {
  const run: Run = Object.assign(ctx, { orders: [] });
  for (const [name, step] of STEPS) {
    try {
      await step(run);
    } catch (error) {
      ctx.problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
