import { describe, expect, it } from 'vitest';
import { runLookup, type LookupConnection, type LookupDeps } from '../../../lib/lookup/lookup';
import { createLinkStore } from '../../../lib/lookup/linking';
import { createLookupCache } from '../../../lib/lookup/cache';
import { memoryStore } from '../../../lib/core/kv-store';
import type { Identity } from '../../../lib/messages/identity';
import type { StoreLookup } from '../../../lib/messages/lookup';
import type { StoreApi } from '../../../lib/core/store-ports';
import { fakeStoreApi, makeCustomer, makeOrder } from '../../fixtures/fake-store-api';

const samePhone = (a: string, b: string) => {
  const da = a.replace(/\D/g, '').slice(-10);
  return da.length >= 7 && da === b.replace(/\D/g, '').slice(-10);
};

const jane: Identity = {
  gladlyCustomerId: 'g-jane',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' }],
  phones: [{ value: '650 123 4569', type: 'Mobile', source: 'panel' }],
};

function deps(overrides: Partial<LookupDeps> = {}): LookupDeps {
  return {
    links: createLinkStore(memoryStore()),
    cache: createLookupCache(memoryStore()),
    samePhone,
    toErrorInfo: (e) => ({ kind: 'unavailable', message: e instanceof Error ? e.message : String(e) }),
    ...overrides,
  };
}

const connection = (api: StoreApi, id = 'main'): LookupConnection => ({
  id,
  name: id,
  autoLink: { email: true, phone: true },
  searchBy: { email: true, phone: true },
  api,
});

async function lookup(identity: Identity, connections: LookupConnection[], d: LookupDeps) {
  const updates: { stores: StoreLookup[]; done: boolean; roundTrips: number }[] = [];
  await runLookup({ kind: 'identity', identity }, connections, d, (stores, done, stats) =>
    updates.push({ stores, done, roundTrips: stats.roundTrips }),
  );
  return { updates, last: updates.at(-1)! };
}

/** Jane: 9 account orders (6 shipped) + 4 guest orders with her email. */
function janeStore() {
  const customer = makeCustomer({ id: '1', customerGroupId: 2 });
  const orders = [
    ...Array.from({ length: 9 }, (_, i) => makeOrder(i + 1, { itemsShipped: i < 6 ? 1 : 0 })),
    ...Array.from({ length: 4 }, (_, i) => makeOrder(20 + i, { isGuest: true, externalCustomerId: '' })),
  ];
  return fakeStoreApi({
    customers: [customer],
    orders,
    groups: { 2: 'VIP' },
    shipments: {
      '9': [
        {
          id: 's9',
          trackingNumber: '1Z999',
          trackingUrl: 'https://track/1Z999',
          shippingMethod: 'UPS',
          carrier: 'UPS',
          createdAt: '',
          items: [],
        },
      ],
    },
  });
}

