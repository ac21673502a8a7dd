/**
 * The content script on Gladly's agent app: tiny on purpose (no UI framework, no zod).
 * It mounts the sidebar (an extension page in an iframe), follows the agent from customer to
 * customer, and tells the background who the current customer is. It never sees a credential.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { browser } from 'wxt/browser';
import { isAgentAppHost } from '../../lib/gladly/routes';
import { readAgentEmail } from '../../lib/gladly/identity';
import { mergeSelectors, queryOne } from '../../lib/gladly/selectors';
import { insertIntoReplyBox } from '../../lib/gladly/reply-box';
import { watchGladly } from '../../lib/gladly/watcher';
import type { ContentHelloReply } from '../../lib/messages/content';
import type { IdentityChanged } from '../../lib/messages/identity';
import { createDock, type DockState } from './dock';

const DOCK_KEY = 'dock';

export default defineContentScript({
  matches: ['https://*.gladly.com/*', 'https://*.gladly.qa/*'],
  runAt: 'document_idle',
  async main(ctx) {
    if (!isAgentAppHost(location.href)) return;

    const hello = (await browser.runtime
      .sendMessage({ type: 'content/hello' })
      .catch(() => null)) as ContentHelloReply | null;
    // Admin overrides from the options page; unknown keys and non-strings are dropped.
    const selectors = mergeSelectors(hello?.selectors);

    // Gladly's help, developer and CDN pages share the host pattern: mount only in the agent app.
    if (!(await appShellAppears(selectors.appShell, ctx.signal))) return;

    const saved = ((await browser.storage.local.get(DOCK_KEY))[DOCK_KEY] ?? {}) as Partial<DockState>;
    let dock: ReturnType<typeof createDock> | undefined;
    const ui = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // The permission must be on the iframe before it is inserted: its policy is fixed when it loads.
      onBeforeMount: (_wrapper, iframe) => iframe.setAttribute('allow', 'clipboard-write'),
      onMount(wrapper, iframe) {
        dock = createDock(
          wrapper,
          iframe,
          { width: saved.width ?? 380, collapsed: saved.collapsed ?? false },
          (state) => {
            void browser.storage.local.set({ [DOCK_KEY]: state });
          },
        );
        return dock;
      },
      onRemove: (mounted) => mounted?.destroy(),
    });
    ui.mount();

    browser.runtime.onMessage.addListener((message: unknown) => {
      const { type, text } = (message ?? {}) as { type?: unknown; text?: unknown };
      // The answer tells the toolbar button that this tab had a sidebar to toggle (else it opens the options).
      if (type === 'sidebar/toggle') {
        dock?.toggle();
        return Promise.resolve({ toggled: dock !== undefined });
      }
      // Only the background can send here (runtime messages come from this extension alone).
      if (type === 'gladly/insert-text' && typeof text === 'string') {
        return Promise.resolve({ inserted: insertIntoReplyBox(document, selectors.replyBox, text.slice(0, 2000)) });
      }
      return undefined;
    });

    watchGladly({
      window,
      selectors,
      signal: ctx.signal,
      onIdentity(identity, customerId) {
        // The signed-in agent (top bar) is only for the audit log: never part of the customer's identity.
        const agent = readAgentEmail(document, selectors);
        const message: IdentityChanged & { agent?: string } = {
          type: 'identity/changed',
          url: location.href,
          ...(customerId ? { customerId } : {}),
          identity,
          ...(agent ? { agent } : {}),
        };
        void browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
  },
});

/** Resolves true once the agent app's shell is in the page (it renders after load). */
function appShellAppears(selector: string, signal: AbortSignal, timeoutMs = 30_000): Promise<boolean> {
  if (queryOne(document, selector)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (queryOne(document, selector)) finish(true);
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
    const finish = (found: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(found);
    };
    signal.addEventListener('abort', () => finish(false));
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}
