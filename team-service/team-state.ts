/**
 * The extension's team-wide state as rows: links and unlink marks (lib/linking.ts LinkStore),
 * the lookup cache shared by every agent (lib/lookup-cache.ts LookupCache, same freshness
 * windows), and the order guard's lock, pending records and first answers (lib/actions/
 * order-guard.ts GuardStore). Each write that must hold across replicas is one statement or one
 * transaction guarded by a key or constraint.
 */
import { randomUUID } from 'node:crypto';
import {
  PendingRecordSchema,
  type GuardStore,
  type PendingRecord,
  type StoredResult,
} from '../lib/actions/order-guard';
import { identityKey } from '../lib/messages/identity';
import type { LinkStore, StoredLink } from '../lib/lookup/linking';
import { FRESH_MS, STALE_MS, type LookupCache } from '../lib/lookup/cache';
import type { StoreLookup } from '../lib/messages/lookup';
import type { Db } from './db/db';

/** JSON columns come back parsed (both clients); text is parsed here just in case. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T));

export function createDbLinkStore(db: Db, now: () => number = Date.now): LinkStore {
  return {
    async read(identity, connectionId) {
      // The lookup needs both before its searches leave: one query, not two.
      const [row] = await db.query<{
        customer_id: string | null;
        linked_at: string | number | null;
        linked_by: StoredLink['by'] | null;
        unlinked: string[];
      }>(
        `SELECT l.customer_id, l.linked_at, l.linked_by,
                ARRAY(SELECT u.customer_id FROM unlink_marks u WHERE u.identity_key = $1 AND u.connection_id = $2) AS unlinked
           FROM (SELECT 1) AS one
           LEFT JOIN links l ON l.identity_key = $1 AND l.connection_id = $2`,
        [identityKey(identity), connectionId],
      );
      const link =
        row?.customer_id && row.linked_by
          ? { customerId: row.customer_id, linkedAt: Number(row.linked_at), by: row.linked_by }
          : undefined;
      return { link, unlinked: new Set(row?.unlinked ?? []) };
    },
    async get(identity, connectionId) {
      const [row] = await db.query<{ customer_id: string; linked_at: string | number; linked_by: StoredLink['by'] }>(
        'SELECT customer_id, linked_at, linked_by FROM links WHERE identity_key = $1 AND connection_id = $2',
        [identityKey(identity), connectionId],
      );
      return row ? { customerId: row.customer_id, linkedAt: Number(row.linked_at), by: row.linked_by } : undefined;
    },
    async link(identity, connectionId, customerId, by) {
      const key = identityKey(identity);
      if (by === 'auto') {
        // An auto-link never lands on a pair someone unlinked, even one unlinked on another
        // replica while this lookup was deciding.
        await db.query(
          `INSERT INTO links (identity_key, connection_id, customer_id, linked_at, linked_by)
           SELECT $1, $2, $3, $4, 'auto'
           WHERE NOT EXISTS (SELECT 1 FROM unlink_marks WHERE identity_key = $1 AND connection_id = $2 AND customer_id = $3)
           ON CONFLICT (identity_key, connection_id) DO UPDATE SET customer_id = excluded.customer_id, linked_at = excluded.linked_at, linked_by = 'auto'`,
          [key, connectionId, customerId, now()],
        );
        return;
      }
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO links (identity_key, connection_id, customer_id, linked_at, linked_by) VALUES ($1, $2, $3, $4, 'agent')
           ON CONFLICT (identity_key, connection_id) DO UPDATE SET customer_id = excluded.customer_id, linked_at = excluded.linked_at, linked_by = 'agent'`,
          [key, connectionId, customerId, now()],
        );
        // An agent linking a customer on purpose lifts an earlier unlink mark for that pair.
        await tx.query('DELETE FROM unlink_marks WHERE identity_key = $1 AND connection_id = $2 AND customer_id = $3', [
          key,
          connectionId,
          customerId,
        ]);
      });
    },
    async unlink(identity, connectionId) {
      const key = identityKey(identity);
      return db.transaction(async (tx) => {
        const [removed] = await tx.query<{ customer_id: string }>(
          'DELETE FROM links WHERE identity_key = $1 AND connection_id = $2 RETURNING customer_id',
          [key, connectionId],
        );
        if (!removed) return undefined;
        await tx.query(
          'INSERT INTO unlink_marks (identity_key, connection_id, customer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [key, connectionId, removed.customer_id],
        );
        return removed.customer_id;
      });
    },
    async wasUnlinked(identity, connectionId, customerId) {
      const rows = await db.query(
        'SELECT 1 FROM unlink_marks WHERE identity_key = $1 AND connection_id = $2 AND customer_id = $3',
        [identityKey(identity), connectionId, customerId],
      );
      return rows.length > 0;
    },
    async unlinkedIds(identity, connectionId) {
      const rows = await db.query<{ customer_id: string }>(
        'SELECT customer_id FROM unlink_marks WHERE identity_key = $1 AND connection_id = $2',
        [identityKey(identity), connectionId],
      );
      return new Set(rows.map((r) => r.customer_id));
    },
  };
}

export function createDbLookupCache(db: Db, now: () => number = Date.now): LookupCache {
  let lastPrune = 0;
  return {
    async get(connectionId, queryKey) {
      const [row] = await db.query<{ value: unknown; stored_at: string | number }>(
        'SELECT value, stored_at FROM lookup_cache WHERE connection_id = $1 AND query_key = $2',
        [connectionId, queryKey],
      );
      if (!row) return undefined;
      const age = now() - Number(row.stored_at);
      if (age > STALE_MS) return undefined;
      return { value: json<StoreLookup>(row.value), fresh: age <= FRESH_MS };
    },
    async put(connectionId, queryKey, value) {
      const orderIds = (value.orders ?? []).map((o) => o.id);
      await db.query(
        `INSERT INTO lookup_cache (connection_id, query_key, value, order_ids, stored_at) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5)
         ON CONFLICT (connection_id, query_key) DO UPDATE SET value = excluded.value, order_ids = excluded.order_ids, stored_at = excluded.stored_at`,
        [connectionId, queryKey, JSON.stringify(value), JSON.stringify(orderIds), now()],
      );
      // Customer data is not kept past the stale window.
      if (now() - lastPrune > 60_000) {
        lastPrune = now();
        await db.query('DELETE FROM lookup_cache WHERE stored_at < $1', [now() - STALE_MS]);
      }
    },
    async invalidateOrder(connectionId, orderId) {
      await db.query('DELETE FROM lookup_cache WHERE connection_id = $1 AND order_ids @> $2::jsonb', [
        connectionId,
        JSON.stringify([orderId]),
      ]);
    },
    async invalidate(connectionId, queryKey) {
      await db.query('DELETE FROM lookup_cache WHERE connection_id = $1 AND query_key = $2', [connectionId, queryKey]);
    },
    async clear() {
      await db.query('DELETE FROM lookup_cache');
    },
  };
}

/** A lock outlives a crashed replica by at most this long; then the order's pending record is reconciled. */
export const LOCK_LEASE_MS = 120_000;

