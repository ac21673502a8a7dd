/**
 * Team mode on the options page's side of the background: Connect seals the key only when the
 * service accepts it, switching modes loses nothing, IT's policy fixes the mode and address,
 * the sidebar sees the service's stores, and the admin routes are called as the contract says —
 * with no key or store token in storage in clear or in any reply.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { HandlerContext, MessageHandler } from '../../../lib/background/handler';
import { createOptionsHandlers } from '../../../lib/background/options-service';
import { createTeamOptionsHandlers, checkServiceUrl } from '../../../lib/background/team-options';
import { sidebarConfig } from '../../../lib/background/sidebar-config';
import { memoryStore } from '../../../lib/core/kv-store';
import type { SaveReply, SettingsView } from '../../../lib/messages/options';
import { createSettingsStore } from '../../../lib/settings/storage';
import { DEFAULT_SETTINGS, isTeamMode, newConnection, teamOf } from '../../../lib/settings/schema';
import { createVault } from '../../../lib/settings/vault';
import { createTeamClient, TeamServiceError } from '../../../lib/team/client';
import { readTeamProfile } from '../../../lib/team/profile';

const KEY = 'tk_agent_0123456789abcdef_KEY9';
const STORE_TOKEN = 'tok_live_secret_AAAA1111';
const URL_ = 'https://team.example.com';
const REVOKED = 'This access key was revoked. Ask your admin for a new one.';
const context: HandlerContext = { sender: { kind: 'extension-page', page: '/options.html' }, emit: () => undefined };

const ME = {
  role: 'admin',
  name: 'Ada',
  stores: [
    {
      id: 'team-acme',
      name: 'Acme (team)',
      enabled: true,
      actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: false },
    },
    { id: 'team-off', name: 'Off', enabled: false, actions: { enabled: false } },
  ],
};

function setup(options: { managed?: unknown; isE2E?: boolean; me?: () => Response } = {}) {
  const local = memoryStore();
  const settings = createSettingsStore({ local, managed: async () => options.managed ?? {} });
  const vault = createVault({ indexedDB: new IDBFactory(), local });
  const requests: Array<{ url: string; method: string; body: unknown; auth: string }> = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({
      url,
      method: init?.method ?? 'GET',
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      auth: headers.Authorization ?? '',
    });
    if (url.endsWith('/v1/me')) return options.me?.() ?? Response.json(ME);
    if (url.endsWith('/v1/admin/keys') && init?.method === 'POST')
      return Response.json({ id: 'k2', key: 'NEW-KEY-shown-once' });
    if (url.includes('format=csv')) return new Response('When,Agent\r\n', { headers: { 'Content-Type': 'text/csv' } });
    return Response.json({ ok: true });
  }) as unknown as typeof globalThis.fetch;
  const client = createTeamClient({
    fetch,
    endpoint: async () => {
      const { serviceUrl } = teamOf(await settings.get());
      const key = await vault.getSecret('team-key');
      return serviceUrl && key ? { serviceUrl, key } : null;
    },
  });
  const onProfile = vi.fn();
  const handlers = [
    ...createOptionsHandlers({
      settings,
      vault,
      isE2E: options.isE2E ?? false,
      apisFor: () => {
        throw new Error('no store calls here');
      },
    }),
    ...createTeamOptionsHandlers({ settings, vault, local, client, isE2E: options.isE2E ?? false, onProfile }),
  ];
  const byType = new Map(handlers.map((h) => [h.type, h]));
  const replies: unknown[] = [];
  async function send<T>(message: { type: string } & Record<string, unknown>): Promise<T> {
    const handler = byType.get(message.type) as MessageHandler;
    const parsed = handler.schema.parse({ requestId: 'r1', ...message });
    const reply = await handler.handle(parsed, context);
    replies.push(reply);
    return reply as T;
  }
  return { send, local, settings, vault, requests, replies, handlers, onProfile };
}

async function refusal(promise: Promise<unknown>): Promise<TeamServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeamServiceError);
  return error as TeamServiceError;
}

describe('Connect', () => {
  it('tries the address and key with GET /v1/me, then seals the key and turns team mode on', async () => {
    const { send, local, settings, vault, requests, replies, onProfile } = setup();
    const reply = await send<{ profile: typeof ME }>({ type: 'team/connect', serviceUrl: `${URL_}/`, key: KEY });
    expect(reply.profile).toMatchObject({ role: 'admin', name: 'Ada' });
    expect(requests).toEqual([{ url: `${URL_}/v1/me`, method: 'GET', body: undefined, auth: `Bearer ${KEY}` }]);
    const saved = await settings.get();
    expect(teamOf(saved)).toEqual({ mode: 'team', serviceUrl: URL_, keyHint: 'KEY9' });
    expect(await vault.getSecret('team-key')).toBe(KEY);
    expect(JSON.stringify(local.dump())).not.toContain(KEY);
    expect(JSON.stringify(replies)).not.toContain(KEY);
    expect((await readTeamProfile(local, URL_))?.stores).toHaveLength(2);
    expect(onProfile).toHaveBeenCalledTimes(1);
    // The page sees a hint, never the key.
    const view = await send<SettingsView>({ type: 'settings/get' });
    expect(view.settings.team?.keyHint).toBe('KEY9');
    expect(JSON.stringify(view)).not.toContain(KEY);
  });

  it('saves nothing when the service refuses the key, and shows the service’s own sentence', async () => {
    const { send, settings, vault, local } = setup({
      me: () => Response.json({ error: { kind: 'auth', message: REVOKED } }, { status: 401 }),
    });
    const error = await refusal(send({ type: 'team/connect', serviceUrl: URL_, key: KEY }));
    expect(error.info).toMatchObject({ kind: 'auth', message: REVOKED });
    expect(await vault.getSecret('team-key')).toBeNull();
    expect(isTeamMode(await settings.get())).toBe(false);
    expect(JSON.stringify(local.dump())).not.toContain(KEY);
  });

  it('accepts only https in production, and plain http only to this machine in the e2e build', async () => {
    expect(() => checkServiceUrl('http://team.example.com', false)).toThrow(/https/);
    expect(() => checkServiceUrl('http://127.0.0.1:4020', false)).toThrow(/https/);
    expect(checkServiceUrl('http://127.0.0.1:4020/', true)).toBe('http://127.0.0.1:4020');
    expect(() => checkServiceUrl('http://team.example.com', true)).toThrow(/https/);
    expect(() => checkServiceUrl('https://user:pw@team.example.com', false)).toThrow(/user name/);
    expect(checkServiceUrl(' https://team.example.com/relay/ ', false)).toBe('https://team.example.com/relay');
    const { send, requests } = setup();
    await refusal(send({ type: 'team/connect', serviceUrl: 'http://team.example.com', key: KEY }));
    expect(requests).toHaveLength(0);
  });
});

describe('switching modes', () => {
  it('keeps the standalone connections and their tokens through team mode and back', async () => {
    const { send, vault, settings } = setup();
    const acme = { ...newConnection('acme'), name: 'Acme US', storeHash: 'abc123', clientId: 'client-1' };
    const saved = await send<SaveReply>({
      type: 'settings/save',
      settings: { ...DEFAULT_SETTINGS, connections: [acme] },
      secrets: { acme: STORE_TOKEN },
    });
    expect(saved.saved).toBe(true);
    await send({ type: 'team/connect', serviceUrl: URL_, key: KEY });
    expect((await settings.get()).connections.map((c) => c.id)).toEqual(['acme']);
    await send({ type: 'team/set-mode', mode: 'standalone' });
    const back = await settings.get();
    expect(isTeamMode(back)).toBe(false);
    expect(back.connections.map((c) => [c.id, c.tokenHint])).toEqual([['acme', '1111']]);
    expect(await vault.getSecret('connection:acme')).toBe(STORE_TOKEN);
    // The address and key are kept too: back to team mode without pasting the key again.
    expect(teamOf(back)).toEqual({ mode: 'standalone', serviceUrl: URL_, keyHint: 'KEY9' });
    await send({ type: 'team/set-mode', mode: 'team' });
    expect(isTeamMode(await settings.get())).toBe(true);
  });

  it('refuses team mode before anything is connected', async () => {
    const { send } = setup();
    expect((await refusal(send({ type: 'team/set-mode', mode: 'team' }))).info.kind).toBe('config');
  });

  it('keeps the team settings when the page saves its other settings (a page cannot redirect the key)', async () => {
    const { send, settings } = setup();
    await send({ type: 'team/connect', serviceUrl: URL_, key: KEY });
    const current = await settings.get();
    await send<SaveReply>({
      type: 'settings/save',
      settings: { ...current, team: { mode: 'team', serviceUrl: 'https://evil.example.com', keyHint: null } },
    });
    expect(teamOf(await settings.get())).toEqual({ mode: 'team', serviceUrl: URL_, keyHint: 'KEY9' });
  });
});

describe('the managed policy', () => {
  const managed = { team: { mode: 'team', serviceUrl: 'https://relay.acme.com/' } };

  it('pushes the mode and address; the agent only pastes the key', async () => {
    const { send, settings, requests } = setup({ managed });
    expect(teamOf(await settings.get())).toEqual({
      mode: 'team',
      serviceUrl: 'https://relay.acme.com',
      keyHint: null,
    });
    expect(await settings.locks()).toMatchObject({ team: { mode: true, serviceUrl: true } });
    // Whatever address the page sends, the policy's is the one tried and kept.
    await send({ type: 'team/connect', serviceUrl: 'https://elsewhere.example.com', key: KEY });
    expect(requests[0]?.url).toBe('https://relay.acme.com/v1/me');
    expect(teamOf(await settings.get()).serviceUrl).toBe('https://relay.acme.com');
    expect((await refusal(send({ type: 'team/set-mode', mode: 'standalone' }))).info.message).toMatch(/administrator/);
  });

  it('leaves an admin’s standalone connections untouched', async () => {
    const local = memoryStore();
    const plain = createSettingsStore({ local });
    const acme = { ...newConnection('acme'), name: 'Acme US', storeHash: 'abc123', clientId: 'c', tokenHint: '1111' };
    await plain.save({ ...DEFAULT_SETTINGS, connections: [acme] });
    const withPolicy = createSettingsStore({ local, managed: async () => managed });
    expect((await withPolicy.get()).connections).toEqual([acme]);
    expect(isTeamMode(await withPolicy.get())).toBe(true);
  });
});

describe('the sidebar in team mode', () => {
  it('shows the service’s enabled stores with their switches, not this browser’s connections', async () => {
    const { send, settings, local } = setup();
    const acme = { ...newConnection('acme'), name: 'Acme US', storeHash: 'abc123', clientId: 'c', tokenHint: '1111' };
    await send({ type: 'team/connect', serviceUrl: URL_, key: KEY });
    const current = { ...(await settings.get()), connections: [acme] };
    const config = sidebarConfig(current, await readTeamProfile(local, URL_));
    expect(config.configured).toBe(true);
    expect(config.connections.map((c) => [c.id, c.name, c.actions.discount])).toEqual([
      ['team-acme', 'Acme (team)', false],
    ]);
    // Standalone again: the browser's own connection is back.
    const standalone = sidebarConfig({ ...current, team: { ...teamOf(current), mode: 'standalone' } }, null);
    expect(standalone.connections.map((c) => c.id)).toEqual(['acme']);
  });
});

describe('the admin routes', () => {
  it('maps each operation to the contract’s route with the sealed key', async () => {
    const { send, requests, replies } = setup();
    await send({ type: 'team/connect', serviceUrl: URL_, key: KEY });
    requests.length = 0;
    const store = {
      name: 'Acme US',
      storeHash: 'abc123',
      clientId: 'client-1',
      enabled: true,
      searchQueryAttributes: [{ attribute: 'email', label: 'Email' }],
      searchResultsAttributes: [],
      autoLink: { email: true, phone: true },
      overwriteExistingValues: false,
      actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
      accessToken: STORE_TOKEN,
    };
    await send({ type: 'team/admin', request: { op: 'stores/save', id: 'acme', store } });
    await send({ type: 'team/admin', request: { op: 'stores/test', id: 'acme' } });
    const issued = await send<{ key: string }>({
      type: 'team/admin',
      request: { op: 'keys/issue', name: 'Bob', role: 'agent' },
    });
    await send({ type: 'team/admin', request: { op: 'keys/revoke', id: 'k/2' } });
    const csv = await send<{ csv: string; filename: string }>({ type: 'team/admin', request: { op: 'audit/csv' } });
    expect(requests.map((r) => `${r.method} ${r.url.replace(URL_, '')}`)).toEqual([
      'PUT /v1/admin/stores/acme',
      'POST /v1/admin/stores/acme/test',
      'POST /v1/admin/keys',
      'DELETE /v1/admin/keys/k%2F2',
      'GET /v1/admin/audit?format=csv',
    ]);
    expect(requests.every((r) => r.auth === `Bearer ${KEY}`)).toBe(true);
    expect(requests[0]?.body).toEqual(store);
    expect(requests[2]?.body).toEqual({ name: 'Bob', role: 'agent' });
    expect(issued.key).toBe('NEW-KEY-shown-once');
    expect(csv.csv).toBe('When,Agent\r\n');
    expect(csv.filename).toMatch(/^team-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    // The store token went to the service once; no reply repeats it or the key.
    expect(JSON.stringify(replies)).not.toContain(STORE_TOKEN);
    expect(JSON.stringify(replies)).not.toContain(KEY);
  });

  it('answers only the options page', () => {
    for (const handler of setup().handlers) expect(handler.pages).toEqual(['/options.html']);
  });
});