describe('runLookup', () => {
  it('auto-links Jane and completes profile + 10 newest orders in two round trips', async () => {
    const api = janeStore();
    const { updates, last } = await lookup(jane, [connection(api)], deps());
    const store = last.stores[0]!;
    expect(store.status).toBe('linked');
    expect(store.autoLinked).toBe(true);
    expect(store.customer?.customerGroupName).toBe('VIP');
    expect(store.orders).toHaveLength(10);
    expect(store.orders!.map((o) => o.id).slice(0, 4)).toEqual(['23', '22', '21', '20']); // guest orders are newest
    expect(store.orders!.some((o) => o.isGuest)).toBe(true);
    expect(last.roundTrips).toBe(2);
    // The profile and orders are shown before tracking and images arrive.
    const partial = updates.find((u) => u.stores[0]?.status === 'linked' && !u.stores[0].complete);
    expect(partial?.stores[0]?.orders?.[0]?.fulfillments).toBeNull();
    // Shipments only for orders with something shipped, one image call, never per-order line items.
    const shipmentCalls = api.calls.filter((c) => c.startsWith('shipments:'));
    expect(shipmentCalls.every((c) => Number(c.split(':')[1]) <= 6)).toBe(true);
    expect(api.calls.filter((c) => c === 'productImages')).toHaveLength(1);
    expect(store.orders!.find((o) => o.id === '6')?.lineItems[0]?.image).toBe('https://img.example/106.png');
  });

  it("sends the last store's result together with done (one message), and a failed cache write loses nothing", async () => {
    const cache = createLookupCache(memoryStore());
    const broken = { ...cache, put: async () => Promise.reject(new Error('storage.session is full')) };
    const { updates, last } = await lookup(
      jane,
      [connection(janeStore(), 'a'), connection(janeStore(), 'b')],
      deps({ cache: broken }),
    );
    expect(last.done).toBe(true);
    expect(last.stores.map((s) => [s.status, s.complete])).toEqual([
      ['linked', true],
      ['linked', true],
    ]);
    expect(updates.filter((u) => u.done)).toHaveLength(1);
    // No update repeats the one before it.
    for (let i = 1; i < updates.length; i++) expect(updates[i]).not.toEqual(updates[i - 1]);
  });

  it("sends every store's first requests before telling the sidebar what is loading", async () => {
    // The worker's link store has read its tables at start-up (warm()); a cold one is read first.
    for (const warm of [true, false]) {
      const main = janeStore();
      const europe = janeStore();
      const links = createLinkStore(memoryStore());
      if (warm) {
        links.warm();
        await links.get(jane, 'main');
      }
      const askedByFirstUpdate: string[][] = [];
      await runLookup(
        { kind: 'identity', identity: jane },
        [connection(main), connection(europe, 'europe')],
        deps({ links }),
        () => {
          if (askedByFirstUpdate.length === 0) askedByFirstUpdate.push([...main.calls], [...europe.calls]);
        },
      );
      // The loading state costs the worker a message and a render's worth of data: it goes out
      // once the agent's wait (round 1 in both stores) has started, not before.
      expect(askedByFirstUpdate).toHaveLength(2);
      for (const calls of askedByFirstUpdate)
        expect(calls).toEqual(
          warm ? ['ordersByEmail', 'customersByEmail', 'customersByPhone'] : expect.arrayContaining(['ordersByEmail']),
        );
    }
  });

  it("asks for the account orders as soon as the email's one customer is known, not after the slowest of round 1", async () => {
    const api = janeStore();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: StoreApi = {
      ...api,
      customersByPhone: async (phones) => (await held, api.customersByPhone(phones)),
      ordersByEmail: async (email, limit) => (await held, api.ordersByEmail(email, limit)),
    };
    const running = lookup(jane, [connection(slow)], deps());
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Round 1's phone search and orders are still out; the account orders already left.
    expect(api.calls).toContain('ordersByCustomerId');
    expect(api.calls).not.toContain('customersByPhone');
    release();
    const { last } = await running;
    expect(last.stores[0]).toMatchObject({ status: 'linked', autoLinked: true });
    expect(last.stores[0]!.orders).toHaveLength(10);
    // Asked once, and used: no second request for the same orders.
    expect(api.calls.filter((c) => c === 'ordersByCustomerId')).toHaveLength(1);
    expect(last.roundTrips).toBe(2);
  });

  it('does not ask early for a customer the agent unlinked, nor when auto-linking by email is off', async () => {
    const unlinkedDeps = deps();
    await unlinkedDeps.links.unlink(jane, 'main');
    await unlinkedDeps.links.link(jane, 'main', '1', 'agent');
    await unlinkedDeps.links.unlink(jane, 'main');
    const first = janeStore();
    const unlinkedRun = await lookup(jane, [connection(first)], unlinkedDeps);
    expect(unlinkedRun.last.stores[0]!.status).toBe('candidates');
    expect(first.calls).not.toContain('ordersByCustomerId');

    const second = janeStore();
    const off = await lookup(jane, [{ ...connection(second), autoLink: { email: false, phone: false } }], deps());
    expect(off.last.stores[0]!.status).toBe('candidates');
    expect(second.calls).not.toContain('ordersByCustomerId');
  });

  it('completes an account order billed to another email in a third round, without asking for known images again', async () => {
    const customer = makeCustomer({ id: '1' });
    const orders = [
      ...Array.from({ length: 4 }, (_, i) => makeOrder(i + 1, { productIds: [101] })),
      // Placed under the account with a work email: only `customer_id` finds it. Shipped, and it
      // shares product 101 with the others plus one product nobody else has.
      makeOrder(50, { billingEmail: 'janie.c@work.example', itemsShipped: 1, productIds: [101, 777] }),
    ];
    const api = fakeStoreApi({
      customers: [customer],
      orders,
      shipments: {
        '50': [
          {
            id: 's50',
            trackingNumber: '1ZWORK',
            trackingUrl: 'https://track/1ZWORK',
            shippingMethod: 'UPS',
            carrier: 'UPS',
            createdAt: '',
            items: [],
          },
        ],
      },
    });
    const { last } = await lookup(jane, [connection(api)], deps());
    const work = last.stores[0]!.orders!.find((o) => o.id === '50')!;
    expect(work.firstTrackingNumber).toBe('1ZWORK');
    expect(work.lineItems.map((l) => l.image)).toEqual(['https://img.example/101.png', 'https://img.example/777.png']);
    expect(last.roundTrips).toBe(3);
    // One image call for round 2's products, one for the new product only; one shipments call for order 50.
    expect(api.calls.filter((c) => c === 'productImages')).toHaveLength(2);
    expect(api.calls.filter((c) => c.startsWith('shipments:'))).toEqual(['shipments:50']);
  });

  it('for a customer found by phone, also shows the guest orders placed with their store email', async () => {
    const priya = makeCustomer({ id: '9', email: 'priya.patel@example.org', phone: '4155550142' });
    const api = fakeStoreApi({
      customers: [priya],
      orders: [
        makeOrder(1, { externalCustomerId: '9', billingEmail: 'priya.patel@example.org' }),
        makeOrder(2, { isGuest: true, externalCustomerId: '', billingEmail: 'priya.patel@example.org' }),
      ],
    });
    const { last } = await lookup(
      { emails: [], phones: [{ value: '(415) 555-0142', source: 'panel' }] },
      [connection(api)],
      deps(),
    );
    expect(last.stores[0]).toMatchObject({ status: 'linked', customer: { id: '9' } });
    expect(last.stores[0]!.orders!.map((o) => [o.id, o.isGuest])).toEqual([
      ['2', true],
      ['1', false],
    ]);
  });

  it('shows guest orders when only guest orders carry the email', async () => {
    const api = fakeStoreApi({
      customers: [],
      orders: [makeOrder(5, { isGuest: true, externalCustomerId: '', billingEmail: 'gary@example.net' })],
    });
    const { last } = await lookup(
      { emails: [{ value: 'gary@example.net', source: 'panel' }], phones: [] },
      [connection(api)],
      deps(),
    );
    expect(last.stores[0]).toMatchObject({ status: 'guest', customer: null });
    expect(last.stores[0]!.orders).toHaveLength(1);
  });

  it('reports not found, and never searches without an email or a phone', async () => {
    const api = fakeStoreApi({ customers: [], orders: [] });
    expect((await lookup(jane, [connection(api)], deps())).last.stores[0]!.status).toBe('not-found');
    const empty = fakeStoreApi({ customers: [], orders: [] });
    expect((await lookup({ emails: [], phones: [] }, [connection(empty)], deps())).last.stores[0]!.status).toBe(
      'not-found',
    );
    expect(empty.calls).toEqual([]);
  });

  it('keeps showing a hand-linked customer when Gladly shows no email or phone', async () => {
    const api = janeStore();
    const d = deps();
    const bare: Identity = { gladlyCustomerId: 'g-jane', emails: [], phones: [] };
    await d.links.link(bare, 'main', '1', 'agent');
    const { last } = await lookup(bare, [connection(api)], d);
    expect(last.stores[0]).toMatchObject({ status: 'linked', customer: { id: '1' } });
    expect(last.stores[0]!.orders!.length).toBeGreaterThan(0);
  });

  it('does not search for a linked customer (round 1: their orders and profile only), and searches when they were deleted', async () => {
    const links = createLinkStore(memoryStore());
    links.warm();
    const d = deps({ links });
    await d.links.link(jane, 'main', '1', 'agent');
    const api = janeStore();
    const { last } = await lookup(jane, [connection(api)], d);
    expect(last.stores[0]).toMatchObject({ status: 'linked', customer: { id: '1' }, complete: true });
    expect(last.stores[0]!.orders).toHaveLength(10);
    // Round 1 is the orders by email and the linked customer's own two: no customer search.
    expect(api.calls.slice(0, 3).sort()).toEqual(['customerById', 'ordersByCustomerId', 'ordersByEmail']);
    expect(api.calls).not.toContain('customersByEmail');
    expect(api.calls).not.toContain('customersByPhone');
    expect(last.roundTrips).toBe(2);

    // The linked customer was deleted in the store: the link goes, the searches decide again
    // (one more round trip), and Jane's new account is linked.
    await d.links.link(jane, 'main', '404', 'agent');
    await d.cache.clear();
    const again = janeStore();
    const relinked = await lookup(jane, [connection(again)], d);
    expect(relinked.last.stores[0]).toMatchObject({ status: 'linked', customer: { id: '1' }, autoLinked: true });
    expect(again.calls).toEqual(expect.arrayContaining(['customersByEmail', 'customersByPhone']));
    expect(relinked.last.roundTrips).toBe(3);
    expect(await d.links.wasUnlinked(jane, 'main', '404')).toBe(true);
    expect((await d.links.get(jane, 'main'))?.customerId).toBe('1');

    // Without a link the searches decide, so their failure is the store's.
    const failing: StoreApi = {
      ...janeStore(),
      customersByPhone: () => Promise.reject(new Error('Store unavailable (503)')),
    };
    const failed = await lookup(jane, [connection(failing)], deps());
    expect(failed.last.stores[0]).toMatchObject({ status: 'error', error: { message: 'Store unavailable (503)' } });
  });

  it("reads the link and the unlink marks in one read where the store offers it (the team service's one query)", async () => {
    const stored = createLinkStore(memoryStore());
    await stored.link(jane, 'main', '1', 'agent');
    const reads: string[] = [];
    // A store without memory (as the team service's database): no peek, one read for both.
    const links: LookupDeps['links'] = {
      link: stored.link,
      unlink: stored.unlink,
      wasUnlinked: stored.wasUnlinked,
      get: (identity, connectionId) => {
        reads.push('get');
        return stored.get(identity, connectionId);
      },
      unlinkedIds: (identity, connectionId) => {
        reads.push('unlinkedIds');
        return stored.unlinkedIds(identity, connectionId);
      },
      read: async (identity, connectionId) => {
        reads.push('read');
        return {
          link: await stored.get(identity, connectionId),
          unlinked: await stored.unlinkedIds(identity, connectionId),
        };
      },
    };
    const api = janeStore();
    const { last } = await lookup(jane, [connection(api)], deps({ links }));
    expect(last.stores[0]).toMatchObject({ status: 'linked', customer: { id: '1' } });
    expect(reads).toEqual(['read']);
    expect(api.calls).not.toContain('customersByEmail');
  });

  it('offers candidates when two customers share a phone', async () => {
    const api = fakeStoreApi({
      customers: [
        makeCustomer({ id: '7', email: 'a@x.com', phone: '212-555-0199' }),
        makeCustomer({ id: '8', email: 'b@x.com', phone: '(212) 555-0199' }),
      ],
      orders: [],
    });
    const { last } = await lookup(
      { emails: [], phones: [{ value: '212-555-0199', source: 'panel' }] },
      [connection(api)],
      deps(),
    );
    expect(last.stores[0]!.status).toBe('candidates');
    expect(last.stores[0]!.candidates?.map((c) => c.id)).toEqual(['7', '8']);
  });

  it('renders a revisit from cache before any request, and refreshes a stale one', async () => {
    let t = 0;
    const d = deps({ now: () => t, cache: createLookupCache(memoryStore(), () => t) });
    const api = janeStore();
    await lookup(jane, [connection(api)], d);
    const before = api.calls.length;
    const revisit = await lookup(jane, [connection(api)], d);
    expect(api.calls.length).toBe(before);
    expect(revisit.updates[0]!.stores[0]!.status).toBe('linked');
    t = 61_000;
    const stale = await lookup(jane, [connection(api)], d);
    expect(stale.updates[0]!.stores[0]!.stale).toBe(true);
    expect(stale.last.stores[0]!.stale).toBe(false);
    expect(api.calls.length).toBeGreaterThan(before);
  });

  it('keeps other stores when one fails', async () => {
    const broken = fakeStoreApi({ customers: [], orders: [], failWith: new Error('Store unavailable (503)') });
    const { last } = await lookup(jane, [connection(janeStore(), 'main'), connection(broken, 'europe')], deps());
    expect(last.stores.map((s) => s.status)).toEqual(['linked', 'error']);
    expect(last.stores[1]!.error?.message).toContain('503');
  });

  it('uses a stored link on the next lookup, and never auto-links again after unlink', async () => {
    const d = deps();
    const api = janeStore();
    await lookup(jane, [connection(api)], d);
    expect((await d.links.get(jane, 'main'))?.customerId).toBe('1');
    await d.links.unlink(jane, 'main');
    await d.cache.clear();
    const { last } = await lookup(jane, [connection(api)], d);
    expect(last.stores[0]!.status).toBe('candidates');
    expect(last.stores[0]!.candidateReason).toMatch(/unlinked/);
  });

  it('finds account orders billed to another email, in a third round only then', async () => {
    const customer = makeCustomer({ id: '1' });
    const other = makeOrder(30, { billingEmail: 'janie.c@work.example', itemsShipped: 1 });
    const api = fakeStoreApi({ customers: [customer], orders: [makeOrder(1), other] });
    const { last } = await lookup(jane, [connection(api)], deps());
    expect(last.stores[0]!.orders!.map((o) => o.id)).toEqual(['30', '1']);
    expect(api.calls).toContain('shipments:30');
    expect(last.roundTrips).toBe(3);
  });
});

describe('a failing account-orders request', () => {
  it('fails that store with its reason and leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const base = janeStore();
      const api: StoreApi = {
        ...base,
        ordersByCustomerId: () => Promise.reject(new Error('BigCommerce did not answer within 10 s.')),
      };
      const { last } = await lookup(jane, [connection(api)], deps());
      expect(last.stores[0]).toMatchObject({
        status: 'error',
        error: { message: 'BigCommerce did not answer within 10 s.' },
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
