/**
 * Holds back the writes of lookups made for a panel that is shown but not yet trusted: the link
 * store's changes and the result's place in the cache (it records the link decision).
 *
 * The content script previews a freshly rendered panel about 50 ms after it appears (so its
 * profile and orders are on screen one round trip later) and trusts it only once it stayed
 * unchanged for the settle window. Reads are idempotent, writes are not: an auto-link, forgetting a
 * deleted customer's link and overwriting Gladly's values wait until the panel is trusted with the
 * same query, and are dropped if it is trusted with another (a panel that rendered in stages may
 * show more contact data a moment later, and the full identity might not auto-link at all). When
 * the agent moves on first, the latest preview stands: its writes go out.
 */
import type { LookupCache } from '../lookup/cache';
import type { LinkStore } from '../lookup/linking';

/** Where a lookup's writes go: out at once, or held until the identity it ran for is trusted. */
export type WriteSink = (write: () => Promise<unknown>) => Promise<void>;

/** Writes go out at once; a failure is the write's own business (callers catch what they need). */
export const writeNow: WriteSink = async (write) => {
  await write();
};

export interface WriteGate {
  /** The tab shows an identity not yet trusted: lookups started from now on hold their writes. */
  hold(tabId: number): void;
  /**
   * The tab's identity is trusted (its query key): held writes of that key go out, the rest never.
   * Or the agent moved on before it was (null): nothing contradicts the last preview, so the writes
   * of the tab's latest lookup go out (shown, and kept in the cache for a revisit), older ones never.
   */
  settle(tabId: number, key: string | null): void;
  /** Where the writes of a lookup of `key` starting now in the tab go. */
  sinkFor(tabId: number | undefined, key: string): WriteSink;
  forget(tabId: number): void;
}

interface Ticket {
  key: string;
  state: 'held' | 'released' | 'dropped';
  held: (() => Promise<unknown>)[];
  /** Released: the held writes have been started (later ones start after them, in order). */
  started: Promise<void>;
}

export function createWriteGate(): WriteGate {
  const holding = new Set<number>();
  const tickets = new Map<number, Ticket[]>();

  return {
    hold(tabId) {
      holding.add(tabId);
    },
    settle(tabId, trusted) {
      holding.delete(tabId);
      const list = tickets.get(tabId) ?? [];
      const key = trusted ?? list.at(-1)?.key;
      for (const ticket of list) {
        if (ticket.key === key) {
          ticket.state = 'released';
          // After the message that settled them has done its part (e.g. cleared the sidebar for
          // the next customer): saving links and the cache is never on the agent's path.
          const writes = ticket.held.splice(0);
          ticket.started = new Promise((started) =>
            setTimeout(() => {
              for (const write of writes) void write().catch(() => undefined);
              started();
            }, 0),
          );
        } else {
          ticket.state = 'dropped';
          ticket.held.length = 0;
        }
      }
      tickets.delete(tabId);
    },
    sinkFor(tabId, key) {
      if (tabId === undefined || !holding.has(tabId)) return writeNow;
      const ticket: Ticket = { key, state: 'held', held: [], started: Promise.resolve() };
      tickets.set(tabId, [...(tickets.get(tabId) ?? []), ticket]);
      return async (write) => {
        if (ticket.state === 'held') ticket.held.push(write);
        else if (ticket.state === 'released') {
          await ticket.started;
          await write();
        }
      };
    },
    forget(tabId) {
      holding.delete(tabId);
      tickets.delete(tabId);
    },
  };
}

/** The link store with its reads as they are and its writes sent through `sink`. */
export function linksThrough(links: LinkStore, sink: WriteSink): LinkStore {
  if (sink === writeNow) return links;
  return {
    get: (identity, connectionId) => links.get(identity, connectionId),
    // Present only where the store has them (the worker's memory, the team service's one query).
    peek: links.peek?.bind(links),
    read: links.read?.bind(links),
    wasUnlinked: (identity, connectionId, customerId) => links.wasUnlinked(identity, connectionId, customerId),
    unlinkedIds: (identity, connectionId) => links.unlinkedIds(identity, connectionId),
    link: async (identity, connectionId, customerId, by) => {
      await sink(() => links.link(identity, connectionId, customerId, by));
    },
    unlink: async (identity, connectionId) => {
      await sink(() => links.unlink(identity, connectionId));
      return undefined;
    },
  };
}

/** The lookup cache with its reads as they are and the results it keeps sent through `sink`. */
export function cacheThrough(cache: LookupCache, sink: WriteSink): LookupCache {
  if (sink === writeNow) return cache;
  return {
    ...cache,
    put: (connectionId, key, value) => sink(() => cache.put(connectionId, key, value)),
  };
}
