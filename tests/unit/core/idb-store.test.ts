import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { indexedDbStore } from '../../../lib/core/idb-store';
import { afterReady, MOVED_MARK, moveOutOfLocal, type LocalAreaLike } from '../../../lib/core/move-out-of-local';
import { createLinkStore } from '../../../lib/lookup/linking';
import { createSettingsStore } from '../../../lib/settings/storage';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';

/** storage.local as a content script sees it: anyone can read and write it. */
function fakeLocal(initial: Record<string, unknown>): LocalAreaLike & { data: Record<string, unknown> } {
  const data = structuredClone(initial);
  return {
    data,
    async get() {
      return structuredClone(data);
    },
    async remove(keys) {
      for (const key of keys) delete data[key];
    },
  };
}

const OLD_SETTINGS = {
  ...DEFAULT_SETTINGS,
  gladlyApi: { host: 'https://acme.gladly.com', email: 'bot@acme.com', tokenHint: null },
};

describe('the background store (IndexedDB) and the move out of storage.local', () => {
  it('keeps values across handles on the same database, and removes them', async () => {
    const factory = new IDBFactory();
    const first = indexedDbStore(factory);
    await first.set('audit', [{ id: 'a' }]);
    await first.set('gone', 1);
    await first.remove('gone');
    const second = indexedDbStore(factory);
    expect(await second.get('audit')).toEqual([{ id: 'a' }]);
    expect(await second.get('gone')).toBeUndefined();
    expect(await second.keys()).toEqual(['audit']);
  });

  it('moves every storage.local key over once, deletes it there, and never reads storage.local again', async () => {
    const factory = new IDBFactory();
    const area = fakeLocal({
      settings: OLD_SETTINGS,
      'vault:gladly-api': { v: 1, keyId: 'k', iv: 'i', data: 'd', hint: '' },
      'actions.pending': { a1: { orderId: '7' } },
      dock: { width: 420, collapsed: false },
    });
    const state = indexedDbStore(factory);
    expect((await moveOutOfLocal(area, state)).moved.sort()).toEqual(
      ['actions.pending', 'dock', 'settings', 'vault:gladly-api'].sort(),
    );
    expect(area.data).toEqual({});
    expect(await state.get('settings')).toEqual(OLD_SETTINGS);
    expect(await state.get(MOVED_MARK)).toMatchObject({ keys: 4 });

    // A content script writes a hostile host and clears the pending lock afterwards: nothing changes.
    area.data.settings = { ...OLD_SETTINGS, gladlyApi: { ...OLD_SETTINGS.gladlyApi, host: 'https://evil.example' } };
    area.data['actions.pending'] = {};
    expect((await moveOutOfLocal(area, indexedDbStore(factory))).moved).toEqual([]);
    const settings = createSettingsStore({ local: indexedDbStore(factory) });
    expect((await settings.get()).gladlyApi?.host).toBe('https://acme.gladly.com');
    expect(await state.get('actions.pending')).toEqual({ a1: { orderId: '7' } });
  });

  it('holds every read until the move is done', async () => {
    const factory = new IDBFactory();
    const area = fakeLocal({ links: { k: { main: { customerId: '11', linkedAt: 1, by: 'agent' } } } });
    const state = indexedDbStore(factory);
    const local = afterReady(state, moveOutOfLocal(area, state));
    expect(await local.get('links')).toEqual({ k: { main: { customerId: '11', linkedAt: 1, by: 'agent' } } });
  });

  it('re-validates links read back: a record of the wrong shape counts as no link', async () => {
    const state = indexedDbStore(new IDBFactory());
    const identity = { gladlyCustomerId: 'G1', name: 'Jane', emails: [], phones: [] };
    const links = createLinkStore(state);
    await links.link(identity, 'main', '11', 'agent');
    expect(await links.get(identity, 'main')).toMatchObject({ customerId: '11' });
    const table = (await state.get<Record<string, Record<string, unknown>>>('links'))!;
    for (const key of Object.keys(table)) table[key] = { main: { customerId: 11, by: 'someone' } };
    await state.set('links', table);
    // The worker keeps its links in memory once read; the next worker reads them back.
    expect(await createLinkStore(state).get(identity, 'main')).toBeUndefined();
  });
});
