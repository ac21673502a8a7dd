/** What every route module shares: the Hono env, the clock and small query/body helpers. */
import type { Context, Hono } from 'hono';
import type { IncomingMessage } from 'node:http';
import type { Http2ServerRequest } from 'node:http2';
import type { StoreData } from '../types';

export interface SandboxEnv {
  /**
   * `incoming`: the Node request when served over a port (HTTP/1.1, or HTTP/2 with tls).
   * `clientSignal`: an in-process caller's own abort signal, because the copy on `c.req.raw` is
   * linked to it only weakly by undici and stops following it once garbage-collected (a hang
   * would then never end).
   */
  Bindings: { incoming?: IncomingMessage | Http2ServerRequest; clientSignal?: AbortSignal };
  Variables: { store: StoreData };
}

export type SandboxApp = Hono<SandboxEnv>;
export type SandboxContext = Context<SandboxEnv>;

export interface RouteDeps {
  now: () => number;
}

export function origin(c: SandboxContext): string {
  return new URL(c.req.url).origin;
}

export function query(c: SandboxContext): URLSearchParams {
  return new URL(c.req.url).searchParams;
}

/** A comma list query value ("a,b" or repeated keys), trimmed, empties dropped. */
export function listParam(params: URLSearchParams, name: string): string[] | null {
  const values = params.getAll(name);
  if (values.length === 0) return null;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** A non-negative integer query value; undefined when absent, null when malformed. */
export function intParam(params: URLSearchParams, name: string): number | undefined | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

export function idList(params: URLSearchParams, name: string): number[] | null | 'invalid' {
  const list = listParam(params, name);
  if (list === null) return null;
  return list.every((v) => /^\d+$/.test(v)) ? list.map(Number) : 'invalid';
}

/** The JSON body, or undefined when it is missing or not JSON. */
export async function jsonBody(c: SandboxContext): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function pathId(c: SandboxContext, name: string): number | null {
  const raw = c.req.param(name);
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null;
}
