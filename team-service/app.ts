/**
 * The HTTP front of the team service (contract: team-service/README.md "API"). Every request:
 * a valid, unrevoked access key → the per-key rate limit → the same zod schemas and router the
 * extension's background uses → the same lib/ handlers, on database-backed dependencies.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { auditToCsv } from '../lib/actions/audit-csv';
import type { FetchLike } from '../lib/bigcommerce/request';
import { createActionsHandlers } from '../lib/background/actions-service';
import { describeError } from '../lib/background/errors';
import type { MessageHandler, TrustedSender } from '../lib/background/handler';
import { createLookupHandlers } from '../lib/background/lookup-service';
import { createRouter } from '../lib/background/router';
import type { ErrorInfo } from '../lib/messages/common';
import { samePhone } from '../lib/core/phone';
import { ConnectionIdSchema, type ActionSwitches } from '../lib/settings/schema';
import { z } from 'zod';
import { createDbAuditLog } from './audit';
import type { Db } from './db/db';
import { findKey, hashKey, issueKey, listKeys, revokeKey, type AccessKey } from './keys';
import { createRateLimiter } from './rate-limit';
import { requestContext } from './request-context';
import type { Sealer } from './seal';
import { shareLookups } from './shared-lookups';
import {
  createStoreClients,
  deleteStore,
  listStores,
  openToken,
  saveStore,
  StoreInputError,
  StoreInputSchema,
  testConnection,
} from './stores';
import { createDbGuardStore, createDbLinkStore, createDbLookupCache } from './team-state';

export interface TeamAppOptions {
  db: Db;
  sealer: Sealer;
  allowLoopbackApi: boolean;
  rateLimit?: { burst: number; perSecond: number };
  /** How BigCommerce is called (default: the global fetch); the benchmark trusts a TLS sandbox with it. */
  storeFetch?: FetchLike;
  /** Refusals and failures, never with a secret or a message's contents. */
  log?(line: string): void;
}

type Env = { Variables: { key: AccessKey } };

export const REVOKED_MESSAGE = 'This access key was revoked. Ask your admin for a new one.';
const MISSING_MESSAGE = 'An access key is required: paste the one your admin gave you in the settings.';
const UNKNOWN_MESSAGE = 'This access key is not known to the team service. Check it, or ask your admin for a new one.';
const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9._-]+$/;

/** Which switch a money message needs at least (the handler then tells full from partial refunds). */
const MONEY: Record<string, { need: (a: ActionSwitches) => boolean; what: string }> = {
  'actions/cancel': { need: (a) => a.cancel, what: 'Cancelling orders' },
  'actions/cancel-refund': { need: (a) => a.cancel && a.refund, what: 'Cancelling and refunding orders' },
  'actions/refund': { need: (a) => a.refund || a.partialRefund, what: 'Refunds' },
  'actions/coupon-create': { need: (a) => a.discount, what: 'Discount codes' },
};
/** Message types that are the options page's (admin only); the rest are the sidebar's. */
const ADMIN_MESSAGES = new Set(['audit/list']);

const errorBody = (kind: ErrorInfo['kind'], message: string) => ({ error: { kind, message } satisfies ErrorInfo });

