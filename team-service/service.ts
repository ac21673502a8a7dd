/**
 * Starts one team service on a database: migrations, the first admin key of a fresh database,
 * re-sealing after a key rotation, then the HTTP server. Tests start it in-process too.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { FetchLike } from '../lib/bigcommerce/request';
import { createTeamApp } from './app';
import type { Db } from './db/db';
import { migrate } from './db/migrations';
import { firstAdminKey } from './keys';
import type { Sealer } from './seal';
import { resealTokens } from './stores';

export interface TeamServiceOptions {
  db: Db;
  sealer: Sealer;
  host?: string;
  /** 0 = a free port. */
  port?: number;
  allowLoopbackApi?: boolean;
  rateLimit?: { burst: number; perSecond: number };
  storeFetch?: FetchLike;
  log?(line: string): void;
}

export interface TeamServiceHandle {
  url: string;
  /** Only when this start gave a fresh database its first admin key (shown once). */
  adminKey: string | null;
  close(): Promise<void>;
}

/** Schema, first admin key and re-sealing: once per database, whichever replica comes first. */
export async function prepareDatabase(db: Db, sealer: Sealer): Promise<{ adminKey: string | null; resealed: number }> {
  await migrate(db);
  const adminKey = await firstAdminKey(db);
  const resealed = await resealTokens(db, sealer);
  return { adminKey, resealed };
}

export async function startTeamService(options: TeamServiceOptions): Promise<TeamServiceHandle> {
  const { adminKey } = await prepareDatabase(options.db, options.sealer);
  const app = createTeamApp({
    db: options.db,
    sealer: options.sealer,
    allowLoopbackApi: options.allowLoopbackApi ?? false,
    rateLimit: options.rateLimit,
    storeFetch: options.storeFetch,
    log: options.log,
  });
  const host = options.host ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 4020, hostname: host }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    adminKey,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as Server).closeAllConnections?.();
      });
      return closing;
    },
  };
}
