/** Refund methods as the agent reads them: the amount once (in the plan and button), each part only for a split. */
import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { RefundMethodPicker } from '../../../components/actions/RefundMethodPicker';

const card = { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount: '8.00', offline: false };
const credit = { providerId: 'storecredit', providerDescription: 'Store credit', amount: '8.00', offline: false };

describe('RefundMethodPicker', () => {
  it('names a whole-amount method without repeating the amount, and each part of a split with its own', () => {
    render(
      <RefundMethodPicker
        methods={[
          [card],
          [credit],
          [
            { ...card, amount: '5.00' },
            { ...credit, amount: '3.00' },
          ],
        ]}
        currency="USD"
        value={0}
        onChange={() => undefined}
        disabled={false}
      />,
    );
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'Braintree (Visa 4242)',
      'Store credit',
      'Braintree (Visa 4242) $5.00 + Store credit $3.00',
    ]);
  });
});
