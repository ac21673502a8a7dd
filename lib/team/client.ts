/**
 * The extension's side of the team service's HTTP contract (v1): forwards one router message to
 * `POST /v1/messages` and reads the NDJSON answer line by line, and calls `GET /v1/me` and the
 * admin routes. The access key only ever travels in the Authorization header; no error this
 * module throws quotes a header, a key or a raw body — only the service's own ErrorInfo (which
 * the contract keeps free of secrets) or a sentence of ours.
 */
import { ErrorInfoSchema, ReplySchema, type ErrorInfo } from '../messages/common';
import { LookupUpdateSchema } from '../messages/lookup';

/** A refusal or failure, carrying what the page may see. */
export class TeamServiceError extends Error {
  readonly kind: ErrorInfo['kind'];
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'TeamServiceError';
    this.kind = info.kind;
  }
}

export interface TeamEndpoint {
  /** e.g. https://team.example.com (no trailing slash). */
  serviceUrl: string;
  key: string;
}

export interface TeamStore {
  id: string;
  name: string;
  enabled: boolean;
  actions: { enabled: boolean; cancel: boolean; refund: boolean; partialRefund: boolean; discount: boolean };
}

export interface TeamProfile {
  role: 'agent' | 'admin';
  name: string;
  stores: TeamStore[];
}

export interface TeamClientDeps {
  fetch: typeof fetch;
  /** The saved address and key (the key decrypted from the vault), or null when not set up. */
  endpoint(): Promise<TeamEndpoint | null>;
  /** Per request, until the first byte (and between lines of a stream). Default 30 s. */
  timeoutMs?: number;
}

/** Writes that move money or create something in the store: an unreadable answer leaves the outcome unknown. */
const WRITES = new Set(['actions/cancel', 'actions/cancel-refund', 'actions/refund', 'actions/coupon-create']);

/** Router messages forwarded in team mode (everything that touches the store, the links or the audit log). */
export const FORWARDED_TYPES = [
  'lookup',
  'link',
  'unlink',
  'actions/cancel',
  'actions/cancel-refund',
  'actions/refund-quote',
  'actions/refund',
  'actions/coupon-code-check',
  'actions/coupon-create',
  'actions/status',
  'audit/list',
] as const;

const OUTCOME_UNKNOWN: ErrorInfo = {
  kind: 'timeout',
  message:
    'The team service did not answer, so it is not known whether this went through. Nothing was resent; open the order again to check before retrying.',
};

export interface ForwardOptions {
  /** Streamed messages (lookup/update) as they arrive. */
  emit(message: unknown): void;
  /** The Gladly agent as the page reports it (X-Gladly-Agent). */
  agent?: string;
}

export interface TeamClient {
  /** Forwards one already-validated router message; resolves with the reply's data, or throws TeamServiceError. */
  forward(message: { type: string; requestId: string }, options: ForwardOptions): Promise<unknown>;
  /** GET /v1/me with the saved endpoint, or with one being tried (the options page's Connect). */
  me(endpoint?: TeamEndpoint): Promise<TeamProfile>;
  /** An admin route: JSON in, JSON (or text for CSV) out. */
  admin(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown>;
  adminText(path: string): Promise<string>;
}

export function createTeamClient(deps: TeamClientDeps): TeamClient {
  const timeoutMs = deps.timeoutMs ?? 30_000;

  async function endpointOrThrow(given?: TeamEndpoint): Promise<TeamEndpoint> {
    const endpoint = given ?? (await deps.endpoint());
    if (!endpoint)
      throw new TeamServiceError({
        kind: 'config',
        message: 'Team mode is on but no team service is connected. Ask your admin, then Connect on the options page.',
      });
    return endpoint;
  }

  /** One request; network failures become 'offline' (or outcome unknown for a write). */
  async function send(
    endpoint: TeamEndpoint,
    method: string,
    path: string,
    options: { body?: unknown; agent?: string; write?: boolean; signal: AbortSignal },
  ): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${endpoint.key}` };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.agent) headers['X-Gladly-Agent'] = headerSafe(options.agent);
    try {
      return await deps.fetch(`${endpoint.serviceUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      // The request may have reached the service before the connection failed.
      if (options.write) throw new TeamServiceError(OUTCOME_UNKNOWN);
      throw new TeamServiceError(
        options.signal.aborted
          ? { kind: 'unavailable', message: 'The team service did not answer in time. Try again in a moment.' }
          : {
              kind: 'offline',
              message: 'The team service could not be reached. Check the connection, or ask your admin if it is down.',
            },
      );
    }
  }

