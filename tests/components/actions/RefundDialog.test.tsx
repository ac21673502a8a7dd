import { formatMoney } from '../../../lib/sidebar/format';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RefundDialog } from '../../../components/actions/RefundDialog';
import { testOrder } from '../../unit/actions/fakes';
import type { Order } from '../../../lib/core/model';
import { harness } from './harness';

function open(options: { order?: Order; partialAllowed?: boolean } = {}) {
  const order = options.order ?? testOrder();
  const h = harness(order);
  const onChanged = vi.fn();
  render(
    <RefundDialog
      order={order}
      connectionId="main"
      request={h.request}
      partialAllowed={options.partialAllowed ?? true}
      onClose={vi.fn()}
      onChanged={onChanged}
    />,
  );
  return { ...h, onChanged };
}

const submit = () =>
  screen.getByRole('button', { name: /^(Refund \$\d|Confirm refund|Refunding)/ }) as HTMLButtonElement;
const qty = (name: RegExp) => screen.getByLabelText(name) as HTMLInputElement;

describe('refund dialog', () => {
  it('sends nothing and cannot confirm until something is chosen and quoted', async () => {
    const { sent } = open();
    await new Promise((r) => setTimeout(r, 400));
    expect(submit().disabled).toBe(true);
    expect(submit().textContent).toBe('Confirm refund');
    expect(sent('actions/refund-quote')).toHaveLength(0);
  });

  it('asks for one quote after quick changes (debounced) and shows the exact total, tax and methods', async () => {
    const { sent } = open();
    fireEvent.input(qty(/Mug/), { target: { value: '1' } });
    fireEvent.input(qty(/Sticker/), { target: { value: '1' } });
    fireEvent.input(qty(/Sticker/), { target: { value: '2' } });
    expect(await screen.findByRole('button', { name: 'Refund $12.20' })).toBeTruthy();
    expect(sent('actions/refund-quote')).toHaveLength(1);
    expect(sent('actions/refund-quote')[0]).toMatchObject({
      selection: {
        lines: [
          { lineItemId: '11', quantity: 1 },
          { lineItemId: '12', quantity: 2 },
        ],
      },
    });
    expect(screen.getByText(/of which tax \$0\.00/)).toBeTruthy();
    expect(screen.getAllByRole('radio').map((r) => r.parentElement?.textContent)).toEqual([
      'Braintree (Visa 4242)',
      'Store credit',
    ]);
  });

  it(
    '"Refund everything" fills every line and shipping; confirm sends one refund by the chosen ' +
      'method, even on a double click',
    async () => {
      const { sent, store, onChanged } = open();
      fireEvent.click(screen.getByRole('button', { name: 'Refund everything' }));
      expect(qty(/Mug/).value).toBe('2');
      expect((screen.getByLabelText(/Ground/) as HTMLInputElement).value).toBe('5.00');
      const confirm = await screen.findByRole('button', { name: 'Refund $29.20' });
      fireEvent.click(screen.getAllByRole('radio')[1]!);
      fireEvent.click(confirm);
      fireEvent.click(confirm);
      expect(await screen.findByText('Refunded $29.20 (refund 1).')).toBeTruthy();
      expect(sent('actions/refund')).toHaveLength(1);
      expect(sent('actions/refund')[0]).toMatchObject({
        expectedTotal: '29.20',
        payments: [{ providerId: 'storecredit', amount: '29.20' }],
      });
      expect(store.actions.createRefund).toHaveBeenCalledTimes(1);
      expect(onChanged).toHaveBeenCalled();
    },
  );

  it('after a full refund succeeds and the order reloads, asks for no further quote', async () => {
    const order = testOrder();
    const h = harness(order);
    const props = {
      connectionId: 'main',
      request: h.request,
      partialAllowed: true,
      onClose: vi.fn(),
      onChanged: vi.fn(),
    };
    const view = render(<RefundDialog order={order} {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Refund everything' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Refund $29.20' }));
    expect(await screen.findByText('Refunded $29.20 (refund 1).')).toBeTruthy();
    // The sidebar reloads the order: every line refunded, the shipping line still listed.
    const refunded: Order = {
      ...order,
      statusId: 4,
      status: 'Refunded',
      lineItems: order.lineItems.map((l) => ({ ...l, quantityRefunded: l.quantity, refundableQuantity: 0 })),
    };
    view.rerender(<RefundDialog order={refunded} {...props} />);
    await new Promise((r) => setTimeout(r, 600));
    expect(h.sent('actions/refund-quote')).toHaveLength(1);
    expect(h.store.calls.filter((c) => c === 'quote')).toHaveLength(2); // the dialog's quote and the refund's own check
    expect(screen.getByText('Refunded $29.20 (refund 1).')).toBeTruthy();
  });

  it('caps a custom amount at what is left to refund, not the order total, and says the cap', async () => {
    const { store, sent } = open();
    // 20.00 of the 29.20 was refunded earlier.
    store.refunds.push({
      id: '9',
      orderId: '100',
      createdAt: '2026-11-01T00:00:00.000Z',
      totalAmount: '20.00',
      totalTax: '0.00',
      items: [],
      payments: [],
    });
    fireEvent.input(screen.getByLabelText(/^Custom amount/), { target: { value: '15.00' } });
    expect(await screen.findByText(/At most 9.20 USD is left to refund on this order/)).toBeTruthy();
    expect(sent('actions/refund-quote')).toHaveLength(1);
    expect(store.calls.filter((c) => c === 'quote')).toHaveLength(0);
    expect(submit().disabled).toBe(true);
  });

  it('offers no shipping field for free shipping (nothing to refund there), and one for paid shipping', () => {
    open({
      order: testOrder({
        shippingDestinations: [
          { id: 7, shippingMethod: 'Free Shipping', shippingCost: '0.00' },
          { id: 8, shippingMethod: 'Ground', shippingCost: '4.50' },
        ],
      }),
    });
    expect(screen.queryByLabelText(/^Free Shipping/)).toBeNull();
    expect(screen.getByLabelText(/^Ground/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\$0\.00\)/);
  });

  it('a KWD order: amounts in fils (3 decimals) are typed, quoted, shown and sent exactly', async () => {
    const kwd = testOrder({
      currencyCode: 'KWD',
      orderTotal: '12.625',
      lineItems: testOrder().lineItems.map((l, i) => ({
        ...l,
        unitPrice: i ? '0.125' : '4.125',
        totalPrice: i ? '0.250' : '8.250',
      })),
      shippingDestinations: [{ id: 7, shippingMethod: 'Ground', shippingCost: '4.125' }],
    });
    const { sent, store } = open({ order: kwd });
    expect(screen.getByLabelText(/^Mug/).closest('div')?.textContent).toContain(`${formatMoney('4.125', 'KWD')} each`);
    fireEvent.input(qty(/Sticker/), { target: { value: '1' } });
    // A fourth decimal is refused next to the field, before any quote; three are fine.
    fireEvent.input(screen.getByLabelText(/^Ground/), { target: { value: '1.0055' } });
    expect(await screen.findByText('Enter an amount like 4.500.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText(/^Ground/), { target: { value: '1.005' } });
    const confirm = await screen.findByRole('button', { name: `Refund ${formatMoney('1.130', 'KWD')}` });
    expect(sent('actions/refund-quote')[0]).toMatchObject({
      selection: { shipping: [{ destinationId: 7, amount: '1.005' }] },
    });
    fireEvent.click(confirm);
    expect(
      await screen.findByText(`Refunded ${formatMoney('1.130', 'KWD').replace(/\s/g, ' ')} (refund 1).`),
    ).toBeTruthy();
    expect(sent('actions/refund')[0]).toMatchObject({ expectedTotal: '1.13' });
    expect(vi.mocked(store.actions.createRefund).mock.calls[0]![1]).toContainEqual({
      itemType: 'SHIPPING',
      itemId: 7,
      amount: '1.005',
    });
  });

  it('after "another action is running", drops the old quote and reloads the order: no second refund from a stale confirm', async () => {
    const h = open();
    const real = h.request.getMockImplementation()!;
    h.request.mockImplementation(async (message) => {
      if (message.type === 'actions/refund')
        throw Object.assign(new Error('busy'), {
          info: { kind: 'busy', message: 'Another action on this order is still running.' },
        });
      return real(message);
    });
    fireEvent.input(qty(/Mug/), { target: { value: '1' } });
    fireEvent.click(await screen.findByRole('button', { name: /^Refund \$\d/ }));
    expect(await screen.findByText(/Another action on this order is still running/)).toBeTruthy();
    await waitFor(() => expect(h.onChanged).toHaveBeenCalled());
    expect(submit().disabled).toBe(true);
    expect(submit().textContent).toBe('Confirm refund');
    // Only a new decision (a change) gets a new quote that can be confirmed.
    h.request.mockImplementation(real);
    fireEvent.input(qty(/Mug/), { target: { value: '2' } });
    await waitFor(() => expect(submit().disabled).toBe(false));
    expect(h.store.actions.createRefund).not.toHaveBeenCalled();
  });

  it('refuses more than is left next to the line, without asking for a quote', async () => {
    const { sent } = open();
    fireEvent.input(qty(/Mug/), { target: { value: '3' } });
    const input = qty(/Mug/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Enter a whole number from 0 to 2.',
    );
    await new Promise((r) => setTimeout(r, 400));
    expect(sent('actions/refund-quote')).toHaveLength(0);
    expect(submit().disabled).toBe(true);
  });

  it('shows a 422 about the refund method next to the methods', async () => {
    const { store } = open();
    vi.mocked(store.actions.createRefund).mockRejectedValueOnce(
      Object.assign(new Error('x'), {
        kind: 'validation',
        message: 'Unable to provide store credit for a guest customer.',
      }),
    );
    fireEvent.input(qty(/Mug/), { target: { value: '1' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Refund $12.00' }));
    const error = await screen.findByText('Unable to provide store credit for a guest customer.');
    expect(error.closest('fieldset')?.querySelector('legend')?.textContent).toBe('Refund method');
  });

  it('with partial refunds off, offers only everything that is left', async () => {
    open({ partialAllowed: false });
    expect(qty(/Mug/).readOnly).toBe(true);
    expect(qty(/Mug/).value).toBe('2');
    expect(screen.queryByLabelText(/Custom amount/)).toBeNull();
    expect(await screen.findByRole('button', { name: 'Refund $29.20' })).toBeTruthy();
  });
});

describe('refund dialog while sending and after a lost reply', () => {
  it('disables Confirm and the fields while the refund runs', async () => {
    const { store } = open();
    let release!: () => void;
    const real = vi.mocked(store.actions.createRefund).getMockImplementation()!;
    vi.mocked(store.actions.createRefund).mockImplementationOnce(async (...args) => {
      await new Promise<void>((r) => (release = r));
      return real(...args);
    });
    fireEvent.input(qty(/Mug/), { target: { value: '1' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Refund $12.00' }));
    const running = await screen.findByRole('button', { name: 'Refunding…' });
    await vi.waitFor(() => expect(store.actions.createRefund).toHaveBeenCalled());
    expect((running as HTMLButtonElement).disabled).toBe(true);
    expect(qty(/Mug/).closest('fieldset')?.disabled).toBe(true);
    release();
    expect(await screen.findByText('Refunded $12.00 (refund 1).')).toBeTruthy();
  });

  it('after a lost reply says the outcome is unknown, never resends, and learns what happened on request', async () => {
    const { store, sent } = open();
    const real = vi.mocked(store.actions.createRefund).getMockImplementation()!;
    vi.mocked(store.actions.createRefund).mockImplementationOnce(async (...args) => {
      await real(...args);
      throw Object.assign(new Error('x'), { kind: 'timeout', message: 'No answer.', sent: true });
    });
    fireEvent.input(qty(/Mug/), { target: { value: '1' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Refund $12.00' }));
    expect(await screen.findByText(/not known whether this went through/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Refund $12.00' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Check what happened' }));
    expect(await screen.findByText(/did go through \(refund 1\)/)).toBeTruthy();
    expect(sent('actions/refund')).toHaveLength(1);
    expect(store.calls.filter((c) => c === 'refund')).toHaveLength(1);
  });

  it('takes an optional reason from the admin’s picklist and sends it with the refund', async () => {
    const { sent, store } = open();
    fireEvent.input(qty(/Mug/), { target: { value: '1' } });
    const confirm = await screen.findByRole('button', { name: 'Refund $12.00' });
    await waitFor(() => expect((confirm as HTMLButtonElement).disabled).toBe(false));
    expect([...(screen.getByLabelText(/^Reason \(optional/) as HTMLSelectElement).options][0]?.textContent).toBe(
      'No reason given',
    );
    fireEvent.change(screen.getByLabelText(/^Reason/), { target: { value: 'Damaged or defective' } });
    fireEvent.click(confirm);
    await screen.findByText(/^Refunded \$12\.00/);
    expect(sent('actions/refund')[0]).toMatchObject({ reason: 'Damaged or defective' });
    expect(store.order.staffNotes).toMatch(
      /Refunded 12\.00 USD via Gladly sidebar by ana@example\.com\. Reason: Damaged or defective$/,
    );
  });
});
