import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, within } from '@testing-library/preact';
import type { Order } from '../../../lib/core/model';
import { makeOrder } from '../../fixtures/fake-store-api';
import { renderSidebar } from './render';
import { garyIdentity, jane, janeIdentity, janeOrders, linkedStore, mainConnection } from './fixtures';

// The colleague's OrderActions is a placeholder: stand in a marker that shows the props it got.
vi.mock('../../../components/actions/OrderActions', () => ({
  OrderActions: (props: {
    order: Order;
    customer: { id: string };
    connection: { id: string };
    request: unknown;
    onChanged: () => void;
  }) => (
    <div data-testid="order-actions">
      actions for #{props.order.orderNumber} / customer {props.customer.id} / store {props.connection.id} /{' '}
      {typeof props.request === 'function' ? 'can request' : 'no request'}
      <button type="button" onClick={props.onChanged}>
        changed
      </button>
    </div>
  ),
}));

function showJane(stores = [linkedStore()]) {
  const ui = renderSidebar();
  ui.config([mainConnection]);
  ui.identity(janeIdentity);
  ui.update(stores);
  return ui;
}

const orderRow = (number: string) => screen.getByText(`#${number}`).closest('li')!;

afterEach(() => vi.restoreAllMocks());

describe('order card', () => {
  it('sums an order up in one row: number, date, status with a colour, total, items, tracking', () => {
    showJane();
    const row = orderRow('112');
    const summary = within(row).getByRole('button', { expanded: false });
    expect(summary.textContent).toContain('Shipped');
    expect(summary.textContent).toContain('$1,336.32');
    expect(summary.textContent).toContain('3 items');
    expect(summary.textContent).toContain('1Z999AA10123456784');
    expect(summary.textContent).toContain('Jan 21, 2027');
    expect(within(row).getByText('Shipped').className).toContain('bc-badge--ok');
    expect(within(orderRow('110')).getByText('Cancelled').className).toContain('bc-badge--bad');
  });

  it('keeps details out of the page until expanded, then shows amounts, items, shipments and the store link', () => {
    showJane();
    const row = orderRow('112');
    expect(within(row).queryByText(/Merino Wool/)).toBeNull();
    const toggle = within(row).getByRole('button', { expanded: false });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const text = row.textContent ?? '';
    expect(text).toContain('Discount');
    expect(text).toContain('−$5.00');
    const name = within(row).getByText(/Merino Wool Crew Sweater/);
    expect(name.getAttribute('title')).toContain('Extra Long Name');
    expect(text).toContain('SKU MWS-CHAR-L');
    expect(text).toContain('Size: L · Colour: Charcoal');
    expect(text).toContain('2 × $59.50');
    expect(text).toContain('Shipped 2');
    expect(text).toContain('Refunded 1');
    expect(row.querySelector('img')?.getAttribute('src')).toContain('sweater.jpg');
    // The second line has no image: a placeholder keeps the layout.
    expect(row.querySelectorAll('.bc-line__image--empty')).toHaveLength(1);
    const tracking = within(row).getByRole('link', { name: '1Z999AA10123456784' });
    expect(tracking.getAttribute('href')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    // The carrier is not repeated after a shipping method that already names it (issue #17).
    expect(text).toContain('UPS Ground');
    expect(text).not.toContain('UPS Ground · UPS');
    expect(within(row).getByRole('link', { name: 'Open in BigCommerce' }).getAttribute('href')).toBe(
      'https://store-abc123.mybigcommerce.com/manage/orders/112',
    );
    fireEvent.click(toggle);
    expect(within(row).queryByText(/Merino Wool/)).toBeNull();
  });

  it('uses a store URL as a link or an image only when it is http(s): a javascript: tracking link is plain text', () => {
    const orders = janeOrders();
    const shipped = orders[0]!;
    shipped.fulfillments = [{ ...shipped.fulfillments![0]!, trackingUrl: 'javascript:alert(document.domain)' }];
    shipped.firstTrackingUrl = 'javascript:alert(1)';
    shipped.controlPanelUrl = 'JavaScript:alert(2)';
    shipped.lineItems[0] = { ...shipped.lineItems[0]!, image: 'javascript:alert(3)' };
    shipped.lineItems[1] = {
      ...shipped.lineItems[1]!,
      image: 'https://cdn11.bigcommerce.com/s-abc123/products/202/boot.jpg',
    };
    showJane([linkedStore({ orders })]);
    const row = orderRow('112');
    fireEvent.click(within(row).getByRole('button', { expanded: false }));
    // The tracking number is still shown (and copyable), as text.
    expect(within(row).getAllByText('1Z999AA10123456784').length).toBeGreaterThan(0);
    expect(within(row).queryByRole('link', { name: '1Z999AA10123456784' })).toBeNull();
    expect(within(row).queryByRole('link', { name: 'Open in BigCommerce' })).toBeNull();
    for (const element of row.querySelectorAll('[href], [src]')) {
      const url = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
      expect(url.toLowerCase()).not.toContain('javascript:');
    }
    // The first line's image is a placeholder; the second, an https URL, is shown.
    expect([...row.querySelectorAll('img')].map((img) => img.getAttribute('src'))).toEqual([
      'https://cdn11.bigcommerce.com/s-abc123/products/202/boot.jpg',
    ]);
  });

  it('copies the order and tracking numbers, falling back when the Clipboard API refuses', async () => {
    showJane();
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const row = orderRow('112');
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Copy order number' }));
    });
    expect(writeText).toHaveBeenCalledWith('112');
    expect(await within(row).findByText('Copied')).toBeTruthy();

    writeText.mockRejectedValue(new Error('Document is not focused.'));
    const execCommand = vi.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    fireEvent.click(within(row).getByRole('button', { expanded: false }));
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: 'Copy tracking number' }));
    });
    expect(writeText).toHaveBeenLastCalledWith('1Z999AA10123456784');
    await vi.waitFor(() => expect(execCommand).toHaveBeenCalledWith('copy'));
  });

  it('shows the actions under an expanded order of a linked customer only', () => {
    const ui = showJane();
    fireEvent.click(within(orderRow('112')).getByRole('button', { expanded: false }));
    const actions = screen.getByTestId('order-actions');
    expect(actions.textContent).toContain('actions for #112 / customer 11 / store main / can request');
    const before = ui.port().sentOf('lookup').length;
    fireEvent.click(within(actions).getByRole('button', { name: 'changed' }));
    expect(ui.port().sentOf('lookup')).toHaveLength(before + 1);
    expect(ui.lastLookup()).toMatchObject({ refresh: true });

    ui.identity(garyIdentity);
    ui.update([
      {
        connectionId: 'main',
        storeName: 'Cooper & Co Outfitters',
        status: 'guest',
        customer: null,
        orders: janeOrders().slice(1, 2),
        complete: true,
      },
    ]);
    fireEvent.click(within(orderRow('111')).getByRole('button', { expanded: false }));
    expect(screen.queryByTestId('order-actions')).toBeNull();
  });

  // How fast this renders is measured by the benchmark (`npm run bench`), never asserted here.
  it('renders 10 orders of 20 lines each with the lines collapsed until an order is expanded', () => {
    const orders = Array.from({ length: 10 }, (_, i) =>
      makeOrder(200 + i, {
        externalCustomerId: '11',
        productIds: Array.from({ length: 20 }, (_, j) => 1000 + i * 20 + j),
        itemCount: 20,
      }),
    );
    const ui = showJane([linkedStore({ orders: orders.slice(0, 1) })]);
    ui.update([linkedStore({ orders })]);
    expect(document.querySelectorAll('.bc-order')).toHaveLength(10);
    expect(document.querySelectorAll('.bc-line')).toHaveLength(0);
    fireEvent.click(within(orderRow('205')).getByRole('button', { expanded: false }));
    expect(document.querySelectorAll('.bc-line')).toHaveLength(20);
    ui.unmount();
  });

  it('formats money in the order’s own currency', () => {
    const euro = makeOrder(300, { currencyCode: 'EUR', orderTotal: '1234.50' });
    showJane([linkedStore({ customer: jane, orders: [euro] })]);
    expect(orderRow('300').textContent).toContain('€1,234.50');
  });
});