  /** A non-2xx answer: the service's own ErrorInfo when it sent one, else a sentence for its status. */
  async function refusal(response: Response, write: boolean): Promise<TeamServiceError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const parsed = ErrorInfoSchema.safeParse((body as { error?: unknown } | undefined)?.error);
    if (parsed.success) return new TeamServiceError({ ...parsed.data, status: response.status });
    // No ErrorInfo: a proxy or a load balancer answered, the service may have acted.
    if (write && response.status >= 500) return new TeamServiceError(OUTCOME_UNKNOWN);
    return new TeamServiceError(statusInfo(response.status));
  }

  /** A timer that aborts the request when the service goes quiet for too long. */
  function watchdog() {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), timeoutMs);
    };
    arm();
    return { signal: controller.signal, arm, stop: () => clearTimeout(timer) };
  }

  async function json(endpoint: TeamEndpoint, method: string, path: string, body?: unknown): Promise<unknown> {
    const timer = watchdog();
    try {
      const response = await send(endpoint, method, path, { body, signal: timer.signal });
      if (!response.ok) throw await refusal(response, false);
      if (response.status === 204) return null;
      try {
        return await response.json();
      } catch {
        throw new TeamServiceError(MALFORMED);
      }
    } finally {
      timer.stop();
    }
  }

  return {
    async forward(message, options) {
      const endpoint = await endpointOrThrow();
      const write = WRITES.has(message.type);
      const timer = watchdog();
      try {
        const response = await send(endpoint, 'POST', '/v1/messages', {
          body: message,
          agent: options.agent,
          write,
          signal: timer.signal,
        });
        if (!response.ok) throw await refusal(response, write);
        if (!/application\/x-ndjson/i.test(response.headers.get('content-type') ?? '') || !response.body)
          throw new TeamServiceError(write ? OUTCOME_UNKNOWN : MALFORMED);
        let sawDone = false;
        try {
          for await (const line of lines(response.body, timer.arm)) {
            let value: unknown;
            try {
              value = JSON.parse(line);
            } catch {
              throw new TeamServiceError(write ? OUTCOME_UNKNOWN : MALFORMED);
            }
            if (message.type === 'lookup' && (value as { type?: unknown } | null)?.type === 'lookup/update') {
              const update = LookupUpdateSchema.safeParse(value);
              if (!update.success || update.data.requestId !== message.requestId) throw new TeamServiceError(MALFORMED);
              options.emit(update.data);
              if (update.data.done) sawDone = true;
              continue;
            }
            const reply = ReplySchema.safeParse(value);
            // 'none': the service failed before it could read the request's id (its own error).
            const ours = reply.success && (reply.data.requestId === message.requestId || !reply.data.ok);
            if (!reply.success || !ours) throw new TeamServiceError(write ? OUTCOME_UNKNOWN : MALFORMED);
            if (!reply.data.ok && reply.data.requestId !== message.requestId && write)
              throw new TeamServiceError(OUTCOME_UNKNOWN);
            if (!reply.data.ok) throw new TeamServiceError(reply.data.error);
            return reply.data.data;
          }
        } catch (error) {
          if (error instanceof TeamServiceError) throw error;
          // The stream broke (connection dropped, watchdog fired) before the reply arrived.
          throw new TeamServiceError(write ? OUTCOME_UNKNOWN : CUT_SHORT);
        }
        // The stream ended. A lookup is answered by its updates; anything else needed a reply line.
        if (message.type === 'lookup' && sawDone) return null;
        throw new TeamServiceError(write ? OUTCOME_UNKNOWN : CUT_SHORT);
      } finally {
        timer.stop();
      }
    },

    async me(given) {
      const body = await json(await endpointOrThrow(given), 'GET', '/v1/me');
      const profile = readProfile(body);
      if (!profile) throw new TeamServiceError(MALFORMED);
      return profile;
    },

    async admin(method, path, body) {
      return json(await endpointOrThrow(), method, path, body);
    },

    async adminText(path) {
      const endpoint = await endpointOrThrow();
      const timer = watchdog();
      try {
        const response = await send(endpoint, 'GET', path, { signal: timer.signal });
        if (!response.ok) throw await refusal(response, false);
        return await response.text();
      } finally {
        timer.stop();
      }
    },
  };
}

const MALFORMED: ErrorInfo = {
  kind: 'malformed',
  message: 'The team service sent an answer the extension could not read. Ask your admin to check its version.',
};

const CUT_SHORT: ErrorInfo = {
  kind: 'unavailable',
  message: 'The team service stopped answering part-way. Try again in a moment.',
};

function statusInfo(status: number): ErrorInfo {
  if (status === 401)
    return { kind: 'auth', message: 'The team service refused this access key. Ask your admin for a new one.', status };
  if (status === 403) return { kind: 'forbidden-sender', message: 'The team service does not allow that.', status };
  if (status === 429)
    return { kind: 'rate-limited', message: 'Too many requests to the team service. Wait a moment.', status };
  if (status === 404)
    return { kind: 'not-found', message: 'That address does not answer like a team service (404).', status };
  if (status >= 500)
    return { kind: 'unavailable', message: 'The team service is having trouble. Try again in a moment.', status };
  return { kind: 'unknown', message: `The team service answered with an unexpected status (${status}).`, status };
}

/** NDJSON: one JSON value per line; blank lines are skipped. `onChunk` re-arms the watchdog. */
async function* lines(body: ReadableStream<Uint8Array>, onChunk: () => void): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      onChunk();
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (line) yield line;
        newline = buffered.indexOf('\n');
      }
    }
    const rest = (buffered + decoder.decode()).trim();
    if (rest) yield rest;
  } finally {
    reader.releaseLock();
  }
}

function readProfile(body: unknown): TeamProfile | null {
  const b = body as Partial<TeamProfile> | null;
  if (typeof b !== 'object' || b === null) return null;
  if ((b.role !== 'agent' && b.role !== 'admin') || typeof b.name !== 'string' || !Array.isArray(b.stores)) return null;
  const stores: TeamStore[] = [];
  for (const s of b.stores as unknown[]) {
    const store = s as Partial<TeamStore> | null;
    if (typeof store?.id !== 'string' || typeof store.name !== 'string') return null;
    const a = (store.actions ?? {}) as Partial<TeamStore['actions']>;
    stores.push({
      id: store.id,
      name: store.name,
      enabled: store.enabled !== false,
      actions: {
        enabled: a.enabled === true,
        cancel: a.cancel === true,
        refund: a.refund === true,
        partialRefund: a.partialRefund === true,
        discount: a.discount === true,
      },
    });
  }
  return { role: b.role, name: b.name.slice(0, 200), stores };
}

/** Header values are Latin-1: anything else in an agent's name is percent-encoded, not dropped. */
function headerSafe(value: string): string {
  return value
    .slice(0, 200)
    .replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c))
    .trim();
}
