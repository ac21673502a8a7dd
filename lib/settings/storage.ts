/**
 * The settings store: reads and writes Settings in the background's store, migrates older shapes, sets
 * aside what it cannot read (never silently dropping it), and lays the administrator's managed
 * policy (storage.managed, public/managed_schema.json) over the result. Secrets are not here:
 * see lib/settings/vault.ts.
 */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { KeyValueStore } from '../core/kv-store';
import {
  ConnectionIdSchema,
  DEFAULT_SETTINGS,
  DEFAULT_ACTION_REASONS,
  GladlyHostSchema,
  SETTINGS_VERSION,
  SettingsSchema,
  newConnection,
  teamOf,
  type Connection,
  type Settings,
} from './schema';
import { parseStoreHash } from './store-hash';
import type { SettingsLocks, SettingsNotice } from './schema';

export const SETTINGS_KEY = 'settings';
/** Copies of settings that could not be read, newest last (kept for the admin, shown on the page). */
export const SET_ASIDE_KEY = 'settings.setAside';
export const LAST_MIGRATION_KEY = 'settings.lastMigration';
const MAX_SET_ASIDE = 5;

export interface SetAsideRecord {
  at: string;
  reason: string;
  /** How many plain-text secrets were cut out of the copy (they must not sit in extension storage). */
  removedSecrets: number;
  data: unknown;
}

export class SettingsInvalidError extends Error {
  readonly kind = 'config';
  readonly field: string | undefined;
  constructor(readonly problems: FieldProblem[]) {
    super(
      problems.length === 1
        ? (problems[0]?.message ?? '')
        : `${problems.length} settings need fixing before they can be saved.`,
    );
    this.name = 'SettingsInvalidError';
    this.field = problems[0]?.path;
  }
}

export interface SettingsStore {
  /** Settings with the managed policy applied. */
  get(): Promise<Settings>;
  locks(): Promise<SettingsLocks>;
  /** Validates, saves, tells listeners; throws SettingsInvalidError (nothing saved) when invalid. */
  save(next: Settings): Promise<Settings>;
  onChange(cb: (settings: Settings) => void): () => void;
  /** Migrations done, copies set aside and policy problems, for the options page. */
  migrationReport(): Promise<SettingsNotice[]>;
}

export interface SettingsStoreDeps {
  local: KeyValueStore;
  /** storage.managed's contents (resolve {} or reject where there is no policy). */
  managed?: () => Promise<unknown>;
  now?: () => Date;
}

// ---- migrations -------------------------------------------------------------------------------

type Raw = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n object into version n+1. */
const MIGRATIONS: Record<number, (old: Raw) => Raw> = {
  1: (old) => ({
    ...old,
    version: 2,
    // Anything not shaped as expected is passed on untouched, so validation sets it aside whole.
    connections: !Array.isArray(old.connections)
      ? old.connections
      : old.connections.map((entry) => {
          const connection = asRecord(entry);
          const hash = parseStoreHash(typeof connection.storeHash === 'string' ? connection.storeHash : '');
          const seen = new Set<unknown>();
          return {
            ...connection,
            storeHash: hash.ok ? hash.hash : connection.storeHash,
            searchQueryAttributes: !Array.isArray(connection.searchQueryAttributes)
              ? connection.searchQueryAttributes
              : connection.searchQueryAttributes.filter((row: unknown) => {
                  const attribute = asRecord(row).attribute;
                  if (seen.has(attribute)) return false;
                  seen.add(attribute);
                  return true;
                }),
            lastTest: null,
          };
        }),
  }),
  // Reasons did not exist: every store starts with the default picklist, which the admin edits.
  2: (old) => ({ ...old, version: 3, actionReasons: [...DEFAULT_ACTION_REASONS] }),
};

export type ReadResult =
  | { kind: 'current'; settings: Settings }
  | { kind: 'migrated'; settings: Settings; from: number }
  | { kind: 'unreadable'; reason: string };

