import { describe, expect, it } from 'vitest';
import { createSidebarClient } from '../../../lib/sidebar/port';
import { createSidebarStore } from '../../../lib/sidebar/store';
import { fakeConnector } from './fake-port';
import { garyIdentity, janeIdentity, linkedStore, mainConnection } from './fixtures';

function setup() {
  const connector = fakeConnector();
  const client = createSidebarClient(connector.open, { setTimer: (cb) => cb(), reconnectDelays: [0] });
  const store = createSidebarStore(client);
  connector.last.deliver({ type: 'config', connections: [mainConnection] });
  const lookups = () =>
    connector.last.sentOf<{ requestId: string; query: { kind: string; identity?: unknown }; refresh?: boolean }>(
      'lookup',
    );
  return { connector, store, lookups };
}

describe('sidebar store', () => {
  it('looks up the identity Gladly shows', () => {
    const { connector, lookups, store } = setup();
    connector.last.deliver({ type: 'identity', customerId: janeIdentity.gladlyCustomerId, identity: janeIdentity });
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.query).toEqual({ kind: 'identity', identity: janeIdentity });
    expect(store.getState().requestId).toBe(lookups()[0]!.requestId);
  });

  it('drops updates whose requestId is not the current lookup', () => {
    const { connector, lookups, store } = setup();
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    const first = lookups()[0]!.requestId;
    connector.last.deliver({ type: 'identity', identity: garyIdentity });
    const second = lookups()[1]!.requestId;
    expect(second).not.toBe(first);
    // The first customer's late answer must not show under the second.
    store.getState().applyUpdate({ type: 'lookup/update', requestId: first, stores: [linkedStore()], done: true });
    expect(store.getState().stores).toEqual([]);
    connector.last.deliver({ type: 'lookup/update', requestId: first, stores: [linkedStore()], done: true });
    expect(store.getState().stores).toEqual([]);
    const garys = linkedStore({ status: 'guest', customer: null });
    connector.last.deliver({ type: 'lookup/update', requestId: second, stores: [garys], done: true });
    expect(store.getState().stores).toEqual([garys]);
  });

  it('clears the previous customer at once when the identity changes, and on null', () => {
    const { connector, store } = setup();
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    connector.last.deliver({
      type: 'lookup/update',
      requestId: store.getState().requestId,
      stores: [linkedStore()],
      done: true,
    });
    expect(store.getState().stores).toHaveLength(1);
    connector.last.deliver({ type: 'identity', identity: garyIdentity });
    expect(store.getState().stores).toEqual([]);
    expect(store.getState().identity).toEqual(garyIdentity);
    connector.last.deliver({ type: 'identity', identity: null });
    expect(store.getState()).toMatchObject({ identity: null, stores: [], requestId: null });
  });

  it('keeps the screen when the same customer is pushed again (a reconnect)', () => {
    const { connector, store, lookups } = setup();
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    connector.last.deliver({
      type: 'lookup/update',
      requestId: store.getState().requestId,
      stores: [linkedStore()],
      done: true,
    });
    connector.last.drop();
    connector.last.deliver({ type: 'config', connections: [mainConnection] });
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    expect(store.getState().stores).toHaveLength(1);
    // Only the client's re-send of the current lookup: no second lookup for the same person.
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.requestId).toBe(store.getState().requestId);
  });

  it('does not look anything up when no store is configured', () => {
    const connector = fakeConnector();
    const store = createSidebarStore(createSidebarClient(connector.open));
    connector.last.deliver({ type: 'config', connections: [], configured: false });
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    expect(connector.last.sentOf('lookup')).toEqual([]);
    expect(store.getState().config).toEqual({ connections: [], configured: false });
  });

  it('links, then looks the customer up again past the cache', async () => {
    const { connector, store, lookups } = setup();
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    const linking = store.getState().link('main', '11');
    const link = connector.last.sentOf<{ requestId: string }>('link')[0]!;
    expect(link).toMatchObject({ type: 'link', identity: janeIdentity, connectionId: 'main', customerId: '11' });
    expect(store.getState().busy).toEqual({ main: true });
    connector.last.deliver({ type: 'reply', requestId: link.requestId, ok: true, data: null });
    await linking;
    expect(lookups()).toHaveLength(2);
    expect(lookups()[1]).toMatchObject({ query: { kind: 'identity' }, refresh: true });
    expect(store.getState().busy).toEqual({});
  });

  it('shows why an unlink failed, in the store it failed for', async () => {
    const { connector, store } = setup();
    connector.last.deliver({ type: 'identity', identity: janeIdentity });
    const unlinking = store.getState().unlink('main');
    const sent = connector.last.sentOf<{ requestId: string }>('unlink')[0]!;
    expect(sent).toMatchObject({ type: 'unlink', identity: janeIdentity, connectionId: 'main' });
    connector.last.deliver({
      type: 'reply',
      requestId: sent.requestId,
      ok: false,
      error: { kind: 'unknown', message: 'Could not save the change.' },
    });
    await unlinking;
    expect(store.getState().actionErrors).toEqual({ main: 'Could not save the change.' });
  });
});