export function createTeamApp(options: TeamAppOptions) {
  const { db, sealer } = options;
  const log = options.log ?? (() => undefined);
  const clients = createStoreClients(db, sealer, options.allowLoopbackApi, options.storeFetch);
  const { registry } = clients;
  const cache = createDbLookupCache(db);
  const audit = createDbAuditLog(db);
  const limiter = createRateLimiter(options.rateLimit ?? { burst: 20, perSecond: 20 });

  const [lookup, ...linkHandlers] = createLookupHandlers({
    registry,
    links: createDbLinkStore(db),
    cache,
    samePhone,
    toErrorInfo: describeError,
  });
  const handlers: MessageHandler[] = [
    shareLookups(lookup!),
    ...linkHandlers,
    ...createActionsHandlers({
      apisFor: async (connectionId) => (await registry.apis(connectionId)).apis,
      switches: async (connectionId) => (await registry.apis(connectionId)).connection.actions,
      audit,
      cache,
      guardStore: createDbGuardStore(db),
      // The acting agent is the key's holder; what the page reports is kept beside it.
      agentFor: () => requestContext.getStore()?.key.name,
    }),
  ];
  const byType = new Map(handlers.map((h) => [h.type, h]));
  const router = createRouter({
    policy: { extensionId: 'team-service', extensionOrigin: 'team-service://', isAllowedPage: () => false },
    handlers,
    toErrorInfo: describeError,
    warn: (text) => log(text),
  });

  const app = new Hono<Env>();
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'X-Gladly-Agent'],
      maxAge: 600,
    }),
  );

  app.onError((error, c) => {
    log(`Failed ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.name : 'error'}`);
    return c.json(errorBody('unknown', 'The team service could not answer that. Try again in a moment.'), 500);
  });
  app.notFound((c) => c.json(errorBody('bad-message', 'The team service has no such route.'), 404));

  // A message or a store's settings is a few kilobytes; nothing bigger is read.
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: (c) => {
        // The rest of the body is never read: this connection cannot carry another request.
        c.header('Connection', 'close');
        return c.json(errorBody('bad-message', 'The request was too large.'), 413);
      },
    }),
  );

  // Every /v1 route: a valid key, then the per-key rate limit.
  app.use('/v1/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return c.json(errorBody('auth', MISSING_MESSAGE), 401);
    // Limited by the key as presented, before the database is asked: a flood costs no queries.
    if (!limiter.take(hashKey(match[1]!))) {
      c.header('Retry-After', '1');
      return c.json(
        errorBody('rate-limited', 'Too many requests with this access key. Wait a moment and try again.'),
        429,
      );
    }
    const key = await findKey(db, match[1]!);
    if (!key) return c.json(errorBody('auth', UNKNOWN_MESSAGE), 401);
    if (key.revokedAt) return c.json(errorBody('auth', REVOKED_MESSAGE), 401);
    c.set('key', key);
    return next();
  });
  app.use('/v1/admin/*', async (c, next) => {
    if (c.get('key').role !== 'admin')
      return c.json(errorBody('forbidden-sender', 'Only an admin key may do that.'), 403);
    return next();
  });

  app.get('/v1/me', async (c) => {
    const key = c.get('key');
    const stores = (await listStores(db)).map((s) => ({
      id: s.id,
      name: s.name,
      enabled: s.enabled,
      actions: s.actions,
    }));
    return c.json({ role: key.role, name: key.name, stores });
  });

  app.post('/v1/messages', async (c) => {
    const key = c.get('key');
    const message = await c.req.json().catch(() => undefined);
    const type = (message as { type?: unknown } | undefined)?.type;
    const handler = typeof type === 'string' ? byType.get(type) : undefined;
    if (!handler) return c.json(errorBody('bad-message', 'The team service did not understand that request.'), 400);
    if (!handler.schema.safeParse(message).success)
      return c.json(errorBody('bad-message', 'The request was malformed.'), 400);
    if (ADMIN_MESSAGES.has(handler.type) && key.role !== 'admin')
      return c.json(errorBody('forbidden-sender', 'Only an admin key may do that.'), 403);
    await clients.sync();
    const money = MONEY[handler.type];
    if (money) {
      const connectionId = (message as { connectionId: string }).connectionId;
      const store = (await registry.enabled()).find((s) => s.id === connectionId);
      if (store && (!store.actions.enabled || !money.need(store.actions))) {
        return c.json(errorBody('forbidden-sender', `${money.what} are turned off for this store by your admin.`), 403);
      }
    }
    const sender: TrustedSender = {
      kind: 'extension-page',
      page: ADMIN_MESSAGES.has(handler.type) ? '/options.html' : '/sidebar.html',
    };
    const reportedAgent = (c.req.header('X-Gladly-Agent') ?? '').trim().slice(0, 200) || null;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let open = true;
        const post = (line: unknown) => {
          if (!open) return;
          try {
            controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
          } catch {
            open = false; // The client went away mid-answer.
          }
        };
        void requestContext
          .run({ key, reportedAgent }, () => router.onPortMessage(message, sender, post))
          .catch(() =>
            post({
              type: 'reply',
              requestId: 'none',
              ok: false,
              error: { kind: 'unknown', message: 'The team service could not answer that.' },
            }),
          )
          .finally(() => {
            if (!open) return;
            open = false;
            controller.close();
          });
      },
    });
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' },
    });
  });

  // ---- admin: stores ----
  const storeId = (c: Context<Env>) => ConnectionIdSchema.safeParse(c.req.param('id'));

  app.get('/v1/admin/stores', async (c) => c.json({ stores: await listStores(db) }));

  app.put('/v1/admin/stores/:id', async (c) => {
    const id = storeId(c);
    const input = StoreInputSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!id.success || !input.success) {
      const issue = input.success ? undefined : input.error.issues[0];
      const where = issue ? ` (${issue.path.join('.') || 'body'}: ${issue.message})` : '';
      return c.json(
        errorBody(
          'bad-message',
          `The store settings were malformed${id.success ? where : ': a store id is 1–64 letters, digits, "_", "." or "-"'}.`,
        ),
        400,
      );
    }
    try {
      const store = await saveStore(db, id.data, input.data, {
        sealer,
        allowLoopbackApi: options.allowLoopbackApi,
        async storeInfo(connection, token) {
          const info = await withTimeout(clients.apisFor(connection, token).admin.storeInfo(), 4000);
          return {
            at: new Date().toISOString(),
            storeName: info.name,
            currency: info.currency,
            timezone: info.timezone,
          };
        },
      });
      return c.json({ store });
    } catch (error) {
      if (error instanceof StoreInputError) return c.json(errorBody('bad-message', error.message), 400);
      throw error;
    }
  });

  app.delete('/v1/admin/stores/:id', async (c) => {
    const id = storeId(c);
    if (!id.success || !(await deleteStore(db, id.data)))
      return c.json(errorBody('not-found', 'There is no such store.'), 404);
    return c.json({ deleted: true });
  });

  // Test a saved store, or a draft (the PUT body, its token optional) before saving it.
  app.post('/v1/admin/stores/:id/test', async (c) => {
    const id = storeId(c);
    if (!id.success) return c.json(errorBody('not-found', 'There is no such store.'), 404);
    const raw = await c.req.text();
    const draft = raw.trim() === '' ? null : StoreInputSchema.safeParse(safeJson(raw));
    if (draft && !draft.success) return c.json(errorBody('bad-message', 'The store settings were malformed.'), 400);
    const saved = (await listStores(db)).find((s) => s.id === id.data);
    const connection = draft?.success ? { ...draft.data, id: id.data } : saved;
    if (!connection) return c.json(errorBody('not-found', 'There is no such store.'), 404);
    const token = (draft?.success ? draft.data.accessToken : undefined) ?? (await openToken(db, sealer, id.data));
    if (!token)
      return c.json(errorBody('config', 'Enter the access token first: there is none saved for this store.'), 400);
    const apiBaseUrl = options.allowLoopbackApi ? connection.apiBaseUrl : undefined;
    try {
      return c.json(await testConnection(clients.apisFor({ ...connection, apiBaseUrl }, token), connection));
    } catch (error) {
      const info = describeError(error);
      return c.json({ error: info }, info.kind === 'auth' || info.kind === 'scope' ? 400 : 502);
    }
  });

  // ---- admin: keys ----
  app.get('/v1/admin/keys', async (c) => c.json({ keys: await listKeys(db) }));

  const KeyInputSchema = z.object({ name: z.string().trim().min(1).max(120), role: z.enum(['agent', 'admin']) });
  app.post('/v1/admin/keys', async (c) => {
    const input = KeyInputSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!input.success)
      return c.json(
        errorBody('bad-message', 'Give the key a name (up to 120 characters) and a role: agent or admin.'),
        400,
      );
    return c.json(await issueKey(db, input.data.name, input.data.role), 201);
  });

  app.delete('/v1/admin/keys/:id', async (c) => {
    if (!(await revokeKey(db, c.req.param('id')))) return c.json(errorBody('not-found', 'There is no such key.'), 404);
    return c.json({ revoked: true });
  });

  // ---- admin: audit ----
  app.get('/v1/admin/audit', async (c) => {
    const entries = await audit.list();
    if (c.req.query('format') === 'csv') {
      return c.body(auditToCsv(entries), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="team-audit.csv"',
      });
    }
    return c.json({ entries });
  });

  return app;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The store did not answer in time.')), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
