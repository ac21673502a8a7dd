/**
 * The sidebar's state (Zustand, vanilla): the store connections, who the agent is looking at,
 * the one lookup on screen, and the actions the screens call. Only the newest lookup's updates
 * are applied; a new customer clears the old one's data before anything else happens.
 */
import { i18n } from '#i18n';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ErrorInfo } from '../messages/common';
import type { Identity } from '../messages/identity';
import type { LookupQuery, LookupUpdate, StoreLookup } from '../messages/lookup';
import type { Outgoing } from '../messages/protocol';
import type { ConfigPush, IdentityPush, SidebarConnection } from '../messages/sidebar';
import { queryKey } from '../messages/keys';
import { RequestError, type ConnectionState, type LookupSubscription, type SidebarClient } from './port';
import { shareUnchanged } from './share-unchanged';

export type ManualQuery = Extract<LookupQuery, { kind: 'manual' }>;

export interface SidebarConfig {
  connections: SidebarConnection[];
  configured: boolean;
}

export interface SidebarState {
  connection: ConnectionState;
  /** null until the background's first config push. */
  config: SidebarConfig | null;
  /** False until the background said who is on screen (or that nobody is). */
  identityReceived: boolean;
  identity: Identity | null;
  gladlyCustomerId: string | undefined;
  query: LookupQuery | null;
  requestId: string | null;
  stores: StoreLookup[];
  done: boolean;
  /** The agent pressed Refresh/Retry: keep showing the data while it reloads. */
  refreshing: boolean;
  lookupError: ErrorInfo | null;
  /** Link / unlink in flight, per store connection id. */
  busy: Record<string, boolean>;
  /** A link / unlink that failed, per store connection id. */
  actionErrors: Record<string, string>;

  applyConfig(push: ConfigPush): void;
  applyIdentity(push: IdentityPush): void;
  applyUpdate(update: LookupUpdate): void;
  search(query: ManualQuery): void;
  /** Back from a manual search to the customer Gladly shows. */
  showIdentity(): void;
  refresh(): void;
  link(connectionId: string, customerId: string): Promise<void>;
  unlink(connectionId: string): Promise<void>;
  openOptions(): void;
}

export type SidebarStore = StoreApi<SidebarState>;

/** Does this identity give a lookup anything to search with? */
export const hasContact = (identity: Identity | null): boolean =>
  !!identity && (identity.emails.length > 0 || identity.phones.length > 0);

/** Worth a lookup: something to search with, or a Gladly id a link may be stored under. */
export const lookupable = (identity: Identity | null): boolean => hasContact(identity) || !!identity?.gladlyCustomerId;

const sameCustomer = (a: SidebarState, push: IdentityPush): boolean => {
  if (!a.identity || !push.identity) return false;
  const before = a.identity.gladlyCustomerId ?? a.gladlyCustomerId;
  const after = push.identity.gladlyCustomerId ?? push.customerId;
  if (before && after) return before === after;
  return (
    queryKey({ kind: 'identity', identity: a.identity }) === queryKey({ kind: 'identity', identity: push.identity })
  );
};

/** The connection list with the defaults a missing field would have (the push is only loosely checked). */
function sanitize(connections: SidebarConnection[]): SidebarConnection[] {
  return connections
    .filter((c) => typeof c.id === 'string' && c.id !== '')
    .map((c) => ({
      ...c,
      name: typeof c.name === 'string' && c.name ? c.name : c.id,
      searchQueryAttributes: Array.isArray(c.searchQueryAttributes) ? c.searchQueryAttributes : [],
      searchResultsAttributes: Array.isArray(c.searchResultsAttributes) ? c.searchResultsAttributes : [],
    }));
}

