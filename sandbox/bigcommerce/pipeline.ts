/**
 * What happens to every /stores/{hash}/... request before a route sees it, in order: request log,
 * store lookup, latency, quota (headers on every answer, 429 when spent), injected faults,
 * token (401), scope (403, before any validation). An 'apply-then-*' fault lets the request
 * through and replaces whatever the route answered with silence or a dropped connection.
 */
import { Http2ServerRequest, constants as http2 } from 'node:http2';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { STATUS_TITLES, apiPath, errorBody, fail, familyOf } from './errors';
import { appliesFirst, type FaultBook } from './faults';
import { quotaHeaders, type QuotaBook } from './quota';
import type { RequestLog } from './request-log';
import { settleVoids } from './routes/refunds';
import { allowed } from './scopes';
import type { SandboxState } from './state';
import type { SandboxEnv, SandboxContext } from './routes/common';
import type { FaultSpec, SandboxTuning, StoreData } from './types';

export interface PipelineDeps {
  state: SandboxState;
  quota: QuotaBook;
  faults: FaultBook;
  log: RequestLog;
  tuning: () => SandboxTuning;
  now: () => number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves when the client gives up: request aborted, or its socket closed (HTTP/1.1) — over
 * HTTP/2 the connection is shared by many requests, so this request's own stream closing.
 */
function clientGone(c: SandboxContext): Promise<void> {
  return new Promise((resolve) => {
    const signals = [c.req.raw.signal, c.env?.clientSignal].filter((s): s is AbortSignal => s !== undefined);
    if (signals.some((signal) => signal.aborted)) return resolve();
    for (const signal of signals) signal.addEventListener('abort', () => resolve(), { once: true });
    const incoming = c.env?.incoming;
    if (incoming instanceof Http2ServerRequest) {
      if (incoming.stream.closed || incoming.stream.destroyed) return resolve();
      incoming.stream.once('close', () => resolve());
    } else {
      incoming?.socket.once('close', () => resolve());
    }
  });
}

async function faultResponse(
  c: SandboxContext,
  fault: FaultSpec,
  path: string,
  outcome: { dropped: boolean },
): Promise<Response> {
  for (const [name, value] of Object.entries(fault.headers ?? {})) c.header(name, value);
  switch (fault.kind) {
    case 'status': {
      const status = (fault.status ?? 500) as ContentfulStatusCode;
      return c.json(errorBody(familyOf(path), status, STATUS_TITLES[status] ?? 'Injected error.'), status);
    }
    case 'malformed-json':
      return c.body('{"data": [{"id": 1, "email": "trunc', 200, { 'content-type': 'application/json' });
    case 'wrong-shape':
      return c.json({ unexpected: true, data: 'not-the-expected-shape', items: 3 });
    case 'empty-204':
      return c.body(null, 204);
    case 'hang':
      await clientGone(c);
      return c.body(null, 499 as ContentfulStatusCode);
    case 'drop':
      return dropConnection(c, outcome, c.body(null, 502));
    case 'apply-then-hang':
    case 'apply-then-drop':
    case 'apply-then-status':
      // Never reached: the pipeline handles these after the route (loseReply).
      return loseReply(c, fault, path, outcome);
  }
}

/**
 * Destroys the client's socket (HTTP/1.1), or over HTTP/2 resets this request's stream (the
 * connection carries other requests; a reset is what the client sees as a network failure for
 * this one); `placeholder` only completes Hono's bookkeeping.
 */
function dropConnection(c: SandboxContext, outcome: { dropped: boolean }, placeholder: Response): Response {
  outcome.dropped = true;
  const incoming = c.env?.incoming;
  // In process there is no socket: answer what fetch gives for a network failure.
  if (!incoming) return Response.error();
  if (incoming instanceof Http2ServerRequest) incoming.stream.close(http2.NGHTTP2_INTERNAL_ERROR);
  else incoming.socket.destroy();
  return placeholder;
}

/**
 * The route has run (its write is applied); its answer never reaches the client: wait until
 * the client gives up (logged 499), drop the connection (logged 0), or answer an error status
 * in its place (a gateway's 502 after the store did the work).
 */
async function loseReply(
  c: SandboxContext,
  fault: FaultSpec,
  path: string,
  outcome: { dropped: boolean },
): Promise<Response> {
  let lost: Response;
  if (fault.kind === 'apply-then-status') {
    const status = (fault.status ?? 502) as ContentfulStatusCode;
    const headers = new Headers(c.res.headers);
    headers.delete('content-length');
    headers.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(fault.headers ?? {})) headers.set(name, value);
    const body = errorBody(familyOf(path), status, STATUS_TITLES[status] ?? 'Injected error.');
    lost = new Response(JSON.stringify(body), { status, headers });
  } else if (fault.kind === 'apply-then-hang') {
    await clientGone(c);
    lost = new Response(null, { status: 499 });
  } else {
    lost = dropConnection(c, outcome, new Response(null, { status: 502 }));
  }
  // Forget the route's answer first, so none of it is merged into (or sent with) this one.
  c.res = undefined;
  c.res = lost;
  return lost;
}

