import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { TeamSection, type TeamApi } from '../../../components/options/TeamSection';
import { OptionsApiError } from '../../../components/options/api';
import type { TeamAdminOp, TeamServiceStore } from '../../../lib/messages/team';
import { newConnection, type TeamSettings } from '../../../lib/settings/schema';
import type { TeamProfile } from '../../../lib/team/client';

const URL_ = 'https://team.example.com';
const KEY = 'tk_agent_0123456789abcdef_KEY9';
const STORE_TOKEN = 'tok_live_typed_by_admin_ZZZZ';
const REVOKED = 'This access key was revoked. Ask your admin for a new one.';

const ADMIN: TeamProfile = { role: 'admin', name: 'Ada', stores: [] };
const AGENT: TeamProfile = {
  role: 'agent',
  name: 'Bob',
  stores: [
    {
      id: 'acme',
      name: 'Acme US',
      enabled: true,
      actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
    },
  ],
};
const STORE: TeamServiceStore = {
  ...(({ id: _i, tokenHint: _t, lastTest: _l, apiBaseUrl: _a, ...rest }) => rest)(newConnection('acme')),
  id: 'acme',
  name: 'Acme US',
  storeHash: 'abc123',
  clientId: 'client-1',
  actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
  hasToken: true,
};

function fakeApi(profile: TeamProfile = ADMIN, overrides: Partial<TeamApi> = {}) {
  const admin = vi.fn(async (request: TeamAdminOp): Promise<unknown> => {
    switch (request.op) {
      case 'stores/list':
        return { stores: [STORE] };
      case 'keys/list':
        return {
          keys: [{ id: 'k1', name: 'Bob', role: 'agent', createdAt: '2026-12-01T10:00:00Z', revokedAt: null }],
        };
      case 'keys/issue':
        return { id: 'k2', key: 'NEW-KEY-shown-once-1234' };
      case 'audit/list':
        return {
          entries: [
            {
              id: 'a1',
              at: '2026-12-05T10:00:00Z',
              agent: 'Bob',
              connectionId: 'acme',
              storeName: 'Acme US',
              orderId: '101',
              action: 'refund',
              amount: '12.00',
              currency: 'USD',
              result: 'succeeded',
              detail: '',
              reference: 'RF-1',
              actionId: 'act-1',
            },
          ],
        };
      case 'audit/csv':
        return { csv: 'When,Agent\r\n', filename: 'team-audit-log-2026-12-05.csv' };
      default:
        return { ok: true };
    }
  });
  return {
    requestOrigin: vi.fn(async () => true),
    connect: vi.fn(async () => ({ profile })),
    setMode: vi.fn(async () => undefined),
    me: vi.fn(async () => ({ profile })),
    admin: admin as unknown as TeamApi['admin'],
    ...overrides,
  } satisfies TeamApi;
}

const standalone: TeamSettings = { mode: 'standalone', serviceUrl: null, keyHint: null };
const connectedTeam: TeamSettings = { mode: 'team', serviceUrl: URL_, keyHint: 'KEY9' };

