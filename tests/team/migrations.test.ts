/**
 * Migrations are versioned, applied once, and safe when replicas start together: on PostgreSQL
 * two processes starting at once on a fresh database both come up, with one admin key between
 * them; PGlite (one process only) refuses a second service on its folder with a clear message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../team-service/db/db';
import { migrate, MIGRATIONS, type Migration } from '../../team-service/db/migrations';
import { BACKENDS, createTestDatabase, startService, type TestDatabase } from './harness';

const NEXT: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'test column',
  sql: 'ALTER TABLE stores ADD COLUMN test_note text;',
};

describe.each(BACKENDS)('migrations (%s)', (backend) => {
  // One database for the file (a fresh PGlite folder takes seconds to initialise).
  let database: TestDatabase;
  afterAll(async () => {
    await database?.drop();
  });

  it('starts two services at once on a fresh database: one schema, one first admin key; a restart applies nothing', async () => {
    database = await createTestDatabase(backend);
    const results = await Promise.allSettled([startService(database), startService(database)]);
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    try {
      if (backend === 'postgres') {
        expect(started).toHaveLength(2);
        expect(started.filter((s) => s.info.adminKey)).toHaveLength(1);
        const rows = await database.sql!`SELECT version FROM schema_migrations ORDER BY version`;
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } else {
        // PGlite is one process: the second is refused, saying what to do instead.
        expect(started).toHaveLength(1);
        expect(started[0]!.info.adminKey).toMatch(/^tsk_/);
        const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(String(refused.reason)).toContain('DATABASE_URL');
      }
    } finally {
      for (const s of started) await s.stop();
    }
    const again = await startService(database);
    await again.stop();
    expect(again.info.adminKey).toBeUndefined();
  });

  it('applies a new version exactly once when two replicas migrate at the same moment', async () => {
    const url = database.env.DATABASE_URL;
    const dataDir = database.args[1] ?? '';
    const first: Db = await openDatabase({ url, dataDir });
    // Two connections on PostgreSQL; PGlite has one, so both calls share it.
    const second: Db = url ? await openDatabase({ url, dataDir }) : first;
    try {
      const applied = await Promise.all([
        migrate(first, [...MIGRATIONS, NEXT]),
        migrate(second, [...MIGRATIONS, NEXT]),
      ]);
      expect(applied.flat()).toEqual([NEXT.version]);
      const columns = await first.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'stores' AND column_name = 'test_note'",
      );
      expect(Number(columns[0]!.n)).toBe(1);
      expect(await migrate(first, [...MIGRATIONS, NEXT])).toEqual([]);
    } finally {
      if (second !== first) await second.close();
      await first.close();
    }
  });
});
