/**
 * A tiny in-process client for tests: calls the sandbox app with a store's token and parses
 * the answer (JSON, or null for an empty body).
 */
import type { Hono } from 'hono';
import type { SandboxStoreInfo } from './types';

export interface SandboxReply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

export interface SandboxClient {
  request<T = unknown>(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string | null; signal?: AbortSignal },
  ): Promise<SandboxReply<T>>;
  get<T = unknown>(path: string, token?: string | null): Promise<SandboxReply<T>>;
}

export function sandboxClient(app: Hono, store: SandboxStoreInfo): SandboxClient {
  const fetchApp = inProcessFetch(app);
  const request = async <T>(
    method: string,
    path: string,
    options: { body?: unknown; token?: string | null; signal?: AbortSignal } = {},
  ): Promise<SandboxReply<T>> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.token === undefined ? store.accessToken : options.token;
    if (token !== null) headers['X-Auth-Token'] = token;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetchApp(`/stores/${store.hash}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    const text = await response.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    return { status: response.status, headers: response.headers, text, body: body as T };
  };
  return { request, get: (path, token) => request('GET', path, { token }) };
}

/**
 * `fetch` answered by the app in process. The caller's signal also travels as a binding: the
 * Request's own copy follows it only until garbage collection (see SandboxEnv).
 */
export function inProcessFetch(app: Hono): (url: string, init?: RequestInit) => Promise<Response> {
  return async (url, init = {}) => app.request(url, init, { clientSignal: init.signal ?? undefined });
}
