/**
 * A lookup that lost its tracking is shown but not cached: the agent's next visit (or Retry)
 * asks BigCommerce again instead of serving "no tracking" for the cache's lifetime.
 */
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import type { Identity } from '../../../lib/messages/identity';
import type { StoreLookup } from '../../../lib/messages/lookup';
import { FAULTY, connect, faultedRequests, inProcess, loadProduct } from './harness';

const identity: Identity = { gladlyCustomerId: 'DegradedCache01', name: 'Jane Cooper', emails: [], phones: [] };
const SHIPMENTS = '^/v2/orders/\\d+/shipments$';

describe('a lookup missing its tracking', () => {
  it('is not served from cache: the next lookup fetches tracking again', async () => {
    const sandbox = inProcess();
    const product = await loadProduct();
    const links = product.linking.createLinkStore(product.kv.memoryStore());
    await links.link(identity, 'main', String(SEED_IDS.main.customers.jane), 'agent');
    const cache = product.cache.createLookupCache(null);
    const connections = [
      {
        id: 'main',
        name: 'Main',
        autoLink: { email: true, phone: true },
        searchBy: { email: true, phone: true },
        api: connect(product, sandbox, FAULTY, 'main').lookup,
      },
    ];
    const deps = { links, cache, samePhone: product.phone.samePhone, toErrorInfo: product.errors.describeError };
    const lookup = async (): Promise<StoreLookup> => {
      let last: StoreLookup[] = [];
      await product.lookup.runLookup({ kind: 'identity', identity }, connections, deps, (stores) => {
        last = stores;
      });
      return last[0]!;
    };

    sandbox.control.addFault({ store: FAULTY, path: SHIPMENTS, kind: 'status', status: 503 });
    const degraded = await lookup();
    expect(degraded.status).toBe('linked');
    expect(degraded.error?.message).toMatch(/^Tracking could not be loaded/);

    sandbox.control.clearFaults();
    sandbox.control.clearLog();
    const next = await lookup();
    expect(next.error).toBeUndefined();
    expect(next.orders?.some((o) => o.firstTrackingNumber)).toBe(true);
    expect(faultedRequests(sandbox.control.log(), { store: FAULTY, path: SHIPMENTS }).length).toBeGreaterThan(0);

    // A complete result is cached as before: the visit after that sends nothing.
    sandbox.control.clearLog();
    const cached = await lookup();
    expect(cached.orders?.map((o) => o.id)).toEqual(next.orders?.map((o) => o.id));
    expect(sandbox.control.log()).toEqual([]);
  });
});
