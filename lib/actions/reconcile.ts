/**
 * What did a write whose reply was lost actually do? Only reads (safe to repeat), never a resend:
 * refund → a refund created after the pending record's time with the same total;
 * cancel → the order's status is Cancelled; coupon → the code now exists; cancel & refund → both
 * (the refund is sent first, so no refund means nothing changed).
 */
import { ORDER_STATUS } from '../core/model';
import type { Reconciled } from '../messages/actions';
import type { ActionsApi, StoreApi } from '../core/store-ports';
import { currencyExponent, formatMoney, toMinor } from './money';
import type { PendingRecord } from './order-guard';

/** Browser and BigCommerce clocks differ a little; a refund stamped this much earlier still counts. */
export const CLOCK_SKEW_MS = 60_000;

export async function reconcileRecord(
  record: PendingRecord,
  apis: { actions: ActionsApi; lookup: StoreApi },
): Promise<Reconciled> {
  if (record.action === 'cancelRefund') {
    const { match, what } = await findRefund(record, apis);
    if (!match)
      return {
        action: 'cancelRefund',
        outcome: 'not-done',
        reference: null,
        message: `The earlier cancel & refund did not go through: no ${what} exists and the order was not cancelled.`,
      };
    const order = await apis.lookup.orderById(record.orderId);
    if (order?.statusId === ORDER_STATUS.CANCELLED)
      return {
        action: 'cancelRefund',
        outcome: 'done',
        reference: match.id,
        message: `The earlier cancel & refund did go through: ${what} (refund ${match.id}), and the order is cancelled.`,
      };
    return {
      action: 'cancelRefund',
      outcome: 'done',
      refundedNotCancelled: true,
      reference: match.id,
      message: `The earlier ${what} went through (refund ${match.id}), but the order is not cancelled: cancel it alone.`,
    };
  }
  if (record.action === 'refund') {
    const { match, what } = await findRefund(record, apis);
    return match
      ? {
          action: 'refund',
          outcome: 'done',
          reference: match.id,
          message: `The earlier ${what} did go through (refund ${match.id}).`,
        }
      : {
          action: 'refund',
          outcome: 'not-done',
          reference: null,
          message: `The earlier ${what} did not go through: no such refund exists.`,
        };
  }
  if (record.action === 'cancel') {
    const order = await apis.lookup.orderById(record.orderId);
    const done = order?.statusId === ORDER_STATUS.CANCELLED;
    return done
      ? {
          action: 'cancel',
          outcome: 'done',
          reference: null,
          message: 'The earlier cancellation did go through: the order is cancelled.',
        }
      : {
          action: 'cancel',
          outcome: 'not-done',
          reference: null,
          message: 'The earlier cancellation did not go through: the order is not cancelled.',
        };
  }
  const code = record.code ?? '';
  const exists = code !== '' && (await apis.actions.couponCodeExists(code));
  return exists
    ? { action: 'coupon', outcome: 'done', reference: null, message: `The earlier discount code ${code} was created.` }
    : {
        action: 'coupon',
        outcome: 'not-done',
        reference: null,
        message: `The earlier discount code ${code} was not created.`,
      };
}

/** A refund created since the write was sent, for the pending record's amount. */
async function findRefund(record: PendingRecord, apis: { actions: ActionsApi }) {
  const refunds = await apis.actions.refunds(record.orderId);
  const amount = record.amount;
  const e = currencyExponent(record.currency ?? '');
  const match = refunds.find(
    (r) =>
      Date.parse(r.createdAt) >= record.startedAt - CLOCK_SKEW_MS &&
      amount !== null &&
      toMinor(r.totalAmount, e) === toMinor(amount, e),
  );
  const what = amount && record.currency ? `refund of ${formatMoney(amount, record.currency)}` : 'refund';
  return { match, what };
}
