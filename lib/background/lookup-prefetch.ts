/**
 * Lookups started ahead of the sidebar: the content script reports a new customer's panel the
 * moment it first sees it, before the panel is trusted (settled). Reads are idempotent, so the
 * lookup starts at once; nothing of it reaches the sidebar unless the sidebar later asks for
 * exactly the same query (the trusted identity), which then takes over the lookup in flight
 * instead of starting again. A prefetch that is replaced or never asked for is dropped, and its
 * writes (an auto-link, forgetting a deleted customer, caching the result) are never made: they
 * are held back until the sidebar adopts the lookup, and then go where the adopter's writes go
 * (at once, or held further while the panel is only previewed: ./write-gate.ts).
 */
import type { Emit } from '../lookup/lookup';
import { queryKey, type LookupQuery } from '../messages/lookup';
import { writeNow, type WriteSink } from './write-gate';

type Update = Parameters<Emit>;

/** Runs the lookup, its writes (links, the cached result) through `sink`, emitting each state. */
export type RunLookup = (
  query: LookupQuery,
  sink: WriteSink,
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
  /** Hands over the tab's prefetch if it is for exactly this query (once); its held writes go to `sink`. */
  adopt(tabId: number, query: LookupQuery, sink?: WriteSink): AdoptedLookup | undefined;
  forget(tabId: number): void;
}

export interface LookupPrefetchDeps {
  run: RunLookup;
  now?: () => number;
  /** A prefetch older than this is not adopted (the cache covers later visits). */
  maxAgeMs?: number;
}

interface Entry {
  key: string;
  startedAt: number;
  /** Where writes go once adopted; undefined: not adopted yet. */
  sink: WriteSink | undefined;
  last: Update | undefined;
  listeners: Set<Emit>;
  /** Writes held back until adoption. */
  held: (() => Promise<unknown>)[];
  finished: Promise<void>;
}

export function createLookupPrefetch(deps: LookupPrefetchDeps): LookupPrefetch {
  const now = deps.now ?? Date.now;
  const maxAgeMs = deps.maxAgeMs ?? 30_000;
  const entries = new Map<number, Entry>();
  /** The last query started per tab, adopted or not: the same one again is not started twice. */
  const recent = new Map<number, { key: string; at: number }>();

  /** Writes wait for adoption (and are dropped without it), then go where the adopter's go. */
  function heldSink(entry: Entry): WriteSink {
    return async (write) => {
      if (entry.sink) await entry.sink(write);
      else entry.held.push(write);
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
        sink: undefined,
        last: undefined,
        listeners: new Set(),
        held: [],
        finished: Promise.resolve(),
      };
      entry.finished = deps.run(query, heldSink(entry), (...update) => {
        entry.last = update;
        for (const listener of entry.listeners) listener(...update);
      });
      // Nobody may be listening: a failure surfaces only to an adopter.
      entry.finished.catch(() => undefined);
      entries.set(tabId, entry);
    },
    adopt(tabId, query, sink = writeNow) {
      const entry = entries.get(tabId);
      entries.delete(tabId);
      if (!entry || entry.key !== queryKey(query) || now() - entry.startedAt >= maxAgeMs) return undefined;
      entry.sink = sink;
      for (const write of entry.held.splice(0)) void sink(write).catch(() => undefined);
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
