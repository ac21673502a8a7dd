import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../../components/options/OptionsPage';
import { OptionsApiError, type OptionsApi } from '../../../components/options/api';
import type { SettingsView } from '../../../lib/messages/options';
import { NO_LOCKS, type SettingsLocks } from '../../../lib/settings/schema';
import { DEFAULT_SETTINGS, newConnection, type Settings } from '../../../lib/settings/schema';

const SELECTORS = { email: '.customerEmailDisplay-email', nameInput: '[data-aid="customerName-input"]' };
const TOKEN = 'tok_live_from_file_9Z8Y7X6W';

function savedConnection(): Settings['connections'][number] {
  return { ...newConnection('acme'), name: 'Acme US', storeHash: 'abc123', clientId: 'client-1', tokenHint: 'abcd' };
}

function viewOf(settings: Settings, locks: SettingsLocks = NO_LOCKS): SettingsView {
  return { settings, locks, notices: [], isE2E: false };
}

function fakeApi(view: SettingsView, testConnection?: OptionsApi['testConnection']) {
  return {
    get: vi.fn<OptionsApi['get']>(async () => view),
    save: vi.fn<OptionsApi['save']>(async () => ({ saved: true, view })),
    testConnection: vi.fn<OptionsApi['testConnection']>(
      testConnection ??
        (async () => {
          throw new Error('not used');
        }),
    ),
    testGladly: vi.fn<OptionsApi['testGladly']>(async () => ({ detail: 'ok' })),
    exportSettings: vi.fn<OptionsApi['exportSettings']>(async () => ({ json: '{}', filename: 'x.json' })),
    importSettings: vi.fn<OptionsApi['importSettings']>(async () => ({ settings: DEFAULT_SETTINGS, notes: [] })),
    auditLog: vi.fn<OptionsApi['auditLog']>(async () => []),
  };
}

async function renderPage(api: OptionsApi, isE2E = false) {
  const result = render(
    <OptionsPage api={api} isE2E={isE2E} defaultSelectors={SELECTORS} shortcut="Alt+Shift+B" newId={() => 'new-1'} />,
  );
  await screen.findByRole('heading', { name: /settings/ });
  return result;
}

