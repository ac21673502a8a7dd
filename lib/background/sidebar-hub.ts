/**
 * The sidebars' side of the background: one port per sidebar iframe, grouped by the Gladly tab
 * that frames it. Each tab's current customer (from its content script) is pushed to that tab's
 * sidebars, and survives a service-worker restart through session storage.
 */
import type { Identity } from '../messages/identity';
import type { IdentityPush } from '../messages/sidebar';
import type { KeyValueStore } from '../core/kv-store';

export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

interface TabIdentity {
  customerId?: string;
  identity: Identity | null;
}

const SESSION_KEY = 'tabIdentities';

export interface SidebarHub {
  /** A sidebar in `tabId` connected; returns the identity to show first. */
  attach(tabId: number, port: PortLike): Promise<IdentityPush>;
  /** The content script in `tabId` reports who the agent is looking at. */
  setIdentity(tabId: number, value: TabIdentity): Promise<void>;
  identityOf(tabId: number): Promise<TabIdentity | undefined>;
  /** Send to every connected sidebar (e.g. new settings). */
  broadcast(message: unknown): void;
  forgetTab(tabId: number): Promise<void>;
}

export function createSidebarHub(session: KeyValueStore | null): SidebarHub {
  const ports = new Map<number, Set<PortLike>>();
  let identities: Map<number, TabIdentity> | null = null;

  async function load(): Promise<Map<number, TabIdentity>> {
    if (identities) return identities;
    const saved = session
      ? await session.get<Record<string, TabIdentity>>(SESSION_KEY).catch(() => undefined)
      : undefined;
    identities = new Map(Object.entries(saved ?? {}).map(([tab, value]) => [Number(tab), value]));
    return identities;
  }
  async function persist(): Promise<void> {
    if (session && identities) await session.set(SESSION_KEY, Object.fromEntries(identities)).catch(() => undefined);
  }
  const push = (tabId: number, value: TabIdentity): IdentityPush => ({
    type: 'identity',
    customerId: value.customerId,
    identity: value.identity,
  });
  const send = (port: PortLike, message: unknown) => {
    try {
      port.postMessage(message);
    } catch {
      // The port closed between the check and the send: its onDisconnect cleans up.
    }
  };

  return {
    async attach(tabId, port) {
      const set = ports.get(tabId) ?? new Set();
      set.add(port);
      ports.set(tabId, set);
      port.onDisconnect.addListener(() => {
        set.delete(port);
        if (set.size === 0) ports.delete(tabId);
      });
      const current = (await load()).get(tabId) ?? { identity: null };
      return push(tabId, current);
    },
    async setIdentity(tabId, value) {
      (await load()).set(tabId, value);
      for (const port of ports.get(tabId) ?? []) send(port, push(tabId, value));
      await persist();
    },
    async identityOf(tabId) {
      return (await load()).get(tabId);
    },
    broadcast(message) {
      for (const set of ports.values()) for (const port of set) send(port, message);
    },
    async forgetTab(tabId) {
      (await load()).delete(tabId);
      await persist();
    },
  };
}
