import { describe, expect, it } from 'vitest';
import { actionRows, cancelVerdict, verdictFor, type ActionName } from '../../../lib/actions/eligibility';
import { ORDER_STATUS as S } from '../../../lib/core/model';
import type { ActionSwitches } from '../../../lib/settings/schema';
import { testOrder } from './fakes';

const ALL_ON: ActionSwitches = { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true };
const LABEL: Record<number, string> = {
  [S.PENDING]: 'Pending',
  [S.AWAITING_PAYMENT]: 'Awaiting Payment',
  [S.REFUNDED]: 'Refunded',
  [S.AWAITING_FULFILLMENT]: 'Awaiting Fulfillment',
  [S.AWAITING_SHIPMENT]: 'Awaiting Shipment',
  [S.AWAITING_PICKUP]: 'Awaiting Pickup',
  [S.COMPLETED]: 'Completed',
  [S.SHIPPED]: 'Shipped',
  [S.PARTIALLY_REFUNDED]: 'Partially Refunded',
  [S.PARTIALLY_SHIPPED]: 'Partially Shipped',
  [S.CANCELLED]: 'Cancelled',
};
/** A captured payment with everything left to refund, in the given status. */
const paidOrder = (statusId: number) =>
  testOrder({ statusId, status: LABEL[statusId] ?? '', paymentStatus: 'captured' });
const offered = (statusId: number, order = paidOrder(statusId)) =>
  actionRows(order, ALL_ON)
    .filter((row) => row.why === null)
    .map((row) => row.action);

describe("actions offered by order status (Gladly's BigCommerce Actions)", () => {
  it.each<[string, number, ActionName[]]>([
    ['Pending', S.PENDING, ['cancel', 'partialRefund', 'coupon']],
    ['Awaiting Payment', S.AWAITING_PAYMENT, ['cancel', 'partialRefund', 'coupon']],
    ['Awaiting Fulfillment', S.AWAITING_FULFILLMENT, ['cancelRefund', 'partialRefund', 'coupon']],
    ['Awaiting Shipment', S.AWAITING_SHIPMENT, ['cancelRefund', 'partialRefund', 'coupon']],
    ['Awaiting Pickup', S.AWAITING_PICKUP, ['cancelRefund', 'partialRefund', 'coupon']],
    ['Completed', S.COMPLETED, ['refund', 'partialRefund', 'coupon']],
    ['Shipped', S.SHIPPED, ['refund', 'partialRefund', 'coupon']],
    ['Partially Refunded', S.PARTIALLY_REFUNDED, ['refund', 'partialRefund', 'coupon']],
    ['Partially Shipped', S.PARTIALLY_SHIPPED, ['refund', 'partialRefund', 'coupon']],
    ['Cancelled', S.CANCELLED, ['partialRefund', 'coupon']],
  ])('%s: %j', (_label, statusId, expected) => {
    expect(offered(statusId)).toEqual(expected);
  });

  it('Refunded: cancel only (nothing is left to refund)', () => {
    const refunded = testOrder({
      statusId: S.REFUNDED,
      status: 'Refunded',
      paymentStatus: 'refunded',
      lineItems: testOrder().lineItems.map((line) => ({ ...line, refundableQuantity: 0 })),
      shippingDestinations: [],
    });
    expect(offered(S.REFUNDED, refunded)).toEqual(['cancel', 'coupon']);
  });

  it('says why an action does not apply, pointing to the one that does', () => {
    expect(verdictFor('cancel', paidOrder(S.AWAITING_FULFILLMENT))).toMatch(/use Cancel & refund/);
    expect(verdictFor('cancelRefund', paidOrder(S.PENDING))).toMatch(/use Cancel order/);
    expect(verdictFor('refund', paidOrder(S.AWAITING_SHIPMENT))).toMatch(/Cancel & refund/);
    expect(verdictFor('cancel', paidOrder(S.SHIPPED))).toMatch(/can no longer be cancelled/);
    expect(verdictFor('cancelRefund', paidOrder(S.CANCELLED))).toMatch(/already cancelled/);
    expect(verdictFor('refund', paidOrder(S.REFUNDED))).toMatch(/already refunded/);
  });

  it('cancel & refund and refunds need money taken and something left to give back', () => {
    const authorised = testOrder({ statusId: S.AWAITING_FULFILLMENT, paymentStatus: 'authorized' });
    expect(verdictFor('cancelRefund', authorised)).toMatch(/only authorised, not taken: use Cancel order/);
    // Nothing was taken: the plain cancel (which voids the authorisation) is the one offered.
    expect(verdictFor('cancel', authorised)).toBeNull();
    const nothingLeft = testOrder({
      statusId: S.SHIPPED,
      paymentStatus: 'captured',
      lineItems: testOrder().lineItems.map((line) => ({ ...line, refundableQuantity: 0 })),
      shippingDestinations: [],
    });
    expect(verdictFor('refund', nothingLeft)).toMatch(/Nothing is left to refund/);
    expect(verdictFor('partialRefund', nothingLeft)).toMatch(/Nothing is left to refund/);
  });

  it("the background's own check before a cancel only refuses orders that went out or are cancelled", () => {
    expect(cancelVerdict(paidOrder(S.AWAITING_FULFILLMENT))).toBeNull();
    expect(cancelVerdict(paidOrder(S.REFUNDED))).toBeNull();
    expect(cancelVerdict(paidOrder(S.SHIPPED))).toMatch(/shipped/);
    expect(cancelVerdict(paidOrder(S.CANCELLED))).toMatch(/already cancelled/);
  });

  it('lists only what the admin switched on: cancel & refund needs both cancel and refund', () => {
    const order = paidOrder(S.AWAITING_FULFILLMENT);
    const listed = (switches: ActionSwitches) => actionRows(order, switches).map((row) => row.action);
    expect(listed(ALL_ON)).toEqual(['cancel', 'cancelRefund', 'refund', 'partialRefund', 'coupon']);
    expect(listed({ ...ALL_ON, refund: false })).toEqual(['cancel', 'coupon']);
    expect(listed({ ...ALL_ON, cancel: false })).toEqual(['refund', 'partialRefund', 'coupon']);
    expect(listed({ ...ALL_ON, partialRefund: false })).toEqual(['cancel', 'cancelRefund', 'refund', 'coupon']);
    expect(listed({ ...ALL_ON, enabled: false })).toEqual([]);
  });
});

describe('the "why" sentences in the catalogs', () => {
  it('the English catalog says exactly what the background says (actions.why = WHY_EN)', async () => {
    const { WHY_EN } = await import('../../../lib/actions/eligibility');
    const en = (await import('../../../locales/en.json')).default as { actions: { why: Record<string, string> } };
    expect(en.actions.why).toEqual(WHY_EN);
  });
});
