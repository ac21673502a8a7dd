import { describe, expect, it } from 'vitest';
import { runBaseline, type FetchLike } from '../../../bench/lib/baseline';
import { buildSandboxSave, savedMismatches, sandboxConnectionId } from '../../../scripts/lib/sandbox-settings';
import { DEFAULT_SETTINGS, SettingsSchema } from '../../../lib/settings/schema';

/** A store with one customer (id 7, three orders) for jane@example.com, nothing else. */
function fakeStore(): { fetch: FetchLike; paths: string[] } {
  const paths: string[] = [];
  const fetch: FetchLike = async (url) => {
    const path = url.replace('http://127.0.0.1:1/stores/abc', '');
    paths.push(path);
    const json = (status: number, body: unknown) => ({ status, text: async () => JSON.stringify(body) });
    if (path.startsWith('/v3/customers?email:in=jane%40example.com')) return json(200, { data: [{ id: 7 }], meta: {} });
    if (path.startsWith('/v3/customers')) return json(200, { data: [], meta: {} });
    if (path.startsWith('/v2/orders?customer_id=7')) return json(200, [{ id: 101 }, { id: 102 }, { id: 103 }]);
    if (path.endsWith('/shipments')) return { status: 204, text: async () => '' };
    if (path.endsWith('/transactions')) return json(404, { status: 404 });
    return json(200, []);
  };
  return { fetch, paths };
}

const store = { apiBase: 'http://127.0.0.1:1/stores/abc', accessToken: 'tok' };

describe("the baseline (Gladly's own app)", () => {
  it('asks for the customer, then their orders, then three requests per order', async () => {
    const { fetch, paths } = fakeStore();
    const outcome = await runBaseline(fetch, store, 'jane@example.com');
    expect(outcome).toMatchObject({ requests: 2 + 3 * 3, steps: 3, customerFound: true, ordersFound: 3 });
    expect(paths.slice(2).filter((p) => p.startsWith('/v2/orders/101/'))).toHaveLength(2);
    expect(paths).toContain('/v3/orders/102/transactions');
    expect(outcome.failures).toBe(3); // the three transactions 404s are counted, not hidden
  });
  it('stops after one request when there is no customer record (guest orders are never found)', async () => {
    const { fetch } = fakeStore();
    expect(await runBaseline(fetch, store, 'gary@example.net')).toMatchObject({
      requests: 1,
      steps: 1,
      customerFound: false,
      ordersFound: 0,
    });
  });
  it('looks nothing up for a profile without an email', async () => {
    const { fetch, paths } = fakeStore();
    expect(await runBaseline(fetch, store, undefined)).toMatchObject({ requests: 0, steps: 0 });
    expect(paths).toEqual([]);
  });
});

const info = {
  bigcommerce: {
    baseUrl: 'http://127.0.0.1:4010',
    stores: [
      { hash: 'abc123', name: 'Main', accessToken: 'full-token-1111', limitedAccessToken: 'limited-2222' },
      { hash: 'eu7x9k', name: 'Europe', accessToken: 'full-token-3333', limitedAccessToken: 'limited-4444' },
    ],
  },
};

describe('the settings saved for the sandbox stores', () => {
  it('connects every store with its token and the sandbox API base, and the schema accepts them', () => {
    const save = buildSandboxSave(DEFAULT_SETTINGS, info, { actions: true });
    expect(SettingsSchema.safeParse(save.settings).success).toBe(true);
    expect(save.settings.connections.map((c) => [c.storeHash, c.apiBaseUrl, c.actions.enabled])).toEqual([
      ['abc123', 'http://127.0.0.1:4010', true],
      ['eu7x9k', 'http://127.0.0.1:4010', true],
    ]);
    expect(save.secrets).toEqual({
      [sandboxConnectionId('abc123')]: 'full-token-1111',
      [sandboxConnectionId('eu7x9k')]: 'full-token-3333',
    });
    expect(JSON.stringify(save.settings)).not.toContain('full-token');
  });
  it('connects only the chosen stores, with the limited token when asked', () => {
    const save = buildSandboxSave(DEFAULT_SETTINGS, info, {
      stores: ['eu7x9k'],
      limitedToken: true,
      autoLink: { email: true, phone: false },
    });
    expect(save.settings.connections).toHaveLength(1);
    expect(save.settings.connections[0]!.autoLink).toEqual({ email: true, phone: false });
    expect(Object.values(save.secrets)).toEqual(['limited-4444']);
  });
  it('replaces its own earlier connection instead of adding a second one, and keeps others', () => {
    const first = buildSandboxSave(DEFAULT_SETTINGS, info, { stores: ['abc123'] });
    const other = { ...first.settings.connections[0]!, id: 'someone-else', name: 'Other' };
    const again = buildSandboxSave({ ...first.settings, connections: [...first.settings.connections, other] }, info, {
      stores: ['abc123'],
    });
    expect(again.settings.connections.map((c) => c.id).sort()).toEqual(['sandbox-abc123', 'someone-else']);
  });
  it('refuses a store the sandbox does not have, naming the ones it has', () => {
    expect(() => buildSandboxSave(DEFAULT_SETTINGS, info, { stores: ['nope'] })).toThrow(/abc123, eu7x9k/);
  });
  it('finds nothing wrong when the saved settings show each store with its token hint', () => {
    const save = buildSandboxSave(DEFAULT_SETTINGS, info);
    const saved = save.settings.connections.map((c) => ({ ...c, tokenHint: save.secrets[c.id]!.slice(-4) }));
    expect(savedMismatches(saved, save)).toEqual([]);
  });
  it('says which store is missing or has no token after saving', () => {
    const save = buildSandboxSave(DEFAULT_SETTINGS, info);
    const saved = [{ ...save.settings.connections[0]!, tokenHint: null }];
    const problems = savedMismatches(saved, save);
    expect(problems).toEqual(['store abc123: no access token saved', 'store eu7x9k: not in the saved settings']);
    expect(problems.join(' ')).not.toContain('full-token');
  });
});
