/** v3 payment actions: refund quotes, refunds (create and list), void. */
import { z } from 'zod';
import { fail } from '../errors';
import { parseAmount, toV3Amount } from '../money';
import {
  computeQuote,
  matchesMethod,
  refundMethods,
  remainingCents,
  RefundItemSchema,
  wireOption,
} from '../refund-calc';
import { pagination, v3Refund } from '../serialize';
import type { OrderRec, RefundRec, StoreData } from '../types';
import {
  idList,
  intParam,
  jsonBody,
  pathId,
  query,
  type RouteDeps,
  type SandboxApp,
  type SandboxContext,
} from './common';

const QuoteBodySchema = z.union([
  z.object({ items: z.array(RefundItemSchema) }),
  z.object({ tax_adjustment_amount: z.union([z.number(), z.string()]) }),
]);

const RefundBodySchema = z.object({
  order_id: z.number().int().optional(),
  items: z.array(RefundItemSchema),
  payments: z
    .array(
      z.object({
        provider_id: z.string().min(1),
        amount: z.union([z.number(), z.string()]),
        offline: z.boolean().optional(),
      }),
    )
    .min(1),
  merchant_calculated_override: z
    .object({ total_amount: z.union([z.number(), z.string()]), total_tax: z.union([z.number(), z.string()]) })
    .optional(),
});

function orderOr404(c: SandboxContext, store: StoreData): OrderRec | Response {
  const id = pathId(c, 'id');
  const order = id === null ? undefined : store.orders.find((o) => o.id === id);
  return order ?? fail(c, 404, `Order ${c.req.param('id') ?? ''} was not found.`);
}

/** The refund endpoint's 422 is wrapped: {data: [{status, title, type}]}. */
function refund422(c: SandboxContext, title: string): Response {
  return fail(c, 422, title, undefined, 'v3-refund');
}

