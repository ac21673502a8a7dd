/**
 * The content script on Gladly's agent app: tiny on purpose (no UI framework, no zod).
 * It mounts the sidebar (an extension page in an iframe), follows the agent from customer to
 * customer, and tells the background who the current customer is. It never sees a credential.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { isAgentAppHost } from '../../lib/gladly/routes';
import { readAgentEmail } from '../../lib/gladly/identity';
import { mergeSelectors, queryOne } from '../../lib/gladly/selectors';
import { insertIntoReplyBox } from '../../lib/gladly/reply-box';
import { watchGladly } from '../../lib/gladly/watcher';
import type { ContentHello, TabInsertTextReply, ToggleSidebarReply } from '../../lib/messages/content';
import { helloSelectors, readTabMessage } from '../../lib/messages/content-checks';
import type { IdentityCandidate, IdentityChanged } from '../../lib/messages/identity';
import { createDock, type DockState } from './dock';

export default defineContentScript({
  matches: ['https://*.gladly.com/*', 'https://*.gladly.qa/*'],
  // At document start: the hello wakes the worker (and the dock's width is read) while Gladly's
  // own scripts load, so the sidebar frame and a running worker are ready before its first panel.
  runAt: 'document_start',
  async main(ctx) {
    if (!isAgentAppHost(location.href)) return;

    // The dock as this agent left it, kept by the background (this script has no storage of its
    // own); asked in parallel with the hello.
    const dockRead = askBackground({ type: 'dock/get' }) as Promise<Partial<DockState> | null>;
    const hello = await browser.runtime.sendMessage({ type: 'content/hello' } satisfies ContentHello).catch(() => null);
    // Admin overrides from the options page; unknown keys and non-strings are dropped.
    const selectors = mergeSelectors(helloSelectors(hello));

    // Gladly's help, developer and CDN pages share the host pattern: mount only in the agent app.
    if (!(await appShellAppears(selectors.appShell, ctx.signal))) return;

    const saved = await dockRead;
    // The sidebar frame, docked on the right. Mounted by hand rather than with WXT's
    // createIframeUi, whose anchor-watching (wait-element and its helpers, ≈ 2 kB gzip) this
    // one-time mount into <body> never uses.
    const wrapper = document.createElement('div');
    const iframe = document.createElement('iframe');
    iframe.src = browser.runtime.getURL('/sidebar.html');
    // The permission must be on the iframe before it is inserted: its policy is fixed when it loads.
    iframe.setAttribute('allow', 'clipboard-write');
    wrapper.append(iframe);
    document.body.append(wrapper);
    const dock = createDock(
      wrapper,
      iframe,
      { width: saved?.width ?? 380, collapsed: saved?.collapsed ?? false },
      (state) => {
        void askBackground({ type: 'dock/set', state });
      },
    );
    ctx.onInvalidated(() => {
      dock.destroy();
      wrapper.remove();
    });

    browser.runtime.onMessage.addListener((raw: unknown) => {
      // Only the background can send here (runtime messages come from this extension alone).
      const message = readTabMessage(raw);
      // The answer tells the toolbar button that this tab had a sidebar to toggle (else it opens the options).
      if (message?.type === 'sidebar/toggle') {
        dock.toggle();
        return Promise.resolve({ toggled: true } satisfies ToggleSidebarReply);
      }
      if (message?.type === 'gladly/insert-text') {
        const inserted = insertIntoReplyBox(document, selectors.replyBox, message.text);
        return Promise.resolve({ inserted } satisfies TabInsertTextReply);
      }
      return undefined;
    });

    function tellIdentity(identity: IdentityChanged['identity'], customerId: string | undefined, provisional: boolean) {
      // The signed-in agent (top bar) is only for the audit log: never part of the customer's identity.
      const agent = readAgentEmail(document, selectors);
      const message: IdentityChanged = {
        type: 'identity/changed',
        url: location.href,
        ...(customerId ? { customerId } : {}),
        identity,
        ...(agent ? { agent } : {}),
        ...(provisional ? { provisional: true as const } : {}),
      };
      void browser.runtime.sendMessage(message).catch(() => undefined);
    }

    watchGladly({
      window,
      selectors,
      signal: ctx.signal,
      onIdentity(identity, customerId) {
        tellIdentity(identity, customerId, false);
      },
      // A fresh panel, not yet trusted: the sidebar shows it now; the background writes nothing for it
      // until onIdentity trusts the same identity.
      onPreview(identity, customerId) {
        tellIdentity(identity, customerId, true);
      },
      // Lets the background start the lookup while the panel settles; the sidebar waits for onIdentity.
      onCandidate(identity, customerId) {
        if (identity.emails.length === 0 && identity.phones.length === 0) return;
        const message: IdentityCandidate = { type: 'identity/candidate', customerId, identity };
        void browser.runtime.sendMessage(message).catch(() => undefined);
      },
    });
  },
});

/** One message to the background; its reply's data, or null when it failed or did not answer. */
async function askBackground(message: { type: string } & Record<string, unknown>): Promise<unknown> {
  const reply = (await browser.runtime.sendMessage(message).catch(() => null)) as {
    ok?: unknown;
    data?: unknown;
  } | null;
  return reply?.ok === true ? (reply.data ?? null) : null;
}

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
