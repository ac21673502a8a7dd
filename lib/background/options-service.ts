/**
 * The options page's side of the background: read and save settings (tokens go to the vault,
 * only hints come back), test a store connection, export and import settings. Every handler
 * answers the options page only, and no reply ever carries a token.
 */
import type { MessageHandler } from './handler';
import {
  SettingsExportSchema,
  SettingsGetSchema,
  SettingsImportSchema,
  SettingsSaveSchema,
  SettingsTestConnectionSchema,
  SettingsTestGladlySchema,
  type ExportResult,
  type SettingsExport,
  type SettingsGet,
  type SettingsImport,
  type SettingsSave,
  type SettingsTestConnection,
  type SettingsTestGladly,
  type ImportReply,
  type SaveReply,
  type SettingsView,
  type TestConnectionResult,
  type TestGladlyResult,
} from '../messages/options';
import { exportSettings, importSettings, type SettingsStore } from '../settings/storage';
import { requiredScopes } from '../bigcommerce/scopes';
import { createGladlyApiClient } from '../gladly/api-client';
import { validateDraft, type Connection, type Settings } from '../settings/schema';
import type { ConnectionApis } from '../core/store-ports';
import { parseStoreHash } from '../settings/store-hash';
import type { SecretName, Vault } from '../settings/vault';

export interface OptionsServiceDeps {
  settings: SettingsStore;
  vault: Vault;
  apisFor(storeHash: string, accessToken: string, apiBaseUrl?: string): ConnectionApis;
  /** Scopes "Test connection" checks; defaults to lib/bigcommerce/scopes.ts requiredScopes. */
  requiredScopes?(connection: Pick<Connection, 'actions'>): string[];
  /** The Gladly API "Test"; defaults to one read through lib/gladly/api-client.ts. */
  testGladly?(host: string, email: string, token: string): Promise<TestGladlyResult>;
  isE2E: boolean;
  now?: () => Date;
}

export class OptionsError extends Error {
  constructor(
    readonly kind: 'config',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'OptionsError';
  }
}

const OPTIONS_ONLY = { from: ['extension-page'] as const, pages: ['/options.html'] as const };

const connectionSecret = (id: string): SecretName => `connection:${id}`;

/** A read that proves the host, email and token work together (it changes nothing in Gladly). */
async function checkGladly(host: string, email: string, token: string): Promise<TestGladlyResult> {
  await createGladlyApiClient({ host, email, token }).searchByEmail(email);
  return { detail: `Gladly accepted the token for ${email}.` };
}

