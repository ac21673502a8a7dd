/**
 * Store connections as rows: the extension's Connection (lib/settings-schema.ts) as JSON, and the
 * token sealed beside it. Only the registry (which builds BigCommerce clients) ever opens a token.
 * Each change bumps a generation number, so every replica rebuilds its clients on its next request.
 */
import { z } from 'zod';
import { createConnectionApis } from '../lib/bigcommerce';
import { requiredScopes } from '../lib/bigcommerce/scopes';
import { createConnectionRegistry, type ConnectionRegistry } from '../lib/background/connections';
import type { RequestGovernor } from '../lib/bigcommerce/governor';
import type { FetchLike } from '../lib/bigcommerce/request';
import type { TestConnectionResult } from '../lib/messages/options';
import { ConnectionSchema, LastTestSchema, type Connection } from '../lib/settings/schema';
import type { ConnectionApis } from '../lib/core/store-ports';
import type { Db, Queryable } from './db/db';
import { createDbGovernor } from './governor';
import type { Sealer } from './seal';

/** PUT /v1/admin/stores/:id: the Connection's fields (id from the path) and maybe a new token. */
export const StoreInputSchema = ConnectionSchema.omit({ id: true, tokenHint: true, lastTest: true }).extend({
  accessToken: z.string().trim().min(1).max(500).optional(),
  lastTest: LastTestSchema.nullable().optional(),
});
export type StoreInput = z.infer<typeof StoreInputSchema>;

/** A connection as an admin sees it: never a token, only whether one is saved and its last 4. */
export type StoreView = Connection & { hasToken: boolean };

interface StoreRow {
  id: string;
  connection: unknown;
  token_hint: string | null;
  has_token: boolean;
}

const parse = (value: unknown) =>
  (typeof value === 'string' ? JSON.parse(value) : value) as Omit<Connection, 'id' | 'tokenHint'>;

export async function listStores(db: Queryable): Promise<StoreView[]> {
  const rows = await db.query<StoreRow>(
    'SELECT id, connection, token_hint, sealed_token IS NOT NULL AS has_token FROM stores ORDER BY position, id',
  );
  return rows.map((row) => ({
    ...parse(row.connection),
    id: row.id,
    tokenHint: row.token_hint,
    hasToken: row.has_token,
  }));
}

export async function storeGeneration(db: Queryable): Promise<number> {
  const [row] = await db.query<{ generation: string | number }>('SELECT generation FROM store_generation WHERE id = 1');
  return Number(row?.generation ?? 0);
}

export class StoreInputError extends Error {
  readonly kind = 'bad-message';
}

export interface SaveStoreOptions {
  sealer: Sealer;
  allowLoopbackApi: boolean;
  /** Learns the store's name and currency for a new or changed connection (null: no answer). */
  storeInfo?(connection: Connection, token: string): Promise<Connection['lastTest']>;
}

/** Creates or replaces a store; a token absent from the input keeps the saved one. */
export async function saveStore(db: Db, id: string, input: StoreInput, options: SaveStoreOptions): Promise<StoreView> {
  const { accessToken, ...fields } = input;
  // Only a service started with --allow-loopback-api may point a store at another API base (the sandbox).
  const { apiBaseUrl, ...rest } = fields;
  const connectionFields: typeof rest & { apiBaseUrl?: string } =
    options.allowLoopbackApi && apiBaseUrl ? { ...rest, apiBaseUrl } : rest;
  const previous = (await listStores(db)).find((s) => s.id === id);
  if (!accessToken && !previous?.hasToken)
    throw new StoreInputError('Enter the access token from the API account: none is saved for this store.');
  const others = (await listStores(db)).filter((s) => s.id !== id && s.storeHash === connectionFields.storeHash);
  if (others[0]) throw new StoreInputError(`This store is already connected as “${others[0].name}”.`);

  let lastTest = fields.lastTest ?? previous?.lastTest ?? null;
  const changed =
    !previous ||
    previous.storeHash !== connectionFields.storeHash ||
    previous.apiBaseUrl !== connectionFields.apiBaseUrl ||
    accessToken !== undefined;
  if (changed) lastTest = null;
  if (options.storeInfo && connectionFields.enabled && (changed || !lastTest)) {
    const token = accessToken ?? (await openToken(db, options.sealer, id));
    if (token)
      lastTest =
        (await options
          .storeInfo({ ...connectionFields, id, tokenHint: null, lastTest: null }, token)
          .catch(() => null)) ?? lastTest;
  }
  const connection = { ...connectionFields, lastTest };
  await db.transaction(async (tx) => {
    const position = previous
      ? null
      : Number((await tx.query<{ n: number }>('SELECT COALESCE(max(position), -1) + 1 AS n FROM stores'))[0]?.n ?? 0);
    if (accessToken) {
      await tx.query(
        `INSERT INTO stores (id, position, connection, sealed_token, token_hint) VALUES ($1, $2, $3::jsonb, $4, $5)
         ON CONFLICT (id) DO UPDATE SET connection = excluded.connection, sealed_token = excluded.sealed_token, token_hint = excluded.token_hint, updated_at = now()`,
        [id, position ?? 0, JSON.stringify(connection), options.sealer.seal(accessToken, id), accessToken.slice(-4)],
      );
    } else {
      await tx.query('UPDATE stores SET connection = $2::jsonb, updated_at = now() WHERE id = $1', [
        id,
        JSON.stringify(connection),
      ]);
    }
    await tx.query('UPDATE store_generation SET generation = generation + 1 WHERE id = 1');
  });
  return (await listStores(db)).find((s) => s.id === id)!;
}

