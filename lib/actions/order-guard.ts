/**
 * One action in flight per order, across every tab and window, and the same actionId never
 * sent twice. The lock lives in the background: in memory (taken synchronously, so two requests
 * arriving together cannot both pass) and as a pending record in storage.local, so a restarted
 * service worker knows an action was under way and that its outcome is unknown.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../core/kv-store';
import type { ActionStatusResult, Reconciled } from '../messages/actions';
import { ErrorInfoSchema, type ErrorInfo } from '../messages/common';
import { ActionError, infoOf, isOutcomeUnknown, unknownOutcomeReason } from './errors';

export const PendingRecordSchema = z.object({
  connectionId: z.string(),
  orderId: z.string(),
  actionId: z.string(),
  action: z.enum(['cancel', 'refund', 'coupon']),
  /** Epoch ms just before the write was sent: a refund created after it may be ours. */
  startedAt: z.number(),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  code: z.string().nullable(),
  agent: z.string(),
  storeName: z.string(),
  phase: z.enum(['running', 'unknown']),
});
export type PendingRecord = z.infer<typeof PendingRecordSchema>;
export type PendingFacts = Omit<PendingRecord, 'phase' | 'startedAt'>;

const StoredResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown(), at: z.number() }),
  z.object({ ok: z.literal(false), error: ErrorInfoSchema, at: z.number() }),
]);
type StoredResult = z.infer<typeof StoredResultSchema>;

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

export interface GuardOptions {
  storage: KeyValueStore;
  /** What a lost request did (null when that cannot be learned right now). Never resends. */
  reconcile(record: PendingRecord): Promise<Reconciled | null>;
  now?: () => number;
}

/** Raised with the first answer of an actionId that had failed, so the page sees the same error. */
class ReplayedError extends ActionError {
  constructor(info: ErrorInfo) {
    super(info.kind, info.message, info.field);
  }
}

export function createOrderGuard(options: GuardOptions): OrderGuard {
  const now = options.now ?? Date.now;
  const held = new Set<string>();
  const inFlight = new Map<string, Promise<unknown>>();
  let writes: Promise<unknown> = Promise.resolve();
  const keyOf = (connectionId: string, orderId: string) => `${connectionId}/${orderId}`;

  /** Read-modify-write of one storage key, one at a time. */
  function update<T>(
    key: string,
    schema: z.ZodType<Record<string, T>>,
    change: (map: Record<string, T>) => void,
  ): Promise<void> {
    const next = writes.then(async () => {
      const parsed = schema.safeParse((await options.storage.get<unknown>(key)) ?? {});
      const map = parsed.success ? parsed.data : {};
      change(map);
      await options.storage.set(key, map);
    });
    writes = next.catch(() => undefined);
    return next;
  }
  const pendingSchema = z.record(z.string(), PendingRecordSchema);
  const resultsSchema = z.record(z.string(), StoredResultSchema);

  async function pendingOf(key: string): Promise<PendingRecord | undefined> {
    await writes;
    const parsed = pendingSchema.safeParse((await options.storage.get<unknown>(PENDING_KEY)) ?? {});
    return parsed.success ? parsed.data[key] : undefined;
  }
  async function resultOf(actionId: string): Promise<StoredResult | undefined> {
    await writes;
    const parsed = resultsSchema.safeParse((await options.storage.get<unknown>(RESULTS_KEY)) ?? {});
    return parsed.success ? parsed.data[actionId] : undefined;
  }
  const setPending = (key: string, record: PendingRecord | null) =>
    update(PENDING_KEY, pendingSchema, (map) => {
      if (record) map[key] = record;
      else delete map[key];
    });
  const saveResult = (actionId: string, result: StoredResult) =>
    update(RESULTS_KEY, resultsSchema, (map) => {
      map[actionId] = result;
      const ids = Object.keys(map).sort((a, b) => (map[a]?.at ?? 0) - (map[b]?.at ?? 0));
      for (const id of ids.slice(0, Math.max(0, ids.length - MAX_RESULTS))) delete map[id];
    });

  function replay<T>(result: StoredResult): T {
    if (result.ok) return result.data as T;
    throw new ReplayedError(result.error);
  }

  /** Learn what a lost request did, record it, and clear the order (lock held by the caller). */
  async function settle(key: string, record: PendingRecord): Promise<Reconciled | null> {
    const found = await options.reconcile(record).catch(() => null);
    if (!found) {
      if (record.phase !== 'unknown') await setPending(key, { ...record, phase: 'unknown' });
      return null;
    }
    const result: StoredResult =
      found.outcome === 'done'
        ? { ok: true, data: { reconciled: found }, at: now() }
        : { ok: false, error: { kind: 'unknown', message: found.message }, at: now() };
    await saveResult(record.actionId, result);
    await setPending(key, null);
    return found;
  }

  async function guarded<T>(key: string, facts: PendingFacts, work: (context: RunContext) => Promise<T>): Promise<T> {
    const earlier = await pendingOf(key);
    if (earlier) {
      const found = await settle(key, earlier);
      throw new ActionError(
        'busy',
        found
          ? `${found.message} Nothing new was sent: look at the order again before doing anything else.`
          : 'An earlier action on this order got no answer, and what it did cannot be checked right ' +
              'now. Nothing new was sent; try again in a moment.',
      );
    }
    let record: PendingRecord = { ...facts, startedAt: now(), phase: 'running' };
    await setPending(key, record);
    try {
      const data = await work({
        async sending(more) {
          record = { ...record, ...more, startedAt: now() };
          await setPending(key, record);
        },
      });
      await saveResult(facts.actionId, { ok: true, data, at: now() });
      await setPending(key, null);
      return data;
    } catch (error) {
      if (isOutcomeUnknown(error)) {
        // Keep the record: nothing else may happen on this order until we learn what this did.
        await setPending(key, { ...record, phase: 'unknown' });
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
        await saveResult(facts.actionId, { ok: false, error: plain.info, at: now() });
        await setPending(key, null);
        throw plain;
      }
      if (info.kind !== 'busy') await saveResult(facts.actionId, { ok: false, error: info, at: now() });
      await setPending(key, null);
      throw error;
    }
  }

  return {
    run<T>(facts: PendingFacts, work: (context: RunContext) => Promise<T>): Promise<T> {
      const running = inFlight.get(facts.actionId);
      if (running) return running as Promise<T>;
      const key = keyOf(facts.connectionId, facts.orderId);
      // Checked and taken before any await: two requests arriving together cannot both pass.
      if (held.has(key))
        return Promise.reject(
          new ActionError('busy', 'Another action on this order is still running. Wait for it to finish.'),
        );
      held.add(key);
      const promise = (async () => {
        const first = await resultOf(facts.actionId);
        if (first) return replay<T>(first);
        return guarded(key, facts, work);
      })().finally(() => {
        held.delete(key);
        inFlight.delete(facts.actionId);
      });
      inFlight.set(facts.actionId, promise);
      return promise;
    },

    async status(connectionId, orderId) {
      const key = keyOf(connectionId, orderId);
      if (held.has(key)) {
        const record = await pendingOf(key);
        return { phase: 'running', action: record?.action ?? null, reconciled: null };
      }
      held.add(key);
      try {
        const record = await pendingOf(key);
        if (!record) return { phase: 'idle', action: null, reconciled: null };
        const found = await settle(key, record);
        return found
          ? { phase: 'idle', action: record.action, reconciled: found }
          : { phase: 'unknown', action: record.action, reconciled: null };
      } finally {
        held.delete(key);
      }
    },
  };
}
