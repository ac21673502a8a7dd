/**
 * Wiring only: builds the services from lib/ and routes messages to them. The background is the
 * only holder of credentials and the only caller of BigCommerce (and of Gladly's REST API).
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { areaStore } from '../lib/core/kv-store';
import { createLinkStore } from '../lib/lookup/linking';
import { createLookupCache } from '../lib/lookup/cache';
import { samePhone } from '../lib/core/phone';
import { createConnectionApis } from '../lib/bigcommerce';
import { requiredScopes } from '../lib/bigcommerce/scopes';
import { describeError } from '../lib/background/errors';
import { createSettingsStore } from '../lib/settings/storage';
import type { Settings } from '../lib/settings/schema';
import { createVault } from '../lib/settings/vault';
import { isAgentAppHost } from '../lib/gladly/routes';
import { createRouter } from '../lib/background/router';
import { classifySender } from '../lib/background/senders';
import { createSidebarHub, type PortLike } from '../lib/background/sidebar-hub';
import { createConnectionRegistry } from '../lib/background/connections';
import { createLookupHandlers } from '../lib/background/lookup-service';
import { createTabHandlers } from '../lib/background/tab-service';
import { createOptionsHandlers } from '../lib/background/options-service';
import { createActionsHandlers } from '../lib/background/actions-service';
import { createAuditLog } from '../lib/actions/audit-log';
import { createGladlyBridge } from '../lib/background/gladly-bridge';
import { SIDEBAR_PORT } from '../lib/messages/sidebar';
import { sidebarConfig } from '../lib/background/sidebar-config';
import { createCommandHandler, createToolbarHandler } from '../lib/background/commands';

export default defineBackground(() => {
  const local = areaStore(browser.storage.local);
  const session = areaStore(browser.storage.session);

  const settings = createSettingsStore({ local, managed: () => browser.storage.managed.get().catch(() => ({})) });
  const vault = createVault({ indexedDB, local });
  const apisFor = (storeHash: string, accessToken: string, apiBaseUrl?: string) =>
    createConnectionApis({ storeHash, accessToken, apiBaseUrl, allowCustomBase: __E2E__ });
  const registry = createConnectionRegistry({
    connections: async () => (await settings.get()).connections,
    token: (id) => vault.getSecret(`connection:${id}`),
    create: (connection, token) =>
      createConnectionApis({
        storeHash: connection.storeHash,
        accessToken: token,
        apiBaseUrl: connection.apiBaseUrl,
        allowCustomBase: __E2E__,
        connectionId: connection.id,
        storeName: connection.name,
        defaultCurrency: connection.lastTest?.currency || undefined,
      }),
  });
  const links = createLinkStore(local);
  const cache = createLookupCache(session);
  const hub = createSidebarHub(session);
  const gladly = createGladlyBridge({ settings, vault });
  const agents = new Map<number, string | undefined>();

  // Who may talk to the background: the same rule for one-shot messages and the sidebar's port.
  const policy = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    isAllowedPage: isAgentAppHost,
  };

  const router = createRouter({
    policy,
    toErrorInfo: describeError,
    warn: (text) => console.warn(`[bigcommerce-for-gladly] ${text}`),
    handlers: [
      ...createTabHandlers({
        hub,
        selectors: async () => (await settings.get()).selectors,
        // One definition of "configured" for the content script and the sidebar: enabled, with a token.
        configured: async () => sidebarConfig(await settings.get()).configured === true,
        confirmIdentity: gladly.confirmIdentity,
        openOptions: () => browser.runtime.openOptionsPage(),
        sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
        setAgent: (tabId, agent) => agents.set(tabId, agent),
      }),
      ...createLookupHandlers({
        registry,
        links,
        cache,
        samePhone,
        toErrorInfo: describeError,
        onLinked: gladly.overwriteFromStore,
      }),
      ...createOptionsHandlers({ settings, vault, apisFor, requiredScopes, isE2E: __E2E__ }),
      ...createActionsHandlers({
        apisFor: async (connectionId) => (await registry.apis(connectionId)).apis,
        switches: async (connectionId) => (await registry.apis(connectionId)).connection.actions,
        audit: createAuditLog(local),
        cache,
        storage: local,
        agentFor: (tabId) => (tabId === undefined ? undefined : agents.get(tabId)),
      }),
    ],
  });

  browser.runtime.onMessage.addListener((message, sender) => router.onMessage(message, sender));

  browser.runtime.onConnect.addListener((port) => {
    const sender = classifySender(port.sender, policy);
    if (port.name !== SIDEBAR_PORT || sender.kind !== 'extension-page' || sender.page !== '/sidebar.html') {
      port.disconnect();
      return;
    }
    const post = (message: unknown) => {
      try {
        port.postMessage(message);
      } catch {
        // The sidebar went away mid-answer.
      }
    };
    port.onMessage.addListener((message: unknown) => void router.onPortMessage(message, sender, post));
    void (async () => {
      post(await sidebarConfig(await settings.get()));
      if (sender.tabId !== undefined) post(await hub.attach(sender.tabId, port as unknown as PortLike));
    })();
  });

  const settingsChanged = async (next: Settings) => {
    registry.reset();
    hub.broadcast(await sidebarConfig(next));
  };
  settings.onChange(settingsChanged);
  // A policy the administrator pushes applies at once, like a save on the options page.
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed')
      void settings
        .get()
        .then(settingsChanged)
        .catch(() => undefined);
  });

  browser.commands?.onCommand.addListener(
    createCommandHandler({
      activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
      sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    }),
  );

  // The toolbar button (no popup): toggles the sidebar on a Gladly tab, else opens the options page.
  // Firefox's MV2 build calls it browserAction.
  const toolbarClicked = createToolbarHandler({
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    openOptions: () => browser.runtime.openOptionsPage(),
  });
  (browser.action ?? browser.browserAction)?.onClicked.addListener((tab) => void toolbarClicked(tab));

  browser.tabs.onRemoved.addListener((tabId) => {
    agents.delete(tabId);
    void hub.forgetTab(tabId);
  });
});
