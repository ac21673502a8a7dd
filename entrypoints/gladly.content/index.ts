/**
 * The content script on Gladly's agent app: tiny on purpose (no UI framework, no zod).
 * It mounts the sidebar (an extension page in an iframe), follows the agent from customer to
 * customer, and tells the background who the current customer is. It never sees a credential.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { browser } from 'wxt/browser';
import { isAgentAppHost } from '@/lib/gladly/routes';
import { DEFAULT_SELECTORS, type GladlySelectors } from '@/lib/gladly/selectors';
import { watchGladly } from '@/lib/gladly/watcher';
import type { ContentHelloReply } from '@/lib/messages/content';
import type { IdentityChanged } from '@/lib/messages/identity';
import { createDock, type DockState } from './dock';

const DOCK_KEY = 'dock';

export default defineContentScript({
  matches: ['https://*.gladly.com/*', 'https://*.gladly.qa/*'],
  runAt: 'document_idle',
  async main(ctx) {
    if (!isAgentAppHost(location.href)) return;

    const hello = (await browser.runtime.sendMessage({ type: 'content/hello' }).catch(() => null)) as ContentHelloReply | null;
    const selectors: GladlySelectors = { ...DEFAULT_SELECTORS, ...(hello?.selectors ?? {}) };

    // Gladly's help, developer and CDN pages share the host pattern: mount only in the agent app.
    if (!(await appShellAppears(selectors.appShell, ctx.signal))) return;

    const saved = ((await browser.storage.local.get(DOCK_KEY))[DOCK_KEY] ?? {}) as Partial<DockState>;
    let dock: ReturnType<typeof createDock> | undefined;
    const ui = createIframeUi(ctx, {
      page: '/sidebar.html',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(wrapper, iframe) {
        dock = createDock(wrapper, iframe, { width: saved.width ?? 380, collapsed: saved.collapsed ?? false }, (state) => {
          void browser.storage.local.set({ [DOCK_KEY]: state });
        });
        return dock;
      },
      onRemove: (mounted) => mounted?.destroy(),
    });
    ui.mount();

    browser.runtime.onMessage.addListener((message: unknown) => {
      if ((message as { type?: string } | null)?.type === 'sidebar/toggle') dock?.toggle();
    });

    watchGladly({
      window,
      selectors,
      signal: ctx.signal,
      onIdentity(identity, customerId) {
        const message: IdentityChanged = { type: 'identity/changed', url: location.href, customerId, identity };
        void browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
  },
});

/** Resolves true once the agent app's shell is in the page (it renders after load). */
function appShellAppears(selector: string, signal: AbortSignal, timeoutMs = 30_000): Promise<boolean> {
  if (document.querySelector(selector)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) finish(true);
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
