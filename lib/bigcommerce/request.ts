/**
 * The one place requests to BigCommerce are made: base URL, `X-Auth-Token`, timeout, retries
 * (GETs only), the per-store governor and typed errors. The token goes into a header here and
 * nowhere else; no error or log line built here contains it or a response body.
 */
import { i18n } from '../core/i18n';
import { visitMark } from '../core/visit-marks';
import { BigCommerceError, errorForStatus } from './errors';
import { governorFor, headerNumber, type RequestGovernor } from './governor';

export const PRODUCTION_API = 'https://api.bigcommerce.com';
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_TRIES = 3;
const RETRY_BUDGET_MS = 20_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 4_000;
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export type FetchLike = (input: string, init: RequestInit) => Promise<Response> | Response;

export interface ClientOptions {
  storeHash: string;
  accessToken: string;
  /** e.g. http://127.0.0.1:4010 or https://127.0.0.1:4010 (the sandbox): honoured only with allowCustomBase and a loopback http(s) URL. */
  apiBaseUrl?: string;
  allowCustomBase: boolean;
  fetch?: FetchLike;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  /** Defaults to the governor shared by every client of this store hash. */
  governor?: RequestGovernor;
}

export type Method = 'GET' | 'POST' | 'PUT';

export interface RequestSpec {
  method: Method;
  /** From the store base, e.g. /v2/orders. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The scope this call needs, named in a 403's message. */
  scope: string;
  /** Ends the request (and its wait for the governor) early, unsent if it was still queued. */
  signal?: AbortSignal;
  /**
   * A POST that only computes and changes nothing (a refund quote): a timeout or a 5xx to it is a
   * plain failure, never "outcome unknown".
   */
  changesNothing?: boolean;
}

/** A request whose outcome is in doubt when no clear answer comes back: it may have changed something. */
export const changesState = (spec: Pick<RequestSpec, 'method' | 'changesNothing'>): boolean =>
  spec.method !== 'GET' && spec.changesNothing !== true;

export interface ApiResponse {
  status: number;
  /** Parsed JSON, or undefined for an empty body (204). */
  body: unknown;
  /** The answer carried Retry-After or X-Retry-After (a 503 with it says the request was not processed). */
  retryAfter?: boolean;
}

export interface BigCommerceClient {
  readonly storeHash: string;
  /** Any HTTP status comes back (network failures and timeouts throw): for scope probes. */
  raw(spec: RequestSpec): Promise<ApiResponse>;
  /** 2xx comes back; anything else throws a BigCommerceError. */
  send(spec: RequestSpec): Promise<ApiResponse>;
  requestCount(): number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The store's API base: production, or a loopback sandbox when the build allows one. */
export function storeBaseUrl(options: Pick<ClientOptions, 'storeHash' | 'apiBaseUrl' | 'allowCustomBase'>): string {
  const hash = encodeURIComponent(options.storeHash);
  if (options.apiBaseUrl && options.allowCustomBase) {
    try {
      const url = new URL(options.apiBaseUrl);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)) {
        return `${url.origin}${url.pathname.replace(/\/+$/, '')}/stores/${hash}`;
      }
    } catch {
      // Not a URL: fall through to production.
    }
  }
  return `${PRODUCTION_API}/stores/${hash}`;
}

/** Query text that keeps BigCommerce's `email:in`-style names and comma lists readable. */
export function queryString(query: RequestSpec['query']): string {
  const parts = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(
      ([key, value]) =>
        `${encodeURIComponent(key).replace(/%3A/gi, ':')}=${encodeURIComponent(String(value)).replace(/%2C/gi, ',')}`,
    );
  return parts.length ? `?${parts.join('&')}` : '';
}

/** How long a 429 asks us to wait: the longer of the reset time and X-Retry-After (seconds). */
function rateLimitWait(headers: Headers): number | null {
  const resetMs = headerNumber(headers, 'X-Rate-Limit-Time-Reset-Ms');
  const retryAfterS = headerNumber(headers, 'X-Retry-After');
  if (resetMs === null && retryAfterS === null) return null;
  return Math.max(resetMs ?? 0, (retryAfterS ?? 0) * 1000);
}

type Attempt =
  | { kind: 'response'; status: number; headers: Headers; body: unknown }
  | { kind: 'error'; error: BigCommerceError };