describe('order summary for the reply', () => {
  it('one click sends a short plain summary (number, status, items, tracking link) to Gladly’s reply box', async () => {
    const order = makeOrder(7, {
      orderNumber: '107',
      status: 'Shipped',
      statusId: 2,
      itemsShipped: 1,
      productIds: [1, 2],
      fulfillments: [
        {
          id: 's1',
          trackingNumber: '1Z999',
          trackingUrl: 'https://track.example/1Z999',
          shippingMethod: 'UPS Ground',
          carrier: 'UPS',
          createdAt: '',
          items: [],
        },
      ],
    });
    const ui = showJane([linkedStore({ orders: [order] })]);
    fireEvent.click(within(orderRow('107')).getByRole('button', { name: /#107/ }));
    fireEvent.click(within(orderRow('107')).getByRole('button', { name: 'Insert summary into reply' }));
    const sent = ui.port().sentOf<{ requestId: string; text: string }>('gladly/insert-text');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toBe(
      ['Order #107: Shipped', '- 1 × Product 1', '- 1 × Product 2', 'Tracking: https://track.example/1Z999'].join('\n'),
    );
    await ui.deliver({ type: 'reply', requestId: sent[0]!.requestId, ok: true, data: { inserted: true } });
    expect(await within(orderRow('107')).findByText('Inserted into the reply.')).toBeTruthy();
  });
});
