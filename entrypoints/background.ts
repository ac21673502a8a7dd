/**
 * Wiring only: builds the services from lib/ and routes messages to them. The background is the
 * only holder of credentials and the only caller of BigCommerce (and of Gladly's REST API).
 */
// First: marks when the script began to run (the benchmark's split of a cold start).
import '../lib/background/start-mark';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { areaStore } from '../lib/core/kv-store';
import { indexedDbStore } from '../lib/core/idb-store';
import { afterReady, moveOutOfLocal } from '../lib/core/move-out-of-local';
import { createDockHandlers } from '../lib/background/dock-service';
import { createLinkStore } from '../lib/lookup/linking';
import { createLookupCache } from '../lib/lookup/cache';
import { samePhone } from '../lib/core/phone';
import { withPhoneDisplays } from '../lib/background/phone-display';
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
import { createLookupHandlers, createLookupRunner, type LookupServiceDeps } from '../lib/background/lookup-service';
import { createLookupPrefetch } from '../lib/background/lookup-prefetch';
import { createWriteGate } from '../lib/background/write-gate';
import { createHistoryHandlers } from '../lib/background/history-service';
import { createTabHandlers } from '../lib/background/tab-service';
import { createOptionsHandlers } from '../lib/background/options-service';
import { createActionsHandlers } from '../lib/background/actions-service';
import { createAuditLog } from '../lib/actions/audit-log';
import { createGladlyBridge } from '../lib/background/gladly-bridge';
import { SIDEBAR_PORT } from '../lib/messages/sidebar';
import { sidebarConfig } from '../lib/background/sidebar-config';
import { createCommandHandler, createToolbarHandler } from '../lib/background/commands';
import { createTeamClient, type TeamEndpoint } from '../lib/team/client';
import { withTeamForwarding } from '../lib/team/forwarding';
import { withTimeline } from '../lib/background/actions/timeline';
import { readTeamProfile, saveTeamProfile } from '../lib/team/profile';
import { createTeamOptionsHandlers } from '../lib/background/team-options';
import { createAgentAttribution } from '../lib/background/agent-attribution';

