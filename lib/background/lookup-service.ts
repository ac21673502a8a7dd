/**
 * The sidebar's lookup messages: `lookup` streams `lookup/update`s as each store answers,
 * `link` and `unlink` change which BigCommerce customer a Gladly customer is linked to.
 */
import { i18n } from '../core/i18n';
import type { z } from 'zod';
import { runLookup, searchFieldsOf, type Emit, type LookupConnection, type LookupDeps } from '../lookup/lookup';
import { queryKey } from '../messages/lookup';
import type { LinkStore } from '../lookup/linking';
import type { LookupCache } from '../lookup/cache';
import type { Customer } from '../core/model';
import type { StoreApi } from '../core/store-ports';
import type { Connection } from '../settings/schema';
import type { Identity } from '../messages/identity';
import { LinkRequestSchema, LookupRequestSchema, UnlinkRequestSchema, type LookupUpdate } from '../messages/lookup';
import type { ErrorInfo } from '../messages/common';
import type { MessageHandler } from './handler';
import type { ConnectionRegistry } from './connections';
import type { LookupPrefetch, RunLookup } from './lookup-prefetch';
import { cacheThrough, linksThrough, writeNow, type WriteGate } from './write-gate';

export interface LookupServiceDeps {
  registry: ConnectionRegistry;
  links: LinkStore;
  cache: LookupCache;
  samePhone: LookupDeps['samePhone'];
  toErrorInfo(error: unknown): ErrorInfo;
  /**
   * Called on every visit of a linked customer (once its store's result is complete and fresh)
   * and when an agent links one: e.g. overwrite Gladly's values with the store's.
   */
  onLinked?(identity: Identity, connection: Connection, customer: Customer): Promise<unknown>;
  now?: () => number;
  /** Lookups started from a panel before it was trusted: taken over when the sidebar asks for the same query. */
  prefetch?: LookupPrefetch;
  /** Holds the writes of a lookup for a panel that is only previewed until the panel is trusted. */
  writeGate?: WriteGate;
}

type LookupRequest = z.infer<typeof LookupRequestSchema>;
type LinkRequest = z.infer<typeof LinkRequestSchema>;
type UnlinkRequest = z.infer<typeof UnlinkRequestSchema>;

/** Every enabled store, each with its client — or one that fails with the reason it can't be built. */
async function lookupConnections(registry: ConnectionRegistry): Promise<LookupConnection[]> {
  const enabled = await registry.enabled();
  return Promise.all(
    enabled.map(async (connection) => {
      let api: StoreApi;
      try {
        api = (await registry.apis(connection.id)).apis.lookup;
      } catch (error) {
        api = failingApi(error);
      }
      return {
        id: connection.id,
        name: connection.name,
        autoLink: connection.autoLink,
        searchBy: searchFieldsOf(connection.searchQueryAttributes),
        api,
      };
    }),
  );
}

/** A lookup over every enabled store, its writes through the given sink (held back while not trusted). */
export function createLookupRunner(deps: LookupServiceDeps): RunLookup {
  return async (query, sink, emit, options: { refresh?: boolean } = {}) => {
    const connections = await lookupConnections(deps.registry);
    await runLookup(
      query,
      connections,
      {
        links: linksThrough(deps.links, sink),
        cache: cacheThrough(deps.cache, sink),
        samePhone: deps.samePhone,
        toErrorInfo: deps.toErrorInfo,
        now: deps.now,
        requestCount: () => deps.registry.requestCount(),
      },
      emit,
      options,
    );
  };
}

export function createLookupHandlers(deps: LookupServiceDeps): MessageHandler[] {
  const run = createLookupRunner(deps);

  const lookup: MessageHandler<LookupRequest> = {
    type: 'lookup',
    schema: LookupRequestSchema,
    from: ['extension-page'],
    pages: ['/sidebar.html'],
    async handle(request, { emit, sender }) {
      const tabId = sender.kind === 'extension-page' ? sender.tabId : undefined;
      // An agent's own search writes nothing; a panel's lookup holds its writes while the panel is only previewed.
      const sink =
        request.query.kind === 'identity' && deps.writeGate
          ? deps.writeGate.sinkFor(tabId, queryKey(request.query))
          : writeNow;
      // Once per store and visit: the first complete, fresh result of a linked customer (from the
      // cache or the store) — not only when the link is made.
      const visited = new Set<string>();
      const onUpdate = (...[stores, done, stats]: Parameters<Emit>) => {
        const update: LookupUpdate = { type: 'lookup/update', requestId: request.requestId, stores, done, stats };
        emit(update);
        if (!deps.onLinked || request.query.kind !== 'identity') return;
        for (const store of stores) {
          if (store.status !== 'linked' || !store.customer || !store.complete || store.stale) continue;
          if (visited.has(store.connectionId)) continue;
          visited.add(store.connectionId);
          const identity = request.query.identity;
          const customer = store.customer;
          // Never the agent's wait, and a failure only means trying again on the next visit.
          void sink(() =>
            deps.registry
              .apis(store.connectionId)
              .then(({ connection }) => deps.onLinked?.(identity, connection, customer)),
          ).catch(() => undefined);
        }
      };
      // The panel's lookup may already be under way (started before the panel was trusted).
      const adopted =
        tabId !== undefined && !request.refresh && request.query.kind === 'identity'
          ? deps.prefetch?.adopt(tabId, request.query, sink)
          : undefined;
      if (adopted) await adopted.follow(onUpdate);
      else await run(request.query, sink, onUpdate, { refresh: request.refresh });
      return null;
    },
  };

  const link: MessageHandler<LinkRequest> = {
    type: 'link',
    schema: LinkRequestSchema,
    from: ['extension-page'],
    pages: ['/sidebar.html'],
    async handle(request) {
      const { connection, apis } = await deps.registry.apis(request.connectionId);
      // Link only to a customer that exists in that store.
      const customer = await apis.lookup.customerById(request.customerId);
      if (!customer) throw Object.assign(new Error(i18n.t('sidebarErrors.customerGone')), { kind: 'not-found' });
      await deps.links.link(request.identity, connection.id, customer.id, 'agent');
      await deps.cache.invalidate(connection.id, queryKey({ kind: 'identity', identity: request.identity }));
      await deps.onLinked?.(request.identity, connection, customer).catch(() => undefined);
      return { customerId: customer.id };
    },
  };

  const unlink: MessageHandler<UnlinkRequest> = {
    type: 'unlink',
    schema: UnlinkRequestSchema,
    from: ['extension-page'],
    pages: ['/sidebar.html'],
    async handle(request) {
      const customerId = await deps.links.unlink(request.identity, request.connectionId);
      await deps.cache.invalidate(request.connectionId, queryKey({ kind: 'identity', identity: request.identity }));
      return { customerId: customerId ?? null };
    },
  };

  return [lookup, link, unlink] as MessageHandler[];
}

/** A store whose client could not be built: every call fails with the reason, shown for that store only. */
function failingApi(error: unknown): StoreApi {
  const fail = () => Promise.reject(error);
  return {
    customersByEmail: fail,
    customersByPhone: fail,
    customerById: fail,
    ordersByEmail: fail,
    ordersByCustomerId: fail,
    orderById: fail,
    shipments: fail,
    productImages: fail,
    customerGroupName: fail,
  };
}