function type(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('Team service section', () => {
  it('connects: asks the browser for the one origin inside the click, hands the key over once, then forgets it', async () => {
    const api = fakeApi();
    const onSaved = vi.fn();
    render(<TeamSection api={api} team={standalone} locks={undefined} onSaved={onSaved} />);
    fireEvent.click(screen.getByLabelText('Team (a shared team service)'));
    type('Team service address', URL_);
    type('Access key', KEY);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    // Synchronously, in the click itself (a user gesture), before the background is asked anything.
    expect(api.requestOrigin).toHaveBeenCalledWith(URL_);
    expect(api.connect).not.toHaveBeenCalled();
    expect(await screen.findByText('Connected as Ada (admin).')).toBeTruthy();
    expect(api.connect).toHaveBeenCalledWith(URL_, KEY);
    expect((screen.getByLabelText('Access key') as HTMLInputElement).value).toBe('');
    expect(onSaved).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('sends nothing when the browser refuses the origin, and says how to fix it', async () => {
    const api = fakeApi(ADMIN, { requestOrigin: vi.fn(async () => false) });
    render(<TeamSection api={api} team={standalone} locks={undefined} onSaved={() => undefined} />);
    fireEvent.click(screen.getByLabelText('Team (a shared team service)'));
    type('Team service address', URL_);
    type('Access key', KEY);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not allow.*Allow/);
    expect(api.connect).not.toHaveBeenCalled();
  });

  it('shows the service’s sentence for a revoked key', async () => {
    const api = fakeApi(ADMIN, {
      connect: vi.fn(async () => {
        throw new OptionsApiError({ kind: 'auth', message: REVOKED });
      }),
    });
    render(<TeamSection api={api} team={standalone} locks={undefined} onSaved={() => undefined} />);
    fireEvent.click(screen.getByLabelText('Team (a shared team service)'));
    type('Team service address', URL_);
    type('Access key', KEY);
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe(REVOKED);
  });

  it('switches back to standalone at once, and back to team without the key again', async () => {
    const api = fakeApi(AGENT);
    const { rerender } = render(
      <TeamSection api={api} team={connectedTeam} locks={undefined} onSaved={() => undefined} />,
    );
    fireEvent.click(screen.getByLabelText('Standalone (this browser)'));
    await waitFor(() => expect(api.setMode).toHaveBeenCalledWith('standalone'));
    rerender(
      <TeamSection
        api={api}
        team={{ ...connectedTeam, mode: 'standalone' }}
        locks={undefined}
        onSaved={() => undefined}
      />,
    );
    fireEvent.click(screen.getByLabelText('Team (a shared team service)'));
    await waitFor(() => expect(api.setMode).toHaveBeenLastCalledWith('team'));
  });

  it('shows an agent key its stores and no admin sections', async () => {
    const api = fakeApi(AGENT);
    render(<TeamSection api={api} team={connectedTeam} locks={undefined} onSaved={() => undefined} />);
    const list = await screen.findByRole('list', { name: 'Stores on the team service' });
    expect(within(list).getByText(/Acme US/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Access keys' })).toBeNull();
    expect(api.admin).not.toHaveBeenCalled();
  });

  it('disables what the policy set: mode and address', async () => {
    const api = fakeApi(AGENT);
    render(
      <TeamSection api={api} team={connectedTeam} locks={{ mode: true, serviceUrl: true }} onSaved={() => undefined} />,
    );
    expect((screen.getByLabelText('Standalone (this browser)') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Team service address') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('admin sections', () => {
  async function renderAdmin() {
    const api = fakeApi(ADMIN);
    render(<TeamSection api={api} team={connectedTeam} locks={undefined} onSaved={() => undefined} />);
    await screen.findByRole('heading', { name: 'Stores on the team service' });
    return api;
  }

  it('edits a store keeping its token when none is typed (write-only), and sends a typed one once', async () => {
    const api = await renderAdmin();
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme US' }));
    const token = screen.getByLabelText('Store access token') as HTMLInputElement;
    expect(token.value).toBe('');
    fireEvent.click(screen.getByLabelText('Refund'));
    fireEvent.click(screen.getByRole('button', { name: 'Save store' }));
    await waitFor(() =>
      expect(api.admin).toHaveBeenCalledWith(expect.objectContaining({ op: 'stores/save', id: 'acme' })),
    );
    const first = vi.mocked(api.admin).mock.calls.find(([r]) => r.op === 'stores/save')?.[0] as Extract<
      TeamAdminOp,
      { op: 'stores/save' }
    >;
    expect(first.store).not.toHaveProperty('accessToken');
    expect(first.store.actions.refund).toBe(false);
    expect(first.store.storeHash).toBe('abc123');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit Acme US' }));
    type('Store access token', STORE_TOKEN);
    fireEvent.click(screen.getByRole('button', { name: 'Save store' }));
    await waitFor(() =>
      expect(vi.mocked(api.admin).mock.calls.filter(([r]) => r.op === 'stores/save')).toHaveLength(2),
    );
    const second = vi.mocked(api.admin).mock.calls.filter(([r]) => r.op === 'stores/save')[1]?.[0] as Extract<
      TeamAdminOp,
      { op: 'stores/save' }
    >;
    expect(second.store.accessToken).toBe(STORE_TOKEN);
    await waitFor(() => expect(screen.queryByLabelText('Store access token')).toBeNull());
    expect(document.body.textContent).not.toContain(STORE_TOKEN);
  });

  it('refuses a new store without a token, before asking the service', async () => {
    const api = await renderAdmin();
    fireEvent.click(screen.getByRole('button', { name: 'Add a store to the team service' }));
    type('Store name', 'Beta');
    type('Store hash', 'store-def456');
    fireEvent.click(screen.getByRole('button', { name: 'Save store' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/access token/);
    expect(vi.mocked(api.admin).mock.calls.some(([r]) => r.op === 'stores/save')).toBe(false);
  });

  it('issues a key shown once with Copy, and revokes one', async () => {
    const api = await renderAdmin();
    globalThis.confirm = vi.fn(() => true);
    type('Key for', 'Carol');
    fireEvent.click(screen.getByRole('button', { name: 'Issue a key' }));
    expect(((await screen.findByLabelText('New access key')) as HTMLInputElement).value).toBe(
      'NEW-KEY-shown-once-1234',
    );
    expect(api.admin).toHaveBeenCalledWith({ op: 'keys/issue', name: 'Carol', role: 'agent' });
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('New access key')).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Bob' }));
    await waitFor(() => expect(api.admin).toHaveBeenCalledWith({ op: 'keys/revoke', id: 'k1' }));
  });

  it('shows the team audit log and exports the service’s CSV', async () => {
    const api = await renderAdmin();
    expect(await screen.findByText('RF-1')).toBeTruthy();
    const created: string[] = [];
    globalThis.URL.createObjectURL = vi.fn((blob: Blob) => {
      void blob.text().then((t) => created.push(t));
      return 'blob:x';
    });
    globalThis.URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    await waitFor(() => expect(created).toEqual(['When,Agent\r\n']));
    expect(api.admin).toHaveBeenCalledWith({ op: 'audit/csv' });
  });
});
