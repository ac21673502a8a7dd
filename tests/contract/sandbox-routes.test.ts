import { beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { loadContractSpec, type ContractSpec } from './openapi';
import { operationsForRoute, routeFor, sandboxRoutes, undocumentedReason } from './sandbox-routes';

// Reading routes from a Hono app: what the coverage check counts as "a sandbox route".

let spec: ContractSpec;
beforeAll(async () => {
  spec = await loadContractSpec();
});

function demoApp(): Hono {
  const app = new Hono();
  app.use('*', async (_c, next) => next());
  app.use('/stores/:hash/*', async (_c, next) => next());
  app.get('/stores/:hash/v2/orders/count', (c) => c.json({ count: 0 }));
  app.get('/stores/:hash/v2/orders/:id', (c) => c.json({}));
  app.put('/stores/:hash/v2/orders/:id', (c) => c.json({}));
  app.all('/stores/:hash/v2/orders', (c) => c.body(null, 405));
  app.get('/stores/:hash/v2/wishlists', (c) => c.json([]));
  app.post('/__sandbox/reset', (c) => c.json({}));
  return app;
}

describe('sandbox routes', () => {
  it('lists endpoints, not middleware', () => {
    expect(sandboxRoutes(demoApp()).map((r) => r.label)).toEqual([
      'GET /v2/orders/count',
      'GET /v2/orders/:id',
      'PUT /v2/orders/:id',
      'ALL /v2/orders',
      'GET /v2/wishlists',
      'POST /__sandbox/reset',
    ]);
  });

  it('sends a request to the first registered route that fits, like Hono', () => {
    const routes = sandboxRoutes(demoApp());
    expect(routeFor(routes, 'GET', '/stores/abc/v2/orders/count')?.label).toBe('GET /v2/orders/count');
    expect(routeFor(routes, 'GET', '/stores/abc/v2/orders/7')?.label).toBe('GET /v2/orders/:id');
    expect(routeFor(routes, 'DELETE', '/stores/abc/v2/orders')?.label).toBe('ALL /v2/orders');
    expect(routeFor(routes, 'DELETE', '/stores/abc/v2/orders/7')).toBeUndefined();
  });

  it('maps routes to spec operations, and finds none for a route the spec lacks', () => {
    const [count, byId, put, all, wishlists, reset] = sandboxRoutes(demoApp());
    expect(operationsForRoute(spec, count!).map((o) => o.key)).toEqual(['GET /v2/orders/count']);
    expect(operationsForRoute(spec, byId!).map((o) => o.key)).toEqual(['GET /v2/orders/{order_id}']);
    expect(operationsForRoute(spec, put!).map((o) => o.key)).toEqual(['PUT /v2/orders/{order_id}']);
    expect(
      operationsForRoute(spec, all!)
        .map((o) => o.method)
        .sort(),
    ).toEqual(['DELETE', 'GET', 'POST']);
    expect(operationsForRoute(spec, wishlists!)).toEqual([]);
    expect(undocumentedReason(reset!, [{ path: '/__sandbox/*', reason: 'control' }])).toBe('control');
    expect(undocumentedReason(wishlists!, [{ path: '/__sandbox/*', reason: 'control' }])).toBeUndefined();
  });
});
