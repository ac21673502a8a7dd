/**
 * Which actions an order's state allows, and why not: shared by the buttons (disabled reasons)
 * and the background (which re-checks against a freshly read order before writing).
 */
import { ORDER_STATUS, type Order } from '../core/model';
import type { ActionSwitches } from '../settings/schema';
import { currencyExponent, toMinor } from './money';

export type ActionName = 'cancel' | 'refund' | 'coupon';

/** null: allowed; otherwise the reason in plain words. */
export type Verdict = string | null;

const NO_CANCEL: Record<number, string> = {
  [ORDER_STATUS.SHIPPED]: 'This order has shipped: it can no longer be cancelled.',
  [ORDER_STATUS.PARTIALLY_SHIPPED]: 'Part of this order has shipped: it can no longer be cancelled.',
  [ORDER_STATUS.COMPLETED]: 'This order is completed: it can no longer be cancelled.',
  [ORDER_STATUS.CANCELLED]: 'This order is already cancelled.',
  [ORDER_STATUS.REFUNDED]: 'This order is refunded: there is nothing to cancel.',
};

export function cancelVerdict(order: Order): Verdict {
  return NO_CANCEL[order.statusId] ?? null;
}

/** Payment states in which nothing was taken, so nothing can be given back. */
const NOT_TAKEN = new Set(['authorized', 'void', 'void pending', 'declined', 'refunded']);

export function refundableLines(order: Order) {
  return order.lineItems.filter((line) => line.refundableQuantity > 0);
}

export function refundVerdict(order: Order): Verdict {
  if (order.statusId === ORDER_STATUS.REFUNDED) return 'This order is already refunded.';
  const status = order.paymentStatus.trim().toLowerCase();
  if (status === 'authorized') return 'The payment was only authorised, not taken: cancel the order to release it.';
  if (NOT_TAKEN.has(status)) return `Nothing to refund: the payment is ${status}.`;
  const shipping = order.shippingDestinations.some(
    (d) => toMinor(d.shippingCost, currencyExponent(order.currencyCode)) > 0,
  );
  if (refundableLines(order).length === 0 && !shipping) return 'Nothing is left to refund on this order.';
  return null;
}

export function verdictFor(action: ActionName, order: Order): Verdict {
  if (action === 'cancel') return cancelVerdict(order);
  if (action === 'refund') return refundVerdict(order);
  return null;
}

/** Whether the admin switched this action on for the connection (a hidden button, not a disabled one). */
export function switchedOn(action: ActionName, switches: ActionSwitches): boolean {
  if (!switches.enabled) return false;
  if (action === 'cancel') return switches.cancel;
  if (action === 'refund') return switches.refund;
  return switches.discount;
}
