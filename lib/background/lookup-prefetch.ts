/**
 * Lookups started ahead of the sidebar: the content script reports a new customer's panel the
 * moment it first sees it, before the panel is trusted (settled). Reads are idempotent, so the
 * lookup starts at once; nothing of it reaches the sidebar unless the sidebar later asks for
 * exactly the same query (the trusted identity), which then takes over the lookup in flight
 * instead of starting again. A prefetch that is replaced or never asked for is dropped, and its
 * link writes (an auto-link, forgetting a deleted customer) are never made: they are held back
 * until the sidebar adopts the lookup.
 */
import type { Emit } from '../lookup/lookup';
import type { LinkStore } from '../lookup/linking';
import { queryKey, type LookupQuery } from '../messages/lookup';

type Update = Parameters<Emit>;

/** Runs the lookup with the given link store, emitting each state. */
export type RunLookup = (
  query: LookupQuery,
  links: LinkStore,
  emit: Emit,
  options?: { refresh?: boolean },
) => Promise<void>;

export interface AdoptedLookup {
  /** Replays the latest state, then forwards each later one; settles when the lookup does. */
  follow(emit: Emit): Promise<void>;
}

export interface LookupPrefetch {
  /** Starts looking up `query` for the tab, replacing (and dropping) the tab's earlier prefetch. */
  start(tabId: number, query: LookupQuery): void;
  /** Hands over the tab's prefetch if it is for exactly this query (once); its held writes go out. */
  adopt(tabId: number, query: LookupQuery): AdoptedLookup | undefined;
  forget(tabId: number): void;
}

export interface LookupPrefetchDeps {
  links: LinkStore;
  run: RunLookup;
  now?: () => number;
  /** A prefetch older than this is not adopted (the cache covers later visits). */
  maxAgeMs?: number;
}

interface Entry {
  key: string;
  startedAt: number;
  adopted: boolean;
  last: Update | undefined;
  listeners: Set<Emit>;
  /** Link writes held back until adoption. */
  held: (() => Promise<unknown>)[];
  finished: Promise<void>;
}

export function createLookupPrefetch(deps: LookupPrefetchDeps): LookupPrefetch {
  const now = deps.now ?? Date.now;
  const maxAgeMs = deps.maxAgeMs ?? 30_000;
  const entries = new Map<number, Entry>();
  /** The last query started per tab, adopted or not: the same one again is not started twice. */
  const recent = new Map<number, { key: string; at: number }>();

  /** The real store for reads; writes wait for adoption (and are dropped without it). */
  function heldLinks(entry: Entry): LinkStore {
    const hold = (write: () => Promise<unknown>) => {
      if (entry.adopted) return write();
      entry.held.push(write);
      return Promise.resolve();
    };
    return {
      get: (identity, connectionId) => deps.links.get(identity, connectionId),
      wasUnlinked: (identity, connectionId, customerId) => deps.links.wasUnlinked(identity, connectionId, customerId),
      unlinkedIds: (identity, connectionId) => deps.links.unlinkedIds(identity, connectionId),
      link: async (identity, connectionId, customerId, by) => {
        await hold(() => deps.links.link(identity, connectionId, customerId, by));
      },
      unlink: async (identity, connectionId) => {
        await hold(() => deps.links.unlink(identity, connectionId));
        return undefined;
      },
    };
  }

  return {
    start(tabId, query) {
      const key = queryKey(query);
      const last = recent.get(tabId);
      if (last && last.key === key && now() - last.at < maxAgeMs) return;
      recent.set(tabId, { key, at: now() });
      const entry: Entry = {
        key,
        startedAt: now(),
        adopted: false,
        last: undefined,
        listeners: new Set(),
        held: [],
        finished: Promise.resolve(),
      };
      entry.finished = deps.run(query, heldLinks(entry), (...update) => {
        entry.last = update;
        for (const listener of entry.listeners) listener(...update);
      });
      // Nobody may be listening: a failure surfaces only to an adopter.
      entry.finished.catch(() => undefined);
      entries.set(tabId, entry);
    },
    adopt(tabId, query) {
      const entry = entries.get(tabId);
      entries.delete(tabId);
      if (!entry || entry.key !== queryKey(query) || now() - entry.startedAt >= maxAgeMs) return undefined;
      entry.adopted = true;
      for (const write of entry.held.splice(0)) void write().catch(() => undefined);
      return {
        follow(emit) {
          if (entry.last) emit(...entry.last);
          if (!entry.last?.[1]) entry.listeners.add(emit);
          return entry.finished;
        },
      };
    },
    forget(tabId) {
      entries.delete(tabId);
      recent.delete(tabId);
    },
  };
}
