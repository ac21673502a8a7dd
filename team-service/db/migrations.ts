/**
 * Versioned schema changes, applied at start. Every replica runs this; one transaction holding
 * an advisory lock makes the second one wait and then find nothing left to do. Append new
 * versions at the end; never edit one that has shipped.
 */
import type { Db } from './db';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Any fixed number: the advisory lock every replica takes while migrating. */
const MIGRATION_LOCK = 7_150_015;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'team state',
    sql: `
      CREATE TABLE stores (
        id text PRIMARY KEY,
        position integer NOT NULL DEFAULT 0,
        connection jsonb NOT NULL,
        -- AES-GCM sealed; never selected into a reply.
        sealed_token text,
        token_hint text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- Bumped on every store change, so each replica knows when to rebuild its clients.
      CREATE TABLE store_generation (id integer PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL);
      INSERT INTO store_generation VALUES (1, 0);

      CREATE TABLE access_keys (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('agent', 'admin')),
        key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );

      CREATE TABLE links (
        identity_key text NOT NULL,
        connection_id text NOT NULL,
        customer_id text NOT NULL,
        linked_at bigint NOT NULL,
        linked_by text NOT NULL CHECK (linked_by IN ('auto', 'agent')),
        PRIMARY KEY (identity_key, connection_id)
      );
      CREATE TABLE unlink_marks (
        identity_key text NOT NULL,
        connection_id text NOT NULL,
        customer_id text NOT NULL,
        marked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (identity_key, connection_id, customer_id)
      );

      CREATE TABLE lookup_cache (
        connection_id text NOT NULL,
        query_key text NOT NULL,
        value jsonb NOT NULL,
        order_ids jsonb NOT NULL,
        stored_at bigint NOT NULL,
        PRIMARY KEY (connection_id, query_key)
      );
      CREATE INDEX lookup_cache_stored_at ON lookup_cache (stored_at);

      -- One action in flight per order: the primary key is the lock.
      CREATE TABLE action_locks (
        order_key text PRIMARY KEY,
        action_id text NOT NULL,
        owner text NOT NULL,
        expires_at bigint NOT NULL
      );
      CREATE TABLE action_pending (
        order_key text PRIMARY KEY,
        record jsonb NOT NULL
      );
      -- The same actionId never sent twice: its first answer is kept and replayed.
      CREATE TABLE action_results (
        action_id text PRIMARY KEY,
        result jsonb NOT NULL,
        at bigint NOT NULL
      );

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at text NOT NULL,
        key_name text NOT NULL,
        reported_agent text,
        agent text NOT NULL,
        connection_id text NOT NULL,
        store_name text NOT NULL,
        order_id text NOT NULL,
        action text NOT NULL,
        amount text,
        currency text,
        result text NOT NULL,
        detail text NOT NULL,
        reference text,
        action_id text
      );

      -- One quota governor per store across replicas.
      CREATE TABLE store_quota (
        store_hash text PRIMARY KEY,
        quota integer,
        requests_left integer,
        reset_at bigint
      );
    `,
  },
];

/** Applies what is missing; returns the versions this call applied. */
export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    );
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
