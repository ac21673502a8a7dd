import { describe, expect, it } from 'vitest';
import { createLookupCache, FRESH_MS, STALE_MS } from '../../../lib/lookup/cache';
import { memoryStore } from '../../../lib/core/kv-store';
import type { StoreLookup } from '../../../lib/messages/lookup';
import type { Order } from '../../../lib/core/model';

const result = (orderIds: string[]): StoreLookup => ({
  connectionId: 'main',
  storeName: 'Main',
  status: 'linked',
  complete: true,
  orders: orderIds.map((id) => ({ id }) as Order),
});

describe('lookup cache', () => {
  it('is fresh for 60 s, stale until 10 min, then gone', async () => {
    let t = 0;
    const cache = createLookupCache(memoryStore(), () => t);
    await cache.put('main', 'q', result(['100']));
    expect((await cache.get('main', 'q'))?.fresh).toBe(true);
    t = FRESH_MS + 1;
    expect((await cache.get('main', 'q'))?.fresh).toBe(false);
    t = STALE_MS + 1;
    expect(await cache.get('main', 'q')).toBeUndefined();
  });

  it('survives a service-worker restart through session storage', async () => {
    const session = memoryStore();
    await createLookupCache(session, () => 0).put('main', 'q', result(['100']));
    const revived = createLookupCache(session, () => 10);
    expect((await revived.get('main', 'q'))?.value.orders?.[0]?.id).toBe('100');
  });

  it('forgets every entry showing an order after an action on it, and only those', async () => {
    const cache = createLookupCache(null, () => 0);
    await cache.put('main', 'a', result(['100', '101']));
    await cache.put('main', 'b', result(['200']));
    await cache.invalidateOrder('main', '101');
    expect(await cache.get('main', 'a')).toBeUndefined();
    expect(await cache.get('main', 'b')).toBeDefined();
  });
});
