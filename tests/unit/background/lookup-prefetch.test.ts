/**
 * The lookup started from a panel before it is trusted: the sidebar's lookup of the same query
 * takes it over (one set of requests, the states so far replayed), anything else ignores it, and
 * its link writes only happen once the sidebar adopted it.
 */
import { describe, expect, it } from 'vitest';
import { createLookupPrefetch } from '../../../lib/background/lookup-prefetch';
import { createLookupHandlers, createLookupRunner } from '../../../lib/background/lookup-service';
import type { MessageHandler } from '../../../lib/background/handler';
import type { Identity } from '../../../lib/messages/identity';
import type { LookupUpdate } from '../../../lib/messages/lookup';
import { fakeStoreApi, makeCustomer, makeOrder } from '../../fixtures/fake-store-api';
import { oneStoreLookupDeps } from '../../fixtures/lookup-service';

const jane: Identity = {
  gladlyCustomerId: 'g-jane',
  name: 'Jane Cooper',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' }],
  phones: [],
};
const sam: Identity = {
  gladlyCustomerId: 'g-sam',
  name: 'Sam Lee',
  emails: [{ value: 'sam.lee@example.com', source: 'panel' }],
  phones: [],
};

function setup() {
  const api = fakeStoreApi({
    customers: [makeCustomer({ id: '7' }), makeCustomer({ id: '8', email: 'sam.lee@example.com', phone: '' })],
    orders: [
      makeOrder(101, { billingEmail: 'jane.cooper@example.com', externalCustomerId: '7' }),
      makeOrder(201, { billingEmail: 'sam.lee@example.com', externalCustomerId: '8' }),
    ],
  });
  let requests = 0;
  const counted = new Proxy(api, {
    get(target, key) {
      const value = Reflect.get(target, key);
      return typeof value === 'function'
        ? (...args: unknown[]) => {
            requests += 1;
            return value.apply(target, args);
          }
        : value;
    },
  });
  const { deps, links } = oneStoreLookupDeps(counted, () => requests);
  const prefetch = createLookupPrefetch({ run: createLookupRunner(deps) });
  deps.prefetch = prefetch;
  const lookup = createLookupHandlers(deps).find((h) => h.type === 'lookup') as unknown as MessageHandler<
    { type: 'lookup' } & Record<string, unknown>
  >;
  /** The sidebar in tab 4 asks for a lookup; resolves with every update it received. */
  async function sidebarLookup(identity: Identity, refresh = false): Promise<LookupUpdate[]> {
    const updates: LookupUpdate[] = [];
    await lookup.handle(
      { type: 'lookup', requestId: 'r1', query: { kind: 'identity', identity }, ...(refresh ? { refresh } : {}) },
      {
        sender: { kind: 'extension-page', page: '/sidebar.html', tabId: 4 },
        emit: (m) => updates.push(m as LookupUpdate),
      },
    );
    return updates;
  }
  return { api, links, prefetch, sidebarLookup };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a lookup started before the panel is trusted', () => {
  it('is taken over by the sidebar asking for the same customer: no second round of requests', async () => {
    const { api, prefetch, sidebarLookup } = setup();
    prefetch.start(4, { kind: 'identity', identity: jane });
    await settle(); // the prefetch has finished before the panel settles
    const before = api.calls.length;
    expect(before).toBeGreaterThan(0);
    const updates = await sidebarLookup(jane);
    expect(api.calls.length).toBe(before);
    expect(updates.at(-1)).toMatchObject({ requestId: 'r1', done: true });
    expect(updates.at(-1)!.stores[0]).toMatchObject({ status: 'linked', customer: { id: '7' } });
    expect(updates.at(-1)!.stores[0]!.orders!.map((o) => o.id)).toEqual(['101']);
  });

  it('hands over a lookup still in flight: the sidebar gets every later state to the end', async () => {
    const { api, prefetch, sidebarLookup } = setup();
    prefetch.start(4, { kind: 'identity', identity: jane });
    const updates = await sidebarLookup(jane); // at once, before any answer
    expect(updates.at(-1)).toMatchObject({ done: true });
    expect(updates.at(-1)!.stores[0]).toMatchObject({ status: 'linked', customer: { id: '7' } });
    expect(api.calls.filter((c) => c === 'customersByEmail')).toHaveLength(1);
  });

  it('is ignored when the trusted panel shows someone else: the sidebar gets its own lookup, never the other', async () => {
    const { prefetch, links, sidebarLookup } = setup();
    prefetch.start(4, { kind: 'identity', identity: jane });
    await settle();
    const updates = await sidebarLookup(sam);
    for (const update of updates) for (const store of update.stores) expect(store.customer?.id ?? '8').toBe('8');
    expect(updates.at(-1)!.stores[0]).toMatchObject({ status: 'linked', customer: { id: '8' } });
    // The abandoned lookup's auto-link was never written.
    expect(await links.get(jane, 'main')).toBeUndefined();
    expect(await links.get(sam, 'main')).toMatchObject({ customerId: '8' });
  });

  it('writes its auto-link only once the sidebar adopted it', async () => {
    const { prefetch, links, sidebarLookup } = setup();
    prefetch.start(4, { kind: 'identity', identity: jane });
    await settle();
    expect(await links.get(jane, 'main')).toBeUndefined();
    await sidebarLookup(jane);
    await settle();
    expect(await links.get(jane, 'main')).toMatchObject({ customerId: '7', by: 'auto' });
  });

  it('is replaced by a newer panel in the same tab, and a Refresh never takes one over', async () => {
    const { api, prefetch, sidebarLookup } = setup();
    prefetch.start(4, { kind: 'identity', identity: jane });
    prefetch.start(4, { kind: 'identity', identity: sam });
    expect(prefetch.adopt(4, { kind: 'identity', identity: jane })).toBeUndefined();
    await settle();

    prefetch.start(4, { kind: 'identity', identity: sam });
    await settle();
    const before = api.calls.length;
    await sidebarLookup(sam, true);
    expect(api.calls.length).toBeGreaterThan(before); // asked BigCommerce again
  });

  it('is not adopted after it went stale', async () => {
    let t = 0;
    const { api } = setup();
    const runs: string[] = [];
    const prefetch = createLookupPrefetch({
      now: () => t,
      maxAgeMs: 1000,
      run: async (query, _sink, emit) => {
        runs.push(query.kind);
        emit([], true, { requests: 0, roundTrips: 0, ms: 0, fromCache: false });
      },
    });
    prefetch.start(4, { kind: 'identity', identity: jane });
    t = 1500;
    expect(prefetch.adopt(4, { kind: 'identity', identity: jane })).toBeUndefined();
    expect(api.calls).toEqual([]);
    expect(runs).toEqual(['identity']);
  });
});
