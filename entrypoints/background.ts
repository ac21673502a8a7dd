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
import { isTeamMode, teamOf, type Settings } from '../lib/settings/schema';
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
import { createCommandHandler } from '../lib/background/commands';
import { createTeamClient, type TeamEndpoint } from '../lib/team/client';
import { withTeamForwarding } from '../lib/team/forwarding';
import { readTeamProfile, saveTeamProfile } from '../lib/team/profile';
import { createTeamOptionsHandlers } from '../lib/background/team-options';

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
  const agentFor = (tabId?: number) => (tabId === undefined ? undefined : agents.get(tabId));

  // Team mode: the saved address and the sealed key, kept decrypted in memory (never storage)
  // until the settings change, like the store tokens in the registry.
  let teamEndpoint: Promise<TeamEndpoint | null> | null = null;
  const team = createTeamClient({
    fetch: (input, init) => fetch(input, init),
    endpoint: () => {
      const read = (teamEndpoint ??= (async () => {
        const { serviceUrl } = teamOf(await settings.get());
        const key = serviceUrl === null ? null : await vault.getSecret('team-key');
        return serviceUrl !== null && key ? { serviceUrl, key } : null;
      })());
      read.catch(() => {
        if (teamEndpoint === read) teamEndpoint = null;
      });
      return read;
    },
  });
  /** The sidebar's config: this browser's connections, or in team mode the service's stores. */
  const currentConfig = async (current?: Settings) => {
    const s = current ?? (await settings.get());
    const { serviceUrl } = teamOf(s);
    return sidebarConfig(s, isTeamMode(s) && serviceUrl ? await readTeamProfile(local, serviceUrl) : null);
  };
  /** In team mode, ask the service for this agent's stores again; the sidebars hear of a change. */
  const refreshTeamProfile = async () => {
    const s = await settings.get();
    const { serviceUrl } = teamOf(s);
    if (!isTeamMode(s) || !serviceUrl) return;
    const before = JSON.stringify((await readTeamProfile(local, serviceUrl))?.stores ?? null);
    const profile = await team.me();
    await saveTeamProfile(local, serviceUrl, profile);
    if (JSON.stringify(profile.stores) !== before) hub.broadcast(await currentConfig());
  };

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
        configured: async () => (await currentConfig()).configured === true,
        confirmIdentity: gladly.confirmIdentity,
        openOptions: () => browser.runtime.openOptionsPage(),
        sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
        setAgent: (tabId, agent) => agents.set(tabId, agent),
      }),
      // In team mode these go to the team service, after the same sender and schema checks.
      ...withTeamForwarding(
        [
          ...createLookupHandlers({
            registry,
            links,
            cache,
            samePhone,
            toErrorInfo: describeError,
            onLinked: gladly.overwriteFromStore,
          }),
          ...createActionsHandlers({
            apisFor: async (connectionId) => (await registry.apis(connectionId)).apis,
            switches: async (connectionId) => (await registry.apis(connectionId)).connection.actions,
            audit: createAuditLog(local),
            cache,
            storage: local,
            agentFor,
          }),
        ],
        { teamMode: async () => isTeamMode(await settings.get()), client: team, agentFor },
      ),
      ...createOptionsHandlers({ settings, vault, apisFor, requiredScopes, isE2E: __E2E__ }),
      ...createTeamOptionsHandlers({
        settings,
        vault,
        local,
        client: team,
        isE2E: __E2E__,
        onProfile: () => void currentConfig().then((config) => hub.broadcast(config)),
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
      post(await currentConfig());
      if (sender.tabId !== undefined) post(await hub.attach(sender.tabId, port as unknown as PortLike));
      // A store added or switched off on the service reaches the sidebar without a Connect.
      await refreshTeamProfile().catch(() => undefined);
    })();
  });

  const settingsChanged = async (next: Settings) => {
    registry.reset();
    teamEndpoint = null;
    hub.broadcast(await currentConfig(next));
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

  browser.tabs.onRemoved.addListener((tabId) => {
    agents.delete(tabId);
    void hub.forgetTab(tabId);
  });
});
