/**
 * The one database interface everything in the team service talks to. Two adapters: PGlite (the
 * embedded default, one process) and a real PostgreSQL (any number of replicas). SQL is plain
 * PostgreSQL with $1-style parameters; JSON goes in as text cast to jsonb.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** What the service's first line reports: 'pglite:<path>' or 'postgres' (never the URL: it may hold a password). */
  readonly label: string;
  /** Runs `work` in one transaction (rolled back when it throws). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Db> {
  if (options.url) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(options.url);
  }
  const { openPglite } = await import('./pglite');
  return openPglite(options.dataDir);
}
