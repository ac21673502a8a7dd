import type { Hono } from 'hono';
import type { UndocumentedRoute } from './exception-match';
import type { ContractSpec, Operation } from './openapi';

// The sandbox's endpoints, read from the Hono app itself so a new route cannot slip past the
// contract tests, and which of them a concrete request lands on.

export interface SandboxRoute {
  /** GET, POST, ... or ALL (a route answering every method). */
  method: string;
  /** As registered, e.g. `/stores/:hash/v2/orders/:id`. */
  path: string;
  /** `GET /v2/orders/:id`: the API part, used in test names and messages. */
  label: string;
  segments: string[];
}

const STORE_PREFIX = /^\/stores\/:[^/]+(?=\/)/;

/** Hono lists middleware (app.use) as `ALL` routes ending in `*`; they are not endpoints. */
export function sandboxRoutes(app: Hono): SandboxRoute[] {
  const seen = new Set<string>();
  const routes: SandboxRoute[] = [];
  for (const route of app.routes) {
    if (route.method === 'ALL' && route.path.endsWith('*')) continue;
    const key = `${route.method} ${route.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const apiPath = route.path.replace(STORE_PREFIX, '');
    routes.push({
      method: route.method,
      path: route.path,
      label: `${route.method} ${apiPath}`,
      segments: split(route.path),
    });
  }
  return routes;
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}

const isParam = (segment: string): boolean => segment.startsWith(':');

/** Hono semantics: the first registered route matching method and path handles the request. */
export function routeFor(routes: readonly SandboxRoute[], method: string, pathname: string): SandboxRoute | undefined {
  const actual = split(pathname);
  return routes.find((route) => {
    if (route.method !== 'ALL' && route.method !== method.toUpperCase()) return false;
    const last = route.segments.at(-1);
    if (last === '*') {
      const prefix = route.segments.slice(0, -1);
      return actual.length >= prefix.length && prefix.every((s, i) => isParam(s) || s === actual[i]);
    }
    return route.segments.length === actual.length && route.segments.every((s, i) => isParam(s) || s === actual[i]);
  });
}

/** Spec operations this route serves: its API path with each `:param` read as a `{param}`. */
export function operationsForRoute(spec: ContractSpec, route: SandboxRoute): Operation[] {
  const apiSegments = split(route.path.replace(STORE_PREFIX, ''));
  return spec.operations.filter(
    (op) =>
      (route.method === 'ALL' || op.method === route.method) &&
      op.segments.length === apiSegments.length &&
      op.segments.every((s, i) => {
        const mine = apiSegments[i]!;
        return s.startsWith('{') ? isParam(mine) : s === mine;
      }),
  );
}

export function undocumentedReason(route: SandboxRoute, listed: readonly UndocumentedRoute[]): string | undefined {
  const apiPath = route.path.replace(STORE_PREFIX, '');
  return listed.find((u) =>
    u.path.endsWith('*')
      ? apiPath.startsWith(u.path.slice(0, -1)) || apiPath === u.path.slice(0, -2)
      : apiPath === u.path,
  )?.reason;
}
