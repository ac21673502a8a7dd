/**
 * The writes the actions make (ActionsApi). POST/PUT are never retried by the request core; a
 * write that timed out or lost its connection throws kind 'timeout' with `sent: true`, and one
 * answered 5xx (503 with Retry-After aside) kind 'unavailable' with `sent: true` (outcome unknown).
 * The refund quote changes nothing: its failures are plain failures.
 */
import type { ZodType } from 'zod';
import type { ActionsApi, CouponInput, CouponType, RefundItem, RefundPayment } from '../core/store-ports';
import type { StoreRef } from '../core/model';
import { toFixed2 } from '../core/decimal';
import { moneyToJsonNumber } from './convert';
import { normalizeOrder, normalizeRefund, normalizeRefundQuote } from './normalize';
import type { BigCommerceClient } from './request';
import {
  CouponListSchema,
  CouponSchema,
  OrderSchema,
  RefundEnvelopeSchema,
  RefundListSchema,
  RefundQuoteSchema,
} from './schemas';
import { BigCommerceError, parseBody } from './errors';

const ORDERS_WRITE = 'store_v2_orders';
const MARKETING_WRITE = 'store_v2_marketing';

const COUPON_TYPES: Record<CouponType, string> = {
  percentage: 'percentage_discount',
  fixed: 'per_total_discount',
  free_shipping: 'free_shipping',
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO date or instant as the RFC 2822 text v2 coupons expect. A bare date means the end of
 * that day (UTC: the client does not know the store's zone).
 */
export function toRfc2822(iso: string): string {
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const ms = Date.parse(bare ? `${iso}T23:59:59Z` : iso);
  if (!Number.isFinite(ms)) throw new BigCommerceError('validation', `“${iso}” is not a date.`, { field: 'expires' });
  const d = new Date(ms);
  const date = `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

function orderPath(orderId: string): string {
  if (!/^\d+$/.test(orderId)) throw new BigCommerceError('not-found', 'That is not a BigCommerce order number.');
  return orderId;
}

/** Our refund items as BigCommerce's v3 body (amounts as JSON numbers, 2 dp). */
export function refundItemsBody(items: RefundItem[]): Record<string, unknown>[] {
  return items.map((item) =>
    item.itemType === 'PRODUCT'
      ? { item_type: item.itemType, item_id: item.itemId, quantity: item.quantity }
      : { item_type: item.itemType, item_id: item.itemId, amount: moneyToJsonNumber(item.amount) },
  );
}

function refundPaymentsBody(payments: RefundPayment[]): Record<string, unknown>[] {
  return payments.map((p) => ({ provider_id: p.providerId, amount: moneyToJsonNumber(p.amount), offline: p.offline }));
}

export function couponBody(input: CouponInput): Record<string, unknown> {
  return {
    name: input.name,
    code: input.code,
    type: COUPON_TYPES[input.type],
    amount: input.type === 'free_shipping' ? '0.00' : toFixed2(input.amount),
    ...(input.minPurchase ? { min_purchase: toFixed2(input.minPurchase) } : {}),
    ...(input.expires ? { expires: toRfc2822(input.expires) } : {}),
    max_uses: input.maxUses,
    // The whole store (BigCommerce's own examples write it this way).
    applies_to: { entity: 'categories', ids: [0] },
    enabled: true,
  };
}

/**
 * The body of a write BigCommerce accepted (2xx). When it cannot be read the change was still
 * made, so the error says so and carries `sent: true`: it must not be redone blindly.
 */
function parseAccepted<T>(schema: ZodType<T>, body: unknown, what: string): T {
  try {
    return parseBody(schema, body, what);
  } catch (error) {
    if (!(error instanceof BigCommerceError)) throw error;
    throw new BigCommerceError(
      'malformed',
      `BigCommerce made the change but sent ${what} in a shape this extension does not understand. Check the result before trying again.`,
      { sent: true },
    );
  }
}

export function createActionsApi(client: BigCommerceClient, store: StoreRef): ActionsApi {
  const paymentActions = (orderId: string) => `/v3/orders/${orderPath(orderId)}/payment_actions`;

  return {
    async setOrderStatus(orderId, statusId) {
      // Only status_id: a PUT with more can clear discounts or replace fees.
      const { body } = await client.send({
        method: 'PUT',
        path: `/v2/orders/${orderPath(orderId)}`,
        body: { status_id: statusId },
        scope: ORDERS_WRITE,
      });
      return normalizeOrder(parseAccepted(OrderSchema, body, 'the updated order'), store);
    },

    async setStaffNotes(orderId, notes) {
      await client.send({
        method: 'PUT',
        path: `/v2/orders/${orderPath(orderId)}`,
        body: { staff_notes: notes },
        scope: ORDERS_WRITE,
      });
    },

    async voidPayment(orderId) {
      await client.send({ method: 'POST', path: `${paymentActions(orderId)}/void`, scope: ORDERS_WRITE });
    },

    async refundQuote(orderId, items) {
      const { body } = await client.send({
        method: 'POST',
        path: `${paymentActions(orderId)}/refund_quotes`,
        body: { items: refundItemsBody(items) },
        scope: ORDERS_WRITE,
        // A quote is a calculation: a lost or 5xx answer to it changed nothing.
        changesNothing: true,
      });
      return normalizeRefundQuote(parseBody(RefundQuoteSchema, body, 'a refund quote').data);
    },

    async createRefund(orderId, items, payments) {
      const { body } = await client.send({
        method: 'POST',
        path: `${paymentActions(orderId)}/refunds`,
        body: { items: refundItemsBody(items), payments: refundPaymentsBody(payments) },
        scope: ORDERS_WRITE,
      });
      return normalizeRefund(parseAccepted(RefundEnvelopeSchema, body, 'the refund').data);
    },

    async refunds(orderId) {
      const { body } = await client.send({
        method: 'GET',
        path: `${paymentActions(orderId)}/refunds`,
        scope: 'store_v2_orders_read_only',
      });
      // v3 answers `data: []` when there are none: reading an empty body as "no refunds" could
      // tell a reconcile that a lost refund never happened.
      return parseBody(RefundListSchema, body, 'refunds').data.map(normalizeRefund);
    },

    async couponCodeExists(code) {
      const { body } = await client.send({
        method: 'GET',
        path: '/v2/coupons',
        query: { code },
        scope: MARKETING_WRITE,
      });
      if (body === undefined) return false;
      const wanted = code.trim().toLowerCase();
      // A code differing only in letter case counts as taken: a near-duplicate confuses customers.
      return parseBody(CouponListSchema, body, 'coupons').some((c) => c.code.trim().toLowerCase() === wanted);
    },

    async createCoupon(input) {
      const { body } = await client.send({
        method: 'POST',
        path: '/v2/coupons',
        body: couponBody(input),
        scope: MARKETING_WRITE,
      });
      const coupon = parseAccepted(CouponSchema, body, 'the new coupon');
      return { id: String(coupon.id), code: coupon.code };
    },
  };
}
