import type { Hono } from 'hono';
import { inProcessFetch } from '../../sandbox/bigcommerce/test-client';
import type { UndocumentedRoute } from './exception-match';
import { apiPath, type ContractSpec, type Violation } from './openapi';
import { routeFor, type SandboxRoute, undocumentedReason } from './sandbox-routes';

// Sends requests to the sandbox app in process, the way the extension's client does, and
// records each one with the spec violations of both the request and the response.

export interface CallRecord {
  /** `GET /v2/orders?limit=5` (no store prefix, no token). */
  request: string;
  status: number;
  route: SandboxRoute | undefined;
  /** False when auth, scope or quota answered before the route's handler could. */
  reachedHandler: boolean;
  violations: Violation[];
  /** A request that could not be checked at all (no spec operation and not listed). */
  problem: string | undefined;
}

export interface CallResult {
  status: number;
  text: string;
  /** Parsed body, or undefined when empty / not JSON. */
  json: unknown;
}

export interface StoreAccess {
  hash: string;
  accessToken: string;
}

// Answers from auth, scope and quota checks never reach the route's handler.
const GATE_STATUSES = new Set([401, 403, 429]);

export class ContractClient {
  readonly calls: CallRecord[] = [];

  constructor(
    private readonly app: Hono,
    private readonly spec: ContractSpec,
    private readonly routes: readonly SandboxRoute[],
    private readonly undocumented: readonly UndocumentedRoute[],
  ) {}

  /** A store API call: `url` is the part after `/stores/{hash}`, e.g. `/v2/orders?limit=5`. */
  call(store: StoreAccess, method: string, url: string, body?: unknown): Promise<CallResult> {
    return this.send(`/stores/${store.hash}${url}`, url, method, body, store.accessToken);
  }

  /** A call outside any store (e.g. the sandbox's control routes). */
  callRaw(method: string, path: string, body?: unknown): Promise<CallResult> {
    return this.send(path, path, method, body, undefined);
  }

  /**
   * A fetch for the extension's own BigCommerce client: what it sends goes to the sandbox app
   * in process and is checked like any other call.
   */
  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const target = new URL(input);
    const full = target.pathname + target.search;
    const method = (init.method ?? 'GET').toUpperCase();
    const sent = new Headers(init.headers);
    const headers: Record<string, string> = {};
    // The token is needed by the sandbox, never recorded.
    sent.forEach((value, name) => {
      if (name !== 'x-auth-token') headers[name] = value;
    });
    const bodyText = typeof init.body === 'string' ? init.body : undefined;
    const response = await inProcessFetch(this.app)(full, {
      method,
      headers: sent,
      body: bodyText,
      signal: init.signal,
    });
    const text = await response.text();
    this.record(full, method, headers, bodyText === undefined ? undefined : parseJson(bodyText), response, text);
    return new Response(text === '' ? null : text, { status: response.status, headers: response.headers });
  };

  private async send(
    full: string,
    url: string,
    method: string,
    body: unknown,
    token: string | undefined,
  ): Promise<CallResult> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined || method === 'POST' || method === 'PUT') headers['Content-Type'] = 'application/json';
    const response = await this.app.request(full, {
      method,
      headers: token ? { ...headers, 'X-Auth-Token': token } : headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    this.record(full, method, headers, body, response, text);
    return { status: response.status, text, json: text === '' ? undefined : parseJson(text) };
  }

  private record(
    full: string,
    method: string,
    headers: Record<string, string>,
    body: unknown,
    response: Response,
    text: string,
  ): void {
    const { path } = apiPath(full);
    const url = full.replace(/^\/stores\/[^/]+(?=\/v[23]\/)/, '');
    const route = routeFor(this.routes, method, new URL(full, 'http://sandbox.invalid').pathname);
    const matched = this.spec.find(method, path);
    const violations = matched
      ? [
          ...this.spec.validateRequest(matched, { method, url, headers, body }),
          ...this.spec.validateResponse(matched, {
            status: response.status,
            contentType: response.headers.get('content-type'),
            bodyText: text,
          }),
        ]
      : [];
    const listed = route ? undocumentedReason(route, this.undocumented) : undefined;
    this.calls.push({
      request: `${method} ${url}`,
      status: response.status,
      route,
      reachedHandler: !GATE_STATUSES.has(response.status),
      violations,
      problem: matched || listed ? undefined : `no spec operation for ${method} ${path}`,
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
