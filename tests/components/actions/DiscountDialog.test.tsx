import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { DiscountDialog } from '../../../components/actions/DiscountDialog';
import { testOrder } from '../../unit/actions/fakes';
import { harness } from './harness';

function open() {
  const order = testOrder();
  const h = harness(order);
  render(
    <DiscountDialog
      order={order}
      connectionId="main"
      request={h.request}
      onClose={vi.fn()}
      onChanged={vi.fn()}
      today="2026-11-24"
    />,
  );
  return h;
}

const create = () => screen.getByRole('button', { name: /^(Create code|Creating…)$/ }) as HTMLButtonElement;
const codeInput = () => screen.getByLabelText('Code') as HTMLInputElement;

describe('discount dialog', () => {
  it('starts with a readable generated code, 1 use, and checks the code is free before allowing create', async () => {
    const { sent } = open();
    expect(codeInput().value).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect((screen.getByLabelText('Uses') as HTMLInputElement).value).toBe('1');
    expect(create().disabled).toBe(true);
    await screen.findByText('Code available.');
    expect(sent('actions/coupon-code-check')).toEqual([expect.objectContaining({ code: codeInput().value })]);
    expect(create().disabled).toBe(false);
  });

  it('refuses a code already used in the store', async () => {
    open();
    fireEvent.input(codeInput(), { target: { value: 'taken' } });
    expect(await screen.findByText(/already used in this store/)).toBeTruthy();
    expect(codeInput().value).toBe('TAKEN');
    expect(create().disabled).toBe(true);
  });

  it('checks the amount and the expiry date next to their fields', async () => {
    open();
    fireEvent.input(screen.getByLabelText('Percent off'), { target: { value: '120' } });
    expect(screen.getByText('A percentage is at most 100.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Percent off'), { target: { value: '15' } });
    fireEvent.input(screen.getByLabelText(/Expires/), { target: { value: '2026-11-01' } });
    const expires = screen.getByLabelText(/Expires/);
    expect(expires.getAttribute('aria-invalid')).toBe('true');
    await screen.findByText('Code available.');
    expect(create().disabled).toBe(true);
  });

  it('creates once, shows the code with copy, and inserts it into the reply through request', async () => {
    const { sent, store, extra } = open();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'fixed' } });
    fireEvent.input(screen.getByLabelText('Amount off (USD)'), { target: { value: '5' } });
    fireEvent.input(screen.getByLabelText(/Minimum purchase/), { target: { value: '20' } });
    await screen.findByText('Code available.');
    const code = codeInput().value;
    const button = create();
    fireEvent.click(button);
    fireEvent.click(button);
    expect(await screen.findByRole('dialog', { name: 'Discount code created' })).toBeTruthy();
    expect(screen.getByText(code)).toBeTruthy();
    expect(sent('actions/coupon-create')).toHaveLength(1);
    expect(sent('actions/coupon-create')[0]).toMatchObject({
      coupon: { code, type: 'fixed', amount: '5.00', minPurchase: '20.00', maxUses: 1, expires: null },
    });
    expect(store.actions.createCoupon).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(writeText).toHaveBeenCalledWith(code);
    fireEvent.click(screen.getByRole('button', { name: 'Insert into reply' }));
    await waitFor(() => expect(extra).toHaveBeenCalledWith({ type: 'gladly/insert-text', text: code }));
    // Not wired in this test: it says so quietly instead of failing.
    expect(await screen.findByText(/copy it instead/)).toBeTruthy();
  });
});
