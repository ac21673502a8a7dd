/** Issue #17, "reading at a glance" and the lifetime view: each rule as the agent sees it. */
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/preact';
import { formatPhone } from '../../../lib/core/phone';
import { lineState, shippingLabel } from '../../../components/sidebar/OrderDetails';
import { makeCustomer, makeOrder } from '../../fixtures/fake-store-api';
import { renderSidebar } from './render';
import { janeIdentity, janeOrders, linkedStore, mainConnection } from './fixtures';

function showJane(stores = [linkedStore()]) {
  const ui = renderSidebar();
  ui.config([mainConnection]);
  ui.identity(janeIdentity);
  ui.update(stores);
  return ui;
}

describe('one way to say each thing', () => {
  it('phones in one international format, whatever the store kept', () => {
    for (const stored of ['650-123-4569', '(650) 123-4569', '+1 650-123-4569', '6501234569'])
      expect(formatPhone(stored)).toBe('+1 650 123 4569');
    expect(formatPhone('020 7946 0958', 'GB')).toBe('+44 20 7946 0958');
    expect(formatPhone('ask at the desk')).toBe('ask at the desk');
  });

  it('the carrier only when the shipping method does not already name it', () => {
    expect(shippingLabel({ shippingMethod: 'UPS Ground', carrier: 'UPS' })).toBe('UPS Ground');
    expect(shippingLabel({ shippingMethod: 'Flat rate', carrier: 'USPS' })).toBe('Flat rate · USPS');
    expect(shippingLabel({ shippingMethod: '', carrier: 'FedEx' })).toBe('FedEx');
  });

  it("a line's state only when it adds to the order's status", () => {
    const [line] = makeOrder(1).lineItems;
    expect(lineState({ ...line!, status: 'Not shipped' }, true)).toBe('');
    expect(lineState({ ...line!, status: 'Not shipped' }, false)).toBe('Not shipped');
    expect(lineState({ ...line!, quantity: 2, quantityShipped: 2, quantityRefunded: 1 }, true)).toBe(
      'Shipped 2 · Refunded 1',
    );
  });

  it('the status pill is never cut: no ellipsis, the whole status is its text', () => {
    showJane([linkedStore({ orders: [makeOrder(1, { status: 'Manual Verification Required', statusId: 12 })] })]);
    const pill = screen.getByText('Manual Verification Required');
    expect(pill.classList.contains('bc-badge')).toBe(true);
    expect(pill.classList.contains('bc-ellipsis')).toBe(false);
  });

  it("an opened order names each product whole, wrapped rather than cut to '…'", () => {
    const base = makeOrder(1);
    const name = 'Alpine Wool Socks (3-pack), merino blend, extra cushioned heel';
    showJane([linkedStore({ orders: [{ ...base, lineItems: [{ ...base.lineItems[0]!, name }] }] })]);
    fireEvent.click(screen.getByRole('button', { expanded: false }));
    const cell = screen.getByText(name);
    expect(cell.classList.contains('bc-ellipsis')).toBe(false);
    expect(cell.classList.contains('bc-wrap')).toBe(true);
  });

  it("several matches: each name and email is there whole, wrapped rather than cut to '…'", () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    const alex = makeCustomer({ id: '30', name: 'Alex Morgan', email: 'alex.morgan@example.com' });
    const alexis = makeCustomer({ id: '31', name: 'Alexis Morgan', email: 'alexis.morgan@example.com' });
    ui.update([
      {
        connectionId: 'main',
        storeName: 'Cooper & Co Outfitters',
        status: 'candidates',
        candidates: [alex, alexis],
        complete: true,
      },
    ]);
    for (const text of ['Alex Morgan', 'alex.morgan@example.com', 'Alexis Morgan', 'alexis.morgan@example.com']) {
      const cell = screen.getByText(text);
      expect(cell.tagName).toBe('TD');
      expect(cell.classList.contains('bc-ellipsis'), text).toBe(false);
      expect(cell.classList.contains('bc-wrap'), text).toBe(true);
    }
  });
});

describe('lifetime view and older orders', () => {
  it('asks once for the lifetime totals of the linked customer and shows them in the store currency', async () => {
    const ui = showJane();
    const [asked, ...more] = ui.port().sentOf<{ requestId: string; customerId: string }>('lifetime');
    expect(more).toEqual([]);
    expect(asked).toMatchObject({ connectionId: 'main', customerId: '11', email: 'jane.cooper@example.com' });
    await act(() =>
      ui.port().deliver({
        type: 'reply',
        requestId: asked!.requestId,
        ok: true,
        data: { totals: [{ currency: 'USD', orders: 14, spend: '1890.50', average: '135.04' }] },
      }),
    );
    const lifetime = await screen.findByLabelText('Lifetime');
    expect(lifetime.textContent).toContain('14');
    expect(lifetime.textContent).toContain('$1,890.50');
    expect(lifetime.textContent).toContain('$135.04');
    expect(within(lifetime).getByText('Orders')).toBeTruthy();
  });

  it('says which currency each row is when the customer paid in more than one', async () => {
    const ui = showJane();
    const [asked] = ui.port().sentOf<{ requestId: string }>('lifetime');
    await act(() =>
      ui.port().deliver({
        type: 'reply',
        requestId: asked!.requestId,
        ok: true,
        data: {
          totals: [
            { currency: 'USD', orders: 11, spend: '1297.60', average: '117.96' },
            { currency: 'CAD', orders: 1, spend: '81.35', average: '81.35' },
          ],
        },
      }),
    );
    const lifetime = await screen.findByLabelText('Lifetime');
    const rows = [...lifetime.querySelectorAll('.bc-lifetime__set')].map((row) => row.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Orders in USD');
    expect(rows[0]).toContain('$1,297.60');
    expect(rows[1]).toContain('Orders in CAD');
    expect(rows[1]).toContain('CA$81.35');
  });

  it('"Show more orders" asks for orders older than the 10 shown and adds them below', async () => {
    const ui = showJane();
    const shown = janeOrders();
    fireEvent.click(screen.getByRole('button', { name: 'Show more orders' }));
    const [asked] = ui.port().sentOf<{ requestId: string; before: string; shownIds: string[] }>('orders/more');
    const oldest = [...shown].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[9]!;
    expect(asked!.before).toBe(oldest.createdAt);
    expect(asked!.shownIds).toHaveLength(10);
    const older = makeOrder(1, { orderNumber: '9001', createdAt: '2020-01-01T00:00:00.000Z' });
    await act(() =>
      ui
        .port()
        .deliver({ type: 'reply', requestId: asked!.requestId, ok: true, data: { orders: [older], more: false } }),
    );
    const list = screen.getByRole('region', { name: 'Recent orders' });
    expect(await within(list).findByText('#9001')).toBeTruthy();
    expect(within(list).getByText('No older orders.')).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Show more orders' })).toBeNull();
  });
});
