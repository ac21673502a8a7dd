import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../lib/core/kv-store';
import {
  LAST_MIGRATION_KEY,
  SET_ASIDE_KEY,
  SETTINGS_KEY,
  SettingsInvalidError,
  createSettingsStore,
  exportSettings,
  importSettings,
} from '../../../lib/settings/storage';
import {
  DEFAULT_ACTION_REASONS,
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
  newConnection,
  validateDraft,
  type Settings,
} from '../../../lib/settings/schema';

const NOW = () => new Date('2026-11-24T10:00:00Z');

function acme(id = 'acme'): Settings['connections'][number] {
  return { ...newConnection(id), name: 'Acme US', storeHash: 'abc123', clientId: 'client-1', tokenHint: '9xyz' };
}

function v1Settings() {
  const { lastTest: _lastTest, ...connection } = acme();
  return {
    version: 1,
    connections: [
      {
        ...connection,
        storeHash: 'ABC123',
        searchQueryAttributes: [
          { attribute: 'email', label: 'Email' },
          { attribute: 'email', label: 'Email again' },
          { attribute: 'phone', label: 'Phone' },
        ],
      },
    ],
    selectors: { email: '.mail' },
    gladlyApi: null,
    sidebarWidth: 420,
  };
}

describe('settings store: reading and migrating', () => {
  it('starts from the defaults when nothing is saved', async () => {
    const store = createSettingsStore({ local: memoryStore(), now: NOW });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await store.migrationReport()).toEqual([]);
  });

  it('migrates version 1 settings, keeps the admin values and reports the upgrade', async () => {
    const local = memoryStore({ [SETTINGS_KEY]: v1Settings() });
    const store = createSettingsStore({ local, now: NOW });
    const settings = await store.get();
    expect(settings.version).toBe(SETTINGS_VERSION);
    // A width saved by an old version is dropped: each agent's dock keeps its own.
    expect(settings).not.toHaveProperty('sidebarWidth');
    expect(settings.selectors).toEqual({ email: '.mail' });
    const [connection] = settings.connections;
    expect(connection?.storeHash).toBe('abc123');
    expect(connection?.searchQueryAttributes.map((r) => r.label)).toEqual(['Email', 'Phone']);
    expect(connection?.lastTest).toBeNull();
    // Written back in the new shape, and the upgrade is reported.
    expect((local.dump()[SETTINGS_KEY] as Settings).version).toBe(SETTINGS_VERSION);
    expect(local.dump()[LAST_MIGRATION_KEY]).toEqual({ from: 1, to: SETTINGS_VERSION, at: NOW().toISOString() });
    expect(await store.migrationReport()).toEqual([
      { kind: 'migrated', from: 1, to: SETTINGS_VERSION, at: NOW().toISOString() },
    ]);
  });

  it('migrates version 2 settings to 3: the default reason picklist, everything else kept', async () => {
    const v2 = { version: 2, connections: [acme()], selectors: { email: '.mail' }, gladlyApi: null };
    const local = memoryStore({ [SETTINGS_KEY]: v2 });
    const settings = await createSettingsStore({ local, now: NOW }).get();
    expect(settings.actionReasons).toEqual(DEFAULT_ACTION_REASONS);
    expect(settings.actionReasons).toContain('Ordered by mistake');
    expect(settings.connections).toEqual([acme()]);
    expect(settings.selectors).toEqual({ email: '.mail' });
    expect(local.dump()[LAST_MIGRATION_KEY]).toEqual({ from: 2, to: 3, at: NOW().toISOString() });
    // Version 1 goes through both steps.
    const fromV1 = await createSettingsStore({ local: memoryStore({ [SETTINGS_KEY]: v1Settings() }), now: NOW }).get();
    expect(fromV1.actionReasons).toEqual(DEFAULT_ACTION_REASONS);
  });

  it('refuses a reason list that is empty, has a blank row or a repeat, with a plain message', () => {
    const context = { hasToken: () => true, hasGladlyToken: false };
    const problemsFor = (actionReasons: string[]) =>
      validateDraft({ ...DEFAULT_SETTINGS, actionReasons }, context).map((p) => `${p.path}: ${p.message}`);
    expect(problemsFor(['Damaged', 'Late'])).toEqual([]);
    expect(problemsFor([])).toEqual(['actionReasons: Keep at least one reason: a cancel needs one.']);
    expect(problemsFor(['Damaged', ' '])).toEqual(['actionReasons.1: Enter a reason, or remove the row.']);
    expect(problemsFor(['Damaged', 'damaged'])).toEqual(['actionReasons: Each reason can be listed once']);
  });

  it('sets aside an object without a version, cutting out plain-text tokens, and reports it', async () => {
    const old = { stores: [{ hash: 'abc123', accessToken: 'plain-token-value-123456' }] };
    const local = memoryStore({ [SETTINGS_KEY]: old });
    const store = createSettingsStore({ local, now: NOW });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const aside = local.dump()[SET_ASIDE_KEY] as Array<{ data: unknown; removedSecrets: number }>;
    expect(aside).toHaveLength(1);
    expect(aside[0]?.data).toEqual({ stores: [{ hash: 'abc123' }] });
    expect(aside[0]?.removedSecrets).toBe(1);
    expect(JSON.stringify(local.dump())).not.toContain('plain-token-value-123456');
    const report = await store.migrationReport();
    expect(report).toEqual([
      expect.objectContaining({ kind: 'set-aside', removedSecrets: 1, reason: expect.stringMatching(/no version/) }),
    ]);
  });

  it('sets aside settings from a newer version instead of overwriting them unseen', async () => {
    const newer = { ...DEFAULT_SETTINGS, version: SETTINGS_VERSION + 1, somethingNew: true };
    const local = memoryStore({ [SETTINGS_KEY]: newer });
    const store = createSettingsStore({ local, now: NOW });
    await store.get();
    const aside = local.dump()[SET_ASIDE_KEY] as Array<{ data: unknown; reason: string }>;
    expect(aside[0]?.data).toEqual(newer);
    expect(aside[0]?.reason).toMatch(/newer version/);
  });

  it('sets aside a current-version object that fails its checks', async () => {
    const broken = { ...DEFAULT_SETTINGS, connections: [{ id: 'x' }] };
    const local = memoryStore({ [SETTINGS_KEY]: broken });
    const store = createSettingsStore({ local, now: NOW });
    expect((await store.get()).connections).toEqual([]);
    expect((local.dump()[SET_ASIDE_KEY] as unknown[]).length).toBe(1);
  });
});

