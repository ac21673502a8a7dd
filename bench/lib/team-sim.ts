/**
 * The team part of the quota simulation: the same agents and schedule as quota-sim.ts, but each
 * lookup goes through one team service (HTTP, NDJSON) on a real database — PGlite in a temp
 * folder, or BENCH_DATABASE_URL — with its shared cache and one governor for the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity } from '../../lib/messages/identity';
import type { LookupUpdate, StoreLookup } from '../../lib/messages/lookup';
import { newConnection } from '../../lib/settings/schema';
import type { SandboxHandle } from '../../sandbox/server';
import { sandboxFetch } from '../../scripts/lib/sandbox-fetch';
import { openDatabase, type Db } from '../../team-service/db/db';
import { issueKey } from '../../team-service/keys';
import { createSealer } from '../../team-service/seal';
import { startTeamService, type TeamServiceHandle } from '../../team-service/service';

export interface BenchTeamService {
  database: string;
  lookupVia(index: number, identity: Identity): Promise<StoreLookup[]>;
  /** A cold start for the next run: no cached lookups, no learnt quota. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchTeamService(sandbox: SandboxHandle): Promise<BenchTeamService> {
  const url = process.env.BENCH_DATABASE_URL;
  const dir = url ? null : mkdtempSync(join(tmpdir(), 'bench-team-'));
  const db: Db = await openDatabase({ url, dataDir: dir ?? '' });
  let service: TeamServiceHandle | null = null;
  try {
    service = await startTeamService({
      db,
      sealer: createSealer(randomBytes(32)),
      port: 0,
      allowLoopbackApi: true,
      // The simulation's agents are many keys, each far below any sensible per-key limit.
      rateLimit: { burst: 1000, perSecond: 1000 },
      storeFetch: sandboxFetch(sandbox.info),
    });
    const adminKey = service.adminKey ?? (await issueKey(db, 'bench admin', 'admin')).key;
    const store = sandbox.info.bigcommerce.stores[0]!;
    const { id: _id, tokenHint: _hint, lastTest: _last, ...fields } = newConnection('main');
    const put = await fetch(`${service.url}/v1/admin/stores/main`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        ...fields,
        name: store.name,
        storeHash: store.hash,
        clientId: 'bench',
        apiBaseUrl: sandbox.info.bigcommerce.baseUrl,
        accessToken: store.accessToken,
      }),
    });
    if (!put.ok) throw new Error(`The bench could not connect the store to the team service (${put.status})`);
    const keys = new Map<number, Promise<string>>();
    const keyOf = (index: number) => {
      let key = keys.get(index);
      if (!key) {
        key = issueKey(db, `bench agent ${index}`, 'agent').then((k) => k.key);
        keys.set(index, key);
      }
      return key;
    };
    const base = service.url;
    const handle = service;
    return {
      database: db.label,
      async lookupVia(index, identity) {
        const response = await fetch(`${base}/v1/messages`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${await keyOf(index)}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'lookup', requestId: `bench-${index}`, query: { kind: 'identity', identity } }),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`The team service answered ${response.status}`);
        const updates = text
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as LookupUpdate | { type: 'reply' })
          .filter((m): m is LookupUpdate => m.type === 'lookup/update');
        const last = updates.at(-1);
        if (!last?.done) throw new Error('The lookup stream ended before its last update');
        return last.stores;
      },
      async reset() {
        await db.query('DELETE FROM lookup_cache');
        await db.query('UPDATE store_quota SET quota = NULL, requests_left = NULL, reset_at = NULL');
        await db.query('DELETE FROM links');
      },
      async close() {
        await handle.close();
        await db.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await service?.close();
    await db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
