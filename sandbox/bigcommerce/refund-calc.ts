/**
 * Refund quotes computed from the order: remaining product quantity × price inc tax, shipping and
 * handling per address, and custom ORDER amounts; plus the refund methods the payment allows.
 * All in integer cents.
 */
import { z } from 'zod';
import { parseAmount, roundDiv, toV3Amount } from './money';
import { orderTotals } from './serialize';
import type { OrderRec, RefundItemRec } from './types';

const AmountSchema = z.union([z.number(), z.string()]);

export const RefundItemSchema = z.object({
  item_type: z.enum(['PRODUCT', 'GIFT_WRAPPING', 'SHIPPING', 'HANDLING', 'ORDER', 'FEE']),
  item_id: z.number().int(),
  quantity: z.number().int().optional(),
  amount: AmountSchema.optional(),
  reason: z.string().max(1000).optional(),
  adjustments: z.array(z.object({ amount: AmountSchema, description: z.string().optional() })).optional(),
});

export type RefundItemInput = z.infer<typeof RefundItemSchema>;

export interface PaymentOption {
  provider_id: string;
  provider_description: string;
  amountCents: number;
  offline: boolean;
  offline_provider: boolean;
  offline_reason: string;
}

export interface Quote {
  totalCents: number;
  taxCents: number;
  orderLevelCents: number;
  items: RefundItemRec[];
  /** Per item, what the refund would change (applied only by a refund). */
  effects: Array<{ kind: 'product' | 'shipping' | 'handling'; id: number; quantity: number; cents: number }>;
}

export type QuoteResult = { ok: true; quote: Quote } | { ok: false; field: string; message: string };

const REFUNDABLE = new Set(['captured', 'paid', 'partially refunded']);

export function remainingCents(order: OrderRec): number {
  return orderTotals(order).totalInc - order.refundedCents;
}

export function computeQuote(order: OrderRec, items: RefundItemInput[]): QuoteResult {
  if (!REFUNDABLE.has(order.payment_status)) {
    const hint = order.payment_status === 'authorized' ? ' The payment is only authorized: void it instead.' : '';
    return {
      ok: false,
      field: 'order',
      message: `The payment of order ${order.id} cannot be refunded (payment status "${order.payment_status}").${hint}`,
    };
  }
  if (items.length === 0) return { ok: false, field: 'items', message: 'At least one item is required.' };
  const quote: Quote = { totalCents: 0, taxCents: 0, orderLevelCents: 0, items: [], effects: [] };
  for (const [index, item] of items.entries()) {
    const field = `items.${index}`;
    let cents = 0;
    if (item.item_type === 'PRODUCT' || item.item_type === 'GIFT_WRAPPING') {
      const product = order.products.find((p) => p.id === item.item_id);
      if (!product)
        return { ok: false, field, message: `Order product ${item.item_id} is not part of order ${order.id}.` };
      const quantity = item.quantity;
      if (quantity === undefined || quantity < 1)
        return { ok: false, field, message: 'A PRODUCT item needs a quantity of at least 1.' };
      const left = product.quantity - product.quantity_refunded;
      if (quantity > left)
        return { ok: false, field, message: `Only ${left} of "${product.name}" can still be refunded.` };
      if (item.item_type === 'GIFT_WRAPPING') {
        quote.items.push({ item_type: item.item_type, item_id: item.item_id, quantity, reason: item.reason ?? '' });
        continue;
      }
      cents = quantity * (product.priceExCents + product.priceTaxCents);
      let adjustments = 0;
      for (const adjustment of item.adjustments ?? []) {
        const value = parseAmount(adjustment.amount);
        if (value === null || value > 0)
          return { ok: false, field, message: 'Adjustments must be negative amounts with at most 2 decimals.' };
        adjustments += value;
      }
      quote.taxCents += quantity * product.priceTaxCents;
      quote.effects.push({ kind: 'product', id: product.id, quantity, cents });
      cents += adjustments;
      quote.items.push({ item_type: 'PRODUCT', item_id: item.item_id, quantity, reason: item.reason ?? '' });
    } else if (item.item_type === 'SHIPPING' || item.item_type === 'HANDLING') {
      const address = order.addresses.find((a) => a.id === item.item_id);
      if (!address)
        return { ok: false, field, message: `Address ${item.item_id} is not a shipping address of order ${order.id}.` };
      const value = parseAmount(item.amount);
      if (value === null || value < 0)
        return { ok: false, field, message: 'An amount (at least 0, at most 2 decimals) is required.' };
      const shipping = item.item_type === 'SHIPPING';
      const full = shipping
        ? address.shipExCents + address.shipTaxCents
        : address.handlingExCents + address.handlingTaxCents;
      const tax = shipping ? address.shipTaxCents : address.handlingTaxCents;
      const left = full - (shipping ? address.shipRefundedCents : address.handlingRefundedCents);
      if (value > left)
        return {
          ok: false,
          field,
          message: `At most ${toV3Amount(left)} of ${item.item_type.toLowerCase()} can still be refunded.`,
        };
      cents = value;
      quote.taxCents += full === 0 ? 0 : roundDiv(value * tax, full);
      quote.effects.push({ kind: shipping ? 'shipping' : 'handling', id: address.id, quantity: 0, cents });
      quote.items.push({
        item_type: item.item_type,
        item_id: item.item_id,
        requestedCents: value,
        reason: item.reason ?? '',
      });
    } else if (item.item_type === 'ORDER') {
      if (item.item_id !== order.id)
        return { ok: false, field, message: `An ORDER item's item_id must be the order id ${order.id}.` };
      const value = parseAmount(item.amount);
      if (value === null || value <= 0)
        return { ok: false, field, message: 'An amount above 0 with at most 2 decimals is required.' };
      cents = value;
      quote.orderLevelCents += value;
      quote.items.push({ item_type: 'ORDER', item_id: item.item_id, requestedCents: value, reason: item.reason ?? '' });
    } else {
      return { ok: false, field, message: `Fee ${item.item_id} is not part of order ${order.id}.` };
    }
    quote.totalCents += cents;
  }
  const left = remainingCents(order);
  if (quote.totalCents > left) {
    return {
      ok: false,
      field: 'items',
      message: `The refund (${toV3Amount(quote.totalCents)}) is more than the ${toV3Amount(left)} still refundable.`,
    };
  }
  return { ok: true, quote };
}

