import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { CancelDialog } from '../../../components/actions/CancelDialog';
import { testOrder } from '../../unit/actions/fakes';
import type { Order } from '../../../lib/core/model';
import { harness } from './harness';

function open(order: Order = testOrder(), onRefund: (() => void) | null = vi.fn()) {
  const h = harness(order);
  const onClose = vi.fn();
  const onChanged = vi.fn();
  render(
    <CancelDialog
      order={order}
      connectionId="main"
      request={h.request}
      onClose={onClose}
      onChanged={onChanged}
      onRefund={onRefund}
      reasons={REASONS}
    />,
  );
  return { ...h, onClose, onChanged, onRefund };
}

const REASONS = ['Ordered by mistake', 'Item out of stock'];
const pick = (reason: string) => fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: reason } });
const confirmButton = () => screen.getByRole('button', { name: 'Confirm cancel' }) as HTMLButtonElement;

describe('cancel dialog', () => {
  it('names the order, its total and items, and starts in the reason field', async () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Cancel order #100' });
    expect(dialog.textContent).toContain('$29.20');
    expect(dialog.textContent).toContain('2 × Mug');
    expect(document.activeElement).toBe(screen.getByLabelText(/Reason/));
    // The reasons are the admin's picklist; none is chosen for the agent.
    const options = [...(screen.getByLabelText(/Reason/) as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['Choose a reason…', ...REASONS]);
  });

  it('requires a reason: Confirm stays disabled and nothing is sent until one is chosen', async () => {
    const { sent } = open();
    // Long enough for the order's status check to finish: only the missing reason holds it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(confirmButton().disabled).toBe(true);
    fireEvent.click(confirmButton());
    expect(sent('actions/cancel')).toHaveLength(0);
    pick('Item out of stock');
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
  });

  it('says plainly what BigCommerce does about e-mailing the customer, with no checkbox it could not honour', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Cancel order #100' });
    expect(dialog.textContent).toContain(
      'BigCommerce e-mails the customer about the new status (Cancelled) only if the store has that status e-mail',
    );
    expect(screen.queryByRole('checkbox')).toBeNull();
  });

  it('cancels once on a double click, with the reason, then reports a captured payment and offers a refund', async () => {
    const { sent, store, onChanged, onRefund } = open();
    pick('Ordered by mistake');
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    const button = confirmButton();
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByText('Order #100 is cancelled.')).toBeTruthy();
    expect(sent('actions/cancel')).toHaveLength(1);
    expect(sent('actions/cancel')[0]).toMatchObject({ reason: 'Ordered by mistake', orderId: '100' });
    expect(store.actions.setOrderStatus).toHaveBeenCalledTimes(1);
    expect(onChanged).toHaveBeenCalled();
    expect(screen.getByText(/has not been refunded yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    expect(onRefund).toHaveBeenCalled();
  });

  it('shows why BigCommerce refused, and allows another try', async () => {
    const { store } = open();
    vi.mocked(store.actions.setOrderStatus).mockRejectedValueOnce(
      Object.assign(new Error('x'), { kind: 'scope', message: 'The token lacks Orders: modify.' }),
    );
    pick('Ordered by mistake');
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    fireEvent.click(confirmButton());
    expect((await screen.findByRole('alert')).textContent).toContain('Not cancelled: The token lacks Orders: modify.');
    expect(confirmButton().disabled).toBe(false);
  });

  it('closes on Escape', () => {
    const { onClose } = open();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

describe('cancel dialog and other tabs', () => {
  it('will not send while another action on the order runs elsewhere', async () => {
    const order = testOrder();
    const h = harness(order);
    // Another tab's refund is under way on the same order.
    let release!: () => void;
    vi.mocked(h.store.actions.createRefund).mockImplementationOnce(
      () => new Promise((_, reject) => (release = () => reject(new Error('stop')))),
    );
    const other = h
      .request({
        type: 'actions/refund',
        connectionId: 'main',
        orderId: '100',
        actionId: 'other-tab-0001',
        selection: { lines: [{ lineItemId: '11', quantity: 1 }], shipping: [], customAmount: null },
        payments: [
          { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount: '12.00', offline: false },
        ],
        expectedTotal: '12.00',
      })
      .catch(() => undefined);
    await vi.waitFor(() => expect(h.store.actions.createRefund).toHaveBeenCalled());
    render(
      <CancelDialog
        order={order}
        connectionId="main"
        request={h.request}
        onClose={vi.fn()}
        onChanged={vi.fn()}
        onRefund={null}
        reasons={REASONS}
      />,
    );
    expect((await screen.findByRole('alert')).textContent).toMatch(/Another action on this order is still running/);
    expect(confirmButton().disabled).toBe(true);
    release();
    await other;
  });

  it('returns focus to what opened it when closed', () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const view = render(
      <CancelDialog
        order={testOrder()}
        connectionId="main"
        request={harness().request}
        onClose={vi.fn()}
        onChanged={vi.fn()}
        onRefund={null}
        reasons={REASONS}
      />,
    );
    expect(document.activeElement).not.toBe(opener);
    view.unmount();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});

describe('dialog keyboard use', () => {
  it('keeps Tab inside the dialog', async () => {
    open();
    pick('Ordered by mistake');
    await waitFor(() => expect(confirmButton().disabled).toBe(false));
    const dialog = screen.getByRole('dialog');
    const close = screen.getByRole('button', { name: 'Close' });
    confirmButton().focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirmButton());
  });
});
