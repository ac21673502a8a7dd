import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { RefundItem, RefundQuote } from '../core/store-ports';
import { RequestIdSchema } from './common';

/**
 * The actions protocol (extension pages → background only). Every write carries a client-made
 * `actionId`: sending the same one again returns the first answer and never a second request.
 */
/** Up to 3 decimals (KWD, BHD); the background checks the amount against the order's own currency. */
export const MoneyInputSchema = lazySchema(() => z.string().regex(/^\d{1,10}(\.\d{1,3})?$/, 'An amount like 12.50'));
const ConnectionId = lazySchema(() => z.string().min(1).max(64));
const OrderId = lazySchema(() => z.string().regex(/^\d{1,20}$/));
export const ActionIdSchema = lazySchema(() => z.string().regex(/^[\w-]{8,64}$/));
/** The Gladly customer on screen (from Gladly's URL): where the action is posted on the timeline. */
export const GladlyCustomerIdSchema = lazySchema(() => z.string().regex(/^[\w-]{1,100}$/));
/** On writes and status checks: optional, the action works without it (nothing is posted then). */
const timeline = () => ({ gladlyCustomerId: GladlyCustomerIdSchema.optional() });

/** What the agent picked in the refund dialog; the background turns it into refund items. */
export const RefundSelectionSchema = lazySchema(() =>
  z.object({
    lines: z
      .array(z.object({ lineItemId: z.string().min(1).max(32), quantity: z.number().int().min(1).max(1_000_000) }))
      .max(500),
    shipping: z.array(z.object({ destinationId: z.number().int().min(0), amount: MoneyInputSchema })).max(50),
    customAmount: MoneyInputSchema.nullable(),
  }),
);
export type RefundSelection = z.infer<typeof RefundSelectionSchema>;

export const RefundPaymentSchema = lazySchema(() =>
  z.object({
    providerId: z.string().min(1).max(100),
    providerDescription: z.string().max(200),
    amount: MoneyInputSchema,
    offline: z.boolean(),
  }),
);

const base = () => ({ requestId: RequestIdSchema.optional(), connectionId: ConnectionId, orderId: OrderId });

export const CancelRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('actions/cancel'),
    ...base(),
    ...timeline(),
    actionId: ActionIdSchema,
    reason: z.string().trim().max(500).optional(),
  }),
);

export const RefundQuoteRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('actions/refund-quote'),
    ...base(),
    selection: RefundSelectionSchema,
  }),
);

export const RefundRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('actions/refund'),
    ...base(),
    ...timeline(),
    actionId: ActionIdSchema,
    selection: RefundSelectionSchema,
    /** The refund method the agent chose: one inner list of the quote's refundMethods. */
    payments: z.array(RefundPaymentSchema).min(1).max(10),
    /** The total the agent confirmed; the background refuses if a fresh quote disagrees. */
    expectedTotal: MoneyInputSchema,
    /** Optional on refunds (the admin's picklist): into the staff note and the audit entry. */
    reason: z.string().trim().max(500).optional(),
  }),
);

/**
 * BigCommerce's own "cancel and refund": everything that is left is refunded by the method the
 * agent chose from the quote, then the order's status becomes Cancelled. One actionId, one lock.
 */
export const CancelRefundRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('actions/cancel-refund'),
    ...base(),
    ...timeline(),
    actionId: ActionIdSchema,
    payments: z.array(RefundPaymentSchema).min(1).max(10),
    /** The total of refunding everything left, as the agent confirmed it. */
    expectedTotal: MoneyInputSchema,
    reason: z.string().trim().max(500).optional(),
  }),
);

export const CouponTypeSchema = lazySchema(() => z.enum(['percentage', 'fixed', 'free_shipping']));

export const CouponFormSchema = lazySchema(() =>
  z.object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(50)
      .regex(/^[A-Za-z0-9 _-]+$/),
    type: CouponTypeSchema,
    amount: MoneyInputSchema,
    minPurchase: MoneyInputSchema.nullable(),
    /** YYYY-MM-DD, or null for no expiry. */
    expires: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    maxUses: z.number().int().min(1).max(1_000_000),
  }),
);
export type CouponForm = z.infer<typeof CouponFormSchema>;

export const CouponCodeCheckSchema = lazySchema(() =>
  z.object({
    type: z.literal('actions/coupon-code-check'),
    requestId: RequestIdSchema.optional(),
    connectionId: ConnectionId,
    code: z.string().trim().min(1).max(50),
  }),
);

export const CouponCreateSchema = lazySchema(() =>
  z.object({
    type: z.literal('actions/coupon-create'),
    ...base(),
    ...timeline(),
    actionId: ActionIdSchema,
    coupon: CouponFormSchema,
  }),
);

export const ActionStatusRequestSchema = lazySchema(() =>
  z.object({ type: z.literal('actions/status'), ...base(), ...timeline() }),
);

export const AuditListRequestSchema = lazySchema(() =>
  z.object({
    type: z.literal('audit/list'),
    requestId: RequestIdSchema.optional(),
  }),
);

// ---- Replies (data of an ok reply) ----

export interface CancelResult {
  orderId: string;
  statusId: number;
  status: string;
  /** true: the authorised payment was voided; false: it was tried and failed; null: not needed. */
  voided: boolean | null;
  /** The payment had been taken: the agent may want to refund it next. */
  paymentCaptured: boolean;
  warnings: string[];
}

export interface CancelRefundResult {
  orderId: string;
  refundId: string;
  total: string;
  currency: string;
  offline: boolean;
  declined: string[];
  /** false: the money went back but the status change failed ("refunded, not cancelled"). */
  cancelled: boolean;
  /** Why the status change failed, when it did. */
  cancelError: string | null;
  statusId: number;
  status: string;
  warnings: string[];
}

export interface RefundQuoteResult {
  quote: RefundQuote;
  items: RefundItem[];
  currency: string;
}

export interface RefundResult {
  refundId: string;
  total: string;
  currency: string;
  /** Money must still be moved outside BigCommerce (an offline method). */
  offline: boolean;
  /** Payments the gateway declined (the refund was recorded; the money did not move). */
  declined: string[];
  warnings: string[];
}

export interface CouponCodeCheckResult {
  code: string;
  available: boolean;
}

export interface CouponCreateResult {
  id: string;
  code: string;
  warnings: string[];
}

export type GuardedAction = 'cancel' | 'refund' | 'coupon' | 'cancelRefund';

export interface Reconciled {
  action: GuardedAction;
  outcome: 'done' | 'not-done';
  /** Cancel & refund found half done: the refund went through, the cancel did not. */
  refundedNotCancelled?: boolean;
  /** The lost action's id (set by the order guard): its timeline card is found by it. */
  actionId?: string;
  message: string;
  reference: string | null;
}

export interface ActionStatusResult {
  /** running: an action is under way (any tab); unknown: a lost reply could not be checked yet. */
  phase: 'idle' | 'running' | 'unknown';
  action: GuardedAction | null;
  /** Set when this call learned what an earlier lost request did. */
  reconciled: Reconciled | null;
}