export function createClient(options: ClientOptions): BigCommerceClient {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const governor = options.governor ?? governorFor(options.storeHash, { now, sleep });
  const base = storeBaseUrl(options);
  let count = 0;

  async function attempt(spec: RequestSpec): Promise<Attempt> {
    // The deadline starts before the wait for the governor: a queue (or a broken rate-limit
    // header) can make a request late, never hang it.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const callerAborted = () => controller.abort();
    spec.signal?.addEventListener('abort', callerAborted, { once: true });
    if (spec.signal?.aborted) controller.abort();
    let release: () => void;
    try {
      // A free slot is taken at once, so the request leaves in the task that asked for it
      // (a request cancelled before it left goes the waiting way, which ends it unsent).
      const free = controller.signal.aborted ? null : (governor.tryAcquire?.() ?? null);
      release = free ?? (await governor.acquire(controller.signal));
    } catch {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', callerAborted);
      // Still queued: nothing left, so a write's outcome is known (not made).
      return {
        kind: 'error',
        error: timedOut
          ? new BigCommerceError('rate-limited', i18n.t('sidebarErrors.quotaWait', [Math.round(timeoutMs / 1000)]))
          : new BigCommerceError('offline', i18n.t('sidebarErrors.cancelled')),
      };
    }
    const headers: Record<string, string> = { 'X-Auth-Token': options.accessToken, Accept: 'application/json' };
    // Writes always declare JSON: some operations (e.g. payment void) require it even without a body.
    if (spec.body !== undefined || spec.method !== 'GET') headers['Content-Type'] = 'application/json';
    try {
      count += 1;
      visitMark('visit:request-sent');
      const response = await doFetch(`${base}${spec.path}${queryString(spec.query)}`, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      governor.observe(response.headers);
      const text = await response.text();
      let body: unknown;
      if (text.trim() !== '') {
        try {
          body = JSON.parse(text);
        } catch {
          if (response.ok) {
            // A write that got a 2xx happened, whatever its body: `sent` keeps it from being redone blindly.
            const write = changesState(spec);
            return {
              kind: 'error',
              error: new BigCommerceError(
                'malformed',
                write ? i18n.t('sidebarErrors.notJsonWrite') : i18n.t('sidebarErrors.notJson'),
                { status: response.status, ...(write ? { sent: true } : {}) },
              ),
            };
          }
        }
      }
      visitMark('visit:answer-read');
      return { kind: 'response', status: response.status, headers: response.headers, body };
    } catch {
      if (timedOut) {
        const write = changesState(spec);
        const message = write
          ? i18n.t('sidebarErrors.timeoutWrite', [Math.round(timeoutMs / 1000)])
          : i18n.t('sidebarErrors.timeout', [Math.round(timeoutMs / 1000)]);
        return { kind: 'error', error: new BigCommerceError('timeout', message, write ? { sent: true } : {}) };
      }
      if (changesState(spec)) {
        // A write may have reached BigCommerce before the connection broke: the outcome is as
        // unknown as after a timeout, so it is reported the same way (never resent).
        return {
          kind: 'error',
          error: new BigCommerceError('timeout', i18n.t('sidebarErrors.brokeWrite'), { sent: true }),
        };
      }
      return {
        kind: 'error',
        error: new BigCommerceError('offline', i18n.t('sidebarErrors.offline')),
      };
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', callerAborted);
      release();
    }
  }

  function backoff(tries: number): number {
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (tries - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  async function raw(spec: RequestSpec): Promise<ApiResponse> {
    const started = now();
    for (let tries = 1; ; tries += 1) {
      const result = await attempt(spec);
      const retryable =
        spec.method === 'GET' &&
        (result.kind === 'error' ? result.error.kind === 'offline' : RETRY_STATUSES.has(result.status));
      let wait = backoff(tries);
      if (result.kind === 'response' && result.status === 429) wait = rateLimitWait(result.headers) ?? wait;
      if (!retryable || spec.signal?.aborted || tries >= MAX_TRIES || now() - started + wait > RETRY_BUDGET_MS) {
        if (result.kind === 'error') throw result.error;
        const retryAfter = result.headers.has('Retry-After') || result.headers.has('X-Retry-After');
        return { status: result.status, body: result.body, ...(retryAfter ? { retryAfter } : {}) };
      }
      await sleep(wait);
    }
  }

  return {
    storeHash: options.storeHash,
    raw,
    async send(spec) {
      const response = await raw(spec);
      if (response.status >= 200 && response.status < 300) return response;
      throw errorForStatus(response.status, response.body, spec.scope, {
        write: changesState(spec),
        retryAfter: response.retryAfter,
      });
    },
    requestCount: () => count,
  };
}
