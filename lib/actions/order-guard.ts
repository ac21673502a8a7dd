/**
 * One action in flight per order, across every tab and window, and the same actionId never
 * sent twice. The lock lives in the background: in memory (taken synchronously, so two requests
 * arriving together cannot both pass) and as a pending record in storage.local, so a restarted
 * service worker knows an action was under way and that its outcome is unknown.
 */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { KeyValueStore } from '../core/kv-store';
import type { ActionStatusResult, Reconciled } from '../messages/actions';
import { ErrorInfoSchema, type ErrorInfo } from '../messages/common';
import { ActionError, infoOf, isOutcomeUnknown, unknownOutcomeReason } from './errors';

export const PendingRecordSchema = lazySchema(() =>
  z.object({
    connectionId: z.string(),
    orderId: z.string(),
    actionId: z.string(),
    action: z.enum(['cancel', 'refund', 'coupon', 'cancelRefund']),
    /** Epoch ms just before the write was sent: a refund created after it may be ours. */
    startedAt: z.number(),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    code: z.string().nullable(),
    agent: z.string(),
    storeName: z.string(),
    phase: z.enum(['running', 'unknown']),
  }),
);
export type PendingRecord = z.infer<typeof PendingRecordSchema>;
export type PendingFacts = Omit<PendingRecord, 'phase' | 'startedAt'>;

const StoredResultSchema = lazySchema(() =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: z.unknown(), at: z.number() }),
    z.object({ ok: z.literal(false), error: ErrorInfoSchema, at: z.number() }),
  ]),
);
export type StoredResult = z.infer<typeof StoredResultSchema>;

export const PENDING_KEY = 'actions.pending';
export const RESULTS_KEY = 'actions.results';
const MAX_RESULTS = 300;

export interface RunContext {
  /** Call right before the write that may be lost: stamps the time and what to recognise it by. */
  sending(facts?: Partial<Pick<PendingRecord, 'amount' | 'currency' | 'code' | 'storeName'>>): Promise<void>;
}

export interface OrderGuard {
  /** Runs `work` holding the order's lock; the same actionId again gets the first answer. */
  run<T>(facts: PendingFacts, work: (context: RunContext) => Promise<T>): Promise<T>;
  /** Is something under way on this order? Learns what a lost request did first, when needed. */
  status(connectionId: string, orderId: string): Promise<ActionStatusResult>;
}

/**
 * Where the guard keeps its lock, pending records and first answers. The default (below) is one
 * process's memory plus a KeyValueStore (storage.local); the team service keeps them as database
 * rows, so replicas sharing one database share one lock per order.
 */
export interface GuardStore {
  /**
   * Takes the order's lock for `actionId`: null when taken, else the actionId holding it (or
   * 'status' for a status check). An in-memory store must decide before returning, so two calls
   * made together cannot both pass.
   */
  lock(key: string, actionId: string): Promise<string | null>;
  unlock(key: string): Promise<void>;
  pending(key: string): Promise<PendingRecord | undefined>;
  setPending(key: string, record: PendingRecord | null): Promise<void>;
  result(actionId: string): Promise<StoredResult | undefined>;
  saveResult(actionId: string, result: StoredResult): Promise<void>;
}

