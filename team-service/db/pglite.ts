/**
 * The embedded default: PGlite (PostgreSQL in WebAssembly) in a local data folder. One process
 * only: a lock file in the folder refuses a second service on it (replicas need DATABASE_URL).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

const LOCK_FILE = 'team-service.pid';

function takeFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const lock = join(dir, LOCK_FILE);
  try {
    writeFileSync(lock, String(process.pid), { flag: 'wx' });
  } catch {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new Error(
        `Another team service (pid ${pid}) is using ${dir}. Replicas share a real PostgreSQL: set DATABASE_URL.`,
      );
    }
    writeFileSync(lock, String(process.pid));
  }
  return () => rmSync(lock, { force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function openPglite(dataDir: string): Promise<Db> {
  const dir = resolve(dataDir);
  const release = takeFolder(dir);
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir: join(dir, 'pgdata') });
  } catch (error) {
    release();
    throw error;
  }
  const wrap = (runner: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await runner.query<T>(text, params)).rows;
    },
    async exec(text: string) {
      await runner.exec(text);
    },
  });
  const top = wrap(pg);
  return {
    kind: 'pglite',
    label: `pglite:${dir}`,
    query: top.query,
    exec: top.exec,
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    async close() {
      await pg.close();
      release();
    },
  };
}
