/**
 * The sidebar's one port to the background, wrapped: request/reply by requestId, a streamed
 * lookup, pushes (config, identity), and a reconnect when the port drops (the MV3 service worker
 * may stop at any time). Every incoming message is checked against the protocol's schemas (by
 * hand, lib/messages/sidebar-checks.ts: zod stays out of the sidebar's bundle); anything else is ignored.
 */
import { i18n } from '#i18n';
import type { ErrorInfo } from '../messages/common';
import type { LookupQuery, LookupUpdate } from '../messages/lookup';
import type { AnyOutgoing, Outgoing, ReplyOf, Sender, SidebarMessageType } from '../messages/protocol';
import type { ConfigPush, IdentityPush } from '../messages/sidebar';
import { readConfigPush, readIdentityPush, readLookupUpdate, readReply } from '../messages/sidebar-checks';
import { visitMark } from '../core/visit-marks';

/** The part of a runtime.Port the client uses (browser.runtime.Port fits). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

/** A request the sidebar (or an action component) sends; the client adds a requestId when missing. */
export type OutgoingRequest = AnyOutgoing<SidebarMessageType>;

/** A failed request: `info` is the background's plain-words ErrorInfo. */
export class RequestError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'RequestError';
    this.info = info;
  }
}

export type Push = ConfigPush | IdentityPush;
export type ConnectionState = 'connected' | 'reconnecting' | 'gone';

export interface LookupHandlers {
  onUpdate(update: LookupUpdate): void;
  /** The background refused the whole lookup (e.g. a bad message). */
  onError?(info: ErrorInfo): void;
}

export interface LookupSubscription {
  requestId: string;
  /** Stop listening (a newer lookup replaced this one). */
  cancel(): void;
}

