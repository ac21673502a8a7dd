/**
 * With Gladly's API connected, the customer id in the URL is enough: the background asks the API
 * who the customer is while the page renders, shows that identity (and starts its lookup), and the
 * panel's reading later only confirms it. A late answer never overwrites a newer customer.
 */
import { describe, expect, it } from 'vitest';
import { createTabHandlers } from '../../../lib/background/tab-service';
import type { MessageHandler } from '../../../lib/background/handler';
import type { SidebarHub } from '../../../lib/background/sidebar-hub';
import type { Identity } from '../../../lib/messages/identity';

const fromApi = (id: string): Identity => ({
  gladlyCustomerId: id,
  name: `API ${id}`,
  emails: [{ value: `${id}@example.com`, source: 'api' }],
  phones: [],
});
const fromPanel = (id: string, extra?: string): Identity => ({
  gladlyCustomerId: id,
  name: `Panel ${id}`,
  emails: [
    { value: `${id}@example.com`, source: 'panel' },
    ...(extra ? [{ value: extra, source: 'panel' as const }] : []),
  ],
  phones: [],
});

function setup(options: { api: boolean; apiDelay?: (id: string) => Promise<void> }) {
  const pushes: Array<{ customerId?: string; identity: Identity | null }> = [];
  const prefetched: Identity[] = [];
  const hub = {
    setIdentity: async (_tab: number, value: { customerId?: string; identity: Identity | null }) => {
      pushes.push(value);
    },
  } as unknown as SidebarHub;
  const handlers = createTabHandlers({
    hub,
    selectors: async () => ({}),
    configured: async () => true,
    openOptions: async () => undefined,
    sendToTab: async () => undefined,
    prefetch: (_tab, identity) => prefetched.push(identity),
    identityFromApi: async (id) => {
      await options.apiDelay?.(id);
      return options.api ? fromApi(id) : null;
    },
    confirmIdentity: async (id, identity) => {
      if (!options.api) return identity;
      const api = fromApi(id);
      const extra = identity.emails.filter((e) => !api.emails.some((a) => a.value === e.value));
      return { ...api, emails: [...api.emails, ...extra] };
    },
  });
  const changed = handlers.find((h) => h.type === 'identity/changed') as unknown as MessageHandler<
    { type: 'identity/changed' } & Record<string, unknown>
  >;
  const send = (customerId: string | undefined, identity: Identity | null) =>
    changed.handle(
      { type: 'identity/changed', url: 'https://acme.gladly.com/', ...(customerId ? { customerId } : {}), identity },
      { sender: { kind: 'content-script', tabId: 7, url: 'https://acme.gladly.com/' }, emit: () => undefined },
    );
  return { pushes, prefetched, send };
}

describe('identity from Gladly API first', () => {
  it('shows the API identity as soon as the agent navigates, and starts its lookup', async () => {
    const { pushes, prefetched, send } = setup({ api: true });
    await send('jane', null);
    expect(pushes).toEqual([
      { customerId: 'jane', identity: null },
      { customerId: 'jane', identity: fromApi('jane') },
    ]);
    expect(prefetched).toEqual([fromApi('jane')]);
  });

  it('lets the panel confirm it without showing the bare panel reading in between', async () => {
    const { pushes, send } = setup({ api: true });
    await send('jane', null);
    await send('jane', fromPanel('jane'));
    expect(pushes.slice(2)).toEqual([{ customerId: 'jane', identity: fromApi('jane') }]);
  });

  it('takes what only the panel shows into the identity (a mismatch changes the lookup)', async () => {
    const { pushes, send } = setup({ api: true });
    await send('jane', null);
    await send('jane', fromPanel('jane', 'other@example.com'));
    expect(pushes.at(-1)!.identity!.emails.map((e) => e.value)).toEqual(['jane@example.com', 'other@example.com']);
  });

  it('never shows a late API answer once the agent moved on', async () => {
    let release: () => void = () => undefined;
    const { pushes, send } = setup({
      api: true,
      apiDelay: (id) => (id === 'jane' ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    });
    const slow = send('jane', null);
    await send('sam', null);
    release();
    await slow;
    expect(pushes.map((p) => p.identity?.gladlyCustomerId ?? null)).toEqual([null, null, 'sam']);
    expect(pushes.at(-1)!.customerId).toBe('sam');
  });

  it('without an API connection, navigation shows nobody until the panel is read, as before', async () => {
    const { pushes, prefetched, send } = setup({ api: false });
    await send('jane', null);
    await send('jane', fromPanel('jane'));
    expect(pushes).toEqual([
      { customerId: 'jane', identity: null },
      { customerId: 'jane', identity: fromPanel('jane') },
      { customerId: 'jane', identity: fromPanel('jane') },
    ]);
    expect(prefetched).toEqual([]);
  });
});
