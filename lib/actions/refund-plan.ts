/**
 * From what the agent picked to BigCommerce refund items, checked against the order: never
 * more than is left of a line, never a shipping amount above what the destination cost.
 */
import type { Order } from '../core/model';
import type { RefundSelection } from '../messages/actions';
import type { RefundItem, RefundRecord } from '../core/store-ports';
import { ActionError } from './errors';
import { currencyExponent, formatMoney, fromMinor, toMinor } from './money';
import { refundableLines } from './eligibility';

/** What is left to refund: the order total less every refund already made (never below zero). */
export function leftToRefund(order: Order, refunds: Pick<RefundRecord, 'totalAmount'>[]): string {
  const e = currencyExponent(order.currencyCode);
  const refunded = refunds.reduce((sum, r) => sum + toMinor(r.totalAmount, e), 0);
  return fromMinor(Math.max(0, toMinor(order.orderTotal, e) - refunded), e);
}

/**
 * `left` is what is left to refund on the order (leftToRefund): a custom amount is capped there,
 * before the store is asked. Without it, the order total.
 */
export function buildRefundItems(order: Order, selection: RefundSelection, left?: string): RefundItem[] {
  // Amounts in the order's own minor unit: 3 decimals for KWD, none for JPY.
  const e = currencyExponent(order.currencyCode);
  const items: RefundItem[] = [];
  const seen = new Set<string>();
  for (const pick of selection.lines) {
    const field = `line:${pick.lineItemId}`;
    const line = order.lineItems.find((l) => l.id === pick.lineItemId);
    if (!line || seen.has(line.id)) throw new ActionError('validation', 'That item is not on this order.', field);
    seen.add(line.id);
    if (pick.quantity > line.refundableQuantity) {
      throw new ActionError(
        'validation',
        `At most ${line.refundableQuantity} of “${line.name}” can still be refunded.`,
        field,
      );
    }
    items.push({ itemType: 'PRODUCT', itemId: Number(line.id), quantity: pick.quantity });
  }
  for (const pick of selection.shipping) {
    const field = `shipping:${pick.destinationId}`;
    const destination = order.shippingDestinations.find((d) => d.id === pick.destinationId);
    if (!destination) throw new ActionError('validation', 'That shipping destination is not on this order.', field);
    const cents = minorOf(pick.amount, e, field);
    if (cents === 0) continue;
    if (cents > toMinor(destination.shippingCost, e)) {
      throw new ActionError(
        'validation',
        `Shipping to this address cost ${formatMoney(destination.shippingCost, order.currencyCode)}: refund at most that.`,
        field,
      );
    }
    items.push({ itemType: 'SHIPPING', itemId: destination.id, amount: fromMinor(cents, e) });
  }
  if (selection.customAmount !== null) {
    const cents = minorOf(selection.customAmount, e, 'customAmount');
    const cap = left ?? order.orderTotal;
    if (cents > toMinor(cap, e)) {
      throw new ActionError(
        'validation',
        `At most ${formatMoney(cap, order.currencyCode)} is left to refund on this order (total ${formatMoney(order.orderTotal, order.currencyCode)}): a custom amount cannot be more.`,
        'customAmount',
      );
    }
    if (cents > 0) items.push({ itemType: 'ORDER', itemId: Number(order.id), amount: fromMinor(cents, e) });
  }
  if (items.length === 0) throw new ActionError('validation', 'Choose something to refund.', 'selection');
  return items;
}

/** An amount in the currency's minor unit; more decimals than the currency has is a field error. */
function minorOf(amount: string, exponent: number, field: string): number {
  try {
    return toMinor(amount, exponent);
  } catch {
    throw new ActionError(
      'validation',
      exponent === 0 ? 'This currency has no decimals.' : `This currency has at most ${exponent} decimals.`,
      field,
    );
  }
}

/** "Refund everything": every line's remaining quantity and every destination's shipping. */
export function fullRefundSelection(order: Order): RefundSelection {
  const e = currencyExponent(order.currencyCode);
  return {
    lines: refundableLines(order).map((line) => ({ lineItemId: line.id, quantity: line.refundableQuantity })),
    shipping: order.shippingDestinations
      .filter((d) => toMinor(d.shippingCost, e) > 0)
      .map((d) => ({ destinationId: d.id, amount: fromMinor(toMinor(d.shippingCost, e), e) })),
    customAmount: null,
  };
}

/** Which dialog field a BigCommerce 422 about a refund concerns, when its words tell. */
export function refundErrorField(message: string, field?: string): string {
  if (field && /^(line:|shipping:|customAmount|method)/.test(field)) return field;
  const m = message.toLowerCase();
  if (/store credit|payment|provider|method|gateway/.test(m)) return 'method';
  if (/shipping|handling/.test(m)) return 'shipping';
  if (/quantity|product|item/.test(m)) return 'lines';
  if (/amount|total|exceed/.test(m)) return 'customAmount';
  return 'selection';
}