export interface GuardOptions {
  /** storage.local for the default store; ignored when `store` is given. */
  storage?: KeyValueStore;
  store?: GuardStore;
  /** What a lost request did (null when that cannot be learned right now). Never resends. */
  reconcile(record: PendingRecord): Promise<Reconciled | null>;
  now?: () => number;
  /** How long to wait for another process running the same actionId to finish (default 60 s). */
  sameActionWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Raised with the first answer of an actionId that had failed, so the page sees the same error. */
class ReplayedError extends ActionError {
  constructor(info: ErrorInfo) {
    super(info.kind, info.message, info.field);
  }
}

/** The standalone extension's store: the lock in memory, records in one storage.local key each. */
export function memoryGuardStore(storage: KeyValueStore): GuardStore {
  const held = new Map<string, string>();
  let writes: Promise<unknown> = Promise.resolve();

  /** Read-modify-write of one storage key, one at a time. */
  function update<T>(
    key: string,
    schema: z.ZodType<Record<string, T>>,
    change: (map: Record<string, T>) => void,
  ): Promise<void> {
    const next = writes.then(async () => {
      const parsed = schema.safeParse((await storage.get<unknown>(key)) ?? {});
      const map = parsed.success ? parsed.data : {};
      change(map);
      await storage.set(key, map);
    });
    writes = next.catch(() => undefined);
    return next;
  }
  const pendingSchema = z.record(z.string(), PendingRecordSchema);
  const resultsSchema = z.record(z.string(), StoredResultSchema);

  return {
    lock(key, actionId) {
      // Checked and taken synchronously: two requests arriving together cannot both pass.
      const holder = held.get(key);
      if (holder !== undefined) return Promise.resolve(holder);
      held.set(key, actionId);
      return Promise.resolve(null);
    },
    async unlock(key) {
      held.delete(key);
    },
    async pending(key) {
      await writes;
      const parsed = pendingSchema.safeParse((await storage.get<unknown>(PENDING_KEY)) ?? {});
      return parsed.success ? parsed.data[key] : undefined;
    },
    setPending: (key, record) =>
      update(PENDING_KEY, pendingSchema, (map) => {
        if (record) map[key] = record;
        else delete map[key];
      }),
    async result(actionId) {
      await writes;
      const parsed = resultsSchema.safeParse((await storage.get<unknown>(RESULTS_KEY)) ?? {});
      return parsed.success ? parsed.data[actionId] : undefined;
    },
    saveResult: (actionId, result) =>
      update(RESULTS_KEY, resultsSchema, (map) => {
        map[actionId] = result;
        const ids = Object.keys(map).sort((a, b) => (map[a]?.at ?? 0) - (map[b]?.at ?? 0));
        for (const id of ids.slice(0, Math.max(0, ids.length - MAX_RESULTS))) delete map[id];
      }),
  };
}

const STATUS_HOLDER = 'status';

export function createOrderGuard(options: GuardOptions): OrderGuard {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (!options.store && !options.storage) throw new Error('The order guard needs a store or a storage area');
  const store = options.store ?? memoryGuardStore(options.storage!);
  const inFlight = new Map<string, Promise<unknown>>();
  const keyOf = (connectionId: string, orderId: string) => `${connectionId}/${orderId}`;

  function replay<T>(result: StoredResult): T {
    if (result.ok) return result.data as T;
    throw new ReplayedError(result.error);
  }

  /** Learn what a lost request did, record it, and clear the order (lock held by the caller). */
  async function settle(key: string, record: PendingRecord): Promise<Reconciled | null> {
    const reconciled = await options.reconcile(record).catch(() => null);
    const found = reconciled && { ...reconciled, actionId: record.actionId };
    if (!found) {
      if (record.phase !== 'unknown') await store.setPending(key, { ...record, phase: 'unknown' });
      return null;
    }
    const result: StoredResult =
      found.outcome === 'done'
        ? { ok: true, data: { reconciled: found }, at: now() }
        : { ok: false, error: { kind: 'unknown', message: found.message }, at: now() };
    await store.saveResult(record.actionId, result);
    await store.setPending(key, null);
    return found;
  }

  async function guarded<T>(key: string, facts: PendingFacts, work: (context: RunContext) => Promise<T>): Promise<T> {
    const earlier = await store.pending(key);
    if (earlier) {
      const found = await settle(key, earlier);
      throw new ActionError(
        'busy',
        found
          ? `${found.message} Nothing new was sent: look at the order again before doing anything else.`
          : 'An earlier action on this order got no answer, and what it did cannot be checked right now. Nothing new was sent; try again in a moment.',
      );
    }
    let record: PendingRecord = { ...facts, startedAt: now(), phase: 'running' };
    await store.setPending(key, record);
    try {
      const data = await work({
        async sending(more) {
          record = { ...record, ...more, startedAt: now() };
          await store.setPending(key, record);
        },
      });
      await store.saveResult(facts.actionId, { ok: true, data, at: now() });
      await store.setPending(key, null);
      return data;
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        // Keep the record: nothing else may happen on this order until we learn what this did.
        await store.setPending(key, { ...record, phase: 'unknown' });
        throw new ActionError(
          'timeout',
          `${unknownOutcomeReason(error)}, so it is not known whether this went through. ` +
            'Nothing was resent; open the order again to check before retrying.',
        );
      }
      const info = infoOf(error);
      // To the page, 'timeout' means "outcome unknown": a read or a quote that timed out changed
      // nothing, so it is a plain failure the agent may simply retry.
      if (info.kind === 'timeout') {
        const plain = new ActionError('unavailable', `${info.message} Nothing was changed; try again.`);
        await store.saveResult(facts.actionId, { ok: false, error: plain.info, at: now() });
        await store.setPending(key, null);
        throw plain;
      }
      if (info.kind !== 'busy') await store.saveResult(facts.actionId, { ok: false, error: info, at: now() });
      await store.setPending(key, null);
      throw error;
    }
  }

  /** The same actionId is running elsewhere (another process): its first answer is ours. */
  async function awaitFirstAnswer<T>(actionId: string): Promise<T> {
    const deadline = now() + (options.sameActionWaitMs ?? 60_000);
    while (now() < deadline) {
      await sleep(200);
      const first = await store.result(actionId);
      if (first) return replay<T>(first);
    }
    throw new ActionError(
      'busy',
      'This action is still running elsewhere. Open the order again in a moment to see its outcome.',
    );
  }

  return {
    run<T>(facts: PendingFacts, work: (context: RunContext) => Promise<T>): Promise<T> {
      const running = inFlight.get(facts.actionId);
      if (running) return running as Promise<T>;
      const key = keyOf(facts.connectionId, facts.orderId);
      // Asked before any await (the default store answers synchronously).
      const locking = store.lock(key, facts.actionId);
      const promise = (async () => {
        const holder = await locking;
        if (holder === facts.actionId) return awaitFirstAnswer<T>(facts.actionId);
        if (holder !== null)
          throw new ActionError('busy', 'Another action on this order is still running. Wait for it to finish.');
        try {
          // Looked up with the lock held: an answer saved before it was taken is seen here.
          const first = await store.result(facts.actionId);
          if (first) return replay<T>(first);
          return await guarded(key, facts, work);
        } finally {
          await store.unlock(key).catch(() => undefined);
        }
      })().finally(() => {
        inFlight.delete(facts.actionId);
      });
      inFlight.set(facts.actionId, promise);
      return promise;
    },

    async status(connectionId, orderId) {
      const key = keyOf(connectionId, orderId);
      const holder = await store.lock(key, STATUS_HOLDER);
      if (holder !== null) {
        const record = await store.pending(key);
        return { phase: 'running', action: record?.action ?? null, reconciled: null };
      }
      try {
        const record = await store.pending(key);
        if (!record) return { phase: 'idle', action: null, reconciled: null };
        const found = await settle(key, record);
        return found
          ? { phase: 'idle', action: record.action, reconciled: found }
          : { phase: 'unknown', action: record.action, reconciled: null };
      } finally {
        await store.unlock(key).catch(() => undefined);
      }
    },
  };
}