/** A saved store starts as its card's summary line: open it to edit. */
function openStore(name: RegExp | string) {
  fireEvent.click(screen.getByRole('button', { name, expanded: false }));
}

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('options page', () => {
  it('outlines every missing field with its message, announces it, and sends nothing', async () => {
    const api = fakeApi(viewOf(DEFAULT_SETTINGS));
    await renderPage(api);
    fireEvent.click(screen.getByRole('button', { name: 'Add a store' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Nothing was saved: 4 fields need fixing.');
    for (const label of ['Name', 'Store hash', 'Client ID', 'Access token']) {
      const input = screen.getByLabelText(label);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      const message = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
      expect(message?.textContent).toMatch(/Enter|missing/);
    }
    expect(api.save).not.toHaveBeenCalled();
  });

  it('shows what it understood from a pasted address and saves the bare hash', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] }));
    await renderPage(api);
    type('Store hash', 'https://store-xyz789.mybigcommerce.com/manage/orders');
    expect(screen.getByText('Understood as: Store hash xyz789 (from the control-panel address)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0]?.[0]).toMatchObject({
      settings: { connections: [{ storeHash: 'xyz789' }] },
      secrets: {},
    });
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
  });

  it('fills the form from a credentials file and sends its token only to be saved', async () => {
    const api = fakeApi(viewOf(DEFAULT_SETTINGS));
    await renderPage(api);
    fireEvent.click(screen.getByRole('button', { name: 'Add a store' }));
    const file = new File(
      [
        `CLIENT ID: cid-42\r\nCLIENT SECRET: s3cr3t\r\nNAME: Outdoor shop\r\nACCESS ` +
          `TOKEN: ${TOKEN}\r\nAPI PATH: https://api.bigcommerce.com/stores/q1w2e3/v3/\r\n`,
      ],
      'credentials.txt',
      { type: 'text/plain' },
    );
    fireEvent.change(screen.getByLabelText('Credentials file'), { target: { files: [file] } });

    await screen.findByText(/Filled in from “credentials.txt”/);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Outdoor shop');
    expect((screen.getByLabelText('Client ID') as HTMLInputElement).value).toBe('cid-42');
    expect((screen.getByLabelText('Store hash') as HTMLInputElement).value).toBe('q1w2e3');
    expect((screen.getByLabelText('Access token') as HTMLInputElement).type).toBe('password');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    const request = api.save.mock.calls[0]?.[0];
    expect(request?.secrets).toEqual({ 'new-1': TOKEN });
    expect(JSON.stringify(request?.settings)).not.toContain(TOKEN);
    expect(JSON.stringify(request)).not.toContain('s3cr3t');
  });

  it('says what is wrong with a file that is not the credentials file', async () => {
    await renderPage(fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] })));
    openStore(/Acme US/);
    fireEvent.change(screen.getByLabelText('Credentials file'), {
      target: { files: [new File(['hello'], 'notes.txt')] },
    });
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /does not look like a BigCommerce API credentials file/,
    );
  });

  it('never shows a saved token: only that one is set, and a new value replaces it', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] }));
    await renderPage(api);
    const token = screen.getByLabelText('Access token') as HTMLInputElement;
    expect(token.value).toBe('');
    expect(screen.getByText('Token set (…abcd)')).toBeTruthy();
    type('Access token', 'new_token_value_0001');
    expect(screen.queryByText('Token set (…abcd)')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0]?.[0].secrets).toEqual({ acme: 'new_token_value_0001' });
  });

  it('shows managed values locked and says who set them', async () => {
    const locks: SettingsLocks = { connections: ['acme'], actionsOff: true, gladlyApi: false, selectors: [] };
    await renderPage(fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] }, locks)));
    expect((screen.getByLabelText('Name') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Store hash') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Actions') as HTMLInputElement).disabled).toBe(true);
    // The token stays the admin's of this browser to enter.
    expect((screen.getByLabelText('Access token') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getAllByText('Set by your administrator').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Remove store' })).toBeNull();
  });

  it('shows the store and each scope after "Test connection", naming a missing one', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] }), async () => ({
      store: { name: 'Acme Outdoor', currency: 'USD', timezone: 'America/Chicago' },
      scopes: [
        {
          scope: 'store_v2_customers_read_only',
          label: 'Customers: read-only',
          status: 'present' as const,
          detail: '',
        },
        { scope: 'store_v2_orders', label: 'Orders: modify', status: 'missing' as const, detail: '' },
        {
          scope: 'store_v2_products_read_only',
          label: 'Products: read-only',
          status: 'undecided' as const,
          detail: 'no product to read',
        },
      ],
    }));
    await renderPage(api);
    openStore(/Acme US/);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    const result = await screen.findByText('Acme Outdoor');
    const box = within(result.closest('.test-result') as HTMLElement);
    expect(box.getByText('USD')).toBeTruthy();
    expect(box.getByText('America/Chicago')).toBeTruthy();
    expect(box.getByText(/1 API scope is missing/)).toBeTruthy();
    expect(box.getByText(/Orders: modify \(store_v2_orders\)/).textContent).toMatch(/missing$/);
    expect(box.getByText(/Products: read-only/).textContent).toMatch(/could not decide$/);
    expect(api.testConnection).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'acme', storeHash: 'abc123' }),
      undefined,
    );
  });

  it('shows the reason when the test fails', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] }), async () => {
      throw new OptionsApiError({ kind: 'auth', message: 'BigCommerce refused the access token.' });
    });
    await renderPage(api);
    openStore(/Acme US/);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect((await screen.findByRole('alert')).textContent).toBe('BigCommerce refused the access token.');
  });

  it('shows "API base URL" only in the e2e build', async () => {
    const view = viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] });
    const { unmount } = await renderPage(fakeApi(view), false);
    expect(screen.queryByLabelText('API base URL')).toBeNull();
    unmount();
    await renderPage(fakeApi(view), true);
    expect(screen.getByLabelText('API base URL')).toBeTruthy();
  });

  it('keeps "Overwrite Existing Values" off with the reason until a Gladly API connection is set', async () => {
    await renderPage(fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] })));
    const overwrite = screen.getByLabelText('Overwrite Existing Values') as HTMLInputElement;
    expect(overwrite.disabled).toBe(true);
    expect(document.getElementById(overwrite.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Needs a Gladly API connection/,
    );
    fireEvent.click(screen.getByLabelText('Connect the Gladly API'));
    expect((screen.getByLabelText('Overwrite Existing Values') as HTMLInputElement).disabled).toBe(false);
  });

  it('asks before removing a store', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection()] }));
    await renderPage(api);
    openStore(/Acme US/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove store' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByLabelText('Name')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove store' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.queryByLabelText('Name')).toBeNull();
  });

  it('tells the admin about settings that were kept aside or upgraded', async () => {
    const view: SettingsView = {
      ...viewOf(DEFAULT_SETTINGS),
      notices: [
        {
          kind: 'set-aside',
          reason: 'The saved settings have no version this extension knows.',
          at: '2026-11-24T10:00:00Z',
          removedSecrets: 1,
        },
        { kind: 'migrated', from: 1, to: 2, at: '2026-11-24T10:00:00Z' },
      ],
    };
    await renderPage(fakeApi(view));
    expect(screen.getByText(/could not be read were kept aside .*no version.*1 plain-text token/)).toBeTruthy();
    expect(screen.getByText('Your settings were upgraded from version 1 to 2.')).toBeTruthy();
  });

  it('resets edited detection selectors to the defaults', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, selectors: { email: '.custom-email' } }));
    await renderPage(api);
    expect((screen.getByLabelText('email') as HTMLInputElement).value).toBe('.custom-email');
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    expect((screen.getByLabelText('email') as HTMLInputElement).value).toBe(SELECTORS.email);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0]?.[0].settings.selectors).toEqual({});
  });

  it('shows each saved store as one summary line: name, hash, last test and when, scopes', async () => {
    const tested = {
      ...savedConnection(),
      lastTest: {
        at: '2026-12-05T14:03:00Z',
        storeName: 'Acme Outdoor',
        currency: 'USD',
        timezone: 'America/Chicago',
        scopes: [
          { scope: 'store_v2_customers_read_only', status: 'present' as const },
          { scope: 'store_v2_orders', status: 'present' as const },
          { scope: 'store_v2_products_read_only', status: 'present' as const },
          { scope: 'store_v2_information_read_only', status: 'present' as const },
          { scope: 'store_v2_marketing', status: 'missing' as const },
        ],
      },
    };
    const untested = { ...newConnection('eu'), name: 'Acme EU', storeHash: 'eu0001', clientId: 'c', tokenHint: 'wxyz' };
    await renderPage(fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [tested, untested] })));

    const us = screen.getByRole('button', { name: /Acme US/ });
    expect(us.getAttribute('aria-expanded')).toBe('false');
    expect(us.textContent).toContain('abc123');
    expect(us.textContent).toContain(
      `Tested ${new Date('2026-12-05T14:03:00Z').toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`,
    );
    // Actions are off: the reads are all there, so the scopes are fine as the settings stand.
    expect(us.textContent).toContain('Scopes ok');
    expect(screen.getByRole('button', { name: /Acme EU/ }).textContent).toMatch(
      /eu0001.*Not tested.*Scopes not checked yet/,
    );
    // Closed: no field of either store is on the page; opening one shows its fields.
    expect(screen.queryByRole('textbox', { name: 'Client ID' })).toBeNull();
    openStore(/Acme US/);
    expect(screen.getByRole('button', { name: /Acme US/ }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('textbox', { name: 'Client ID' })).toHaveLength(1);

    // Switching discount codes on needs Marketing: modify, which the last test found missing.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Actions' }));
    expect(screen.getByRole('button', { name: /Acme US/ }).textContent).toContain('Missing: Marketing: modify');
  });

  it('lists the scopes to create before any credential, and re-computes them as the switches change', async () => {
    await renderPage(fakeApi(viewOf(DEFAULT_SETTINGS)));
    fireEvent.click(screen.getByRole('button', { name: 'Add a store' }));
    const guide = () => screen.getByRole('complementary', { name: 'What to create in BigCommerce' });
    const listed = () => Array.from(guide().querySelectorAll('li code'), (code) => code.textContent);
    expect(guide().textContent).toContain('Settings → API → Store-level API accounts');
    // The guide comes before the first credential field.
    expect(
      guide().compareDocumentPosition(screen.getByLabelText('Client ID')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(listed()).toEqual([
      'store_v2_customers_read_only',
      'store_v2_orders_read_only',
      'store_v2_products_read_only',
      'store_v2_information_read_only',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Actions' }));
    expect(listed()).toEqual([
      'store_v2_customers_read_only',
      'store_v2_orders',
      'store_v2_products_read_only',
      'store_v2_information_read_only',
      'store_v2_marketing',
    ]);
    expect(guide().textContent).toContain('Marketing: modify');
    fireEvent.click(screen.getByRole('switch', { name: 'Create a discount code' }));
    expect(listed()).not.toContain('store_v2_marketing');
    for (const name of ['Cancel an order', 'Refund an order', 'Partial refund'])
      fireEvent.click(screen.getByRole('switch', { name }));
    expect(listed()).toContain('store_v2_orders_read_only');
  });

  it('refuses two stores with the same name: the closed card opens on the field, nothing is saved', async () => {
    const eu = { ...newConnection('eu'), name: 'Acme EU', storeHash: 'eu0001', clientId: 'c', tokenHint: 'wxyz' };
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, connections: [savedConnection(), eu] }));
    await renderPage(api);
    openStore(/Acme EU/);
    fireEvent.input(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'acme us' } });
    fireEvent.click(screen.getByRole('button', { name: /acme us/, expanded: true }));
    expect(screen.queryByRole('textbox', { name: 'Name' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect((await screen.findByRole('alert')).textContent).toBe('Nothing was saved: one field needs fixing.');
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(`${name.id}-error`)?.textContent).toBe(
      'Another store is already named “acme us”: choose another name.',
    );
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(api.save).not.toHaveBeenCalled();
  });

  it('edits the reason picklist: add, rename, remove, and saves the list', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, actionReasons: ['Damaged', 'Late'] }));
    await renderPage(api);
    const reasons = within(screen.getByRole('region', { name: 'Reasons for cancels and refunds' }));
    expect((reasons.getByLabelText('Reason 1') as HTMLInputElement).value).toBe('Damaged');
    fireEvent.click(reasons.getByRole('button', { name: 'Add a reason' }));
    fireEvent.input(reasons.getByLabelText('Reason 3'), { target: { value: 'Wrong size' } });
    fireEvent.input(reasons.getByLabelText('Reason 1'), { target: { value: 'Damaged in transit' } });
    fireEvent.click(reasons.getByRole('button', { name: 'Remove reason 2 (Late)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.save).toHaveBeenCalledTimes(1));
    expect(api.save.mock.calls[0]?.[0].settings.actionReasons).toEqual(['Damaged in transit', 'Wrong size']);
  });

  it('does not save a blank reason: the row is outlined with its message', async () => {
    const api = fakeApi(viewOf({ ...DEFAULT_SETTINGS, actionReasons: ['Damaged'] }));
    await renderPage(api);
    fireEvent.click(screen.getByRole('button', { name: 'Add a reason' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const blank = screen.getByLabelText('Reason 2');
    await waitFor(() => expect(blank.getAttribute('aria-invalid')).toBe('true'));
    expect(api.save).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Reset to the default reasons' }));
    expect((screen.getByLabelText('Reason 2') as HTMLInputElement).value).toBe('Ordered by mistake');
  });
});
