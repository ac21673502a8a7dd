/**
 * Who may talk to the background. Only this extension's own contexts: its pages (the sidebar
 * inside a Gladly tab, the options page) and its content script on Gladly's agent app.
 * Money-moving and settings messages are for extension pages only, never a content script.
 */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export type SenderKind =
  | { kind: 'extension-page'; page: string; tabId?: number }
  | { kind: 'content-script'; tabId: number; url: string }
  | { kind: 'rejected'; reason: string };

export interface SenderPolicy {
  extensionId: string;
  /** e.g. chrome-extension://<id> or moz-extension://<uuid> (no trailing slash). */
  extensionOrigin: string;
  /** True for Gladly agent-app URLs (and loopback in the e2e build). */
  isAllowedPage(url: string): boolean;
}

export function classifySender(sender: SenderLike | undefined, policy: SenderPolicy): SenderKind {
  if (!sender || typeof sender !== 'object' || sender.id !== policy.extensionId)
    return { kind: 'rejected', reason: 'not this extension' };
  // Only strings count: anything else in a sender is treated as absent.
  const url = typeof sender.url === 'string' ? sender.url : '';
  const tabUrl = typeof sender.tab?.url === 'string' ? sender.tab.url : undefined;
  if (url.startsWith(`${policy.extensionOrigin}/`)) {
    const page = new URL(url).pathname;
    // The sidebar only ever runs framed inside a Gladly tab.
    if (page === '/sidebar.html' && tabUrl !== undefined && !policy.isAllowedPage(tabUrl)) {
      return { kind: 'rejected', reason: 'sidebar framed by a page that is not Gladly' };
    }
    return { kind: 'extension-page', page, tabId: sender.tab?.id };
  }
  if (typeof sender.tab?.id === 'number' && url && policy.isAllowedPage(url) && sender.frameId === 0) {
    return { kind: 'content-script', tabId: sender.tab.id, url };
  }
  return { kind: 'rejected', reason: 'a page that is not Gladly' };
}
