import { describe, expect, it } from 'vitest';
import { createLookupHandlers } from '../../../lib/background/lookup-service';
import type { ConnectionRegistry } from '../../../lib/background/connections';
import { createLinkStore } from '../../../lib/lookup/linking';
import { createLookupCache } from '../../../lib/lookup/cache';
import { memoryStore } from '../../../lib/core/kv-store';
import { newConnection, type Connection, type SearchQueryAttribute } from '../../../lib/settings/schema';
import type { ConnectionApis } from '../../../lib/core/store-ports';
import type { Identity } from '../../../lib/messages/identity';
import type { LookupUpdate } from '../../../lib/messages/lookup';
import type { MessageHandler } from '../../../lib/background/handler';
import { fakeStoreApi, makeCustomer, makeOrder } from '../../fixtures/fake-store-api';

const jane: Identity = {
  gladlyCustomerId: 'g-jane',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' }],
  phones: [{ value: '+1 650-123-4569', type: 'Mobile', source: 'panel' }],
};

function setup(searchQueryAttributes: SearchQueryAttribute[]) {
  const connection: Connection = { ...newConnection('main'), name: 'Main', storeHash: 'abc123', searchQueryAttributes };
  const api = fakeStoreApi({ customers: [makeCustomer({ id: '1' })], orders: [makeOrder(1), makeOrder(2)] });
  const registry: ConnectionRegistry = {
    enabled: async () => [connection],
    apis: async () => ({
      connection,
      apis: { lookup: api, requestCount: () => api.calls.length } as unknown as ConnectionApis,
    }),
    requestCount: () => api.calls.length,
    reset: () => undefined,
  };
  const visits: string[] = [];
  const cache = createLookupCache(memoryStore());
  const handlers = createLookupHandlers({
    registry,
    links: createLinkStore(memoryStore()),
    cache,
    samePhone: (a, b) => a.replace(/\D/g, '') === b.replace(/\D/g, ''),
    toErrorInfo: (e) => ({ kind: 'unknown', message: String(e) }),
    onLinked: async (_identity, _connection, customer) => void visits.push(customer.id),
  });
  const lookup = handlers.find((h) => h.type === 'lookup') as MessageHandler<{
    type: 'lookup';
    requestId: string;
    query: { kind: 'identity'; identity: Identity };
  }>;
  const visit = async () => {
    const updates: LookupUpdate[] = [];
    await lookup.handle(
      { type: 'lookup', requestId: 'r1', query: { kind: 'identity', identity: jane } },
      { sender: { kind: 'extension-page', page: '/sidebar.html' }, emit: (m) => updates.push(m as LookupUpdate) },
    );
    // onLinked runs after the registry answers: let it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return updates.at(-1)!;
  };
  return { api, visit, visits, cache };
}

describe('the automatic lookup follows the Search Query Attributes', () => {
  it('with only email configured sends no phone search', async () => {
    const { api, visit } = setup([{ attribute: 'email', label: 'Email' }]);
    const last = await visit();
    expect(last.stores[0]?.status).toBe('linked');
    expect(api.calls).not.toContain('customersByPhone');
    // customers by email, orders by email, account orders: nothing else.
    expect(api.calls.filter((c) => c.startsWith('customers') || c.startsWith('orders')).sort()).toEqual([
      'customersByEmail',
      'ordersByCustomerId',
      'ordersByEmail',
    ]);
  });

  it('with only phone configured sends no email search (customers or orders by email)', async () => {
    const { api, visit } = setup([{ attribute: 'phone', label: 'Phone' }]);
    const last = await visit();
    expect(last.stores[0]?.status).toBe('linked');
    expect(api.calls).toContain('customersByPhone');
    expect(api.calls).not.toContain('customersByEmail');
    // Only the linked customer's own guest orders (by the store's email) are read, once, in round 2.
    expect(api.calls.filter((c) => c === 'ordersByEmail')).toHaveLength(1);
    expect(api.calls.indexOf('ordersByEmail')).toBeGreaterThan(api.calls.indexOf('customersByPhone'));
  });

  it('with both configured searches both', async () => {
    const { api, visit } = setup([
      { attribute: 'email', label: 'Email' },
      { attribute: 'phone', label: 'Phone' },
    ]);
    await visit();
    expect(api.calls).toContain('customersByPhone');
    expect(api.calls).toContain('customersByEmail');
  });
});

describe('Overwrite Existing Values runs on every visit of a linked customer', () => {
  it('calls onLinked when the link is made and again on a revisit served from the cache', async () => {
    const { api, visit, visits } = setup([{ attribute: 'email', label: 'Email' }]);
    await visit();
    expect(visits).toEqual(['1']);
    const requests = api.calls.length;
    await visit();
    expect(api.calls.length).toBe(requests); // the revisit came from the cache…
    expect(visits).toEqual(['1', '1']); // …and still brought Gladly up to date
  });

  it('calls onLinked on a later visit that reads the stored link (no new link made)', async () => {
    const { visit, visits, cache } = setup([{ attribute: 'email', label: 'Email' }]);
    await visit();
    await cache.clear();
    const last = await visit();
    expect(last.stores[0]).toMatchObject({ status: 'linked', autoLinked: false });
    expect(visits).toEqual(['1', '1']);
  });
});