/** The alternative ways to refund `cents` (each an array of payment options). */
export function refundMethods(order: OrderRec, cents: number, hadRefunds: boolean): PaymentOption[][] {
  const methods: PaymentOption[][] = [];
  const { payment } = order;
  if (payment.kind === 'card') {
    methods.push([
      {
        provider_id: payment.providerId,
        provider_description: payment.providerDescription,
        amountCents: cents,
        offline: false,
        offline_provider: false,
        offline_reason: '',
      },
    ]);
  } else if (payment.kind === 'paypal') {
    methods.push([
      {
        provider_id: payment.providerId,
        provider_description: payment.providerDescription,
        amountCents: cents,
        offline: hadRefunds,
        offline_provider: false,
        offline_reason: hadRefunds ? 'Multiple online refunds are not available.' : '',
      },
    ]);
  } else {
    methods.push([
      {
        provider_id: payment.providerId,
        provider_description: payment.providerDescription,
        amountCents: cents,
        offline: true,
        offline_provider: true,
        offline_reason: 'This is an offline payment provider.',
      },
    ]);
  }
  methods.push([
    {
      provider_id: 'custom',
      provider_description: 'Custom',
      amountCents: cents,
      offline: true,
      offline_provider: true,
      offline_reason: 'This is an offline payment provider.',
    },
  ]);
  if (order.customer_id !== 0) {
    methods.push([
      {
        provider_id: 'storecredit',
        provider_description: 'Store Credit',
        amountCents: cents,
        offline: false,
        offline_provider: false,
        offline_reason: '',
      },
    ]);
  }
  return methods;
}

export function wireOption(option: PaymentOption): Record<string, unknown> {
  const { amountCents, ...rest } = option;
  return { ...rest, amount: toV3Amount(amountCents) };
}

/** True when the payments are exactly one method's options (same providers, same amounts). */
export function matchesMethod(
  methods: PaymentOption[][],
  payments: Array<{ provider_id: string; amountCents: number }>,
): PaymentOption[] | null {
  const key = (list: Array<{ provider_id: string; amountCents: number }>) =>
    list
      .map((p) => `${p.provider_id}:${p.amountCents}`)
      .sort()
      .join('|');
  const wanted = key(payments);
  return methods.find((method) => key(method) === wanted) ?? null;
}
