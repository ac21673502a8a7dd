/** The client against the BigCommerce sandbox, in process (no network). */
import { beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { inProcessFetch } from '../../../sandbox/bigcommerce/test-client';
import { createConnectionApis } from '../../../lib/bigcommerce';
import { personas } from '../../../sandbox/personas';
import { samePhone } from '../../../lib/core/phone';
import { ORDER_STATUS } from '../../../lib/core/model';
import { Governor } from '../../../lib/bigcommerce/governor';
import { toErrorInfo } from '../../../lib/bigcommerce/errors';
import { runLookup } from '../../../lib/lookup/lookup';
import { createLinkStore } from '../../../lib/lookup/linking';
import { createLookupCache } from '../../../lib/lookup/cache';
import { memoryStore } from '../../../lib/core/kv-store';
import type { StoreLookup } from '../../../lib/messages/lookup';

const { app, control, stores } = createBigCommerceSandbox();
const main = stores.find((s) => s.hash === 'abc123')!;

const realClock = { now: Date.now, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };

// Each test gets its own governor: the sandbox's quota is reset between tests.
function connect(token = main.accessToken, governor = new Governor(realClock)) {
  return createConnectionApis({
    governor,
    storeHash: main.hash,
    accessToken: token,
    apiBaseUrl: 'http://127.0.0.1:4010',
    allowCustomBase: true,
    fetch: inProcessFetch(app),
    connectionId: 'main',
    storeName: main.name,
  });
}

beforeEach(() => {
  control.reset();
  control.configure({ quota: 150, windowMs: 30_000 });
});

describe('client × sandbox: lookups', () => {
  it('finds Jane by email, with addresses, store credit and her group', async () => {
    const { lookup } = connect();
    const [jane, ...others] = await lookup.customersByEmail(personas.jane.emails);
    expect(others).toEqual([]);
    expect(jane).toMatchObject({ email: 'jane.cooper@example.com', addressCount: 3, storeCreditAmount: '25.00' });
    expect(jane!.address).not.toBeNull();
    expect(await lookup.customerGroupName(jane!.customerGroupId)).toBe('VIP');
  });

  it('finds Jane by the phone as Gladly shows it, in one request', async () => {
    const api = connect();
    const typed = personas.jane.phones[0]!.number;
    const found = await api.lookup.customersByPhone([typed]);
    expect(found.map((c) => c.email)).toContain('jane.cooper@example.com');
    expect(found.every((c) => samePhone(typed, c.phone))).toBe(true);
    expect(api.requestCount()).toBe(1);
  });

  it('finds both customers sharing a phone stored in two formats', async () => {
    const found = await connect().lookup.customersByPhone([personas.sharedPhone.phones[0]!.number]);
    expect(found).toHaveLength(2);
  });

  it('lists the newest orders by email, guests included, line items embedded', async () => {
    const { lookup } = connect();
    const orders = await lookup.ordersByEmail('jane.cooper@example.com', 10);
    expect(orders).toHaveLength(10);
    const times = orders.map((o) => Date.parse(o.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(orders.some((o) => o.isGuest)).toBe(true);
    for (const order of orders) {
      expect(order.lineItems.length).toBeGreaterThan(0);
      expect(order.controlPanelUrl).toBe(`https://store-abc123.mybigcommerce.com/manage/orders/${order.id}`);
    }
    expect(orders.some((o) => o.lineItems.some((l) => l.productId === 0))).toBe(true);
  });

  it('finds the account order billed to another email by customer id', async () => {
    const { lookup } = connect();
    const [jane] = await lookup.customersByEmail(personas.jane.emails);
    const orders = await lookup.ordersByCustomerId(jane!.id, 10);
    expect(orders.some((o) => o.billingEmail === 'janie.c@work.example')).toBe(true);
    expect(orders.every((o) => o.externalCustomerId === jane!.id)).toBe(true);
  });

  it('loads shipments with tracking links, 204s as empty lists, and thumbnails in one call', async () => {
    const api = connect();
    const orders = await api.lookup.ordersByEmail('jane.cooper@example.com', 10);
    const shipped = orders.filter((o) => o.itemsShipped > 0);
    expect(shipped.length).toBeGreaterThan(0);
    const fulfillments = (await Promise.all(shipped.map((o) => api.lookup.shipments(o.id)))).flat();
    expect(fulfillments.length).toBeGreaterThan(0);
    expect(fulfillments.every((f) => f.trackingUrl.startsWith('http'))).toBe(true);
    const unshipped = orders.find((o) => o.itemsShipped === 0)!;
    expect(await api.lookup.shipments(unshipped.id)).toEqual([]);
    const before = api.requestCount();
    const ids = [...new Set(orders.flatMap((o) => o.lineItems.map((l) => l.productId)).filter((id) => id > 0))];
    const images = await api.lookup.productImages(ids);
    expect(api.requestCount() - before).toBe(1);
    expect(images.size).toBeGreaterThan(0);
  });

  it('says nobody for an unknown email (v2 orders answer 204)', async () => {
    const { lookup } = connect();
    expect(await lookup.customersByEmail(personas.notFound.emails)).toEqual([]);
    expect(await lookup.ordersByEmail(personas.notFound.emails[0]!, 10)).toEqual([]);
    expect(await lookup.orderById('999999')).toBeNull();
  });
});

describe('client × sandbox: a whole lookup (lib/lookup/lookup.ts)', () => {
  it('shows Jane with 10 orders, tracking and images, in few requests', async () => {
    const api = connect();
    const jane = personas.jane;
    let last: StoreLookup[] = [];
    await runLookup(
      {
        kind: 'identity',
        identity: {
          gladlyCustomerId: jane.gladlyId,
          name: jane.name,
          emails: jane.emails.map((value) => ({ value, source: 'panel' as const })),
          phones: jane.phones.map((p) => ({ value: p.number, type: p.type, source: 'panel' as const })),
        },
      },
      [
        {
          id: 'main',
          name: main.name,
          autoLink: { email: true, phone: true },
          searchBy: { email: true, phone: true },
          api: api.lookup,
        },
      ],
      {
        links: createLinkStore(memoryStore()),
        cache: createLookupCache(null),
        samePhone,
        toErrorInfo,
        requestCount: api.requestCount,
      },
      (stores) => {
        last = stores;
      },
    );
    const [result] = last;
    expect(result).toMatchObject({ status: 'linked', complete: true });
    const orders = result?.orders ?? [];
    expect(result?.customer?.customerGroupName).toBe('VIP');
    expect(orders).toHaveLength(10);
    expect(orders.filter((o) => o.itemsShipped > 0).every((o) => o.firstTrackingNumber)).toBe(true);
    expect(orders.flatMap((o) => o.lineItems).some((l) => l.image)).toBe(true);
    expect(api.requestCount()).toBeLessThanOrEqual(16);
  });
});

describe('client × sandbox: rate limits', () => {
  it('spends a small quota without a single 429, waiting for the window instead', async () => {
    control.configure({ quota: 20, windowMs: 400 });
    control.clearLog();
    const { lookup } = connect();
    const results = await Promise.all(Array.from({ length: 40 }, () => lookup.customersByEmail(personas.jane.emails)));
    expect(results.every((r) => r.length === 1)).toBe(true);
    const statuses = control.log().map((entry) => entry.status);
    expect(statuses).toHaveLength(40);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
  });
});

describe('client × sandbox: admin', () => {
  it('reads the store information', async () => {
    expect(await connect().admin.storeInfo()).toMatchObject({ name: main.name, currency: 'USD' });
  });

  it('probes scopes: the limited token lacks store_v2_marketing, nothing else', async () => {
    const scopes = [
      'store_v2_customers_read_only',
      'store_v2_orders',
      'store_v2_products_read_only',
      'store_v2_information_read_only',
      'store_v2_marketing',
    ];
    const limited = await connect(main.limitedAccessToken).admin.probeScopes(scopes);
    expect(Object.fromEntries(limited.map((p) => [p.scope, p.status]))).toEqual({
      store_v2_customers_read_only: 'present',
      store_v2_orders: 'present',
      store_v2_products_read_only: 'present',
      store_v2_information_read_only: 'present',
      store_v2_marketing: 'missing',
    });
    const full = await connect().admin.probeScopes(scopes);
    expect(full.every((p) => p.status === 'present')).toBe(true);
  });

  it('a wrong token is an auth error without the token in it', async () => {
    const error = await connect('not-a-token')
      .lookup.customersByEmail(['a@b.c'])
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(String((error as Error).message)).not.toContain('not-a-token');
  });
});

describe('client × sandbox: actions', () => {
  it('creates a unique coupon, and the code is then taken', async () => {
    const { actions } = connect();
    expect(await actions.couponCodeExists('SORRY-JANE-1')).toBe(false);
    const created = await actions.createCoupon({
      code: 'SORRY-JANE-1',
      name: 'Support SORRY-JANE-1',
      type: 'fixed',
      amount: '5',
      minPurchase: null,
      expires: '2027-01-31',
      maxUses: 1,
    });
    expect(created.code).toBe('SORRY-JANE-1');
    expect(await actions.couponCodeExists('SORRY-JANE-1')).toBe(true);
  });

  it('the limited token cannot create a coupon: a scope error naming store_v2_marketing', async () => {
    const error = await connect(main.limitedAccessToken)
      .actions.createCoupon({
        code: 'NOPE1',
        name: 'Nope',
        type: 'free_shipping',
        amount: '0',
        minPurchase: null,
        expires: null,
        maxUses: 1,
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'scope', scope: 'store_v2_marketing' });
  });

  it('quotes and refunds one line, and the refund shows in the list', async () => {
    const { lookup, actions } = connect();
    const orders = await lookup.ordersByEmail('jane.cooper@example.com', 10);
    const order = orders.find(
      (o) => o.paymentStatus === 'captured' && o.lineItems.some((l) => l.refundableQuantity > 0 && l.productId > 0),
    )!;
    expect(order).toBeDefined();
    const line = order.lineItems.find((l) => l.refundableQuantity > 0)!;
    const items = [{ itemType: 'PRODUCT' as const, itemId: Number(line.id), quantity: 1 }];
    const quote = await actions.refundQuote(order.id, items);
    expect(quote.refundMethods.length).toBeGreaterThan(0);
    const refund = await actions.createRefund(order.id, items, quote.refundMethods[0]!);
    expect(refund.totalAmount).toBe(quote.totalRefundAmount);
    const list = await actions.refunds(order.id);
    expect(list.map((r) => r.id)).toContain(refund.id);
    const after = await lookup.orderById(order.id);
    expect(after!.lineItems.find((l) => l.id === line.id)!.quantityRefunded).toBe(line.quantityRefunded + 1);
  });

  it('cancels an order with a status-only PUT', async () => {
    const { lookup, actions } = connect();
    const orders = await lookup.ordersByEmail('jane.cooper@example.com', 10);
    const target = orders.find((o) => o.statusId === ORDER_STATUS.AWAITING_FULFILLMENT) ?? orders[0]!;
    const updated = await actions.setOrderStatus(target.id, ORDER_STATUS.CANCELLED);
    expect(updated.statusId).toBe(ORDER_STATUS.CANCELLED);
  });
});

describe('client × sandbox: beyond the 10 newest', () => {
  it('lifetime totals for Jane in two requests (account + email), agreeing with the order count', async () => {
    const api = connect();
    const [jane] = await api.lookup.customersByEmail(personas.jane.emails);
    const before = api.requestCount();
    const { lifetimeOf } = await import('../../../lib/lookup/lifetime');
    const totals = await lifetimeOf(api.history, { customerId: jane!.id, email: jane!.email });
    const counted = totals.reduce((n, t) => n + t.orders, 0);
    expect(api.requestCount() - before).toBe(2);
    // Every order the two sources find, read independently, minus cancelled/declined.
    const account = await api.history.orderTotals({ customerId: jane!.id }, 1);
    const billed = await api.history.orderTotals({ email: jane!.email }, 1);
    const all = new Map([...account, ...billed].map((o) => [o.id, o]));
    const paid = [...all.values()].filter((o) => o.statusId !== 5 && o.statusId !== 6);
    expect(counted).toBe(paid.length);
    expect(counted).toBeGreaterThan(10);
    expect(new Set(totals.map((t) => t.currency))).toEqual(new Set(paid.map((o) => o.currency)));
    // GET /v2/orders/count answers (it was a 404) and, like the real API, counts every status,
    // Incomplete included, which the list leaves out (Jane has one incomplete checkout).
    const raw = await inProcessFetch(app)(
      `http://127.0.0.1:4010/stores/${main.hash}/v2/orders?customer_id=${jane!.id}&status_id=0`,
      { headers: { 'X-Auth-Token': main.accessToken, Accept: 'application/json' } },
    );
    const incomplete = raw.status === 204 ? 0 : ((await raw.json()) as unknown[]).length;
    expect(await api.history.orderCount({ customerId: jane!.id })).toBe(account.length + incomplete);
  });

  it('pages past the 10 newest by date, without repeating one', async () => {
    const api = connect();
    const [jane] = await api.lookup.customersByEmail(personas.jane.emails);
    const newest = await api.lookup.ordersByEmail(jane!.email, 10);
    const oldest = newest.at(-1)!;
    const older = await api.history.ordersBefore({ email: jane!.email }, oldest.createdAt, 10);
    const shown = new Set(newest.map((o) => o.id));
    const fresh = older.filter((o) => !shown.has(o.id));
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((o) => o.createdAt <= oldest.createdAt)).toBe(true);
    expect(fresh[0]!.lineItems.length).toBeGreaterThan(0);
  });
});
