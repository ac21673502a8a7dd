import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SELECTORS, mergeSelectors } from '../../../lib/gladly/selectors';
import { createRouter } from '../../../lib/background/router';
import { createTabHandlers } from '../../../lib/background/tab-service';
import { TabMessageSchema } from '../../../lib/messages/content';
import { helloSelectors, readTabMessage } from '../../../lib/messages/content-checks';

const gladlyTab = { id: 4, url: 'https://acme.gladly.com/customer/abc' };

describe("the content script's hand checks", () => {
  it('accept exactly what the tab-message schema accepts, and return the same message', () => {
    const near = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.constantFrom<unknown>('sidebar/toggle', 'gladly/insert-text', 'gladly/insert', 7, null),
          text: fc.oneof(fc.string({ maxLength: 2100 }), fc.constant('x'.repeat(2001)), fc.anything()),
          extra: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(near, (raw) => {
        const parsed = TabMessageSchema.safeParse(raw);
        expect(readTabMessage(raw)).toEqual(parsed.success ? parsed.data : null);
      }),
      { numRuns: 3000 },
    );
  });

  it("read the admin's selectors out of the background's real reply to content/hello", async () => {
    const router = createRouter({
      policy: {
        extensionId: 'ext',
        extensionOrigin: 'chrome-extension://ext',
        isAllowedPage: (url) => url.startsWith('https://acme.gladly.com/'),
      },
      handlers: createTabHandlers({
        hub: { setIdentity: async () => undefined } as never,
        selectors: async () => ({ replyBox: '.composer [contenteditable]' }),
        configured: async () => true,
        openOptions: async () => undefined,
        sendToTab: async () => undefined,
      }),
      toErrorInfo: () => ({ kind: 'unknown', message: 'Something went wrong.' }),
    });
    const raw = await router.onMessage(
      { type: 'content/hello' },
      { id: 'ext', url: gladlyTab.url, tab: gladlyTab, frameId: 0 },
    );
    // The reply is an envelope: reading `.selectors` off it directly finds nothing.
    expect((raw as { selectors?: unknown }).selectors).toBeUndefined();
    expect(helloSelectors(raw)).toEqual({ replyBox: '.composer [contenteditable]' });
    // What the content script then reads Gladly with: the admin's override over the defaults.
    expect(mergeSelectors(helloSelectors(raw)).replyBox).toBe('.composer [contenteditable]');
    expect(mergeSelectors(helloSelectors(raw)).appShell).toBe(DEFAULT_SELECTORS.appShell);
  });

  it('give nothing for a refusal, no answer or a malformed answer', () => {
    expect(helloSelectors(undefined)).toBeNull();
    expect(helloSelectors(null)).toBeNull();
    expect(
      helloSelectors({ type: 'reply', requestId: 'none', ok: false, error: { kind: 'bad-message', message: 'x' } }),
    ).toBeNull();
    expect(helloSelectors({ type: 'reply', requestId: 'none', ok: true, data: { selectors: 'x' } })).toBeNull();
    expect(helloSelectors({ type: 'reply', requestId: 'none', ok: true, data: null })).toBeNull();
    expect(helloSelectors({ selectors: { email: '.e' }, configured: true })).toBeNull();
  });
});
