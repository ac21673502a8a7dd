/**
 * Which actions an order's state allows, and why not: shared by the buttons (disabled reasons)
 * and the background (which re-checks against a freshly read order before writing).
 *
 * By status, as Gladly's BigCommerce Actions offer them ("Refund, Discount and Cancel Orders
 * through BigCommerce Actions"):
 * - Cancel: Pending, Awaiting Payment, Refunded (nothing was taken, or it was all given back);
 * - Cancel & refund: Awaiting Fulfillment, Awaiting Shipment, Awaiting Pickup (paid, not sent);
 * - Full refund: Completed, Shipped, Partially Refunded, Partially Shipped;
 * - Partial refund: wherever something is left to refund.
 */
import { ORDER_STATUS, type Order } from '../core/model';
import type { ActionSwitches } from '../settings/schema';
import { currencyExponent, toMinor } from './money';

export type ActionName = 'cancel' | 'cancelRefund' | 'refund' | 'partialRefund' | 'coupon';

/** The order in which the sidebar lists them. */
export const ACTION_ORDER: readonly ActionName[] = ['cancel', 'cancelRefund', 'refund', 'partialRefund', 'coupon'];

/** null: allowed; otherwise the reason in plain words. */
export type Verdict = string | null;

/**
 * The "why" sentences by key. English here (the background's errors, the team service); the
 * sidebar passes its translator (`actions.why.<key>` in locales/*.json, kept equal to this table
 * by tests/unit/actions/eligibility.test.ts).
 */
export const WHY_EN = {
  shipped: 'This order has shipped: it can no longer be cancelled.',
  partiallyShipped: 'Part of this order has shipped: it can no longer be cancelled.',
  completed: 'This order is completed: it can no longer be cancelled.',
  cancelled: 'This order is already cancelled.',
  notOffered: 'Not offered for an order in status “$1”. $2',
  useCancelRefund: 'This order is paid and not yet sent: use Cancel & refund, so the payment goes back too.',
  cancelFor: 'Cancel is for Pending, Awaiting Payment and Refunded orders.',
  nothingTakenUseCancel: 'Nothing was taken for this order: use Cancel order.',
  cancelRefundFor: 'Cancel & refund is for orders awaiting fulfilment, shipment or pickup.',
  authorisedUseCancel: 'The payment was only authorised, not taken: use Cancel order, which releases it.',
  alreadyRefunded: 'This order is already refunded.',
  notSent: 'This order has not been sent: use Cancel & refund, or refund part of it.',
  fullRefundFor:
    'A full refund is for Completed, Shipped, Partially Refunded or Partially Shipped orders (this one is $1).',
  authorisedCancel: 'The payment was only authorised, not taken: cancel the order to release it.',
  paymentIs: 'Nothing to refund: the payment is $1.',
  nothingLeft: 'Nothing is left to refund on this order.',
} as const;
export type WhyKey = keyof typeof WHY_EN;
/** Turns a key and its substitutions ($1, $2) into a sentence. */
export type Say = (key: WhyKey, substitutions?: string[]) => string;
export const sayEnglish: Say = (key, substitutions) =>
  WHY_EN[key].replace(/\$(\d)/g, (_, n: string) => substitutions?.[Number(n) - 1] ?? '');

const S = ORDER_STATUS;
const CANCEL_STATUSES = new Set<number>([S.PENDING, S.AWAITING_PAYMENT, S.REFUNDED]);
const CANCEL_REFUND_STATUSES = new Set<number>([S.AWAITING_FULFILLMENT, S.AWAITING_SHIPMENT, S.AWAITING_PICKUP]);
const FULL_REFUND_STATUSES = new Set<number>([S.COMPLETED, S.SHIPPED, S.PARTIALLY_REFUNDED, S.PARTIALLY_SHIPPED]);

const GONE: Record<number, WhyKey> = {
  [S.SHIPPED]: 'shipped',
  [S.PARTIALLY_SHIPPED]: 'partiallyShipped',
  [S.COMPLETED]: 'completed',
  [S.CANCELLED]: 'cancelled',
};

/** Why a status rules a cancel out, and which orders it is for. */
function statusReason(order: Order, offeredFor: WhyKey, say: Say): string {
  const gone = GONE[order.statusId];
  return gone ? say(gone) : say('notOffered', [String(order.status || order.statusId), say(offeredFor)]);
}