export async function deleteStore(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await tx.query('DELETE FROM stores WHERE id = $1 RETURNING id', [id]);
    await tx.query('DELETE FROM lookup_cache WHERE connection_id = $1', [id]);
    await tx.query('UPDATE store_generation SET generation = generation + 1 WHERE id = 1');
    return removed.length > 0;
  });
}

export async function openToken(db: Queryable, sealer: Sealer, id: string): Promise<string | null> {
  const [row] = await db.query<{ sealed_token: string | null }>('SELECT sealed_token FROM stores WHERE id = $1', [id]);
  return row?.sealed_token ? sealer.open(row.sealed_token, id) : null;
}

/** After a key rotation: tokens sealed under TEAM_SECRET_KEY_PREVIOUS are sealed again under the current key. */
export async function resealTokens(db: Db, sealer: Sealer): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; sealed_token: string }>(
      'SELECT id, sealed_token FROM stores WHERE sealed_token IS NOT NULL FOR UPDATE',
    );
    let count = 0;
    for (const row of rows) {
      if (sealer.isCurrent(row.sealed_token)) continue;
      await tx.query('UPDATE stores SET sealed_token = $2 WHERE id = $1', [
        row.id,
        sealer.seal(sealer.open(row.sealed_token, row.id), row.id),
      ]);
      count += 1;
    }
    return count;
  });
}

export interface StoreClients {
  registry: ConnectionRegistry;
  /** A client for a draft connection ("Test connection" before saving). */
  apisFor(connection: Pick<Connection, 'storeHash' | 'apiBaseUrl' | 'id' | 'name'>, token: string): ConnectionApis;
  /** Rebuilds the clients when any replica changed a store since the last call. */
  sync(): Promise<void>;
}

export function createStoreClients(db: Db, sealer: Sealer, allowLoopbackApi: boolean, fetch?: FetchLike): StoreClients {
  const governors = new Map<string, RequestGovernor>();
  const governorFor = (storeHash: string) => {
    let governor = governors.get(storeHash);
    if (!governor) {
      governor = createDbGovernor(db, storeHash);
      governors.set(storeHash, governor);
    }
    return governor;
  };
  const apisFor: StoreClients['apisFor'] = (connection, token) =>
    createConnectionApis({
      storeHash: connection.storeHash,
      accessToken: token,
      apiBaseUrl: connection.apiBaseUrl,
      allowCustomBase: allowLoopbackApi,
      connectionId: connection.id,
      storeName: connection.name,
      defaultCurrency: (connection as Partial<Connection>).lastTest?.currency || undefined,
      governor: governorFor(connection.storeHash),
      fetch,
    });
  const registry = createConnectionRegistry({
    connections: () => listStores(db),
    token: (id) => openToken(db, sealer, id),
    create: (connection, token) => apisFor(connection, token),
  });
  let known: number | null = null;
  return {
    registry,
    apisFor,
    async sync() {
      const generation = await storeGeneration(db);
      if (known !== null && generation !== known) registry.reset();
      known = generation;
    },
  };
}

/** "Test connection", as the options page shows it: the store's name, currency and each scope. */
export async function testConnection(
  apis: ConnectionApis,
  connection: Pick<Connection, 'actions'>,
): Promise<TestConnectionResult> {
  const info = await apis.admin.storeInfo();
  const scopes = await apis.admin.probeScopes(requiredScopes(connection));
  return {
    store: { name: info.name, currency: info.currency, timezone: info.timezone },
    scopes: scopes.map((s) => ({ scope: s.scope, label: s.label, status: s.status, detail: s.detail })),
  };
}
