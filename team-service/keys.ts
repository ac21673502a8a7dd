/**
 * Access keys: shown once, stored as a SHA-256 hash, with a role (agent | admin), revocable.
 * A revoked key is refused on its very next request: every request reads its row.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db, Queryable } from './db/db';

export type Role = 'agent' | 'admin';

export interface AccessKey {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt: string | null;
}

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

const iso = (value: unknown): string | null =>
  value === null || value === undefined ? null : new Date(value as string).toISOString();

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  created_at: unknown;
  revoked_at: unknown;
}
const toKey = (row: KeyRow): AccessKey => ({
  id: row.id,
  name: row.name,
  role: row.role,
  createdAt: iso(row.created_at)!,
  revokedAt: iso(row.revoked_at),
});

export async function issueKey(db: Queryable, name: string, role: Role): Promise<{ id: string; key: string }> {
  // "tsk_" makes a leaked key easy to recognise in a scanner.
  const key = `tsk_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db.query('INSERT INTO access_keys (id, name, role, key_hash) VALUES ($1, $2, $3, $4)', [
    id,
    name,
    role,
    hashKey(key),
  ]);
  return { id, key };
}

export async function findKey(db: Queryable, key: string): Promise<AccessKey | null> {
  const rows = await db.query<KeyRow>(
    'SELECT id, name, role, created_at, revoked_at FROM access_keys WHERE key_hash = $1',
    [hashKey(key)],
  );
  return rows[0] ? toKey(rows[0]) : null;
}

export async function listKeys(db: Queryable): Promise<AccessKey[]> {
  return (
    await db.query<KeyRow>('SELECT id, name, role, created_at, revoked_at FROM access_keys ORDER BY created_at, id')
  ).map(toKey);
}

/** Revokes; false when there is no such key. Revoking twice keeps the first time. */
export async function revokeKey(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE access_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id',
    [id],
  );
  return rows.length > 0;
}

/** A fresh database gets one admin key (only one replica makes it, under the lock). */
export async function firstAdminKey(db: Db): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [7_150_016]);
    const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM access_keys');
    if (Number(row?.n) > 0) return null;
    return (await issueKey(tx, 'first admin', 'admin')).key;
  });
}
