import { describe, expect, it } from 'vitest';
import { emptyInputs, everythingInputs, readInputs } from '../../../components/actions/refund-form';
import { testOrder } from './fakes';

describe('the refund form (what the agent typed → a selection the background accepts)', () => {
  const order = testOrder();

  it('starts empty and selects nothing: there is nothing to confirm yet', () => {
    const inputs = emptyInputs(order);
    expect(inputs).toEqual({ quantities: { '11': '0', '12': '0' }, shipping: { '7': '' }, custom: '' });
    expect(readInputs(order, inputs)).toEqual({ selection: null, errors: {} });
  });

  it('"Refund everything" fills in every line left and the whole shipping', () => {
    const { selection, errors } = readInputs(order, everythingInputs(order));
    expect(errors).toEqual({});
    expect(selection).toEqual({
      lines: [
        { lineItemId: '11', quantity: 2 },
        { lineItemId: '12', quantity: 2 },
      ],
      shipping: [{ destinationId: 7, amount: '5.00' }],
      customAmount: null,
    });
  });

  it('names each field the agent got wrong and sends nothing', () => {
    const inputs = emptyInputs(order);
    inputs.quantities['11'] = '3';
    inputs.shipping['7'] = '6';
    inputs.custom = '1,2.3';
    const { selection, errors } = readInputs(order, inputs);
    expect(selection).toBeNull();
    expect(errors['line:11']).toBe('Enter a whole number from 0 to 2.');
    expect(errors['shipping:7']).toMatch(/^At most \$5\.00\.$/);
    expect(errors.customAmount).toMatch(/^Enter an amount like /);
  });

  it('reads a partial refund: one line, part of the shipping, a custom amount', () => {
    const inputs = emptyInputs(order);
    inputs.quantities['12'] = ' 1 ';
    inputs.shipping['7'] = '2.5';
    inputs.custom = '1.10';
    expect(readInputs(order, inputs)).toEqual({
      selection: {
        lines: [{ lineItemId: '12', quantity: 1 }],
        shipping: [{ destinationId: 7, amount: '2.50' }],
        customAmount: '1.10',
      },
      errors: {},
    });
  });

  it('reads amounts in the order’s own currency: no decimals for JPY', () => {
    const yen = testOrder({ currencyCode: 'JPY', orderTotal: '2920', shippingDestinations: [] });
    const inputs = emptyInputs(yen);
    inputs.custom = '12.5';
    expect(readInputs(yen, inputs).errors.customAmount).toBe('Enter an amount like 45.');
    inputs.custom = '1200';
    expect(readInputs(yen, inputs).selection?.customAmount).toBe('1200');
  });
});
