/**
 * The BigCommerce sandbox: a faithful, stateful stand-in for two stores' v2/v3 REST APIs, with
 * switches for latency, quota and faults, a request log, and reset to the seed.
 */
import { Hono } from 'hono';
import { createControl, registerControlRoutes } from './control';
import { apiPath, fail } from './errors';
import { FaultBook } from './faults';
import { storePipeline } from './pipeline';
import { QuotaBook } from './quota';
import { RequestLog } from './request-log';
import { registerCatalog, productSvg } from './routes/catalog';
import type { RouteDeps, SandboxEnv } from './routes/common';
import { registerCustomers } from './routes/customers';
import { registerMarketing } from './routes/marketing';
import { registerOrders } from './routes/orders';
import { registerRefunds } from './routes/refunds';
import { registerStoreInfo } from './routes/store-info';
import { registerTransactions } from './routes/transactions';
import { SandboxState } from './state';
import type { SandboxControl, SandboxStoreInfo, SandboxTuning } from './types';

export interface BigCommerceSandboxOptions {
  latencyMs?: number;
  jitterMs?: number;
  quota?: number;
  windowMs?: number;
  now?: () => number;
}

export function createBigCommerceSandbox(options: BigCommerceSandboxOptions = {}): {
  app: Hono;
  control: SandboxControl;
  stores: SandboxStoreInfo[];
  /** The live tuning (latency, quota), e.g. for the Gladly API to answer after the same latency. */
  tuning: () => SandboxTuning;
} {
  const now = options.now ?? Date.now;
  const tuning: SandboxTuning = {
    latencyMs: options.latencyMs ?? 0,
    jitterMs: options.jitterMs ?? 0,
    quota: options.quota ?? 150,
    windowMs: options.windowMs ?? 30_000,
  };
  const state = new SandboxState();
  const quota = new QuotaBook(() => tuning, now);
  const faults = new FaultBook();
  const log = new RequestLog();
  const control = createControl({ state, quota, faults, log, tuning });

  const api = new Hono<SandboxEnv>();
  const deps: RouteDeps = { now };
  registerCustomers(api);
  registerOrders(api, deps);
  registerRefunds(api, deps);
  registerTransactions(api);
  registerMarketing(api, deps);
  registerCatalog(api);
  registerStoreInfo(api, deps);

  const app = new Hono<SandboxEnv>();
  registerControlRoutes(app as unknown as Hono, control);
  app.get('/__sandbox/images/:file', (c) => {
    const file = c.req.param('file');
    const id = /^p(\d+)\.svg$/.exec(file)?.[1];
    const product = id ? [...state.stores.values()][0]?.products.find((p) => p.id === Number(id)) : undefined;
    if (id && !product) return c.text('Not found', 404);
    return c.body(productSvg(product), 200, {
      'content-type': 'image/svg+xml',
      'cache-control': 'public, max-age=3600',
    });
  });
  app.use('/stores/:hash/*', storePipeline({ state, quota, faults, log, tuning: () => tuning, now }));
  app.route('/stores/:hash', api);
  app.notFound((c) => {
    if (c.req.path.startsWith('/stores/')) return fail(c, 404, `No such endpoint: ${c.req.method} ${apiPath(c)}`);
    return c.text('Not found', 404);
  });
  app.onError((error, c) => {
    // A sandbox bug must still answer in the API's own error shape, never with a stack trace.
    console.error('[bigcommerce sandbox]', error instanceof Error ? error.message : String(error));
    return fail(c, 500, 'Internal server error.');
  });

  return { app: app as unknown as Hono, control, stores: state.info, tuning: () => tuning };
}
