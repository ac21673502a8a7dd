import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CancelRefundDialog } from '../../../components/actions/CancelRefundDialog';
import { bcError, testOrder } from '../../unit/actions/fakes';
import { harness } from './harness';

function open() {
  const order = testOrder();
  const h = harness(order);
  const onCancelOnly = vi.fn();
  const onChanged = vi.fn();
  render(
    <CancelRefundDialog
      order={order}
      connectionId="main"
      request={h.request}
      reasons={['Ordered by mistake']}
      onClose={vi.fn()}
      onChanged={onChanged}
      onCancelOnly={onCancelOnly}
    />,
  );
  return { ...h, onCancelOnly, onChanged };
}

const confirmButton = () => screen.getByRole('button', { name: /^Cancel and refund \$29\.20$/ }) as HTMLButtonElement;

describe('cancel & refund dialog', () => {
  it('one confirmation naming the amount left; one request; cancelled and refunded', async () => {
    const { sent, store, onChanged } = open();
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    // The reason is optional here.
    expect(screen.getByLabelText(/Reason \(optional/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: 'Ordered by mistake' } });
    // A double click sends one request.
    const button = confirmButton();
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText(/Order #100 is cancelled and \$29\.20 refunded \(refund 1\)\./);
    expect(sent('actions/cancel-refund')).toHaveLength(1);
    expect(sent('actions/cancel-refund')[0]).toMatchObject({ expectedTotal: '29.20', reason: 'Ordered by mistake' });
    expect(store.calls.filter((c) => c === 'refund')).toHaveLength(1);
    expect(store.order.statusId).toBe(5);
    expect(onChanged).toHaveBeenCalled();
  });

  it('refunded, not cancelled: says so and offers the cancel alone', async () => {
    const { store, onCancelOnly } = open();
    vi.mocked(store.actions.setOrderStatus).mockRejectedValueOnce(bcError('validation', 'Status locked.'));
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    fireEvent.click(confirmButton());
    await screen.findByText(/Refunded \$29\.20 \(refund 1\), but the order is not cancelled: Status locked\./);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel the order' }));
    expect(onCancelOnly).toHaveBeenCalled();
  });
});