export interface SidebarClient {
  /** One request over the port, typed by the protocol map: resolves with its reply data. */
  request: Sender<SidebarMessageType>;
  /** Start a lookup; only the newest one is kept (and re-sent after a reconnect). */
  lookup(query: LookupQuery, options: { refresh?: boolean }, handlers: LookupHandlers): LookupSubscription;
  onPush(listener: (push: Push) => void): () => void;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

export interface ClientOptions {
  /** Delays before each reconnect attempt, in ms; after the last one the client gives up. */
  reconnectDelays?: number[];
  /** Injected for tests. */
  setTimer?: (cb: () => void, ms: number) => unknown;
  newId?: () => string;
}

// A request that was sent but never answered: its outcome is unknown (like a timeout after sending),
// so an action dialog asks the background what happened instead of offering to send it again.
const LOST_REPLY = (): ErrorInfo => ({ kind: 'timeout', message: i18n.t('sidebarErrors.lostReply') });
// The port threw while this request was being posted: it never left, and it never will (a request
// reported as not sent must not go out later behind the agent's back, least of all a refund).
const NOT_SENT = (): ErrorInfo => ({ kind: 'unavailable', message: i18n.t('sidebarErrors.notSent') });
const GONE = (): ErrorInfo => ({ kind: 'unavailable', message: i18n.t('sidebar.gone') });

const isLookup = (m: unknown) => typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'lookup';

let counter = 0;
function defaultId(): string {
  counter += 1;
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().slice(0, 8)
      : Math.random().toString(36).slice(2, 10);
  return `sb-${random}-${counter}`;
}

/** `open` opens a fresh port (e.g. `() => browser.runtime.connect({ name: SIDEBAR_PORT })`). */
export function createSidebarClient(open: () => PortLike, options: ClientOptions = {}): SidebarClient {
  const delays = options.reconnectDelays ?? [0, 250, 1000, 3000, 10000];
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const newId = options.newId ?? defaultId;

  // Each entry resolves with the data of the reply to the request of the same id.
  const pending = new Map<string, { resolve: (data: unknown) => void; reject: (error: RequestError) => void }>();
  const pushListeners = new Set<(push: Push) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let current: { message: Outgoing<'lookup'> & { requestId: string }; handlers: LookupHandlers } | null = null;
  let port: PortLike | null = null;
  let state: ConnectionState = 'reconnecting';
  let attempt = 0;
  let closed = false;
  // Messages sent while the port is down go out once it is back.
  let outbox: unknown[] = [];

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  function receive(raw: unknown): void {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (type === 'lookup/update') {
      visitMark('visit:update-received');
      const update = readLookupUpdate(raw);
      if (update && current?.message.requestId === update.requestId) current.handlers.onUpdate(update);
    } else if (type === 'reply') {
      const reply = readReply(raw);
      if (!reply) return;
      const waiting = pending.get(reply.requestId);
      if (waiting) {
        pending.delete(reply.requestId);
        if (reply.ok) waiting.resolve(reply.data);
        else waiting.reject(new RequestError(reply.error));
      } else if (!reply.ok && current?.message.requestId === reply.requestId) {
        current.handlers.onError?.(reply.error);
      }
    } else if (type === 'config') {
      const push = readConfigPush(raw);
      if (push) for (const listener of pushListeners) listener(push);
    } else if (type === 'identity') {
      const push = readIdentityPush(raw);
      if (push) for (const listener of pushListeners) listener(push);
    }
  }

  function connect(): void {
    if (closed) return;
    let next: PortLike;
    try {
      next = open();
    } catch {
      scheduleReconnect();
      return;
    }
    port = next;
    next.onMessage.addListener((message) => {
      if (port !== next) return;
      // Only a port that answers counts as back (one that drops at once must not loop forever).
      attempt = 0;
      receive(message);
    });
    next.onDisconnect.addListener(() => {
      if (port !== next) return;
      port = null;
      // Replies to what was in flight will never come: say so instead of hanging.
      for (const [, waiting] of pending) waiting.reject(new RequestError(LOST_REPLY()));
      pending.clear();
      scheduleReconnect();
    });
    setState('connected');
    // Lookups replaced while the port was down are not worth sending.
    const queued = outbox.filter((m) => !isLookup(m) || m === current?.message);
    outbox = [];
    // The background lost its lookups: ask again for the one on screen.
    if (current && !queued.includes(current.message)) queued.unshift(current.message);
    for (const message of queued) post(message, notSentFor(message));
  }

  function scheduleReconnect(): void {
    if (closed) return;
    const delay = delays[attempt];
    if (delay === undefined) {
      setState('gone');
      for (const [, waiting] of pending) waiting.reject(new RequestError(GONE()));
      pending.clear();
      outbox = [];
      return;
    }
    attempt += 1;
    setState('reconnecting');
    setTimer(connect, delay);
  }

  /**
   * Posts now, or once the port is back. `notSent` is for a request with a caller waiting: when the
   * port throws, the caller is told it was not sent and the message is dropped, never sent later.
   */
  function post(message: unknown, notSent?: () => void): void {
    if (!port) {
      outbox.push(message);
      return;
    }
    try {
      port.postMessage(message);
    } catch {
      // A port that just closed throws; its onDisconnect reconnects. A lookup goes out then; a
      // request's caller hears "not sent" now, so it must not go out behind its back.
      if (notSent) notSent();
      else outbox.push(message);
    }
  }

  /** For a queued request whose caller still waits: reject it as not sent. */
  function notSentFor(message: unknown): (() => void) | undefined {
    const id = (message as { requestId?: unknown }).requestId;
    const waiting = typeof id === 'string' ? pending.get(id) : undefined;
    if (!waiting || typeof id !== 'string') return undefined;
    return () => {
      pending.delete(id);
      waiting.reject(new RequestError(NOT_SENT()));
    };
  }

  connect();

  return {
    request<K extends SidebarMessageType>(message: Outgoing<K>): Promise<ReplyOf<K>> {
      if (state === 'gone') return Promise.reject(new RequestError(GONE()));
      const full = { ...message, requestId: message.requestId ?? newId() };
      return new Promise<ReplyOf<K>>((resolve, reject) => {
        // The one place a reply's data gets its type: the background's handler for this type
        // returns ReplyOf<K> (lib/background/handler.ts checks it), and both are the same build.
        pending.set(full.requestId, { resolve: (data) => resolve(data as ReplyOf<K>), reject });
        post(full, () => {
          pending.delete(full.requestId);
          reject(new RequestError(NOT_SENT()));
        });
      });
    },
    lookup(query, { refresh }, handlers) {
      const message: Outgoing<'lookup'> & { requestId: string } = {
        type: 'lookup',
        requestId: newId(),
        query,
        ...(refresh ? { refresh: true } : {}),
      };
      const subscription = { message, handlers };
      current = subscription;
      post(message);
      return {
        requestId: message.requestId,
        cancel: () => {
          if (current === subscription) current = null;
        },
      };
    },
    onPush(listener) {
      pushListeners.add(listener);
      return () => pushListeners.delete(listener);
    },
    onConnectionChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close() {
      closed = true;
      const last = port;
      port = null;
      last?.disconnect();
    },
  };
}