/** Reads any stored or imported settings object into the current shape, or says why not. */
export function readSettings(raw: unknown): ReadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { kind: 'unreadable', reason: 'The saved settings were not an object.' };
  const version = (raw as Raw).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      kind: 'unreadable',
      reason: 'The saved settings have no version this extension knows (they may come from an early preview).',
    };
  }
  if (version > SETTINGS_VERSION) {
    return {
      kind: 'unreadable',
      reason: `The saved settings were written by a newer version of the extension (settings version ${version}).`,
    };
  }
  let current: Raw = raw as Raw;
  for (let v = version; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { kind: 'unreadable', reason: `Settings version ${version} can no longer be upgraded.` };
    current = step(current);
  }
  const parsed = SettingsSchema.safeParse(current);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') : '';
    return { kind: 'unreadable', reason: `The saved settings did not pass checks${where ? ` (at ${where})` : ''}.` };
  }
  return version === SETTINGS_VERSION
    ? { kind: 'current', settings: parsed.data }
    : { kind: 'migrated', settings: parsed.data, from: version };
}

// ---- managed policy ---------------------------------------------------------------------------

const ManagedStoreHashSchema = lazySchema(() =>
  z.string().transform((value, ctx) => {
    const parsed = parseStoreHash(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.hash;
  }),
);

const ManagedConnectionSchema = lazySchema(() =>
  z.object({
    id: ConnectionIdSchema,
    name: z.string().trim().min(1).max(80),
    storeHash: ManagedStoreHashSchema,
    clientId: z.string().trim().max(200).optional(),
    enabled: z.boolean().optional(),
    searchQueryAttributes: z
      .array(z.object({ attribute: z.enum(['email', 'phone']), label: z.string().trim().min(1).max(60) }))
      .min(1)
      .optional(),
    searchResultsAttributes: z
      .array(z.object({ attribute: z.string().trim().min(1).max(60), label: z.string().trim().min(1).max(60) }))
      .optional(),
    autoLink: z.object({ email: z.boolean(), phone: z.boolean() }).optional(),
    overwriteExistingValues: z.boolean().optional(),
    actions: z
      .object({
        enabled: z.boolean(),
        cancel: z.boolean(),
        refund: z.boolean(),
        partialRefund: z.boolean(),
        discount: z.boolean(),
      })
      .partial()
      .optional(),
  }),
);

export const ManagedPolicySchema = lazySchema(() =>
  z.object({
    connections: z.array(ManagedConnectionSchema).optional(),
    allowActions: z.boolean().optional(),
    gladlyApi: z.object({ host: GladlyHostSchema, email: z.string().trim().email() }).optional(),
    selectors: z.record(z.string(), z.string().min(1)).optional(),
    /** IT pushes the mode and the service address; each agent still pastes their own access key. */
    team: z
      .object({
        mode: z.enum(['standalone', 'team']).optional(),
        serviceUrl: z
          .string()
          .trim()
          .url()
          .refine((value) => /^https?:\/\//i.test(value), 'Use an http:// or https:// address')
          .transform(trimTrailingSlash)
          .optional(),
      })
      .optional(),
  }),
);
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

/** Lays a policy over saved settings: managed values win and are reported as locks. */
export function applyPolicy(saved: Settings, policy: ManagedPolicy): { settings: Settings; locks: SettingsLocks } {
  const byId = new Map(saved.connections.map((c) => [c.id, c]));
  const managedIds = new Set<string>();
  const managed: Connection[] = (policy.connections ?? []).map((m) => {
    managedIds.add(m.id);
    const base = byId.get(m.id) ?? newConnection(m.id);
    return {
      ...base,
      id: m.id,
      name: m.name,
      storeHash: m.storeHash,
      clientId: m.clientId ?? base.clientId,
      enabled: m.enabled ?? true,
      apiBaseUrl: undefined,
      searchQueryAttributes: m.searchQueryAttributes ?? base.searchQueryAttributes,
      searchResultsAttributes: m.searchResultsAttributes ?? base.searchResultsAttributes,
      autoLink: m.autoLink ?? base.autoLink,
      overwriteExistingValues: m.overwriteExistingValues ?? base.overwriteExistingValues,
      actions: { ...base.actions, ...m.actions },
    };
  });
  const actionsOff = policy.allowActions === false;
  const connections = [...managed, ...saved.connections.filter((c) => !managedIds.has(c.id))].map((c) =>
    actionsOff ? { ...c, actions: { ...c.actions, enabled: false } } : c,
  );
  const gladlyApi = policy.gladlyApi
    ? { host: policy.gladlyApi.host, email: policy.gladlyApi.email, tokenHint: saved.gladlyApi?.tokenHint ?? null }
    : saved.gladlyApi;
  // Team mode laid over, never replacing: the standalone connections above stay as they are.
  const team =
    policy.team && (policy.team.mode !== undefined || policy.team.serviceUrl !== undefined)
      ? {
          ...teamOf(saved),
          ...(policy.team.mode !== undefined ? { mode: policy.team.mode } : {}),
          ...(policy.team.serviceUrl !== undefined ? { serviceUrl: policy.team.serviceUrl } : {}),
        }
      : saved.team;
  return {
    settings: {
      ...saved,
      ...(team !== undefined ? { team } : {}),
      connections,
      gladlyApi,
      selectors: { ...saved.selectors, ...policy.selectors },
    },
    locks: {
      connections: [...managedIds],
      actionsOff,
      gladlyApi: policy.gladlyApi !== undefined,
      selectors: Object.keys(policy.selectors ?? {}),
      ...(policy.team
        ? { team: { mode: policy.team.mode !== undefined, serviceUrl: policy.team.serviceUrl !== undefined } }
        : {}),
    },
  };
}

/** "https://team.example.com/" and "https://team.example.com" are one service. */
export function trimTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

// ---- the store --------------------------------------------------------------------------------

export function createSettingsStore(deps: SettingsStoreDeps): SettingsStore {
  const listeners = new Set<(settings: Settings) => void>();
  const now = () => (deps.now ?? (() => new Date()))().toISOString();
  let managedProblem: string | null = null;

  async function readSaved(): Promise<Settings> {
    const raw = await deps.local.get<unknown>(SETTINGS_KEY);
    if (raw === undefined) return structuredClone(DEFAULT_SETTINGS);
    const result = readSettings(raw);
    if (result.kind === 'current') return result.settings;
    if (result.kind === 'migrated') {
      await deps.local.set(SETTINGS_KEY, result.settings);
      await deps.local.set(LAST_MIGRATION_KEY, { from: result.from, to: SETTINGS_VERSION, at: now() });
      return result.settings;
    }
    await setAside(raw, result.reason);
    await deps.local.set(SETTINGS_KEY, DEFAULT_SETTINGS);
    return structuredClone(DEFAULT_SETTINGS);
  }

  async function setAside(raw: unknown, reason: string): Promise<void> {
    const { value, removed } = withoutSecrets(raw);
    const list = (await deps.local.get<SetAsideRecord[]>(SET_ASIDE_KEY)) ?? [];
    const record: SetAsideRecord = { at: now(), reason, removedSecrets: removed, data: value };
    await deps.local.set(SET_ASIDE_KEY, [...list, record].slice(-MAX_SET_ASIDE));
  }

  async function readPolicy(): Promise<ManagedPolicy> {
    if (!deps.managed) return {};
    let raw: unknown;
    try {
      raw = await deps.managed();
    } catch {
      // No policy in this browser (Firefox without a managed manifest, tests): nothing to lay over.
      managedProblem = null;
      return {};
    }
    const parsed = ManagedPolicySchema.safeParse(raw ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      managedProblem = `Your administrator's policy for this extension could not be read${first ? ` (at ${first.path.join('.') || 'the top'})` : ''}; it is ignored until fixed.`;
      return {};
    }
    managedProblem = null;
    return parsed.data;
  }

  async function view(): Promise<{ settings: Settings; locks: SettingsLocks }> {
    const [saved, policy] = await Promise.all([readSaved(), readPolicy()]);
    return applyPolicy(saved, policy);
  }

  const get = async () => (await view()).settings;

  return {
    get,
    async locks() {
      return (await view()).locks;
    },
    async save(next) {
      const parsed = SettingsSchema.safeParse(next);
      if (!parsed.success) throw new SettingsInvalidError(problemsOf(parsed.error.issues));
      // Saved with the policy applied, so a locked value can't be changed by a crafted save.
      const { settings } = applyPolicy(parsed.data, await readPolicy());
      await deps.local.set(SETTINGS_KEY, settings);
      const current = await get();
      for (const listener of listeners) listener(current);
      return current;
    },
    onChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    async migrationReport() {
      await view();
      const notices: SettingsNotice[] = [];
      const migration = await deps.local.get<{ from: number; to: number; at: string }>(LAST_MIGRATION_KEY);
      if (migration) notices.push({ kind: 'migrated', ...migration });
      for (const record of (await deps.local.get<SetAsideRecord[]>(SET_ASIDE_KEY)) ?? []) {
        notices.push({
          kind: 'set-aside',
          reason: record.reason,
          at: record.at,
          removedSecrets: record.removedSecrets,
        });
      }
      if (managedProblem) notices.push({ kind: 'managed-invalid', reason: managedProblem });
      return notices;
    },
  };
}

// ---- export / import (never with a secret) ----------------------------------------------------

export const EXPORT_FORMAT = 'gladly-bigcommerce-settings';

export function exportSettings(settings: Settings, at: Date = new Date()): string {
  const clean: Settings = {
    ...settings,
    connections: settings.connections.map((c) => ({ ...c, tokenHint: null })),
    gladlyApi: settings.gladlyApi ? { ...settings.gladlyApi, tokenHint: null } : null,
  };
  return JSON.stringify({ format: EXPORT_FORMAT, exportedAt: at.toISOString(), settings: clean }, null, 2);
}

export type ImportResult =
  | { ok: true; settings: Settings; migratedFrom: number | null; removedSecrets: number }
  | { ok: false; message: string };

export function importSettings(text: string): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'That file is not a settings export (it is not JSON).' };
  }
  const envelope = asRecord(raw);
  if (envelope.format !== EXPORT_FORMAT)
    return { ok: false, message: 'That file is not a settings export from this extension.' };
  const { value, removed } = withoutSecrets(envelope.settings);
  const result = readSettings(value);
  if (result.kind === 'unreadable')
    return { ok: false, message: result.reason.replace('saved settings', 'imported settings') };
  const settings: Settings = {
    ...result.settings,
    connections: result.settings.connections.map((c) => ({ ...c, tokenHint: null })),
    gladlyApi: result.settings.gladlyApi ? { ...result.settings.gladlyApi, tokenHint: null } : null,
  };
  return { ok: true, settings, migratedFrom: result.kind === 'migrated' ? result.from : null, removedSecrets: removed };
}

// ---- helpers ----------------------------------------------------------------------------------

export interface FieldProblem {
  /** Dotted path into Settings, e.g. "connections.0.storeHash"; tokens use "connections.0.token". */
  path: string;
  message: string;
}

export function problemsOf(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): FieldProblem[] {
  return issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

const SECRET_KEY = /token|secret|password/i;

/** Cuts plain-text secrets out of an unknown object (old shapes may have kept a token in clear). */
export function withoutSecrets(value: unknown): { value: unknown; removed: number } {
  let removed = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: Raw = {};
    for (const [key, child] of Object.entries(node)) {
      if (SECRET_KEY.test(key) && key !== 'tokenHint' && typeof child === 'string' && child !== '') {
        removed++;
        continue;
      }
      out[key] = walk(child);
    }
    return out;
  };
  return { value: walk(value), removed };
}

function asRecord(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}
