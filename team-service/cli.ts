/**
 * `npm run relay`: the team service until Ctrl-C. The FIRST stdout line is one JSON object:
 *   { url, database: 'pglite:<path>' | 'postgres', adminKey?, secretKey?, urls? }
 * adminKey only when a fresh database got its first admin key (shown this once, stored hashed);
 * secretKey: 'generated:<path>' when the embedded default made its own sealing key.
 *   env:   DATABASE_URL=postgres://… (default: PGlite in --data-dir)
 *          TEAM_SECRET_KEY (base64, 32 bytes), TEAM_SECRET_KEY_PREVIOUS (while rotating)
 *   flags: --port 4020 (0 = free) --host 127.0.0.1 --data-dir .team-data
 *          --allow-loopback-api (a store's apiBaseUrl may be a loopback http(s) URL: tests, demo)
 *          --replicas N (N services on N ports sharing the one database, for demos and tests)
 *          --rate-limit 20/20 (per access key: a burst of 20 requests, refilled at 20 per second)
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, type Db } from './db/db';
import { createSealer, parseSecretKey, SecretKeyError } from './seal';
import { startTeamService, type TeamServiceHandle } from './service';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4020' },
    host: { type: 'string', default: '127.0.0.1' },
    'data-dir': { type: 'string', default: '.team-data' },
    'allow-loopback-api': { type: 'boolean', default: false },
    replicas: { type: 'string', default: '1' },
    'rate-limit': { type: 'string', default: '20/20' },
  },
  strict: true,
});

const fail = (message: string, code = 2): never => {
  process.stderr.write(`team-service: ${message}\n`);
  process.exit(code);
};

function whole(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`--${name} wants a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** TEAM_SECRET_KEY, or on the embedded default a key kept in the data folder (mode 0600). */
function secretKey(dataDir: string, embedded: boolean): { key: Buffer; generated: string | null } {
  const raw = process.env.TEAM_SECRET_KEY;
  if (raw) return { key: parseSecretKey(raw), generated: null };
  if (!embedded)
    throw new SecretKeyError(
      'TEAM_SECRET_KEY is required with DATABASE_URL (32 bytes in base64, e.g. `openssl rand -base64 32`): every replica needs the same key.',
    );
  const file = join(resolve(dataDir), 'secret.key');
  if (!existsSync(file)) {
    mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return { key: parseSecretKey(readFileSync(file, 'utf8'), file), generated: file };
}

async function main(): Promise<void> {
  const port = whole('port', values.port, 0, 65535);
  const replicas = whole('replicas', values.replicas, 1, 16);
  if (replicas > 1 && port !== 0) fail('--replicas needs --port 0 (each replica takes a free port)');
  const rate = /^(\d{1,5})\/(\d{1,5}(?:\.\d+)?)$/.exec(values['rate-limit']);
  if (!rate || Number(rate[1]) < 1 || Number(rate[2]) <= 0)
    fail(`--rate-limit wants burst/per-second, e.g. 20/20, got "${values['rate-limit']}"`);
  const rateLimit = { burst: Number(rate![1]), perSecond: Number(rate![2]) };
  const url = process.env.DATABASE_URL?.trim() || undefined;
  if (url && !/^postgres(ql)?:\/\//.test(url)) fail('DATABASE_URL must start with postgres:// or postgresql://');
  const dataDir = values['data-dir'];
  const secret = secretKey(dataDir, !url);
  const previous = process.env.TEAM_SECRET_KEY_PREVIOUS
    ? [parseSecretKey(process.env.TEAM_SECRET_KEY_PREVIOUS, 'TEAM_SECRET_KEY_PREVIOUS')]
    : [];
  const sealer = createSealer(secret.key, previous);

  const db: Db = await openDatabase({ url, dataDir });
  const log = (line: string) => process.stderr.write(`team-service: ${line}\n`);
  const handles: TeamServiceHandle[] = [];
  for (let i = 0; i < replicas; i += 1) {
    handles.push(
      await startTeamService({
        db,
        sealer,
        host: values.host,
        port,
        allowLoopbackApi: values['allow-loopback-api'],
        rateLimit,
        log,
      }),
    );
  }
  const adminKey = handles.find((h) => h.adminKey)?.adminKey;
  const info = {
    url: handles[0]!.url,
    ...(replicas > 1 ? { urls: handles.map((h) => h.url) } : {}),
    database: db.label,
    ...(adminKey ? { adminKey } : {}),
    ...(secret.generated ? { secretKey: `generated:${secret.generated}` } : {}),
  };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdout.write(`\nTeam service  ${handles.map((h) => h.url).join('  ')}  (${db.label})\n`);
  if (adminKey) process.stdout.write('  The admin key above is shown this once: keep it somewhere safe.\n');
  if (secret.generated)
    process.stdout.write(
      `  Store tokens are sealed with a key generated in ${secret.generated}: back it up with the data folder.\n`,
    );
  if (values['allow-loopback-api'])
    process.stdout.write(
      '  --allow-loopback-api: stores may point at a loopback API (the sandbox). Not for production.\n',
    );
  process.stdout.write('Ctrl-C stops it.\n');

  // A stray rejection must not take every agent's service down (nor be quoted: it may hold a body).
  process.on('unhandledRejection', (reason) =>
    log(`unhandled rejection (${reason instanceof Error ? reason.name : typeof reason})`),
  );

  const stop = () => {
    void Promise.all(handles.map((h) => h.close()))
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // Our own errors are written for people; anything else is named, never quoted (it could hold a URL with a password).
  const message =
    error instanceof SecretKeyError ||
    (error instanceof Error && /team service|DATABASE_URL|TEAM_SECRET/.test(error.message))
      ? error.message
      : `could not start (${error instanceof Error ? error.name : 'error'}${(error as { code?: string })?.code ? ` ${(error as { code?: string }).code}` : ''})`;
  fail(message, 1);
});
