import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { HandlerContext, MessageHandler } from '../../../lib/background/handler';
import { createOptionsHandlers, type OptionsServiceDeps } from '../../../lib/background/options-service';
import { memoryStore } from '../../../lib/core/kv-store';
import type { ImportReply, SaveReply, SettingsView, TestConnectionResult } from '../../../lib/messages/options';
import { createSettingsStore } from '../../../lib/settings/storage';
import { DEFAULT_SETTINGS, newConnection, type Settings } from '../../../lib/settings/schema';
import type { ActionsApi, ConnectionApis, ScopeProbe, StoreApi } from '../../../lib/core/store-ports';
import { createVault } from '../../../lib/settings/vault';

const TOKEN = 'tok_live_secret_AAAA1111';
const NEW_TOKEN = 'tok_live_replaced_BBBB2222';
const GLADLY_TOKEN = 'gladly_api_token_CCCC3333';
const ALL_TOKENS = [TOKEN, NEW_TOKEN, GLADLY_TOKEN];

const context: HandlerContext = { sender: { kind: 'extension-page', page: '/options.html' }, emit: () => undefined };

function setup(
  options: {
    isE2E?: boolean;
    missing?: string[];
    managed?: unknown;
    testGladly?: OptionsServiceDeps['testGladly'];
  } = {},
) {
  const local = memoryStore();
  const settings = createSettingsStore({ local, managed: async () => options.managed ?? {} });
  const vault = createVault({ indexedDB: new IDBFactory(), local });
  const calls: Array<{ storeHash: string; token: string; apiBaseUrl?: string; scopes?: string[] }> = [];
  const apisFor = (storeHash: string, token: string, apiBaseUrl?: string): ConnectionApis => {
    const call: (typeof calls)[number] = { storeHash, token, apiBaseUrl };
    calls.push(call);
    return {
      lookup: {} as StoreApi,
      history: {} as ConnectionApis['history'],
      actions: {} as ActionsApi,
      requestCount: () => 0,
      admin: {
        storeInfo: async () => ({
          name: 'Acme Outdoor',
          currency: 'USD',
          timezone: 'America/Chicago',
          controlPanelBaseUrl: null,
        }),
        probeScopes: async (scopes): Promise<ScopeProbe[]> => {
          call.scopes = scopes;
          return scopes.map((scope) => ({
            scope,
            label: scope,
            status: options.missing?.includes(scope) ? 'missing' : 'present',
            detail: `probed with ${token.length} chars`,
          }));
        },
      },
    };
  };
  const handlers = createOptionsHandlers({
    settings,
    vault,
    apisFor,
    isE2E: options.isE2E ?? false,
    testGladly: options.testGladly,
  });
  const byType = new Map(handlers.map((h) => [h.type, h]));
  const replies: unknown[] = [];
  async function send<T>(message: { type: string } & Record<string, unknown>): Promise<T> {
    const handler = byType.get(message.type) as MessageHandler;
    const parsed = handler.schema.parse({ requestId: 'r1', ...message });
    const reply = await handler.handle(parsed, context);
    replies.push(reply);
    return reply as T;
  }
  return { send, local, vault, calls, handlers, replies };
}

function connection(id = 'acme'): Settings['connections'][number] {
  return { ...newConnection(id), name: 'Acme US', storeHash: 'abc123', clientId: 'client-1' };
}

