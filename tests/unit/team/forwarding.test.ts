/**
 * Team mode through the real router: the sender and schema checks run first, as in standalone
 * mode; then a team-mode message goes to the service (its lookup updates reach the sidebar's
 * port in order, before the reply), and a standalone message to lib/ as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRouter } from '../../../lib/background/router';
import type { MessageHandler, TrustedSender } from '../../../lib/background/handler';
import type { SenderPolicy } from '../../../lib/background/senders';
import { describeError } from '../../../lib/background/errors';
import { createTeamClient } from '../../../lib/team/client';
import { withTeamForwarding } from '../../../lib/team/forwarding';
import { RefundRequestSchema } from '../../../lib/messages/actions';
import { LookupRequestSchema } from '../../../lib/messages/lookup';

const policy: SenderPolicy = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext',
  isAllowedPage: (url) => url.startsWith('https://acme.gladly.com/'),
};
const gladlyTab = { id: 4, url: 'https://acme.gladly.com/customer/a/conversation/b' };
const sidebarSender = { id: 'ext', url: 'chrome-extension://ext/sidebar.html', tab: gladlyTab, frameId: 2 };
const contentSender = { id: 'ext', url: gladlyTab.url, tab: gladlyTab, frameId: 0 };
const sidebar: TrustedSender = { kind: 'extension-page', page: '/sidebar.html', tabId: 4 };

const refund = {
  type: 'actions/refund',
  requestId: 'r2',
  connectionId: 'acme',
  orderId: '101',
  actionId: 'act-12345678',
  selection: { lines: [], shipping: [], customAmount: '12.00' },
  payments: [{ providerId: 'stripe', providerDescription: 'Card', amount: '12.00', offline: false }],
  expectedTotal: '12.00',
};
const lookup = {
  type: 'lookup',
  requestId: 'r1',
  query: { kind: 'manual', attribute: 'email', value: 'jane@example.com' },
};

function setup(mode: 'team' | 'standalone') {
  const local = {
    lookup: vi.fn(async () => 'standalone lookup'),
    refund: vi.fn(async () => 'standalone refund'),
  };
  const handlers: MessageHandler[] = [
    {
      type: 'lookup',
      schema: LookupRequestSchema,
      from: ['extension-page'],
      pages: ['/sidebar.html'],
      handle: local.lookup,
    } as unknown as MessageHandler,
    {
      type: 'actions/refund',
      schema: RefundRequestSchema,
      from: ['extension-page'],
      pages: ['/sidebar.html'],
      handle: local.refund,
    } as unknown as MessageHandler,
    {
      type: 'settings/get',
      schema: z.object({ type: z.literal('settings/get'), requestId: z.string() }),
      from: ['extension-page'],
      handle: async () => 'settings',
    } as unknown as MessageHandler,
  ];
  const bodies: unknown[] = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { type: string; requestId: string };
    bodies.push(body);
    const lines =
      body.type === 'lookup'
        ? [
            { type: 'lookup/update', requestId: body.requestId, stores: [], done: false },
            { type: 'lookup/update', requestId: body.requestId, stores: [], done: true },
          ]
        : [{ type: 'reply', requestId: body.requestId, ok: true, data: { from: 'service' } }];
    return new Response(lines.map((l) => JSON.stringify(l)).join('\n'), {
      headers: { 'Content-Type': 'application/x-ndjson' },
    });
  }) as unknown as typeof globalThis.fetch;
  const client = createTeamClient({
    fetch,
    endpoint: async () => ({ serviceUrl: 'https://team.example.com', key: 'agent-key-0123456789' }),
  });
  const router = createRouter({
    policy,
    toErrorInfo: describeError,
    handlers: withTeamForwarding(handlers, {
      teamMode: async () => mode === 'team',
      client,
      agentFor: (tabId) => (tabId === 4 ? 'Ada Agent' : undefined),
    }),
  });
  return { router, local, fetch, bodies };
}

describe('team mode in the router', () => {
  it('forwards a refund from the sidebar to the service and answers with its reply', async () => {
    const { router, local, fetch, bodies } = setup('team');
    const reply = await router.onMessage(refund, sidebarSender);
    expect(reply).toEqual({ type: 'reply', requestId: 'r2', ok: true, data: { from: 'service' } });
    expect(local.refund).not.toHaveBeenCalled();
    expect(bodies).toEqual([refund]);
    const headers = vi.mocked(fetch).mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers['X-Gladly-Agent']).toBe('Ada Agent');
  });

  it('streams lookup updates to the sidebar port in order, then the reply', async () => {
    const { router } = setup('team');
    const posted: Array<{ type: string; done?: boolean }> = [];
    await router.onPortMessage(lookup, sidebar, (m) => posted.push(m as { type: string; done?: boolean }));
    expect(posted.map((m) => (m.type === 'lookup/update' ? `update:${m.done}` : m.type))).toEqual([
      'update:false',
      'update:true',
      'reply',
    ]);
  });

  it('refuses a money message from a content script before anything reaches the service', async () => {
    const { router, fetch } = setup('team');
    const reply = await router.onMessage(refund, contentSender);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('refuses a malformed refund (a bad amount) before anything reaches the service', async () => {
    const { router, fetch } = setup('team');
    const reply = await router.onMessage({ ...refund, expectedTotal: '12.3456' }, sidebarSender);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'bad-message' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('never forwards the settings messages (they stay in this browser)', async () => {
    const { router, fetch } = setup('team');
    const reply = await router.onMessage({ type: 'settings/get', requestId: 's1' }, sidebarSender);
    expect(reply).toMatchObject({ ok: true, data: 'settings' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('in standalone mode calls lib/ as today and never the service', async () => {
    const { router, local, fetch } = setup('standalone');
    const reply = await router.onMessage(refund, sidebarSender);
    expect(reply).toMatchObject({ ok: true, data: 'standalone refund' });
    expect(local.refund).toHaveBeenCalledTimes(1);
    expect(fetch).not.toHaveBeenCalled();
  });
});
