/** The real PostgreSQL adapter (postgres.js): a small pool per process, notices silenced. */
import postgres from 'postgres';
import type { Db, Queryable } from './db';

type Param = postgres.ParameterOrJSON<never>;

export function openPostgres(url: string): Db {
  const sql = postgres(url, {
    max: 10,
    // "relation already exists, skipping" and friends must not reach stdout.
    onnotice: () => undefined,
    connection: { application_name: 'team-service' },
  });
  const wrap = (runner: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await runner.unsafe(text, params as Param[])) as unknown as T[];
    },
    async exec(text: string) {
      await runner.unsafe(text).simple();
    },
  });
  const top = wrap(sql);
  return {
    kind: 'postgres',
    label: 'postgres',
    query: top.query,
    exec: top.exec,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      return (await sql.begin((tx) => work(wrap(tx)))) as T;
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}
