import { describe, expect, it } from 'vitest';
import { classifySender, type SenderPolicy } from '../../../lib/background/senders';

const policy: SenderPolicy = {
  extensionId: 'ext-id',
  extensionOrigin: 'chrome-extension://ext-id',
  isAllowedPage: (url) => /^https:\/\/[a-z0-9-]+\.gladly\.com\//.test(url),
};
const gladlyTab = { id: 7, url: 'https://acme.gladly.com/customer/abc/conversation/def' };

describe('classifySender', () => {
  it('accepts the sidebar framed in a Gladly tab as an extension page', () => {
    expect(
      classifySender(
        { id: 'ext-id', url: 'chrome-extension://ext-id/sidebar.html', tab: gladlyTab, frameId: 3 },
        policy,
      ),
    ).toEqual({
      kind: 'extension-page',
      page: '/sidebar.html',
      tabId: 7,
    });
  });

  it('rejects the sidebar framed by a page that is not Gladly', () => {
    const sender = {
      id: 'ext-id',
      url: 'chrome-extension://ext-id/sidebar.html',
      tab: { id: 9, url: 'https://evil.example/' },
      frameId: 2,
    };
    expect(classifySender(sender, policy).kind).toBe('rejected');
  });

  it('accepts the options page', () => {
    expect(classifySender({ id: 'ext-id', url: 'chrome-extension://ext-id/options.html' }, policy).kind).toBe(
      'extension-page',
    );
  });

  it('accepts the content script only on Gladly, in the top frame', () => {
    expect(classifySender({ id: 'ext-id', url: gladlyTab.url, tab: gladlyTab, frameId: 0 }, policy).kind).toBe(
      'content-script',
    );
    expect(
      classifySender({ id: 'ext-id', url: 'https://evil.example/x', tab: { id: 1 }, frameId: 0 }, policy).kind,
    ).toBe('rejected');
    expect(classifySender({ id: 'ext-id', url: gladlyTab.url, tab: gladlyTab, frameId: 4 }, policy).kind).toBe(
      'rejected',
    );
  });

  it('rejects other extensions and senders without an id', () => {
    expect(classifySender({ id: 'other', url: 'chrome-extension://other/page.html' }, policy).kind).toBe('rejected');
    expect(classifySender({ url: gladlyTab.url, tab: gladlyTab, frameId: 0 }, policy).kind).toBe('rejected');
    expect(classifySender(undefined, policy).kind).toBe('rejected');
  });

  it('does not mistake a look-alike origin for the extension', () => {
    const sender = { id: 'ext-id', url: 'chrome-extension://ext-id.evil/sidebar.html', tab: gladlyTab, frameId: 0 };
    expect(classifySender(sender, policy).kind).toBe('rejected');
  });

  it('rejects senders of odd shapes without throwing', () => {
    for (const sender of [
      { id: 'ext', url: 42 },
      { id: 'ext', url: { href: 'chrome-extension://ext-id/sidebar.html' } },
      { id: 'ext-id', url: null, tab: { id: '7', url: 5 }, frameId: 0 },
    ]) {
      expect(classifySender(sender as never, policy).kind).toBe('rejected');
    }
  });
});
