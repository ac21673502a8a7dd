import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRouter } from '../../../lib/background/router';
import type { MessageHandler } from '../../../lib/background/handler';
import type { SenderPolicy } from '../../../lib/background/senders';

const policy: SenderPolicy = {
  extensionId: 'ext',
  extensionOrigin: 'chrome-extension://ext',
  isAllowedPage: (url) => url.startsWith('https://acme.gladly.com/'),
};
const gladlyTab = { id: 4, url: 'https://acme.gladly.com/customer/a/conversation/b' };
const sidebar = { id: 'ext', url: 'chrome-extension://ext/sidebar.html', tab: gladlyTab, frameId: 2 };
const options = { id: 'ext', url: 'chrome-extension://ext/options.html' };
const content = { id: 'ext', url: gladlyTab.url, tab: gladlyTab, frameId: 0 };

function setup() {
  const refund = vi.fn(async (m: { amount: string }) => ({ refunded: m.amount }));
  const handlers: MessageHandler[] = [
    {
      type: 'refund',
      schema: z.object({ type: z.literal('refund'), requestId: z.string(), amount: z.string().regex(/^\d+\.\d\d$/) }),
      from: ['extension-page'],
      pages: ['/sidebar.html'],
      handle: refund,
    } as unknown as MessageHandler,
    {
      type: 'hello',
      schema: z.object({ type: z.literal('hello') }),
      from: ['content-script'],
      handle: async () => 'hi',
    } as unknown as MessageHandler,
    {
      type: 'boom',
      schema: z.object({ type: z.literal('boom') }),
      from: ['extension-page', 'content-script'],
      handle: async () => {
        throw new Error('secret-token-abc leaked?');
      },
    } as unknown as MessageHandler,
  ];
  const router = createRouter({
    policy,
    handlers,
    toErrorInfo: () => ({ kind: 'unknown', message: 'Something went wrong.' }),
  });
  return { router, refund };
}

describe('the background router', () => {
  it('answers a valid money message from the sidebar', async () => {
    const { router, refund } = setup();
    const reply = await router.onMessage({ type: 'refund', requestId: 'r1', amount: '12.00' }, sidebar);
    expect(reply).toEqual({ type: 'reply', requestId: 'r1', ok: true, data: { refunded: '12.00' } });
    expect(refund).toHaveBeenCalledTimes(1);
  });

  it('never runs a money handler for a content script, another extension page or a web page', async () => {
    const { router, refund } = setup();
    const message = { type: 'refund', requestId: 'r1', amount: '12.00' };
    expect((await router.onMessage(message, content))?.ok).toBe(false);
    expect((await router.onMessage(message, options))?.ok).toBe(false);
    expect(
      await router.onMessage(message, { id: 'other-extension', url: 'chrome-extension://other/x.html' }),
    ).toBeUndefined();
    expect(
      await router.onMessage(message, {
        id: 'ext',
        url: 'https://evil.example/',
        tab: { id: 9, url: 'https://evil.example/' },
        frameId: 0,
      }),
    ).toBeUndefined();
    expect(refund).not.toHaveBeenCalled();
  });

  it('refuses malformed messages before any handler runs', async () => {
    const { router, refund } = setup();
    for (const bad of [
      null,
      'refund',
      42,
      { type: 'refund', requestId: 'r1', amount: '12' },
      { type: 'nope' },
      { amount: '1.00' },
    ]) {
      const reply = await router.onMessage(bad, sidebar);
      expect(reply?.ok).toBe(false);
    }
    expect(refund).not.toHaveBeenCalled();
  });

  it('turns a thrown error into a plain reply without its text', async () => {
    const { router } = setup();
    const reply = await router.onMessage({ type: 'boom' }, sidebar);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown', message: 'Something went wrong.' } });
    expect(JSON.stringify(reply)).not.toContain('secret-token');
  });

  it('replies and streams over a port', async () => {
    const { router } = setup();
    const posted: unknown[] = [];
    await router.onPortMessage(
      { type: 'refund', requestId: 'p1', amount: '1.50' },
      { kind: 'extension-page', page: '/sidebar.html', tabId: 4 },
      (m) => posted.push(m),
    );
    expect(posted).toEqual([{ type: 'reply', requestId: 'p1', ok: true, data: { refunded: '1.50' } }]);
  });
});
