/** The refund dialog's inputs → a selection the background accepts, with per-field problems. */
import { i18n } from '#i18n';
import type { Order } from '../../lib/core/model';
import type { RefundSelection } from '../../lib/messages/actions';
import { currencyExponent, exampleAmount, fromMinor, parseAmountInput, toMinor } from '../../lib/actions/money';
import { fullRefundSelection } from '../../lib/actions/refund-plan';
import { formatMoney } from '../../lib/sidebar/format';
import { refundableLines } from '../../lib/actions/eligibility';

export interface RefundInputs {
  quantities: Record<string, string>;
  shipping: Record<string, string>;
  custom: string;
}

export function emptyInputs(order: Order): RefundInputs {
  return {
    quantities: Object.fromEntries(refundableLines(order).map((l) => [l.id, '0'])),
    shipping: Object.fromEntries(order.shippingDestinations.map((d) => [String(d.id), ''])),
    custom: '',
  };
}

export function everythingInputs(order: Order): RefundInputs {
  const full = fullRefundSelection(order);
  const inputs = emptyInputs(order);
  for (const line of full.lines) inputs.quantities[line.lineItemId] = String(line.quantity);
  for (const s of full.shipping) inputs.shipping[String(s.destinationId)] = s.amount;
  return inputs;
}

export function readInputs(
  order: Order,
  inputs: RefundInputs,
): { selection: RefundSelection | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const selection: RefundSelection = { lines: [], shipping: [], customAmount: null };
  // Amounts in the order's own currency: 3 decimals for KWD, none for JPY.
  const e = currencyExponent(order.currencyCode);
  const like = i18n.t('actions.refund.amountLike', [exampleAmount(e)]);
  for (const line of refundableLines(order)) {
    const text = (inputs.quantities[line.id] ?? '').trim();
    if (text === '' || text === '0') continue;
    const quantity = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(quantity) || quantity > line.refundableQuantity)
      errors[`line:${line.id}`] = i18n.t('actions.refund.wholeNumber', [line.refundableQuantity]);
    else selection.lines.push({ lineItemId: line.id, quantity });
  }
  for (const destination of order.shippingDestinations) {
    const key = `shipping:${destination.id}`;
    const text = (inputs.shipping[String(destination.id)] ?? '').trim();
    if (text === '') continue;
    const cents = parseAmountInput(text, e);
    if (cents === null) errors[key] = like;
    else if (cents > toMinor(destination.shippingCost, e))
      errors[key] = i18n.t('actions.refund.atMost', [formatMoney(destination.shippingCost, order.currencyCode)]);
    else if (cents > 0) selection.shipping.push({ destinationId: destination.id, amount: fromMinor(cents, e) });
  }
  const custom = inputs.custom.trim();
  if (custom !== '') {
    const cents = parseAmountInput(custom, e);
    if (cents === null) errors.customAmount = like;
    else if (cents > toMinor(order.orderTotal, e))
      errors.customAmount = i18n.t('actions.refund.atMostTotal', [formatMoney(order.orderTotal, order.currencyCode)]);
    else if (cents > 0) selection.customAmount = fromMinor(cents, e);
  }
  const empty = selection.lines.length === 0 && selection.shipping.length === 0 && selection.customAmount === null;
  return { selection: Object.keys(errors).length || empty ? null : selection, errors };
}
