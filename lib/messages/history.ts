/** Sidebar → background: a linked customer's lifetime totals, and orders older than those shown. */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { Order } from '../core/model';
import type { LifetimeTotals } from '../lookup/lifetime';
import { RequestIdSchema } from './common';

const whoShape = () => ({
  connectionId: z.string().min(1).max(64),
  /** The BigCommerce customer (digits), or null for guest orders only. */
  customerId: z
    .string()
    .regex(/^\d{1,20}$/)
    .nullable(),
  email: z.string().trim().max(320),
});

export const LifetimeRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('lifetime'),
    requestId: RequestIdSchema,
    ...whoShape(),
  }),
);
export type LifetimeRequest = z.infer<typeof LifetimeRequestSchema>;

export const MoreOrdersRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('orders/more'),
    requestId: RequestIdSchema,
    ...whoShape(),
    /** The oldest order shown (ISO instant): the next page is at or before it, without those shown. */
    before: z.string().datetime({ offset: true }),
    shownIds: z.array(z.string().max(20)).max(1000),
  }),
);
export type MoreOrdersRequest = z.infer<typeof MoreOrdersRequestSchema>;

/** How many older orders one "Show more orders" adds. */
export const MORE_ORDERS_PAGE = 10;

/** Reply data of `lifetime`: one row per currency the customer paid in. */
export interface LifetimeReply {
  totals: LifetimeTotals[];
}

/** Reply data of `orders/more`. */
export interface MoreOrdersReply {
  orders: Order[];
  /** Whether another "Show more" may find more. */
  more: boolean;
}
