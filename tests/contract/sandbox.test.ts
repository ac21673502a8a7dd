import { beforeAll, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../sandbox/bigcommerce/app';
import { ContractClient, type CallRecord } from './contract-client';
import { explain, formatViolation } from './exception-match';
import { SPEC_EXCEPTIONS, UNDOCUMENTED_ROUTES } from './exceptions';
import { loadContractSpec, type ContractSpec } from './openapi';
import { runScenarios, type ScenarioContext } from './scenarios';
import { operationsForRoute, sandboxRoutes, undocumentedReason, type SandboxRoute } from './sandbox-routes';

// Every sandbox route, exercised in process and checked against BigCommerce's OpenAPI files:
// request and response must match the spec operation or a listed exception (exceptions.ts).

// A quota this large never answers 429: this run is about shapes, not rate limits.
const sandbox = createBigCommerceSandbox({ quota: 1_000_000, latencyMs: 0, jitterMs: 0 });
const routes = sandboxRoutes(sandbox.app);

let spec: ContractSpec;
let ctx: ScenarioContext;

function storeAccess(index: number): { hash: string; accessToken: string } {
  const store = sandbox.stores[index];
  if (!store) throw new Error(`the sandbox has no store #${index + 1}`);
  return { hash: store.hash, accessToken: store.accessToken };
}

/** GET routes no scenario reached: one plain request each, with ids found on the way. */
async function exerciseLeftovers(client: ContractClient): Promise<void> {
  const store = storeAccess(0);
  for (const route of routes) {
    if (route.method !== 'GET' && route.method !== 'ALL') continue;
    if (client.calls.some((c) => c.route === route && c.reachedHandler)) continue;
    const [operation] = operationsForRoute(spec, route).filter((o) => o.method === 'GET');
    if (!operation) continue;
    const url = operation.template.replace(/\{([^}]+)\}/g, (_, name: string) => ctx.ids[name] ?? `{${name}}`);
    if (!url.includes('{')) await client.call(store, 'GET', url);
  }
}

beforeAll(async () => {
  spec = await loadContractSpec();
  const client = new ContractClient(sandbox.app, spec, routes, UNDOCUMENTED_ROUTES);
  ctx = { client, main: storeAccess(0), europe: storeAccess(1), ids: {}, problems: [] };
  await runScenarios(ctx);
  await exerciseLeftovers(client);
}, 60_000);

const callsOf = (route: SandboxRoute): CallRecord[] => ctx.client.calls.filter((c) => c.route === route);

describe('BigCommerce sandbox against the OpenAPI files', () => {
  it('exposes API routes (read from the Hono app)', () => {
    expect(routes.filter((r) => !undocumentedReason(r, UNDOCUMENTED_ROUTES)).length).toBeGreaterThan(0);
  });

  it('runs every scenario step (ids found, expected statuses)', () => {
    expect(ctx.problems).toEqual([]);
  });

  it('answers every request on a route it has, with a spec operation or a listed reason', () => {
    const stray = ctx.client.calls
      .filter((c) => !c.route || c.problem)
      .map((c) => `${c.request}: ${c.problem ?? 'no sandbox route'}`);
    expect(stray).toEqual([]);
  });

  for (const route of routes) {
    it(`${route.label}: documented, exercised, and every request/response matches the spec`, () => {
      const listed = undocumentedReason(route, UNDOCUMENTED_ROUTES);
      const operations = operationsForRoute(spec, route);
      if (!listed) {
        expect(
          operations.map((o) => o.key),
          'no spec operation for this route (list it in exceptions.ts if intended)',
        ).not.toEqual([]);
      }
      const calls = callsOf(route);
      expect(
        calls.filter((c) => c.reachedHandler).map((c) => c.request),
        'no contract request reached this route: add one to tests/contract/scenarios.ts',
      ).not.toEqual([]);
      const { unexplained } = explain(
        calls.flatMap((c) => c.violations),
        SPEC_EXCEPTIONS,
      );
      expect(unexplained.map(formatViolation), 'differences from the spec not listed in exceptions.ts').toEqual([]);
    });
  }

  it('lists only undocumented routes the sandbox still has', () => {
    const unused = UNDOCUMENTED_ROUTES.filter((u) => !routes.some((r) => undocumentedReason(r, [u]))).map(
      (u) => u.path,
    );
    expect(unused).toEqual([]);
  });

  it('still shows every difference exceptions.ts says the sandbox has on purpose', () => {
    const { hits } = explain(
      ctx.client.calls.flatMap((c) => c.violations),
      SPEC_EXCEPTIONS,
    );
    const seen = new Set([...hits].map((hit) => hit.slice(0, hit.lastIndexOf('#'))));
    const stale = SPEC_EXCEPTIONS.filter((e) => e.sandbox && !seen.has(e.id)).map((e) => e.id);
    expect(stale, 'exceptions marked `sandbox` that no sandbox answer shows any more').toEqual([]);
  });
});
