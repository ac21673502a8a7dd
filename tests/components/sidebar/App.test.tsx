import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { makeCustomer } from '../../fixtures/fake-store-api';
import { renderSidebar } from './render';
import {
  europeConnection,
  garyIdentity,
  jane,
  janeIdentity,
  janeOrders,
  linkedStore,
  mainConnection,
  noContactIdentity,
} from './fixtures';

/** Pick an option the way a browser does: set the value, then fire change. */
function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  fireEvent(select, new Event('change', { bubbles: true }));
}

describe('sidebar screens', () => {
  it('asks for settings when no store is connected, and opens them', () => {
    const ui = renderSidebar();
    ui.config([], false);
    expect(screen.getByText('Connect a BigCommerce store')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(ui.port().sentOf('open-options')).toHaveLength(1);
  });

  it('waits for a customer and offers the manual search meanwhile', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(null);
    expect(screen.getByText('Waiting for a customer…')).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
  });

  it('offers the manual search when Gladly shows no email or phone', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    // Nothing to search with and no Gladly id a link could be kept under: no lookup at all.
    ui.identity({ ...noContactIdentity, gladlyCustomerId: undefined });
    expect(screen.getByText(/no email or phone in Gladly/)).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
    expect(ui.port().sentOf('lookup')).toEqual([]);
  });

  it('still asks for a stored link when Gladly shows an id but no email or phone', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(noContactIdentity);
    expect(ui.lastLookup().query).toEqual({ kind: 'identity', identity: noContactIdentity });
    ui.update([{ connectionId: 'main', storeName: 'Cooper & Co Outfitters', status: 'not-found', complete: true }]);
    expect(screen.getByText(/no email or phone in Gladly/)).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
  });

  it('shows skeletons shaped like the profile and orders while loading', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-busy')).toBe('true');
    expect(status.querySelectorAll('.bc-skeleton-order').length).toBeGreaterThan(0);
    expect(status.querySelector('.bc-skeleton-profile')).toBeTruthy();
  });

  it('says nothing was found and offers the search form', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    ui.update([{ connectionId: 'main', storeName: 'Cooper & Co Outfitters', status: 'not-found', complete: true }]);
    expect(screen.getByText('No customer or orders found in Cooper & Co Outfitters.')).toBeTruthy();
    expect(screen.getByRole('search')).toBeTruthy();
  });

  it("lists several matches per store in the admin's columns, with labels, and links the chosen one", () => {
    const ui = renderSidebar();
    ui.config([mainConnection, europeConnection]);
    ui.identity(janeIdentity);
    const alexis = makeCustomer({
      id: '31',
      name: 'Alexis Morgan',
      email: 'alexis@example.com',
      phone: '(212) 555-0199',
    });
    const alex = makeCustomer({ id: '30', name: 'Alex Morgan', email: 'alex@example.com', phone: '212-555-0199' });
    ui.update([
      {
        connectionId: 'main',
        storeName: 'Cooper & Co Outfitters',
        status: 'candidates',
        candidates: [alex, alexis],
        candidateReason: '2 customers match: choose the right one.',
        complete: true,
      },
      {
        connectionId: 'europe',
        storeName: 'Cooper & Co Europe',
        status: 'candidates',
        candidates: [makeCustomer({ id: '77', phone: '+49 30 1234567' })],
        complete: true,
      },
    ]);
    const main = screen.getByRole('region', { name: 'Cooper & Co Outfitters' });
    const europe = screen.getByRole('region', { name: 'Cooper & Co Europe' });
    expect(
      within(main)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Name', 'Email', 'Link']);
    expect(
      within(europe)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Telephone', 'Tier', 'BC id', 'Link']);
    // An attribute the sidebar does not know keeps its column, empty.
    const europeCells = within(europe)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(europeCells.slice(0, 3)).toEqual(['+49 30 1234567', '', '77']);
    expect(within(main).getByText('2 customers match: choose the right one.')).toBeTruthy();
    expect(within(main).getByText('alexis@example.com')).toBeTruthy();

    fireEvent.click(within(main).getByRole('button', { name: 'Link Alexis Morgan' }));
    expect(ui.port().sentOf('link')).toEqual([
      expect.objectContaining({ type: 'link', identity: janeIdentity, connectionId: 'main', customerId: '31' }),
    ]);
  });

  it('shows the linked customer with every profile field and Unlink', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    ui.update([linkedStore()]);
    const profile = screen.getByRole('region', { name: 'Customer profile' });
    const text = profile.textContent ?? '';
    for (const expected of [
      'Jane Cooper',
      'jane.cooper@example.com',
      '+1 650 123 4569', // stored as "+1 650-123-4569": shown in the one international format (issue #17)
      'Cooper Design Studio',
      'Feb 1, 2024',
      '1200 Market St, San Francisco, CA 94102, US',
      'and 2 more',
      'Accepts marketing',
      'VIP',
      '$25.00',
      'Prefers email over phone.',
      'Linked automatically',
    ]) {
      expect(text).toContain(expected);
    }
    // The store's name is said once, by the heading of its section (issue #17: nothing said twice).
    const section = screen.getByRole('region', { name: 'Cooper & Co Outfitters' });
    expect(section.textContent?.split('Cooper & Co Outfitters').length).toBe(2);
    expect(within(section).getByRole('heading', { name: 'Cooper & Co Outfitters' })).toBeTruthy();
    fireEvent.click(within(profile).getByRole('button', { name: 'Unlink' }));
    expect(ui.port().sentOf('unlink')).toEqual([
      expect.objectContaining({ type: 'unlink', identity: janeIdentity, connectionId: 'main' }),
    ]);
  });

  it('shows the 10 most recent orders, guest orders marked', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    ui.update([linkedStore()]);
    const orders = screen.getByRole('region', { name: 'Recent orders' });
    const rows = within(orders).getAllByRole('listitem');
    expect(rows).toHaveLength(10);
    expect(rows[0]!.textContent).toContain('#112');
    expect(rows[1]!.textContent).toContain('Guest');
    expect(rows[0]!.textContent).not.toContain('Guest');
    expect(orders.textContent).not.toContain('#101');
  });

  it('shows guest orders without a customer', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
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
    expect(screen.getByText(/guest orders placed with this email/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unlink' })).toBeNull();
    expect(screen.getByText('#111')).toBeTruthy();
  });

  it('shows one store’s error in plain words with Retry, and still the other store', () => {
    const ui = renderSidebar();
    ui.config([mainConnection, europeConnection]);
    ui.identity(janeIdentity);
    ui.update([
      linkedStore(),
      {
        connectionId: 'europe',
        storeName: 'Cooper & Co Europe',
        status: 'error',
        error: { kind: 'auth', message: 'The store refused the access token. Ask an admin to check it.' },
        complete: true,
      },
    ]);
    const europe = screen.getByRole('region', { name: 'Cooper & Co Europe' });
    expect(within(europe).getByRole('alert').textContent).toContain(
      'The store refused the access token. Ask an admin to check it.',
    );
    expect(screen.getByRole('region', { name: 'Customer profile' })).toBeTruthy();
    const before = ui.port().sentOf('lookup').length;
    fireEvent.click(within(europe).getByRole('button', { name: 'Retry' }));
    const lookups = ui.port().sentOf<{ refresh?: boolean; query: unknown }>('lookup');
    expect(lookups).toHaveLength(before + 1);
    expect(lookups[lookups.length - 1]).toMatchObject({
      refresh: true,
      query: { kind: 'identity', identity: janeIdentity },
    });
    // Data stays on screen while the retry runs.
    expect(screen.getByRole('region', { name: 'Customer profile' })).toBeTruthy();
  });

  it('says how old stale data is and refreshes it', () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    ui.update([linkedStore({ stale: true })]);
    expect(screen.getByText('Updated 3 min. ago')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(ui.lastLookup()).toMatchObject({ refresh: true });
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toBeTruthy();
    // A loading store during the refresh keeps what it showed; the finished one replaces it.
    ui.update(
      [{ connectionId: 'main', storeName: 'Cooper & Co Outfitters', status: 'loading', complete: false }],
      false,
    );
    expect(screen.getByRole('region', { name: 'Customer profile' })).toBeTruthy();
    ui.update([
      linkedStore({ customer: { ...jane, name: 'Jane C. Cooper' }, fetchedAt: Date.UTC(2026, 10, 24, 12, 3, 0) }),
    ]);
    expect(screen.getByText('Jane C. Cooper')).toBeTruthy();
    expect(screen.getByText('Updated now')).toBeTruthy();
  });

  it("clears the previous customer's data as soon as Gladly shows someone else", () => {
    const ui = renderSidebar();
    ui.config([mainConnection]);
    ui.identity(janeIdentity);
    ui.update([linkedStore()]);
    expect(screen.getByText('jane.cooper@example.com')).toBeTruthy();
    ui.identity(garyIdentity);
    expect(screen.queryByText('jane.cooper@example.com')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Customer profile' })).toBeNull();
  });

  it("searches by the admin's attributes or an order number, in one store or all", () => {
    const ui = renderSidebar();
    ui.config([mainConnection, europeConnection]);
    ui.identity(janeIdentity);
    ui.update([{ connectionId: 'main', storeName: 'Cooper & Co Outfitters', status: 'not-found', complete: true }]);
    const form = screen.getByRole('search');
    const [storeSelect, bySelect] = within(form).getAllByRole('combobox') as HTMLSelectElement[];
    expect([...bySelect!.options].map((o) => o.textContent)).toEqual(['Email address', 'Phone', 'Order number']);
    choose(storeSelect!, 'europe');
    const by = within(form).getAllByRole('combobox')[1] as HTMLSelectElement;
    expect([...by.options].map((o) => o.textContent)).toEqual(['Mobile', 'Order number']);
    choose(by, 'orderNumber');
    fireEvent.input(within(form).getByLabelText('Order number'), { target: { value: ' 112 ' } });
    fireEvent.submit(form);
    expect(ui.lastLookup().query).toEqual({
      kind: 'manual',
      attribute: 'orderNumber',
      value: '112',
      connectionId: 'europe',
    });
    expect(screen.getByRole('button', { name: 'Back to Jane Cooper' })).toBeTruthy();
  });
});