describe('settings store: saving', () => {
  it('saves, tells listeners, and refuses invalid settings without saving anything', async () => {
    const local = memoryStore();
    const store = createSettingsStore({ local, now: NOW });
    const seen: Settings[] = [];
    const stop = store.onChange((s) => seen.push(s));
    const next = { ...DEFAULT_SETTINGS, connections: [acme()] };
    expect(await store.save(next)).toEqual(next);
    expect(seen).toEqual([next]);
    stop();

    const bad = { ...next, connections: [{ ...acme(), storeHash: 'store-abc123!' }] };
    const error = await store.save(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsInvalidError);
    expect((error as SettingsInvalidError).field).toBe('connections.0.storeHash');
    expect(await store.get()).toEqual(next);
    expect(seen).toHaveLength(1);
  });
});

describe('settings store: managed policy', () => {
  const policy = {
    connections: [
      { id: 'hq', name: 'HQ store', storeHash: 'store-hq777', clientId: 'hq-client', actions: { enabled: true } },
    ],
    allowActions: false,
    gladlyApi: { host: 'https://acme.gladly.com', email: 'bot@acme.com' },
    selectors: { email: '.managed-email' },
  };

  it('lays managed values over saved ones and marks them locked', async () => {
    const saved: Settings = {
      ...DEFAULT_SETTINGS,
      connections: [
        { ...acme(), actions: { ...acme().actions, enabled: true } },
        { ...acme('hq'), name: 'My edit', storeHash: 'zzz' },
      ],
      selectors: { email: '.mine', nameInput: '.name' },
    };
    const store = createSettingsStore({
      local: memoryStore({ [SETTINGS_KEY]: saved }),
      managed: async () => policy,
      now: NOW,
    });
    const settings = await store.get();
    expect(settings.connections.map((c) => [c.id, c.name, c.storeHash])).toEqual([
      ['hq', 'HQ store', 'hq777'],
      ['acme', 'Acme US', 'abc123'],
    ]);
    // Actions are off everywhere by policy, even where the admin of this browser turned them on.
    expect(settings.connections.every((c) => !c.actions.enabled)).toBe(true);
    expect(settings.gladlyApi).toEqual({ host: 'https://acme.gladly.com', email: 'bot@acme.com', tokenHint: null });
    expect(settings.selectors).toEqual({ email: '.managed-email', nameInput: '.name' });
    expect(await store.locks()).toEqual({
      connections: ['hq'],
      actionsOff: true,
      gladlyApi: true,
      selectors: ['email'],
    });
  });

  it('keeps managed values when a save tries to change them', async () => {
    const local = memoryStore();
    const store = createSettingsStore({ local, managed: async () => policy, now: NOW });
    const current = await store.get();
    const edited: Settings = {
      ...current,
      connections: current.connections.map((c) => ({ ...c, name: 'Hacked', clientId: 'x' })),
    };
    const saved = await store.save(edited);
    expect(saved.connections[0]?.name).toBe('HQ store');
  });

  it('ignores a policy it cannot read and says so', async () => {
    const store = createSettingsStore({
      local: memoryStore(),
      managed: async () => ({ connections: 'nope' }),
      now: NOW,
    });
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    expect(await store.migrationReport()).toEqual([expect.objectContaining({ kind: 'managed-invalid' })]);
  });

  it('treats a browser without managed storage as no policy', async () => {
    const store = createSettingsStore({
      local: memoryStore(),
      managed: () => Promise.reject(new Error('not supported')),
      now: NOW,
    });
    expect(await store.locks()).toEqual({ connections: [], actionsOff: false, gladlyApi: false, selectors: [] });
  });
});

