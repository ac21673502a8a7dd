/**
 * The fault matrix's machinery: the sandbox (in process, or on a real socket for 'hang' and
 * 'drop'), the real client and lookup loaded fresh for every case (the client keeps group names
 * for the life of its module), and the checks every case shares.
 */
import { vi } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { inProcessFetch } from '../../../sandbox/bigcommerce/test-client';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import type { FaultSpec, RequestLogEntry, SandboxControl, SandboxStoreInfo } from '../../../sandbox/bigcommerce/types';
import type { ErrorInfo } from '../../../lib/messages/common';

export const FAULTY = 'abc123';
export const HEALTHY = 'eu7x9k';

/** What the product code under test is made of, imported as one fresh module graph. */
export async function loadProduct() {
  vi.resetModules();
  const [bigcommerce, governor, lookup, linking, cache, kv, phone, errors] = await Promise.all([
    import('../../../lib/bigcommerce'),
    import('../../../lib/bigcommerce/governor'),
    import('../../../lib/lookup/lookup'),
    import('../../../lib/lookup/linking'),
    import('../../../lib/lookup/cache'),
    import('../../../lib/core/kv-store'),
    import('../../../lib/core/phone'),
    import('../../../lib/background/errors'),
  ]);
  return { bigcommerce, governor, lookup, linking, cache, kv, phone, errors };
}
export type Product = Awaited<ReturnType<typeof loadProduct>>;

export interface Transport {
  control: SandboxControl;
  stores: SandboxStoreInfo[];
  /** Loopback base the client accepts with allowCustomBase. */
  apiBaseUrl: string;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

/** The sandbox app called in process: no network, answers as fast as the code runs. */
export function inProcess(): Transport {
  const { app, control, stores } = createBigCommerceSandbox({ quota: 1_000_000 });
  return {
    control,
    stores,
    apiBaseUrl: 'http://127.0.0.1:1',
    fetch: inProcessFetch(app),
    close: async () => undefined,
  };
}

/** The sandbox on a real port with real fetch: a hung request and a cut socket need one. */
export async function onSocket(): Promise<Transport> {
  const handle: SandboxHandle = await startSandbox({ port: 0, gladlyPort: 0, quota: 1_000_000 });
  return {
    control: handle.control,
    stores: handle.info.bigcommerce.stores,
    apiBaseUrl: handle.info.bigcommerce.baseUrl,
    fetch: (url, init) => fetch(url, init),
    close: () => handle.close(),
  };
}

/** Timeout for hung requests: short, and long enough to read as "1 s" in the message. */
export const SHORT_TIMEOUT_MS = 600;
/** The healthy store never hangs: a long timeout, so a busy CI machine cannot make it time out. */
const HEALTHY_TIMEOUT_MS = 15_000;

/** Requests the product's clients have sent and not yet seen end (answered, failed or timed out). */
let inFlight = 0;

/**
 * Waits until every request a client sent has ended. A lookup can return while a request it no
 * longer needs is still out (e.g. the early account orders when round 1 failed): counted after
 * the case, it would land in the next case's log as an extra try.
 */
export async function requestsEnded(capMs = 10_000): Promise<void> {
  const until = Date.now() + capMs;
  while (inFlight > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
}

export function connect(product: Product, transport: Transport, hash: string, connectionId: string) {
  const store = transport.stores.find((s) => s.hash === hash)!;
  const counted: typeof transport.fetch = async (...args) => {
    inFlight += 1;
    try {
      return await transport.fetch(...args);
    } finally {
      inFlight -= 1;
    }
  };
  const clock = { now: Date.now, sleep: async () => undefined };
  return product.bigcommerce.createConnectionApis({
    storeHash: store.hash,
    accessToken: store.accessToken,
    apiBaseUrl: transport.apiBaseUrl,
    allowCustomBase: true,
    fetch: counted,
    timeoutMs: hash === HEALTHY ? HEALTHY_TIMEOUT_MS : SHORT_TIMEOUT_MS,
    // Back-off and rate-limit waits pass at once: the matrix counts requests, not seconds.
    sleep: clock.sleep,
    governor: new product.governor.Governor(clock),
    connectionId,
    storeName: store.name,
  });
}

/** Every access token the sandbox knows: none may appear in anything shown to a person. */
export function tokensOf(transport: Transport): string[] {
  return transport.stores.flatMap((s) => [s.accessToken, s.limitedAccessToken]);
}

/** Why a sentence would not read as plain words to an agent (empty when it does). */
export function plainWordsProblems(message: string, tokens: string[]): string[] {
  const problems: string[] = [];
  if (message.trim().length < 12) problems.push('too short to say anything');
  if (/[{}[\]<>]|"\s*:/.test(message)) problems.push('looks like JSON or markup');
  if (/\bat .+:\d+:\d+|\n\s+at /.test(message)) problems.push('contains a stack trace');
  if (/\b(undefined|null|NaN)\b|\[object /.test(message)) problems.push('contains a programming value');
  if (/\b(TypeError|SyntaxError|ZodError|fetch failed|ECONNRESET|ECONNREFUSED|AbortError)\b/.test(message))
    problems.push('quotes a raw error');
  if (/https?:\/\//.test(message)) problems.push('contains a URL');
  for (const token of tokens) if (token && message.includes(token)) problems.push('contains an access token');
  return problems;
}

export function expectPlainInfo(info: ErrorInfo | undefined, tokens: string[]): string[] {
  if (!info) return ['no error info'];
  return plainWordsProblems(info.message, tokens);
}

/** Log entries of the faulty store that the fault could have answered. */
export function faultedRequests(
  log: RequestLogEntry[],
  spec: Pick<FaultSpec, 'path' | 'method' | 'store'>,
): RequestLogEntry[] {
  const pattern = new RegExp(spec.path);
  return log.filter(
    (e) =>
      e.service === 'bigcommerce' &&
      (!spec.store || e.store === spec.store) &&
      (!spec.method || e.method === spec.method.toUpperCase()) &&
      pattern.test(e.path),
  );
}

/** Requests grouped by method, path and query: one group per call the product made. */
export function perCall(entries: RequestLogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const key = `${e.method} ${e.path}${e.query ? `?${e.query}` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * A hung request reaches the log only when the server sees the client leave: wait until the
 * log has stopped growing before counting.
 */
export async function settledLog(control: SandboxControl): Promise<RequestLogEntry[]> {
  let previous = -1;
  for (let i = 0; i < 40; i += 1) {
    const log = control.log();
    if (log.length === previous) return log;
    previous = log.length;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return control.log();
}

/** Totals printed at the end of each matrix file (for the report). */
export class Tally {
  cases = 0;
  requests = 0;
  duplicates: string[] = [];
  endpoints = new Set<string>();
  faults = new Set<string>();

  line(what: string): string {
    return (
      `[fault matrix: ${what}] ${this.endpoints.size} endpoints × ${this.faults.size} faults ` +
      `= ${this.cases} cases; ${this.requests} faulted requests counted; ${this.duplicates.length} ` +
      `duplicates${this.duplicates.length ? `: ${this.duplicates.join(', ')}` : ''}`
    );
  }
}
