import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { OrderActions } from '../../../components/actions/OrderActions';
import { makeCustomer } from '../../fixtures/customers';
import { testOrder } from '../../unit/actions/fakes';
import type { ActionSwitches } from '../../../lib/settings/schema';
import type { Order } from '../../../lib/core/model';
import { harness } from './harness';

const on: ActionSwitches = { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true };

function show(
  order: Order,
  actions: ActionSwitches = on,
  customer: ReturnType<typeof makeCustomer> | null = makeCustomer(),
) {
  const { request } = harness(order);
  return render(
    <OrderActions
      order={order}
      customer={customer}
      connection={{ id: 'main', name: 'Main', actions }}
      request={request}
      onChanged={vi.fn()}
    />,
  );
}

const names = () => screen.queryAllByRole('button').map((b) => b.textContent);

describe('order action buttons', () => {
  it('shows each action only when actions and its own switch are on', () => {
    const all = show(testOrder());
    expect(names()).toEqual([
      'Cancel order',
      'Cancel & refund',
      'Full refund',
      'Partial refund',
      'Create discount code',
    ]);
    all.unmount();
    show(testOrder(), { ...on, refund: false });
    expect(names()).toEqual(['Cancel order', 'Create discount code']);
  });

  it('shows nothing with actions off, or on a guest order', () => {
    const { container } = show(testOrder(), { ...on, enabled: false });
    expect(container.innerHTML).toBe('');
    const guest = show(testOrder(), on, null);
    expect(guest.container.innerHTML).toBe('');
  });

  it.each([
    [2, 'shipped'],
    [3, 'shipped'],
    [10, 'completed'],
    [5, 'already cancelled'],
    [11, 'Cancel & refund'],
  ])('cannot cancel an order with status %i, and says why on hover and focus', (statusId, why) => {
    show(testOrder({ statusId }));
    const button = screen.getByRole('button', { name: 'Cancel order' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.getAttribute('title')).toMatch(new RegExp(why));
    const description = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(button.getAttribute('title'));
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cannot refund when nothing is left to refund', () => {
    const order = testOrder();
    show({
      ...order,
      lineItems: order.lineItems.map((l) => ({ ...l, refundableQuantity: 0 })),
      shippingDestinations: [],
    });
    const refund = screen.getByRole('button', { name: 'Partial refund' });
    expect(refund.getAttribute('aria-disabled')).toBe('true');
    expect(refund.getAttribute('title')).toMatch(/Nothing is left to refund/);
  });

  it('cannot refund a payment that was only authorised', () => {
    show(testOrder({ paymentStatus: 'authorized', statusId: 1 }));
    expect(screen.getByRole('button', { name: 'Partial refund' }).getAttribute('title')).toMatch(/cancel the order/);
    expect(screen.getByRole('button', { name: 'Cancel order' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('opens the dialog of an allowed action', async () => {
    show(testOrder());
    fireEvent.click(screen.getByRole('button', { name: 'Create discount code' }));
    expect(await screen.findByRole('dialog', { name: 'Create discount code' })).toBeTruthy();
  });
});
