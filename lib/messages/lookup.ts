import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { Customer, Order } from '../core/model';
import { ErrorInfoSchema, RequestIdSchema, type ErrorInfo } from './common';
import { IdentitySchema } from './identity';

/** What to look up: the identity read from Gladly, or what an agent typed. */
export const LookupQuerySchema = lazySchema(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('identity'), identity: IdentitySchema }),
    z.object({
      kind: z.literal('manual'),
      attribute: z.enum(['email', 'phone', 'orderNumber']),
      value: z.string().trim().min(1).max(320),
      /** One store, or every enabled store when absent. */
      connectionId: z.string().max(64).optional(),
    }),
  ]),
);
export type LookupQuery = z.infer<typeof LookupQuerySchema>;

export { queryKey } from './keys';

/** Sidebar → background (over the port): start a lookup; answered by a stream of lookup/update. */
export const LookupRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('lookup'),
    requestId: RequestIdSchema,
    query: LookupQuerySchema,
    /** Skip the cache (the agent pressed Refresh). */
    refresh: z.boolean().optional(),
  }),
);

/** Sidebar → background: link this Gladly customer (or identity) to a BigCommerce customer. */
export const LinkRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('link'),
    requestId: RequestIdSchema,
    identity: IdentitySchema,
    connectionId: z.string().max(64),
    customerId: z.string().max(32),
  }),
);

/** Sidebar → background: unlink; the pair is marked so it never auto-links again. */
export const UnlinkRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('unlink'),
    requestId: RequestIdSchema,
    identity: IdentitySchema,
    connectionId: z.string().max(64),
  }),
);

export type StoreLookupStatus = 'loading' | 'linked' | 'guest' | 'candidates' | 'not-found' | 'error';

/** One store's part of a lookup, as the sidebar renders it. */
export interface StoreLookup {
  connectionId: string;
  storeName: string;
  status: StoreLookupStatus;
  /** linked: the customer; guest: null (orders placed as a guest with the customer's email). */
  customer?: Customer | null;
  orders?: Order[];
  /** candidates: the customers to choose from (or one that could not be auto-linked). */
  candidates?: Customer[];
  /** Why the match was not auto-linked (e.g. a conflicting phone, an earlier unlink). */
  candidateReason?: string;
  autoLinked?: boolean;
  error?: ErrorInfo;
  /** True when tracking and images are in (round 2 done). */
  complete: boolean;
  /** Epoch ms when this data was fetched from BigCommerce. */
  fetchedAt?: number;
  /** Served from cache older than the fresh window; a refresh is under way or advised. */
  stale?: boolean;
}

export const StoreLookupSchema = lazySchema(() =>
  z.custom<StoreLookup>(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as StoreLookup).connectionId === 'string' &&
      typeof (v as StoreLookup).status === 'string',
  ),
);

/** Background → sidebar: the current state of a lookup (sent several times as it completes). */
export const LookupUpdateSchema = lazySchema(() =>
  z.object({
    type: z.literal('lookup/update'),
    requestId: RequestIdSchema,
    stores: z.array(StoreLookupSchema),
    done: z.boolean(),
    /** Counters for the benchmark. */
    stats: z
      .object({ requests: z.number(), roundTrips: z.number(), ms: z.number(), fromCache: z.boolean() })
      .optional(),
  }),
);
export type LookupUpdate = z.infer<typeof LookupUpdateSchema>;

export { ErrorInfoSchema };