export function storePipeline(deps: PipelineDeps): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const hash = c.req.param('hash') ?? '';
    const path = apiPath(c);
    const url = new URL(c.req.url);
    const start = deps.now();
    let status = 500;
    const outcome = { dropped: false };
    // '1.1' or '2.0' when served over a port; absent in process.
    const httpVersion = c.env?.incoming?.httpVersion;
    try {
      const early = await handle(c, next, hash, path, url.search.replace(/^\?/, ''), outcome);
      status = outcome.dropped ? 0 : early ? early.status : c.res.status;
      return early;
    } finally {
      deps.log.add({
        service: 'bigcommerce',
        store: hash,
        method: c.req.method,
        path,
        query: url.search.replace(/^\?/, ''),
        status,
        start,
        end: deps.now(),
        ...(httpVersion ? { httpVersion } : {}),
      });
    }
  };

  async function handle(
    c: SandboxContext,
    next: () => Promise<void>,
    hash: string,
    path: string,
    rawQuery: string,
    outcome: { dropped: boolean },
  ): Promise<Response | void> {
    const store = deps.state.store(hash);
    if (!store) {
      return c.json(
        {
          status: 404,
          title: `No store with hash "${hash}".`,
          type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes',
        },
        404,
      );
    }
    const { latencyMs, jitterMs } = deps.tuning();
    const delay = latencyMs + (jitterMs > 0 ? Math.floor(Math.random() * (jitterMs + 1)) : 0);
    if (delay > 0) await sleep(delay);

    const quota = deps.quota.take(hash);
    for (const [name, value] of Object.entries(quotaHeaders(quota))) c.header(name, value);
    if (quota.limited) {
      return fail(c, 429, STATUS_TITLES[429]!);
    }
    const fault = deps.faults.take(hash, c.req.method, path, rawQuery);
    if (fault && !appliesFirst(fault.kind)) {
      return await faultResponse(c, fault, path, outcome);
    }
    const answer = await authorizeAndRun(c, next, store, hash, path);
    if (fault && appliesFirst(fault.kind)) return await loseReply(c, fault, path, outcome);
    return answer;
  }

  async function authorizeAndRun(
    c: SandboxContext,
    next: () => Promise<void>,
    store: StoreData,
    hash: string,
    path: string,
  ): Promise<Response | void> {
    const grant = deps.state.tokens.get(c.req.header('x-auth-token') ?? '');
    if (!grant || grant.store !== hash) {
      return fail(c, 401, STATUS_TITLES[401]!);
    }
    if (!allowed(grant.scopes, c.req.method, path)) {
      return fail(c, 403, STATUS_TITLES[403]!);
    }
    settleVoids(store, deps.now());
    c.set('store', store);
    await next();
  }
}
