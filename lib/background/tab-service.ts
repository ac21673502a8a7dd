/**
 * Messages about the Gladly tab: the content script says hello (gets the detection selectors) and
 * reports who the agent is looking at; the sidebar asks to open the settings or to put text into
 * Gladly's reply box. The current customer per tab is kept by the sidebar hub.
 */
import type { z } from 'zod';
import { ContentHelloSchema, type ContentHelloReply, type TabMessage } from '../messages/content';
import { IdentityCandidateSchema, IdentityChangedSchema, type Identity } from '../messages/identity';
import { InsertTextSchema, OpenOptionsSchema, type InsertTextReply } from '../messages/sidebar';
import { queryKey } from '../messages/lookup';
import type { MessageHandler } from './handler';
import type { SidebarHub } from './sidebar-hub';
import type { WriteGate } from './write-gate';

export interface TabServiceDeps {
  hub: SidebarHub;
  selectors(): Promise<Record<string, string>>;
  configured(): Promise<boolean>;
  /** Confirms and completes the panel's identity with Gladly's REST API, when an admin set it up. */
  confirmIdentity?(customerId: string, identity: Identity): Promise<Identity>;
  /** The customer's identity from Gladly's REST API alone (null without one): read at navigation. */
  identityFromApi?(customerId: string): Promise<Identity | null>;
  openOptions(): Promise<void>;
  sendToTab(tabId: number, message: TabMessage): Promise<unknown>;
  /** The signed-in agent the page reports per tab, and the page's URL (for the audit log). */
  setAgent?(tabId: number, agent: string | undefined, url: string): void;
  /** Starts the lookup of a panel not yet trusted, for the sidebar to take over if it asks the same. */
  prefetch?(tabId: number, identity: Identity): void;
  /** Holds a previewed panel's lookup writes until the panel is trusted (without it, previews are ignored). */
  writeGate?: WriteGate;
  /** Whether previewed panels may be shown (not in team mode: the team service makes its links itself). */
  previewAllowed?(): Promise<boolean>;
}

export function createTabHandlers(deps: TabServiceDeps): MessageHandler[] {
  // A confirmation that comes back after the agent moved on must not overwrite the newer customer.
  const latest = new Map<number, number>();
  let sequence = 0;
  /** Each tab's newest message, shown or not (a preview must not overtake a later message). */
  const arrived = new Map<number, number>();
  /** Tabs showing the identity Gladly's API gave at navigation, by customer id (until the panel confirms it). */
  const apiShown = new Map<number, string>();

  const hello: MessageHandler<z.infer<typeof ContentHelloSchema>> = {
    type: 'content/hello',
    schema: ContentHelloSchema,
    from: ['content-script'],
    async handle(): Promise<ContentHelloReply> {
      return { selectors: await deps.selectors(), configured: await deps.configured() };
    },
  };

  const identityChanged: MessageHandler<z.infer<typeof IdentityChangedSchema>> = {
    type: 'identity/changed',
    schema: IdentityChangedSchema,
    from: ['content-script'],
    async handle(message, { sender }) {
      if (sender.kind !== 'content-script') return null;
      const tabId = sender.tabId;
      const gate = deps.writeGate;
      const mine = ++sequence;
      arrived.set(tabId, mine);
      if (message.provisional) {
        // A preview is shown only where its writes can be held back; otherwise the trusted panel follows soon.
        if (!gate || !message.identity || (await deps.previewAllowed?.()) === false) return null;
        // Whatever came from the tab while that was asked (the agent moved on) is newer than the preview.
        if (arrived.get(tabId) !== mine) return null;
      }
      // Set only now: a preview not shown must not make an earlier message's late answer look stale.
      latest.set(tabId, mine);
      if (message.provisional) gate?.hold(tabId);
      // The agent moved on before the preview was trusted: the latest preview's writes go out.
      else if (!message.identity) gate?.settle(tabId, null);
      deps.setAgent?.(tabId, message.agent, message.url);
      const { customerId } = message;
      let identity = message.identity;
      if (!identity && customerId && deps.identityFromApi) {
        // The agent just navigated: the old customer goes at once, and Gladly's API says who the
        // new one is while the page is still rendering (the panel confirms it later).
        const asking = deps.identityFromApi(customerId).catch(() => null);
        await deps.hub.setIdentity(tabId, { customerId, identity: null });
        const fromApi = await asking;
        if (!fromApi || latest.get(tabId) !== mine) return null;
        apiShown.set(tabId, customerId);
        deps.prefetch?.(tabId, fromApi);
        await deps.hub.setIdentity(tabId, { customerId, identity: fromApi });
        return null;
      }
      if (identity && customerId && deps.confirmIdentity) {
        // Show the panel's identity at once unless the API's is already on screen for this customer;
        // the confirmed one replaces it when it lands.
        if (apiShown.get(tabId) !== customerId) await deps.hub.setIdentity(tabId, { customerId, identity });
        identity = await deps.confirmIdentity(customerId, identity).catch(() => identity);
        if (latest.get(tabId) !== mine) return null;
      }
      if (!identity || apiShown.get(tabId) !== customerId) apiShown.delete(tabId);
      // Trusted: the writes of the previewed panel's lookup go out if it was this identity (gone: above).
      if (!message.provisional && identity) gate?.settle(tabId, queryKey({ kind: 'identity', identity }));
      await deps.hub.setIdentity(tabId, { customerId, identity });
      return null;
    },
  };

  const candidate: MessageHandler<z.infer<typeof IdentityCandidateSchema>> = {
    type: 'identity/candidate',
    schema: IdentityCandidateSchema,
    from: ['content-script'],
    async handle(message, { sender }) {
      if (sender.kind !== 'content-script') return null;
      if (message.identity.emails.length === 0 && message.identity.phones.length === 0) return null;
      // With Gladly's API the sidebar will ask for the confirmed identity: look that one up.
      const identity = deps.confirmIdentity
        ? await deps.confirmIdentity(message.customerId, message.identity).catch(() => message.identity)
        : message.identity;
      deps.prefetch?.(sender.tabId, identity);
      return null;
    },
  };

  const openOptions: MessageHandler<z.infer<typeof OpenOptionsSchema>> = {
    type: 'open-options',
    schema: OpenOptionsSchema,
    from: ['extension-page'],
    async handle() {
      await deps.openOptions();
      return null;
    },
  };

  const insertText: MessageHandler<z.infer<typeof InsertTextSchema>> = {
    type: 'gladly/insert-text',
    schema: InsertTextSchema,
    from: ['extension-page'],
    pages: ['/sidebar.html'],
    async handle(message, { sender }) {
      if (sender.kind !== 'extension-page' || sender.tabId === undefined)
        throw new Error('No Gladly tab to insert into.');
      const reply = await deps.sendToTab(sender.tabId, { type: 'gladly/insert-text', text: message.text });
      return insertTextReplyOf(reply);
    },
  };

  return [hello, identityChanged, candidate, openOptions, insertText] as MessageHandler[];
}

/** The tab's answer as the sidebar may read it: only the one flag, or null when there is none. */
function insertTextReplyOf(reply: unknown): InsertTextReply | null {
  if (typeof reply !== 'object' || reply === null || !('inserted' in reply)) return null;
  return typeof reply.inserted === 'boolean' ? { inserted: reply.inserted } : null;
}