export function createOptionsHandlers(deps: OptionsServiceDeps): MessageHandler[] {
  const now = deps.now ?? (() => new Date());

  /** Settings as the page may see them: hints from the vault, never a token. */
  async function withHints(settings: Settings): Promise<Settings> {
    const connections = await Promise.all(
      settings.connections.map(async (c) => ({ ...c, tokenHint: await deps.vault.hint(connectionSecret(c.id)) })),
    );
    const gladlyApi = settings.gladlyApi
      ? { ...settings.gladlyApi, tokenHint: await deps.vault.hint('gladly-api') }
      : null;
    const team = settings.team ? { ...settings.team, keyHint: await deps.vault.hint('team-key') } : undefined;
    return { ...settings, ...(team ? { team } : {}), connections, gladlyApi };
  }

  /**
   * A connection saved without a (current) test learns its store's name, currency and timezone
   * now, once: the sidebar needs the currency for store credit. A store that does not answer in
   * time is saved all the same, its currency unknown (amounts are then shown without a symbol).
   */
  async function withStoreInfo(
    settings: Settings,
    previous: Settings,
    secrets: Record<string, string>,
  ): Promise<Settings> {
    const connections = await Promise.all(
      settings.connections.map(async (c) => {
        const before = previous.connections.find((p) => p.id === c.id);
        const changed =
          !before ||
          before.storeHash !== c.storeHash ||
          before.apiBaseUrl !== c.apiBaseUrl ||
          secrets[c.id] !== undefined;
        if (!c.enabled || (c.lastTest && !changed)) return c;
        try {
          const token = secrets[c.id] ?? (await deps.vault.getSecret(connectionSecret(c.id)));
          if (!token) return c;
          const info = await withTimeout(
            deps.apisFor(c.storeHash, token, deps.isE2E ? c.apiBaseUrl : undefined).admin.storeInfo(),
            STORE_INFO_WAIT_MS,
          );
          return {
            ...c,
            lastTest: {
              at: new Date().toISOString(),
              storeName: info.name,
              currency: info.currency,
              timezone: info.timezone,
            },
          };
        } catch {
          return { ...c, lastTest: changed ? null : c.lastTest };
        }
      }),
    );
    return { ...settings, connections };
  }

  async function view(): Promise<SettingsView> {
    const [settings, locks, notices] = await Promise.all([
      deps.settings.get(),
      deps.settings.locks(),
      deps.settings.migrationReport(),
    ]);
    return { settings: await withHints(settings), locks, notices, isE2E: deps.isE2E };
  }

  const get = typed<SettingsGet>({
    type: 'settings/get',
    schema: SettingsGetSchema,
    ...OPTIONS_ONLY,
    handle: () => view(),
  });

  const save = typed<SettingsSave>({
    type: 'settings/save',
    schema: SettingsSaveSchema,
    ...OPTIONS_ONLY,
    async handle(message): Promise<SaveReply> {
      const secrets = message.secrets ?? {};
      const [previous, locks] = await Promise.all([deps.settings.get(), deps.settings.locks()]);
      const { team: _fromPage, ...fromPage } = message.settings;
      const draft: Settings = {
        ...fromPage,
        // Team mode changes only through team/connect and team/set-mode (lib/background/team-options.ts).
        ...(previous.team ? { team: previous.team } : {}),
        // Only the e2e build may point a connection at another API base (the sandbox).
        connections: Array.isArray(message.settings.connections)
          ? message.settings.connections.map((c) => (deps.isE2E && c.apiBaseUrl ? c : withoutApiBase(c)))
          : fromPage.connections,
      };
      const saved = new Set<string>();
      for (const c of previous.connections)
        if ((await deps.vault.hint(connectionSecret(c.id))) !== null) saved.add(c.id);
      const gladlySaved = (await deps.vault.hint('gladly-api')) !== null;
      const problems = Array.isArray(draft.connections)
        ? validateDraft(draft, {
            hasToken: (id) => secrets[id] !== undefined || saved.has(id),
            hasGladlyToken: message.gladlyApiToken !== undefined || gladlySaved,
          })
        : [{ path: 'connections', message: 'The settings were malformed.' }];
      if (problems.length > 0) return { saved: false, problems };

      // A managed connection stays whatever the page sent, so its token stays too.
      const keep = new Set([...draft.connections.map((c) => c.id), ...locks.connections]);
      for (const [id, token] of Object.entries(secrets))
        if (keep.has(id)) await deps.vault.setSecret(connectionSecret(id), token);
      for (const c of previous.connections) if (!keep.has(c.id)) await deps.vault.removeSecret(connectionSecret(c.id));
      if (draft.gladlyApi === null) await deps.vault.removeSecret('gladly-api');
      else if (message.gladlyApiToken !== undefined) await deps.vault.setSecret('gladly-api', message.gladlyApiToken);

      // Hints are the vault's to say: whatever the page sent for them is ignored.
      await deps.settings.save(await withHints(await withStoreInfo(draft, previous, secrets)));
      return { saved: true, view: await view() };
    },
  });

  const testConnection = typed<SettingsTestConnection>({
    type: 'settings/test-connection',
    schema: SettingsTestConnectionSchema,
    ...OPTIONS_ONLY,
    async handle({ connection, token }): Promise<TestConnectionResult> {
      const hash = parseStoreHash(connection.storeHash);
      if (!hash.ok) throw new OptionsError('config', hash.message, 'storeHash');
      const accessToken = token ?? (await deps.vault.getSecret(connectionSecret(connection.id)));
      if (!accessToken)
        throw new OptionsError('config', 'Enter the access token first: there is none saved for this store.', 'token');
      const apis = deps.apisFor(hash.hash, accessToken, deps.isE2E ? connection.apiBaseUrl : undefined);
      const info = await apis.admin.storeInfo();
      const scopes = await apis.admin.probeScopes((deps.requiredScopes ?? requiredScopes)(connection));
      return {
        store: { name: info.name, currency: info.currency, timezone: info.timezone },
        scopes: scopes.map((s) => ({ scope: s.scope, label: s.label, status: s.status, detail: s.detail })),
      };
    },
  });

  const testGladly = typed<SettingsTestGladly>({
    type: 'settings/test-gladly',
    schema: SettingsTestGladlySchema,
    ...OPTIONS_ONLY,
    async handle({ gladlyApi, token }): Promise<TestGladlyResult> {
      let apiToken = token;
      if (apiToken === undefined) {
        // The saved token only ever goes to the saved host: a typed, unsaved address needs the token typed too.
        const saved = (await deps.settings.get()).gladlyApi;
        if (saved && !sameOrigin(saved.host, gladlyApi.host))
          throw new OptionsError(
            'config',
            'The Gladly address differs from the saved one: enter the API token again to test it there.',
            'gladlyApi.token',
          );
        if (saved) apiToken = (await deps.vault.getSecret('gladly-api')) ?? undefined;
      }
      if (!apiToken)
        throw new OptionsError('config', 'Enter the Gladly API token first: there is none saved.', 'gladlyApi.token');
      const result = await (deps.testGladly ?? checkGladly)(gladlyApi.host, gladlyApi.email, apiToken);
      return { detail: result.detail };
    },
  });

  const exportHandler = typed<SettingsExport>({
    type: 'settings/export',
    schema: SettingsExportSchema,
    ...OPTIONS_ONLY,
    async handle(): Promise<ExportResult> {
      const at = now();
      return {
        json: exportSettings(await deps.settings.get(), at),
        filename: `bigcommerce-for-gladly-settings-${at.toISOString().slice(0, 10)}.json`,
      };
    },
  });

  const importHandler = typed<SettingsImport>({
    type: 'settings/import',
    schema: SettingsImportSchema,
    ...OPTIONS_ONLY,
    async handle({ text }): Promise<ImportReply> {
      const result = importSettings(text);
      if (!result.ok) throw new OptionsError('config', result.message);
      // A saved token stays with its connection only while it still points at the same store.
      const current = await deps.settings.get();
      const sameStore = new Set(current.connections.map((c) => `${c.id}|${c.storeHash}`));
      const settings = await withHints(result.settings);
      settings.connections = settings.connections.map((c) =>
        sameStore.has(`${c.id}|${c.storeHash}`) ? c : { ...c, tokenHint: null },
      );
      const notes = [
        'Review the imported settings, enter any missing access tokens, then press Save. Nothing is saved yet.',
      ];
      if (result.migratedFrom !== null)
        notes.push(`The file came from an older version (settings version ${result.migratedFrom}) and was upgraded.`);
      if (result.removedSecrets > 0)
        notes.push(`${result.removedSecrets} secret(s) in the file were ignored: enter tokens on this page.`);
      return { settings, notes };
    },
  });

  return [get, save, testConnection, testGladly, exportHandler, importHandler];
}

/** The router checks each message against its own handler's schema, so erasing T here is safe. */
function typed<T extends { type: string }>(handler: MessageHandler<T>): MessageHandler {
  return handler as unknown as MessageHandler;
}

function withoutApiBase(connection: Connection): Connection {
  const { apiBaseUrl: _dropped, ...rest } = connection;
  return rest;
}

const STORE_INFO_WAIT_MS = 4000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The store did not answer in time.')), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