describe('export and import', () => {
  it('round-trips settings without token hints', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      connections: [acme()],
      gladlyApi: { host: 'https://a.gladly.com', email: 'a@b.co', tokenHint: 'abcd' },
    };
    const json = exportSettings(settings, NOW());
    expect(json).not.toContain('9xyz');
    expect(json).not.toContain('abcd');
    const imported = importSettings(json);
    expect(imported).toEqual({
      ok: true,
      settings: {
        ...settings,
        connections: [{ ...acme(), tokenHint: null }],
        gladlyApi: { ...settings.gladlyApi!, tokenHint: null },
      },
      migratedFrom: null,
      removedSecrets: 0,
    });
  });

  it('upgrades an export from version 1 and drops secrets someone added to the file', () => {
    const file = JSON.stringify({
      format: 'gladly-bigcommerce-settings',
      settings: {
        ...v1Settings(),
        connections: [{ ...v1Settings().connections[0], accessToken: 'sneaky-token-1234567' }],
      },
    });
    const result = importSettings(file);
    expect(result.ok && result.migratedFrom).toBe(1);
    expect(result.ok && result.removedSecrets).toBe(1);
    expect(JSON.stringify(result)).not.toContain('sneaky-token');
  });

  it('refuses other files with a plain message', () => {
    expect(importSettings('not json')).toEqual({ ok: false, message: expect.stringMatching(/not JSON/) });
    expect(importSettings('{"a":1}')).toEqual({ ok: false, message: expect.stringMatching(/not a settings export/) });
  });
});

describe('validateDraft', () => {
  const withToken = { hasToken: () => true, hasGladlyToken: true };

  it('accepts a complete connection', () => {
    expect(validateDraft({ ...DEFAULT_SETTINGS, connections: [acme()] }, withToken)).toEqual([]);
  });

  it('names every missing field in plain words', () => {
    const blank = { ...newConnection('n1') };
    const problems = validateDraft(
      { ...DEFAULT_SETTINGS, connections: [blank] },
      { hasToken: () => false, hasGladlyToken: false },
    );
    expect(problems.map((p) => p.path).sort()).toEqual([
      'connections.0.clientId',
      'connections.0.name',
      'connections.0.storeHash',
      'connections.0.token',
    ]);
    expect(problems.find((p) => p.path === 'connections.0.name')?.message).toMatch(/Enter a name/);
  });

  it('accepts an http or https API base URL (the sandbox over HTTP/1.1 or HTTP/2) and names anything else in plain words', () => {
    for (const apiBaseUrl of ['http://127.0.0.1:4010', 'https://127.0.0.1:4010', 'https://localhost:4010']) {
      expect(
        validateDraft({ ...DEFAULT_SETTINGS, connections: [{ ...acme(), apiBaseUrl }] }, withToken),
        apiBaseUrl,
      ).toEqual([]);
    }
    const problem = (apiBaseUrl: string) =>
      validateDraft({ ...DEFAULT_SETTINGS, connections: [{ ...acme(), apiBaseUrl }] }, withToken);
    expect(problem('not an address')).toEqual([
      {
        path: 'connections.0.apiBaseUrl',
        message: 'Enter an address such as http://127.0.0.1:4010 or https://127.0.0.1:4010, or leave it empty.',
      },
    ]);
    expect(problem('ftp://127.0.0.1:4010')).toEqual([
      { path: 'connections.0.apiBaseUrl', message: 'Use an http:// or https:// address' },
    ]);
  });

  it('refuses the same store twice, an empty query table and a Gladly API without token', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      connections: [acme('a'), { ...acme('b'), searchQueryAttributes: [] }],
      gladlyApi: { host: 'https://acme.gladly.com', email: 'a@acme.com', tokenHint: null },
    };
    const problems = validateDraft(settings, { hasToken: () => true, hasGladlyToken: false });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'connections.1.storeHash', message: expect.stringMatching(/already connected as “Acme US”/) },
        { path: 'connections.1.searchQueryAttributes', message: 'Keep at least one search query attribute' },
        { path: 'gladlyApi.token', message: 'Enter the Gladly API token.' },
      ]),
    );
  });
});

describe('validateDraft: store names', () => {
  const withToken = { hasToken: () => true, hasGladlyToken: true };

  it('refuses two stores with the same name (case and spaces aside) and names the second', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      connections: [
        { ...acme('a'), name: 'Acme US' },
        { ...acme('b'), storeHash: 'other1', name: '  acme us ' },
      ],
    };
    expect(validateDraft(settings, withToken)).toEqual([
      { path: 'connections.1.name', message: 'Another store is already named “acme us”: choose another name.' },
    ]);
  });

  it('accepts two stores with different names', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      connections: [
        { ...acme('a'), name: 'Acme US' },
        { ...acme('b'), storeHash: 'other1', name: 'Acme EU' },
      ],
    };
    expect(validateDraft(settings, withToken)).toEqual([]);
  });
});
