/**
 * Lookup results per (store, query): fresh for 60 s, then served stale while a refresh runs,
 * up to 10 minutes. Kept in memory and mirrored to storage.session so a service-worker
 * restart keeps it (session storage is cleared when the browser closes: no customer data at rest).
 */
import type { StoreLookup } from '../messages/lookup';
import type { KeyValueStore } from '../core/kv-store';

export const FRESH_MS = 60_000;
export const STALE_MS = 10 * 60_000;
const STORAGE_KEY = 'lookupCache';
const MAX_ENTRIES = 200;

interface Entry {
  value: StoreLookup;
  storedAt: number;
}

export type CacheHit = { value: StoreLookup; fresh: boolean };

export interface LookupCache {
  get(connectionId: string, queryKey: string): Promise<CacheHit | undefined>;
  put(connectionId: string, queryKey: string, value: StoreLookup): Promise<void>;
  /** Forget every entry that shows this order (after an action on it). */
  invalidateOrder(connectionId: string, orderId: string): Promise<void>;
  /** Forget one query's entry (a manual refresh). */
  invalidate(connectionId: string, queryKey: string): Promise<void>;
  clear(): Promise<void>;
}

export function createLookupCache(session: KeyValueStore | null, now: () => number = Date.now): LookupCache {
  let entries: Map<string, Entry> | null = null;
  const keyOf = (connectionId: string, queryKey: string) => `${connectionId}\u0000${queryKey}`;

  async function load(): Promise<Map<string, Entry>> {
    if (entries) return entries;
    const saved = session ? await session.get<Record<string, Entry>>(STORAGE_KEY).catch(() => undefined) : undefined;
    entries = new Map(Object.entries(saved ?? {}));
    return entries;
  }

  async function persist(): Promise<void> {
    if (!session || !entries) return;
    // Oldest first out when the cache grows past its bound.
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    await session.set(STORAGE_KEY, Object.fromEntries(entries)).catch(() => undefined);
  }

  return {
    async get(connectionId, queryKey) {
      const map = await load();
      const entry = map.get(keyOf(connectionId, queryKey));
      if (!entry) return undefined;
      const age = now() - entry.storedAt;
      if (age > STALE_MS) {
        map.delete(keyOf(connectionId, queryKey));
        return undefined;
      }
      return { value: entry.value, fresh: age <= FRESH_MS };
    },
    async put(connectionId, queryKey, value) {
      const map = await load();
      const key = keyOf(connectionId, queryKey);
      map.delete(key);
      map.set(key, { value, storedAt: now() });
      await persist();
    },
    async invalidateOrder(connectionId, orderId) {
      const map = await load();
      for (const [key, entry] of map) {
        if (entry.value.connectionId !== connectionId) continue;
        if (entry.value.orders?.some((o) => o.id === orderId)) map.delete(key);
      }
      await persist();
    },
    async invalidate(connectionId, queryKey) {
      const map = await load();
      map.delete(keyOf(connectionId, queryKey));
      await persist();
    },
    async clear() {
      entries = new Map();
      await persist();
    },
  };
}
