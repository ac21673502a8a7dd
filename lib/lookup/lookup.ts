/**
 * identity → every enabled store in parallel → one combined result, emitted each time a store
 * moves on. This module assembles it: the cache (a revisit renders before any request), the
 * per-store states and the stats the benchmark reads. What happens in one store (matching,
 * auto-linking, the round trips): ./store-lookup.ts.
 */
import type { Identity } from '../messages/identity';
import { queryKey, type LookupQuery, type StoreLookup } from '../messages/lookup';
import type { LookupCache } from './cache';
import { lookupStore, type LookupConnection, type Round, type StoreLookupDeps } from './store-lookup';
import { visitMark } from '../core/visit-marks';

export {
  ORDER_LIMIT,
  completeOlderOrders,
  searchFieldsOf,
  type LookupConnection,
  type SearchFields,
} from './store-lookup';

export interface LookupStats {
  requests: number;
  roundTrips: number;
  ms: number;
  fromCache: boolean;
}

export interface LookupDeps extends StoreLookupDeps {
  cache: LookupCache;
  now?: () => number;
  /** Requests made so far (the client counts them); read before and after a lookup. */
  requestCount?: () => number;
}

export type Emit = (stores: StoreLookup[], done: boolean, stats: LookupStats) => void;

/** Run a lookup over the given stores, emitting the combined state each time a store moves on. */
export async function runLookup(
  query: LookupQuery,
  connections: LookupConnection[],
  deps: LookupDeps,
  emit: Emit,
  options: { refresh?: boolean } = {},
): Promise<void> {
  const now = deps.now ?? Date.now;
  const started = now();
  const startRequests = deps.requestCount?.() ?? 0;
  const key = queryKey(query);
  const targets =
    query.kind === 'manual' && query.connectionId
      ? connections.filter((c) => c.id === query.connectionId)
      : connections;

  const states: StoreLookup[] = targets.map((c) => ({
    connectionId: c.id,
    storeName: c.name,
    status: 'loading',
    complete: false,
  }));
  let maxRounds = 0;
  let fromCache = false;
  const stats = (): LookupStats => ({
    requests: (deps.requestCount?.() ?? 0) - startRequests,
    roundTrips: maxRounds,
    ms: now() - started,
    fromCache,
  });
  const publish = (done: boolean) => {
    visitMark('visit:published');
    emit(
      states.map((s) => ({ ...s })),
      done,
      stats(),
    );
  };

  // A revisit renders from cache before any request.
  const cached = await Promise.all(targets.map((c) => (options.refresh ? undefined : deps.cache.get(c.id, key))));
  const toFetch: number[] = [];
  cached.forEach((hit, i) => {
    if (hit) {
      states[i] = { ...hit.value, stale: !hit.fresh };
      fromCache = true;
    }
    if (!hit || !hit.fresh) toFetch.push(i);
  });
  if (options.refresh) await Promise.all(targets.map((c) => deps.cache.invalidate(c.id, key)));
  if (toFetch.length === 0) return publish(true);

  let remaining = toFetch.length;
  const lookups = Promise.all(
    toFetch.map(async (i) => {
      const connection = targets[i]!;
      const hadCached = cached[i] !== undefined;
      let rounds = 0;
      // A round trip counts when it sends at least one request.
      const round: Round = (requests, work) => {
        if (requests > 0) {
          rounds += 1;
          maxRounds = Math.max(maxRounds, rounds);
        }
        return work();
      };
      let keep: StoreLookup | null = null;
      try {
        const result = await lookupStore(query, connection, deps, round, (partial) => {
          // Keep showing a cached result until fresh data is complete enough to replace it.
          if (!hadCached || partial.status !== 'loading') states[i] = partial;
          publish(false);
        });
        const final = { ...result, fetchedAt: now(), stale: false, complete: true };
        states[i] = final;
        // A degraded result (tracking missing) is shown but not kept: the next visit asks again.
        if (final.status !== 'error' && !final.error) keep = final;
      } catch (error) {
        const info = deps.toErrorInfo(error);
        // A cached result stays visible (marked stale) when a refresh fails.
        states[i] = hadCached
          ? { ...states[i]!, stale: true, error: info }
          : { connectionId: connection.id, storeName: connection.name, status: 'error', error: info, complete: true };
      }
      // Shown before it is cached (the write is not the agent's wait); the last store to finish
      // goes out with `done`, one message and one render instead of two.
      remaining -= 1;
      publish(remaining === 0);
      // A failed cache write only means the next visit asks BigCommerce again.
      if (keep) await deps.cache.put(connection.id, key, keep).catch(() => undefined);
    }),
  );
  // The stores' first requests have left (synchronously, above): what is loading (or cached)
  // reaches the sidebar after them, so the 1-3 ms this publish costs do not delay a request.
  publish(false);
  await lookups;
}

export type { Identity };