export function registerRefunds(app: SandboxApp, deps: RouteDeps): void {
  app.post('/v3/orders/:id/payment_actions/refund_quotes', async (c) => {
    const store = c.get('store');
    const order = orderOr404(c, store);
    if (order instanceof Response) return order;
    const parsed = QuoteBodySchema.safeParse(await jsonBody(c));
    if (!parsed.success)
      return fail(c, 422, 'JSON data is missing or invalid', { items: 'items (or tax_adjustment_amount) is required' });
    if (!('items' in parsed.data))
      return fail(c, 422, 'Tax-only adjustments are not supported by the sandbox.', {
        tax_adjustment_amount: 'not supported',
      });
    const result = computeQuote(order, parsed.data.items);
    if (!result.ok) return fail(c, 422, result.message, { [result.field]: result.message });
    const { quote } = result;
    const hadRefunds = store.refunds.some((r) => r.order_id === order.id);
    return c.json(
      {
        data: {
          order_id: order.id,
          total_refund_amount: toV3Amount(quote.totalCents),
          total_refund_tax_amount: toV3Amount(quote.taxCents),
          order_level_refund_amount: toV3Amount(quote.orderLevelCents),
          rounding: 0,
          adjustment: 0,
          tax_inclusive: true,
          refund_methods: refundMethods(order, quote.totalCents, hadRefunds).map((method) => method.map(wireOption)),
        },
        meta: {},
      },
      201,
    );
  });

  app.post('/v3/orders/:id/payment_actions/refunds', async (c) => {
    const store = c.get('store');
    const order = orderOr404(c, store);
    if (order instanceof Response) return order;
    const parsed = RefundBodySchema.safeParse(await jsonBody(c));
    if (!parsed.success) return refund422(c, 'JSON data is missing or invalid: items and payments are required.');
    const body = parsed.data;
    const payments: Array<{ provider_id: string; amountCents: number; offline?: boolean }> = [];
    for (const p of body.payments) {
      const cents = parseAmount(p.amount);
      if (cents === null || cents <= 0)
        return refund422(c, 'Each payment needs an amount above 0 with at most 2 decimals.');
      payments.push({ provider_id: p.provider_id, amountCents: cents, offline: p.offline });
    }
    if (order.customer_id === 0 && payments.some((p) => p.provider_id === 'storecredit')) {
      return refund422(c, 'Unable to provide store credit for a guest customer.');
    }
    const result = computeQuote(order, body.items);
    if (!result.ok) return refund422(c, result.message);
    const { quote } = result;
    const paid = payments.reduce((sum, p) => sum + p.amountCents, 0);
    let total = quote.totalCents;
    let tax = quote.taxCents;
    if (body.merchant_calculated_override) {
      const overrideTotal = parseAmount(body.merchant_calculated_override.total_amount);
      const overrideTax = parseAmount(body.merchant_calculated_override.total_tax);
      if (overrideTotal === null || overrideTax === null || overrideTotal > remainingCents(order)) {
        return refund422(c, 'The merchant override amount is not valid or is more than is refundable.');
      }
      if (paid !== overrideTotal) return refund422(c, 'The payment amounts must add up to the override total_amount.');
      total = overrideTotal;
      tax = overrideTax;
    } else {
      const hadRefunds = store.refunds.some((r) => r.order_id === order.id);
      if (!matchesMethod(refundMethods(order, quote.totalCents, hadRefunds), payments)) {
        return refund422(
          c,
          `The payments do not match any refund method for this refund ` +
            `(total ${toV3Amount(quote.totalCents)}). Request a refund quote first.`,
        );
      }
    }

    // Apply: quantities, shipping, totals, order status and payment status change.
    for (const effect of quote.effects) {
      if (effect.kind === 'product') {
        const product = order.products.find((p) => p.id === effect.id);
        if (product) product.quantity_refunded += effect.quantity;
      } else {
        const address = order.addresses.find((a) => a.id === effect.id);
        if (address && effect.kind === 'shipping') address.shipRefundedCents += effect.cents;
        if (address && effect.kind === 'handling') address.handlingRefundedCents += effect.cents;
      }
    }
    order.refundedCents += total;
    const fully = remainingCents(order) <= 0;
    order.status_id = fully ? 4 : 14;
    order.payment_status = fully ? 'refunded' : 'partially refunded';
    const now = deps.now();
    order.modified = now;
    const customer = store.customers.find((x) => x.id === order.customer_id);
    for (const p of payments)
      if (p.provider_id === 'storecredit' && customer) customer.storeCreditCents += p.amountCents;

    const record: RefundRec = {
      id: store.nextId.refund++,
      order_id: order.id,
      created: now,
      reason: quote.items.find((i) => i.reason)?.reason ?? '',
      totalCents: total,
      taxCents: tax,
      items: quote.items,
      payments: payments.map((p) => ({
        id: store.nextId.refundPayment++,
        provider_id: p.provider_id,
        amountCents: p.amountCents,
        offline: p.offline ?? (p.provider_id === 'custom' || order.payment.kind === 'offline'),
        transaction_id: `rf-${order.id}-${store.nextId.refundPayment}`,
      })),
    };
    store.refunds.push(record);
    return c.json({ data: v3Refund(record), meta: {} }, 201);
  });

  app.get('/v3/orders/:id/payment_actions/refunds', (c) => {
    const store = c.get('store');
    const order = orderOr404(c, store);
    if (order instanceof Response) return order;
    const transactionId = query(c).get('transaction_id');
    const refunds = store.refunds.filter(
      (r) => r.order_id === order.id && (!transactionId || r.payments.some((p) => p.transaction_id === transactionId)),
    );
    return c.json({ data: refunds.map(v3Refund), meta: {} });
  });

  app.get('/v3/orders/payment_actions/refunds', (c) => {
    const store = c.get('store');
    const params = query(c);
    const orderIds = idList(params, 'order_id:in');
    const ids = idList(params, 'id:in');
    if (orderIds === 'invalid' || ids === 'invalid')
      return fail(c, 422, 'Invalid filter.', { 'order_id:in': 'must be a list of integers' });
    const page = intParam(params, 'page');
    const limit = intParam(params, 'limit');
    if (page === null || page === 0 || limit === null || limit === 0)
      return fail(c, 422, 'Invalid paging.', { page: 'must be a positive integer' });
    const min = params.get('created:min');
    const max = params.get('created:max');
    const found = store.refunds.filter(
      (r) =>
        (!orderIds || orderIds.includes(r.order_id)) &&
        (!ids || ids.includes(r.id)) &&
        (!min || r.created >= Date.parse(min)) &&
        (!max || r.created <= Date.parse(max)),
    );
    const size = Math.min(limit ?? 50, 250);
    const current = page ?? 1;
    const slice = found.slice((current - 1) * size, current * size);
    return c.json({
      data: slice.map(v3Refund),
      meta: { pagination: pagination(found.length, current, size, slice.length, params) },
    });
  });

  app.get('/v3/orders/payment_actions/refunds/:refundId', (c) => {
    const id = pathId(c, 'refundId');
    const found = c.get('store').refunds.find((r) => r.id === id);
    return found ? c.json({ data: v3Refund(found), meta: {} }) : fail(c, 404, 'Refund not found.');
  });

  app.post('/v3/orders/:id/payment_actions/void', (c) => {
    const store = c.get('store');
    const order = orderOr404(c, store);
    if (order instanceof Response) return order;
    if (order.payment_status !== 'authorized') {
      return fail(c, 422, `Only an authorized payment can be voided; this one is "${order.payment_status}".`, {
        order: 'payment is not authorized',
      });
    }
    order.payment_status = 'void pending';
    order.voidRequestedAt = deps.now();
    order.modified = order.voidRequestedAt;
    return c.json({}, 201);
  });
}

/** The gateway finishes a void a moment after it was requested. */
export const VOID_SETTLE_MS = 2000;

export function settleVoids(store: StoreData, now: number): void {
  for (const order of store.orders) {
    if (
      order.payment_status === 'void pending' &&
      order.voidRequestedAt !== null &&
      now - order.voidRequestedAt >= VOID_SETTLE_MS
    ) {
      order.payment_status = 'void';
    }
  }
}
