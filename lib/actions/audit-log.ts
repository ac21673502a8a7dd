/**
 * Every action, successful or not, kept in the background's store (IndexedDB) and bounded: the
 * newest MAX entries survive. Appends are chained so two at once never overwrite each other.
 */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { KeyValueStore } from '../core/kv-store';

export const AuditEntrySchema = lazySchema(() =>
  z.object({
    id: z.string(),
    /** ISO 8601 instant. */
    at: z.string(),
    agent: z.string(),
    connectionId: z.string(),
    storeName: z.string(),
    orderId: z.string(),
    action: z.enum(['cancel', 'refund', 'coupon', 'void', 'reconcile', 'cancelRefund']),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    result: z.enum(['succeeded', 'failed', 'unknown', 'found-done', 'found-not-done']),
    /** What happened, in plain words (an error message, a warning). */
    detail: z.string(),
    /** BigCommerce's reference: refund id, coupon id. */
    reference: z.string().nullable(),
    actionId: z.string().nullable(),
  }),
);
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditLog {
  append(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  /** Newest first. */
  list(): Promise<AuditEntry[]>;
  /** Adds a sentence to the detail of the action's newest entry (e.g. "Posted to the Gladly timeline."). */
  annotate?(actionId: string, line: string): Promise<void>;
}

export const AUDIT_KEY = 'auditLog';
export const AUDIT_MAX = 2000;

export function createAuditLog(store: KeyValueStore, max = AUDIT_MAX): AuditLog {
  let chain: Promise<unknown> = Promise.resolve();
  let counter = 0;

  async function read(): Promise<AuditEntry[]> {
    const saved = await store.get<unknown>(AUDIT_KEY);
    const parsed = z.array(AuditEntrySchema).safeParse(saved ?? []);
    return parsed.success ? parsed.data : [];
  }

  return {
    append(entry) {
      const full: AuditEntry = {
        id: `${Date.parse(entry.at) || 0}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
        ...entry,
      };
      const next = chain.then(async () => {
        const entries = await read();
        entries.push(full);
        await store.set(AUDIT_KEY, entries.slice(-max));
        return full;
      });
      chain = next.catch(() => undefined);
      return next;
    },
    async list() {
      await chain;
      return (await read()).reverse();
    },
    annotate(actionId, line) {
      const next = chain.then(async () => {
        const entries = await read();
        const entry = entries.findLast((e) => e.actionId === actionId && e.action !== 'void');
        if (!entry) return;
        entry.detail = entry.detail ? `${entry.detail} ${line}` : line;
        await store.set(AUDIT_KEY, entries);
      });
      chain = next.catch(() => undefined);
      return next;
    },
  };
}