export function createDbGuardStore(db: Db, now: () => number = Date.now): GuardStore {
  // The token that proves this process holds a lock (an expired lock may be taken over).
  const mine = new Map<string, string>();
  return {
    async lock(key, actionId) {
      const owner = randomUUID();
      const at = now();
      const taken = await db.query(
        `INSERT INTO action_locks (order_key, action_id, owner, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (order_key) DO UPDATE SET action_id = excluded.action_id, owner = excluded.owner, expires_at = excluded.expires_at
           WHERE action_locks.expires_at < $5
         RETURNING order_key`,
        [key, actionId, owner, at + LOCK_LEASE_MS, at],
      );
      if (taken.length > 0) {
        mine.set(key, owner);
        return null;
      }
      const [holder] = await db.query<{ action_id: string }>(
        'SELECT action_id FROM action_locks WHERE order_key = $1',
        [key],
      );
      // Released between the two statements: report it as held all the same (the caller retries).
      return holder?.action_id ?? 'status';
    },
    async unlock(key) {
      const owner = mine.get(key);
      if (!owner) return;
      mine.delete(key);
      await db.query('DELETE FROM action_locks WHERE order_key = $1 AND owner = $2', [key, owner]);
    },
    async pending(key) {
      const [row] = await db.query<{ record: unknown }>('SELECT record FROM action_pending WHERE order_key = $1', [
        key,
      ]);
      if (!row) return undefined;
      const parsed = PendingRecordSchema.safeParse(json(row.record));
      return parsed.success ? parsed.data : undefined;
    },
    async setPending(key, record: PendingRecord | null) {
      if (!record) await db.query('DELETE FROM action_pending WHERE order_key = $1', [key]);
      else
        await db.query(
          'INSERT INTO action_pending (order_key, record) VALUES ($1, $2::jsonb) ON CONFLICT (order_key) DO UPDATE SET record = excluded.record',
          [key, JSON.stringify(record)],
        );
    },
    async result(actionId) {
      const [row] = await db.query<{ result: unknown }>('SELECT result FROM action_results WHERE action_id = $1', [
        actionId,
      ]);
      return row ? json<StoredResult>(row.result) : undefined;
    },
    async saveResult(actionId, result) {
      // The first answer wins: a second one for the same actionId is never kept.
      await db.query(
        'INSERT INTO action_results (action_id, result, at) VALUES ($1, $2::jsonb, $3) ON CONFLICT (action_id) DO NOTHING',
        [actionId, JSON.stringify(result), result.at],
      );
    },
  };
}
