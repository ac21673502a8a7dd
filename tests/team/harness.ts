/**
 * The team service's integration harness: real service processes (`team-service/cli.ts`, as
 * `npm run relay` starts it) on a real database, with the sandbox as BigCommerce.
 * Backends: PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (.ci/run sets it). Each
 * test file gets its own fresh database: a PGlite data folder, or a new PostgreSQL database.
 * PGlite is one process only, so its "two replicas" are `--replicas 2` (two independent services
 * in one process on the one database); on PostgreSQL they are two separate processes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { newConnection } from '../../lib/settings/schema';

export type BackendName = 'pglite' | 'postgres';
export const BACKENDS: BackendName[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

const ROOT = new URL('../../', import.meta.url).pathname;
/** Fixed for the tests, so a restarted service opens the tokens it sealed. */
export const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

export interface ServiceInfo {
  url: string;
  urls?: string[];
  database: string;
  adminKey?: string;
  secretKey?: string;
}

export interface ServiceProcess {
  info: ServiceInfo;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** One fresh database for a test file: where services point, and how to drop it. */
export interface TestDatabase {
  backend: BackendName;
  /** Extra env / flags a service needs to use it. */
  env: Record<string, string>;
  args: string[];
  /** Direct SQL (PostgreSQL only; PGlite is held by the service process). */
  sql?: postgres.Sql;
  drop(): Promise<void>;
}

export async function createTestDatabase(backend: BackendName): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'team-pglite-'));
    return {
      backend,
      env: {},
      args: ['--data-dir', dir],
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `team_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 2, onnotice: () => undefined });
  return {
    backend,
    env: { DATABASE_URL: url.toString() },
    args: [],
    sql,
    async drop() {
      await sql.end({ timeout: 2 });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 2 });
    },
  };
}

/** Starts `team-service/cli.ts` and resolves with its first stdout line. */
export function startService(database: TestDatabase, extraArgs: string[] = []): Promise<ServiceProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'team-service/cli.ts', '--port', '0', '--allow-loopback-api', ...database.args, ...extraArgs],
    {
      cwd: ROOT,
      env: { ...process.env, TEAM_SECRET_KEY: SECRET_KEY, ...database.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`The team service did not start in time:\n${output}`)), 90_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The team service exited (${code}) before its first line:\n${output}`));
    });
    lines.once('line', (line) => {
      clearTimeout(timer);
      lines.close();
      resolve({
        info: JSON.parse(line) as ServiceInfo,
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

/** Two services on one database: two processes on PostgreSQL, `--replicas 2` on PGlite. */
export async function startReplicas(
  database: TestDatabase,
): Promise<{ urls: [string, string]; processes: ServiceProcess[]; adminKey: string | undefined }> {
  if (database.backend === 'pglite') {
    const service = await startService(database, ['--replicas', '2']);
    const [a, b] = service.info.urls!;
    return { urls: [a!, b!], processes: [service], adminKey: service.info.adminKey };
  }
  const processes = await Promise.all([startService(database), startService(database)]);
  return {
    urls: [processes[0]!.info.url, processes[1]!.info.url],
    processes,
    adminKey: processes.find((p) => p.info.adminKey)?.info.adminKey,
  };
}

export async function startTestSandbox(): Promise<SandboxHandle> {
  return startSandbox({ port: 0, gladlyPort: 0 });
}

/** A small client for the contract. */
export function teamClient(baseUrl: string, key: string, agent?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${key}`,
    'Content-Type': 'application/json',
    ...(agent ? { 'X-Gladly-Agent': agent } : {}),
    ...extra,
  });
  return {
    async json<T = any>(
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: T; text: string }> {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: headers(),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      return { status: response.status, body: parsed as T, text };
    },
    /** POST /v1/messages: every NDJSON line, parsed. */
    async message(message: unknown): Promise<{ status: number; lines: any[]; text: string }> {
      const response = await fetch(`${baseUrl}/v1/messages`, {
        method: 'POST',
        headers: headers(),
        body: JSON.stringify(message),
      });
      const text = await response.text();
      const lines = response.headers.get('content-type')?.includes('ndjson')
        ? text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l))
        : [JSON.parse(text)];
      return { status: response.status, lines, text };
    },
  };
}

/** The sandbox's main store as a team-service store (PUT body). */
export function mainStoreInput(sandbox: SandboxHandle, overrides: Record<string, unknown> = {}) {
  const store = sandbox.info.bigcommerce.stores[0]!;
  const { id: _id, tokenHint: _hint, lastTest: _last, ...fields } = newConnection('main');
  return {
    ...fields,
    name: 'Main',
    storeHash: store.hash,
    clientId: 'team-test-client',
    apiBaseUrl: sandbox.info.bigcommerce.baseUrl,
    actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
    accessToken: store.accessToken,
    ...overrides,
  };
}

export const jane = {
  gladlyCustomerId: 'XRJvp8lSS5aD2RucjY5zkw',
  name: 'Jane Cooper',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' as const }],
  phones: [{ value: '650 123 4569', source: 'panel' as const }],
};