/**
 * The background's check before it writes a cancel (plain, or the second step of cancel &
 * refund): only an order that has gone out or is already cancelled can no longer be cancelled.
 * Which kind of cancel fits an order is the buttons' business (cancelOfferVerdict).
 */
export function cancelVerdict(order: Order, say: Say = sayEnglish): Verdict {
  const gone = GONE[order.statusId];
  return gone ? say(gone) : null;
}

/**
 * Whether "Cancel order" is offered: Pending, Awaiting Payment, Refunded — and an order awaiting
 * fulfilment whose payment was never taken (only authorised: the cancel voids it, nothing to refund).
 */
export function cancelOfferVerdict(order: Order, say: Say = sayEnglish): Verdict {
  if (CANCEL_STATUSES.has(order.statusId)) return null;
  if (CANCEL_REFUND_STATUSES.has(order.statusId)) {
    if (nothingTaken(order)) return null;
    return say('useCancelRefund');
  }
  return statusReason(order, 'cancelFor', say);
}

export function cancelRefundVerdict(order: Order, say: Say = sayEnglish): Verdict {
  if (!CANCEL_REFUND_STATUSES.has(order.statusId)) {
    if (CANCEL_STATUSES.has(order.statusId)) return say('nothingTakenUseCancel');
    return statusReason(order, 'cancelRefundFor', say);
  }
  if (nothingTaken(order)) return say('authorisedUseCancel');
  return moneyVerdict(order, say);
}

export function fullRefundVerdict(order: Order, say: Say = sayEnglish): Verdict {
  if (!FULL_REFUND_STATUSES.has(order.statusId)) {
    if (order.statusId === S.REFUNDED) return say('alreadyRefunded');
    if (CANCEL_REFUND_STATUSES.has(order.statusId)) return say('notSent');
    return say('fullRefundFor', [String(order.status || order.statusId)]);
  }
  return moneyVerdict(order, say);
}

/** A partial refund: wherever something is left to refund (also what the background checks for any refund). */
export function refundVerdict(order: Order, say: Say = sayEnglish): Verdict {
  if (order.statusId === S.REFUNDED) return say('alreadyRefunded');
  return moneyVerdict(order, say);
}

/** Payment states in which nothing was taken, so nothing can be given back. */
const NOT_TAKEN = new Set(['authorized', 'void', 'void pending', 'declined', 'refunded']);

export function refundableLines(order: Order) {
  return order.lineItems.filter((line) => line.refundableQuantity > 0);
}

function nothingTaken(order: Order): boolean {
  return NOT_TAKEN.has(order.paymentStatus.trim().toLowerCase());
}

/** Whether money was taken and something of it is left to give back. */
function moneyVerdict(order: Order, say: Say): Verdict {
  const status = order.paymentStatus.trim().toLowerCase();
  if (status === 'authorized') return say('authorisedCancel');
  if (NOT_TAKEN.has(status)) return say('paymentIs', [status]);
  const shipping = order.shippingDestinations.some(
    (d) => toMinor(d.shippingCost, currencyExponent(order.currencyCode)) > 0,
  );
  if (refundableLines(order).length === 0 && !shipping) return say('nothingLeft');
  return null;
}

export function verdictFor(action: ActionName, order: Order, say: Say = sayEnglish): Verdict {
  switch (action) {
    case 'cancel':
      return cancelOfferVerdict(order, say);
    case 'cancelRefund':
      return cancelRefundVerdict(order, say);
    case 'refund':
      return fullRefundVerdict(order, say);
    case 'partialRefund':
      return refundVerdict(order, say);
    case 'coupon':
      return null;
  }
}

/** Whether the admin switched this action on for the connection (a hidden button, not a disabled one). */
export function switchedOn(action: ActionName, switches: ActionSwitches): boolean {
  if (!switches.enabled) return false;
  switch (action) {
    case 'cancel':
      return switches.cancel;
    case 'cancelRefund':
      return switches.cancel && switches.refund;
    case 'refund':
      return switches.refund;
    case 'partialRefund':
      return switches.refund && switches.partialRefund;
    case 'coupon':
      return switches.discount;
  }
}

/** Each action the admin switched on, with null (offered) or why it does not apply to this order. */
export function actionRows(
  order: Order,
  switches: ActionSwitches,
  say: Say = sayEnglish,
): Array<{ action: ActionName; why: Verdict }> {
  return ACTION_ORDER.filter((action) => switchedOn(action, switches)).map((action) => ({
    action,
    why: verdictFor(action, order, say),
  }));
}
