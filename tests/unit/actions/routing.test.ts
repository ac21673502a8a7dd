import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../lib/background/router';
import { createActionsHandlers } from '../../../lib/background/actions-service';
import { createAuditLog } from '../../../lib/actions/audit-log';
import { withActionErrors } from '../../../lib/actions/errors';
import { toErrorInfo } from '../../../lib/bigcommerce/errors';
import { memoryStore } from '../../../lib/core/kv-store';
import type { TrustedSender } from '../../../lib/background/handler';
import { fakeStore } from './fakes';

function routed() {
  const store = fakeStore();
  const storage = memoryStore();
  const router = createRouter({
    policy: { extensionId: 'x', extensionOrigin: 'chrome-extension://x', isAllowedPage: () => true },
    toErrorInfo: withActionErrors(toErrorInfo),
    handlers: createActionsHandlers({
      apisFor: async () => ({ actions: store.actions, lookup: store.lookup }),
      audit: createAuditLog(storage),
      cache: { invalidateOrder: async () => undefined },
      storage,
    }),
  });
  const ask = (message: Record<string, unknown>, sender: TrustedSender) =>
    new Promise<unknown>((resolve) => void router.onPortMessage(message, sender, resolve));
  return { store, ask };
}

const sidebar: TrustedSender = { kind: 'extension-page', page: '/sidebar.html', tabId: 1 };
const cancel = (actionId: string) => ({
  type: 'actions/cancel',
  requestId: `r-${actionId}`,
  connectionId: 'main',
  orderId: '100',
  actionId,
});

describe('actions through the router', () => {
  it('refuses money-moving messages from a content script, sending nothing', async () => {
    const { store, ask } = routed();
    const reply = await ask(cancel('content-0001'), {
      kind: 'content-script',
      tabId: 1,
      url: 'https://acme.gladly.com/',
    });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });
    expect(store.actions.setOrderStatus).not.toHaveBeenCalled();
  });

  it('a second action on a busy order reaches the page as kind "busy"', async () => {
    const { store, ask } = routed();
    let release!: () => void;
    const real = vi.mocked(store.actions.setOrderStatus).getMockImplementation()!;
    vi.mocked(store.actions.setOrderStatus).mockImplementationOnce(async (...args) => {
      await new Promise<void>((r) => (release = r));
      return real(...args);
    });
    const first = ask(cancel('first-0001'), sidebar);
    await vi.waitFor(() => expect(store.actions.setOrderStatus).toHaveBeenCalled());
    const second = await ask(cancel('second-0001'), sidebar);
    expect(second).toMatchObject({ ok: false, requestId: 'r-second-0001', error: { kind: 'busy' } });
    release();
    expect(await first).toMatchObject({ ok: true, data: { statusId: 5 } });
  });
});