export default defineBackground(() => {
  // Every module of the bundle is evaluated (zod's schemas built) by now: the benchmark's split of start-up.
  performance.mark('background-evaluated');
  // Everything that matters lives in the extension's own IndexedDB, out of content scripts' reach;
  // what an earlier version kept in storage.local is moved there once (and deleted) before any use.
  const state = indexedDbStore(indexedDB);
  const moved = moveOutOfLocal(browser.storage.local, state).catch((error: unknown) => {
    console.warn('[bigcommerce-for-gladly] Could not move settings out of storage.local');
    throw error;
  });
  const local = afterReady(state, moved);
  // storage.session holds the lookup cache and each tab's customer: trusted contexts only (the
  // default in Chrome; said explicitly so no content script ever gets it).
  void Promise.resolve(browser.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })).catch(
    () => undefined,
  );
  const session = areaStore(browser.storage.session);

  const settings = createSettingsStore({ local, managed: () => browser.storage.managed.get().catch(() => ({})) });
  // The settings as last read, for the hot paths (hello, the sidebar's config): one read per
  // worker start or settings change instead of one per message. Read at once, in parallel with
  // the vault's key (below), not when the first message waits for it.
  let settingsRead: Promise<Settings> | null = null;
  const currentSettings = (): Promise<Settings> => {
    const read = (settingsRead ??= settings.get());
    read.catch(() => {
      if (settingsRead === read) settingsRead = null;
    });
    return read;
  };
  void currentSettings().catch(() => undefined);
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
  // Read now, like the settings: a lookup then knows at once whether it must search or is linked.
  links.warm();
  const cache = createLookupCache(session);
  const hub = createSidebarHub(session);
  const gladly = createGladlyBridge({ settings, vault, samePhone });
  // Who acted: what the page reports, confirmed through Gladly's API when it is connected.
  const agents = createAgentAttribution({ assignee: gladly.conversationAssignee });
  const agentFor = (tabId?: number) => agents.label(tabId);

  // Team mode: the saved address and the sealed key, kept decrypted in memory (never storage)
  // until the settings change, like the store tokens in the registry.
  let teamEndpoint: Promise<TeamEndpoint | null> | null = null;
  const team = createTeamClient({
    fetch: (input, init) => fetch(input, init),
    endpoint: () => {
      const read = (teamEndpoint ??= (async () => {
        const { serviceUrl } = teamOf(await currentSettings());
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
    const s = current ?? (await currentSettings());
    const { serviceUrl } = teamOf(s);
    return sidebarConfig(s, isTeamMode(s) && serviceUrl ? await readTeamProfile(local, serviceUrl) : null);
  };
  /** In team mode, ask the service for this agent's stores again; the sidebars hear of a change. */
  const refreshTeamProfile = async () => {
    const s = await currentSettings();
    const { serviceUrl } = teamOf(s);
    if (!isTeamMode(s) || !serviceUrl) return;
    const before = JSON.stringify((await readTeamProfile(local, serviceUrl))?.stores ?? null);
    const profile = await team.me();
    await saveTeamProfile(local, serviceUrl, profile);
    if (JSON.stringify(profile.stores) !== before) hub.broadcast(await currentConfig());
  };

  // Who may talk to the background: the same rule for one-shot messages and the sidebar's port.
  // Agent-app pages are an allow-list: the organisation's Gladly host once the settings name one.
  let orgHost: string | null = null;
  const orgHostReady = settings
    .get()
    .then((current) => {
      orgHost = current.gladlyApi?.host ?? null;
    })
    .catch(() => undefined);
  const policy = {
    extensionId: browser.runtime.id,
    extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
    isAllowedPage: (url: string) => isAgentAppHost(url, __E2E__, orgHost),
  };

  const lookupDeps: LookupServiceDeps = {
    registry,
    links,
    cache,
    samePhone,
    toErrorInfo: describeError,
    onLinked: gladly.overwriteFromStore,
  };
  const prefetch = createLookupPrefetch({ run: createLookupRunner(lookupDeps) });
  lookupDeps.prefetch = prefetch;
  const writeGate = createWriteGate();
  lookupDeps.writeGate = writeGate;

  const audit = createAuditLog(local);
  const router = createRouter({
    policy,
    toErrorInfo: describeError,
    warn: (text) => console.warn(`[bigcommerce-for-gladly] ${text}`),
    handlers: [
      ...createTabHandlers({
        hub,
        selectors: async () => (await currentSettings()).selectors,
        // One definition of "configured" for the content script and the sidebar: enabled, with a token.
        configured: async () => (await currentConfig()).configured === true,
        confirmIdentity: gladly.confirmIdentity,
        identityFromApi: gladly.identityFor,
        openOptions: () => browser.runtime.openOptionsPage(),
        sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
        setAgent: (tabId, agent, url) => void agents.report(tabId, agent, url),
        prefetch: (tabId, identity) => prefetch.start(tabId, { kind: 'identity', identity }),
        writeGate,
        previewAllowed: async () => !isTeamMode(await currentSettings()),
      }),
      ...createDockHandlers(local),
      ...createHistoryHandlers({ registry }),
      // In team mode these go to the team service, after the same sender and schema checks; the
      // actions' outcomes are posted to the Gladly timeline from here in both modes.
      ...withTimeline(
        withTeamForwarding(
          [
            ...createLookupHandlers(lookupDeps),
            ...createActionsHandlers({
              apisFor: async (connectionId) => (await registry.apis(connectionId)).apis,
              switches: async (connectionId) => (await registry.apis(connectionId)).connection.actions,
              audit,
              cache,
              storage: local,
              agentFor,
            }),
          ],
          { teamMode: async () => isTeamMode(await currentSettings()), client: team, agentFor },
        ),
        {
          gladly: gladly.timeline,
          storeName: async (id) => (await currentConfig()).connections.find((c) => c.id === id)?.name,
          agentFor,
          annotate: async (actionId, line) => {
            if (!isTeamMode(await currentSettings())) await audit.annotate?.(actionId, line);
          },
        },
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

  browser.runtime.onMessage.addListener(async (message, sender) => {
    await orgHostReady;
    return router.onMessage(message, sender);
  });

  browser.runtime.onConnect.addListener((port) => {
    // Messages that arrive while the organisation's host is still being read wait for the check.
    const early: unknown[] = [];
    let deliver: ((message: unknown) => void) | null = null;
    port.onMessage.addListener((message: unknown) => (deliver ? deliver(message) : early.push(message)));
    void orgHostReady.then(() => {
      const sender = classifySender(port.sender, policy);
      if (port.name !== SIDEBAR_PORT || sender.kind !== 'extension-page' || sender.page !== '/sidebar.html') {
        port.disconnect();
        return;
      }
      const post = (message: unknown) => {
        try {
          // Phones formatted here, so the sidebar's bundle needs no libphonenumber.
          port.postMessage(withPhoneDisplays(message));
        } catch {
          // The sidebar went away mid-answer.
        }
      };
      deliver = (message) => void router.onPortMessage(message, sender, post);
      for (const message of early.splice(0)) deliver(message);
      void (async () => {
        post(await currentConfig());
        if (sender.tabId !== undefined) post(await hub.attach(sender.tabId, port as unknown as PortLike));
        // A store added or switched off on the service reaches the sidebar without a Connect.
        await refreshTeamProfile().catch(() => undefined);
      })();
    });
  });

  const settingsChanged = async (next: Settings) => {
    settingsRead = Promise.resolve(next);
    orgHost = next.gladlyApi?.host ?? null;
    registry.reset();
    gladly.reset();
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

  // The toolbar button (no popup): toggles the sidebar on a Gladly tab, else opens the options page.
  // Firefox's MV2 build calls it browserAction.
  const toolbarClicked = createToolbarHandler({
    sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
    openOptions: () => browser.runtime.openOptionsPage(),
  });
  (browser.action ?? browser.browserAction)?.onClicked.addListener((tab) => void toolbarClicked(tab));

  browser.tabs.onRemoved.addListener((tabId) => {
    agents.forget(tabId);
    prefetch.forget(tabId);
    writeGate.forget(tabId);
    void hub.forgetTab(tabId);
  });
  // A worker that just started (Chrome stops idle ones) gets ready for the first lookup while the
  // page is still rendering: settings read, tokens decrypted, clients built, the cache loaded.
  void registry
    .enabled()
    .then((list) => Promise.all(list.map((c) => registry.apis(c.id).catch(() => undefined))))
    .catch(() => undefined);
  void cache.get('', '').catch(() => undefined);
  // The worker's start-up (script evaluated, listeners wired), read by the benchmark.
  performance.mark('background-ready');
});
