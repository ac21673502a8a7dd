import { describe, expect, it } from 'vitest';
import { buildRefundItems, fullRefundSelection, refundErrorField } from '../../../lib/actions/refund-plan';
import type { ActionError } from '../../../lib/actions/errors';
import { testOrder } from './fakes';

describe('refund items from the dialog', () => {
  const order = testOrder({
    lineItems: testOrder().lineItems.map((l, i) =>
      i === 0 ? { ...l, quantityRefunded: 1, refundableQuantity: 1 } : l,
    ),
  });

  it('turns lines, shipping and a custom amount into BigCommerce items', () => {
    const items = buildRefundItems(order, {
      lines: [{ lineItemId: '12', quantity: 2 }],
      shipping: [{ destinationId: 7, amount: '2.5' }],
      customAmount: '1.1',
    });
    expect(items).toEqual([
      { itemType: 'PRODUCT', itemId: 12, quantity: 2 },
      { itemType: 'SHIPPING', itemId: 7, amount: '2.50' },
      { itemType: 'ORDER', itemId: 100, amount: '1.10' },
    ]);
  });

  it('refuses more than is left of a line, naming the line', () => {
    const error = (() => {
      try {
        buildRefundItems(order, { lines: [{ lineItemId: '11', quantity: 2 }], shipping: [], customAmount: null });
      } catch (e) {
        return e as ActionError;
      }
    })();
    expect(error?.info).toMatchObject({ kind: 'validation', field: 'line:11' });
    expect(error?.message).toContain('At most 1');
  });

  it('refuses shipping above its cost, unknown lines and an empty selection', () => {
    expect(() =>
      buildRefundItems(order, { lines: [], shipping: [{ destinationId: 7, amount: '5.01' }], customAmount: null }),
    ).toThrow(/at most/);
    expect(() =>
      buildRefundItems(order, { lines: [{ lineItemId: '99', quantity: 1 }], shipping: [], customAmount: null }),
    ).toThrow(/not on this order/);
    expect(() =>
      buildRefundItems(order, { lines: [], shipping: [{ destinationId: 7, amount: '0' }], customAmount: '0.00' }),
    ).toThrow(/Choose something/);
  });

  it('"refund everything" takes what is left of every line and all shipping', () => {
    expect(fullRefundSelection(order)).toEqual({
      lines: [
        { lineItemId: '11', quantity: 1 },
        { lineItemId: '12', quantity: 2 },
      ],
      shipping: [{ destinationId: 7, amount: '5.00' }],
      customAmount: null,
    });
  });

  it('maps a BigCommerce 422 to the field it concerns', () => {
    expect(refundErrorField('Unable to provide store credit for a guest customer.')).toBe('method');
    expect(refundErrorField('Requested quantity exceeds the refundable quantity')).toBe('lines');
    expect(refundErrorField('Something odd')).toBe('selection');
  });
});