export function createSidebarStore(client: SidebarClient): SidebarStore {
  let subscription: LookupSubscription | null = null;

  const store = createStore<SidebarState>()((set, get) => {
    const cleared = {
      query: null,
      requestId: null,
      stores: [],
      done: false,
      refreshing: false,
      lookupError: null,
      busy: {},
      actionErrors: {},
    } satisfies Partial<SidebarState>;

    function start(query: LookupQuery, options: { refresh?: boolean; keep?: boolean } = {}): void {
      subscription?.cancel();
      subscription = null;
      const config = get().config;
      if (config && !config.configured) {
        set({ ...cleared, query });
        return;
      }
      const keep = options.keep === true && get().stores.length > 0;
      let requestId = '';
      subscription = client.lookup(
        query,
        { refresh: options.refresh },
        {
          onUpdate: (update) => get().applyUpdate(update),
          onError: (info) => {
            if (get().requestId === requestId) set({ lookupError: info, done: true, refreshing: false });
          },
        },
      );
      requestId = subscription.requestId;
      set({
        ...cleared,
        query,
        requestId: subscription.requestId,
        stores: keep ? get().stores : [],
        refreshing: keep,
      });
    }

    function identityQuery(): void {
      const { identity } = get();
      if (identity && lookupable(identity)) start({ kind: 'identity', identity });
      else {
        subscription?.cancel();
        subscription = null;
        set({ ...cleared });
      }
    }

    async function change(connectionId: string, message: Outgoing<'link'> | Outgoing<'unlink'>): Promise<void> {
      set((s) => ({ busy: { ...s.busy, [connectionId]: true }, actionErrors: omit(s.actionErrors, connectionId) }));
      try {
        await client.request(message);
        // The identity lookup now reflects the new link (skip the cache that predates it).
        const { identity } = get();
        if (identity) start({ kind: 'identity', identity }, { refresh: true });
      } catch (error) {
        const text = error instanceof RequestError ? error.info.message : i18n.t('sidebarErrors.tryAgain');
        set((s) => ({ actionErrors: { ...s.actionErrors, [connectionId]: text } }));
      } finally {
        set((s) => ({ busy: omit(s.busy, connectionId) }));
      }
    }

    return {
      connection: 'connected',
      config: null,
      identityReceived: false,
      identity: null,
      gladlyCustomerId: undefined,
      ...cleared,

      applyConfig(push) {
        const before = get().config;
        const connections = sanitize(push.connections);
        const configured = push.configured ?? connections.length > 0;
        set({ config: { connections, configured } });
        const { query } = get();
        if (!configured) {
          subscription?.cancel();
          subscription = null;
          set({ ...cleared, query });
          return;
        }
        if (!before) {
          // A lookup started before the config came is already under way.
          if (!query) identityQuery();
          return;
        }
        const ids = (list: SidebarConnection[]) => list.map((c) => c.id).join('\n');
        if (before.configured && ids(before.connections) === ids(connections)) return;
        if (query) start(query);
        else identityQuery();
      },

      applyIdentity(push) {
        const state = get();
        if (state.identityReceived && sameCustomer(state, push)) {
          // Same person (e.g. after a reconnect, or Gladly's API added an email): keep the screen.
          const before = state.identity ? queryKey({ kind: 'identity', identity: state.identity }) : '';
          const after = push.identity ? queryKey({ kind: 'identity', identity: push.identity }) : '';
          set({ identity: push.identity, gladlyCustomerId: push.customerId });
          if (before !== after && state.query?.kind === 'identity' && push.identity && lookupable(push.identity)) {
            start({ kind: 'identity', identity: push.identity }, { keep: true });
          }
          return;
        }
        // Another customer: the previous one's data goes before anything else.
        subscription?.cancel();
        subscription = null;
        set({ ...cleared, identityReceived: true, identity: push.identity, gladlyCustomerId: push.customerId });
        identityQuery();
      },

      applyUpdate(update) {
        const state = get();
        if (update.requestId !== state.requestId) return; // an older lookup's late answer
        let stores = update.stores;
        if (state.refreshing) {
          // While refreshing, a store still loading keeps what it showed.
          const previous = new Map(state.stores.map((s) => [s.connectionId, s]));
          stores = stores.map((s) => (s.status === 'loading' ? (previous.get(s.connectionId) ?? s) : s));
        }
        // What did not change stays the object on screen: memoised rows skip it (./share-unchanged.ts).
        stores = shareUnchanged(state.stores, stores);
        set({ stores, done: update.done, refreshing: state.refreshing && !update.done });
      },

      search(query) {
        start(query);
      },

      showIdentity() {
        identityQuery();
      },

      refresh() {
        const { query } = get();
        if (query) start(query, { refresh: true, keep: true });
        else identityQuery();
      },

      link(connectionId, customerId) {
        const { identity } = get();
        if (!identity) return Promise.resolve();
        return change(connectionId, { type: 'link', identity, connectionId, customerId });
      },

      unlink(connectionId) {
        const { identity } = get();
        if (!identity) return Promise.resolve();
        return change(connectionId, { type: 'unlink', identity, connectionId });
      },

      openOptions() {
        client.request({ type: 'open-options' }).catch(() => undefined);
      },
    };
  });

  client.onPush((push) => {
    if (push.type === 'config') store.getState().applyConfig(push);
    else store.getState().applyIdentity(push);
  });
  client.onConnectionChange((connection) => store.setState({ connection }));
  return store;
}

function omit<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _removed, ...rest } = record;
  return rest;
}