describe('options service', () => {
  it("learns a newly saved store's name, currency and timezone once, so store credit can show its currency", async () => {
    const { send, calls } = setup();
    const reply = await send<SaveReply>({
      type: 'settings/save',
      settings: { ...DEFAULT_SETTINGS, connections: [connection()] },
      secrets: { acme: TOKEN },
    });
    const saved = (reply as { view: SettingsView }).view.settings.connections[0]!;
    expect(saved.lastTest).toMatchObject({ storeName: 'Acme Outdoor', currency: 'USD', timezone: 'America/Chicago' });
    expect(calls).toHaveLength(1);
    // Saved again unchanged: no new request to the store.
    await send<SaveReply>({ type: 'settings/save', settings: { ...DEFAULT_SETTINGS, connections: [saved] } });
    expect(calls).toHaveLength(1);
  });

  it('answers only the options page', () => {
    for (const handler of setup().handlers) {
      expect(handler.from).toEqual(['extension-page']);
      expect(handler.pages).toEqual(['/options.html']);
    }
  });

  it('saves a connection with its token in the vault and answers with a hint only', async () => {
    const { send, local, vault, replies } = setup();
    const reply = await send<SaveReply>({
      type: 'settings/save',
      settings: { ...DEFAULT_SETTINGS, connections: [connection()] },
      secrets: { acme: TOKEN },
    });
    expect(reply.saved).toBe(true);
    const view = (reply as { view: SettingsView }).view;
    expect(view.settings.connections[0]?.tokenHint).toBe('1111');
    expect(await vault.getSecret('connection:acme')).toBe(TOKEN);
    expect(JSON.stringify(local.dump())).not.toContain(TOKEN);
    const got = await send<SettingsView>({ type: 'settings/get' });
    expect(got.settings.connections[0]?.tokenHint).toBe('1111');
    for (const token of ALL_TOKENS) expect(JSON.stringify(replies)).not.toContain(token);
  });

  it('saves nothing when a field is invalid, and names each field', async () => {
    const { send, vault } = setup();
    const bad = { ...DEFAULT_SETTINGS, connections: [{ ...connection(), name: '', storeHash: 'not a hash' }] };
    const reply = await send<SaveReply>({ type: 'settings/save', settings: bad, secrets: { acme: TOKEN } });
    expect(reply).toEqual({
      saved: false,
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'connections.0.name' }),
        expect.objectContaining({ path: 'connections.0.storeHash' }),
      ]),
    });
    expect(await vault.getSecret('connection:acme')).toBeNull();
    expect((await send<SettingsView>({ type: 'settings/get' })).settings.connections).toEqual([]);
  });

  it('requires a token for a new connection', async () => {
    const { send } = setup();
    const reply = await send<SaveReply>({
      type: 'settings/save',
      settings: { ...DEFAULT_SETTINGS, connections: [connection()] },
    });
    expect(reply).toEqual({
      saved: false,
      problems: [{ path: 'connections.0.token', message: expect.stringMatching(/access token/) }],
    });
  });

  it('replaces a token, keeps it when none is typed, and deletes it with its connection', async () => {
    const { send, vault } = setup();
    const base = { ...DEFAULT_SETTINGS, connections: [connection()] };
    await send({ type: 'settings/save', settings: base, secrets: { acme: TOKEN } });
    await send({ type: 'settings/save', settings: base });
    expect(await vault.getSecret('connection:acme')).toBe(TOKEN);
    await send({ type: 'settings/save', settings: base, secrets: { acme: NEW_TOKEN } });
    expect(await vault.getSecret('connection:acme')).toBe(NEW_TOKEN);
    await send({ type: 'settings/save', settings: DEFAULT_SETTINGS });
    expect(await vault.getSecret('connection:acme')).toBeNull();
  });

  it('ignores the API base URL outside the e2e build', async () => {
    const prod = setup({ isE2E: false });
    const withBase = { ...DEFAULT_SETTINGS, connections: [{ ...connection(), apiBaseUrl: 'http://127.0.0.1:4010' }] };
    const reply = await prod.send<SaveReply>({ type: 'settings/save', settings: withBase, secrets: { acme: TOKEN } });
    expect(reply.saved && reply.view.settings.connections[0]?.apiBaseUrl).toBeUndefined();
    const e2e = setup({ isE2E: true });
    const kept = await e2e.send<SaveReply>({ type: 'settings/save', settings: withBase, secrets: { acme: TOKEN } });
    expect(kept.saved && kept.view.settings.connections[0]?.apiBaseUrl).toBe('http://127.0.0.1:4010');
  });

  it('tests a draft with a typed token, normalising the store hash, and reports a missing scope', async () => {
    const { send, calls, replies } = setup({ missing: ['store_v2_orders'] });
    const result = await send<TestConnectionResult>({
      type: 'settings/test-connection',
      connection: {
        id: 'new',
        storeHash: 'https://store-abc123.mybigcommerce.com/manage',
        actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: false },
      },
      token: NEW_TOKEN,
    });
    expect(calls).toEqual([expect.objectContaining({ storeHash: 'abc123', token: NEW_TOKEN, apiBaseUrl: undefined })]);
    expect(result.store).toEqual({ name: 'Acme Outdoor', currency: 'USD', timezone: 'America/Chicago' });
    expect(result.scopes.find((s) => s.scope === 'store_v2_orders')?.status).toBe('missing');
    expect(result.scopes.some((s) => s.scope === 'store_v2_marketing')).toBe(false);
    expect(JSON.stringify(replies)).not.toContain(NEW_TOKEN);
  });

  it('tests a saved connection with the token from the vault', async () => {
    const { send, calls } = setup();
    await send({
      type: 'settings/save',
      settings: { ...DEFAULT_SETTINGS, connections: [connection()] },
      secrets: { acme: TOKEN },
    });
    await send({
      type: 'settings/test-connection',
      connection: { id: 'acme', storeHash: 'abc123', actions: connection().actions },
    });
    expect(calls[0]?.token).toBe(TOKEN);
  });

  it('asks for a token when there is none to test with', async () => {
    const { send } = setup();
    await expect(
      send({
        type: 'settings/test-connection',
        connection: { id: 'x', storeHash: 'abc123', actions: connection().actions },
      }),
    ).rejects.toMatchObject({ kind: 'config', field: 'token' });
  });

  it('stores the Gladly API token in the vault and exports without any secret', async () => {
    const { send, vault, replies } = setup();
    const settings = {
      ...DEFAULT_SETTINGS,
      connections: [connection()],
      gladlyApi: { host: 'https://acme.gladly.com', email: 'bot@acme.com', tokenHint: null },
    };
    const saved = await send<SaveReply>({
      type: 'settings/save',
      settings,
      secrets: { acme: TOKEN },
      gladlyApiToken: GLADLY_TOKEN,
    });
    expect(saved.saved && saved.view.settings.gladlyApi?.tokenHint).toBe('3333');
    expect(await vault.getSecret('gladly-api')).toBe(GLADLY_TOKEN);
    const exported = await send<{ json: string }>({ type: 'settings/export' });
    expect(exported.json).not.toContain('1111');
    const imported = await send<ImportReply>({ type: 'settings/import', text: exported.json });
    // Same connection, same store: its saved token still applies.
    expect(imported.settings.connections[0]?.tokenHint).toBe('1111');
    for (const token of ALL_TOKENS) expect(JSON.stringify(replies)).not.toContain(token);
  });

  it('tests the Gladly API with the typed token, or the saved one', async () => {
    const checks: string[] = [];
    const { send, replies } = setup({
      testGladly: async (host, email, token) => {
        checks.push(`${host}|${email}|${token}`);
        return { detail: `ok for ${email}` };
      },
    });
    const gladlyApi = { host: 'https://acme.gladly.com', email: 'bot@acme.com' };
    await expect(send({ type: 'settings/test-gladly', gladlyApi })).rejects.toMatchObject({
      kind: 'config',
      field: 'gladlyApi.token',
    });
    expect(await send({ type: 'settings/test-gladly', gladlyApi, token: GLADLY_TOKEN })).toEqual({
      detail: 'ok for bot@acme.com',
    });
    expect(checks).toEqual([`https://acme.gladly.com|bot@acme.com|${GLADLY_TOKEN}`]);
    expect(JSON.stringify(replies)).not.toContain(GLADLY_TOKEN);
  });

  it('sends the saved Gladly token only to the saved host, never to a typed, unsaved one', async () => {
    const checks: string[] = [];
    const { send, replies } = setup({
      testGladly: async (host, email, token) => {
        checks.push(`${host}|${email}|${token}`);
        return { detail: `ok for ${email}` };
      },
    });
    const gladlyApi = { host: 'https://acme.gladly.com', email: 'bot@acme.com', tokenHint: null };
    await send({ type: 'settings/save', settings: { ...DEFAULT_SETTINGS, gladlyApi }, gladlyApiToken: GLADLY_TOKEN });
    const typed = { host: 'https://other-org.gladly.com', email: 'bot@acme.com' };
    await expect(send({ type: 'settings/test-gladly', gladlyApi: typed })).rejects.toMatchObject({
      kind: 'config',
      field: 'gladlyApi.token',
    });
    expect(checks).toEqual([]);
    // The saved host (spelled with a trailing slash) still gets the saved token.
    await send({
      type: 'settings/test-gladly',
      gladlyApi: { host: 'https://acme.gladly.com/', email: 'bot@acme.com' },
    });
    expect(checks).toEqual([`https://acme.gladly.com/|bot@acme.com|${GLADLY_TOKEN}`]);
    expect(JSON.stringify(replies)).not.toContain(GLADLY_TOKEN);
  });

  it('keeps a managed connection and its token even when a save leaves it out', async () => {
    const managed = { connections: [{ id: 'hq', name: 'HQ store', storeHash: 'hq777', clientId: 'hq-client' }] };
    const { send, vault } = setup({ managed });
    const view = await send<SettingsView>({ type: 'settings/get' });
    expect(view.locks.connections).toEqual(['hq']);
    await send({ type: 'settings/save', settings: view.settings, secrets: { hq: TOKEN } });
    const reply = await send<SaveReply>({ type: 'settings/save', settings: { ...view.settings, connections: [] } });
    expect(reply.saved && reply.view.settings.connections.map((c) => [c.id, c.tokenHint])).toEqual([['hq', '1111']]);
    expect(await vault.getSecret('connection:hq')).toBe(TOKEN);
  });
});
