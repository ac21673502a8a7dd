/**
 * Finding 9 and "by unknown agent": the agent recorded with an action (audit log, staff note) is
 * what the page reports, marked so, unless Gladly's API (the sandbox's look-alike here) confirms it.
 */
import { describe, expect, it } from 'vitest';
import { createGladlyApp } from '../../../sandbox/gladly/app';
import { DECOYS, GLADLY_AGENTS, GLADLY_API_USER, personas } from '../../../sandbox/personas';
import { agentLabel, createAgentAttribution } from '../../../lib/background/agent-attribution';
import { createGladlyBridge, GLADLY_SECRET } from '../../../lib/background/gladly-bridge';
import { createTabHandlers } from '../../../lib/background/tab-service';
import { createSidebarHub } from '../../../lib/background/sidebar-hub';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import type { HandlerContext } from '../../../lib/background/handler';

const HOST = 'http://127.0.0.1:4011';
const SMITH = GLADLY_AGENTS[0].emailAddress;
const janeUrl = `${HOST}/customer/${personas.jane.gladlyId}/conversation/${personas.jane.conversationId}`;

/** The background's path: the content script's identity/changed → tab service → attribution. */
function setup(connected: boolean) {
  const app = createGladlyApp({ apiUser: GLADLY_API_USER });
  const apiCalls: string[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    gladlyApi: connected ? { host: HOST, email: GLADLY_API_USER.email, tokenHint: 'oken' } : null,
  };
  const bridge = createGladlyBridge({
    settings: { get: async () => settings },
    vault: { getSecret: async (name) => (name === GLADLY_SECRET ? GLADLY_API_USER.token : null) },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      apiCalls.push(new URL(String(input)).pathname);
      return app.request(String(input), init);
    }) as typeof fetch,
  });
  const agents = createAgentAttribution({ assignee: bridge.conversationAssignee });
  const pending: Promise<void>[] = [];
  const handlers = createTabHandlers({
    hub: createSidebarHub(null),
    selectors: async () => ({}),
    configured: async () => true,
    openOptions: async () => undefined,
    sendToTab: async () => undefined,
    setAgent: (tabId, agent, url) => void pending.push(agents.report(tabId, agent, url)),
  });
  const identityChanged = handlers.find((h) => h.type === 'identity/changed')!;
  const context: HandlerContext = { sender: { kind: 'content-script', tabId: 7, url: janeUrl }, emit: () => undefined };
  async function pageSays(agent: string | undefined, url = janeUrl): Promise<string | undefined> {
    const message = identityChanged.schema.parse({
      type: 'identity/changed',
      url,
      identity: null,
      ...(agent ? { agent } : {}),
    });
    await identityChanged.handle(message, context);
    await Promise.all(pending);
    return agents.label(7);
  }
  return { pageSays, apiCalls };
}

describe('who acted, for the audit log and the staff note', () => {
  it('Gladly API connected: the page-reported agent is confirmed as the conversation assignee', async () => {
    const { pageSays, apiCalls } = setup(true);
    expect(DECOYS.agentEmail).toBe(SMITH);
    expect(await pageSays(SMITH)).toBe(`${SMITH} (confirmed by Gladly)`);
    expect(apiCalls).toEqual([
      `/api/v1/conversations/${personas.jane.conversationId}`,
      `/api/v1/agents/${GLADLY_AGENTS[0].id}`,
    ]);
  });

  it('a page claiming someone else is recorded as such, next to the agent Gladly names', async () => {
    const { pageSays } = setup(true);
    expect(await pageSays('ceo@cooperco.example')).toBe(
      `ceo@cooperco.example (reported by the page; Gladly assigns the conversation to ${SMITH})`,
    );
  });

  it('a top bar marked up differently (no agent read): Gladly names the assignee, not "unknown agent"', async () => {
    const { pageSays } = setup(true);
    expect(await pageSays(undefined)).toBe(`${SMITH} (the conversation's assignee in Gladly)`);
  });

  it('no Gladly API: the page report is marked as the page\'s, and only no source at all is "unknown"', async () => {
    const { pageSays, apiCalls } = setup(false);
    expect(await pageSays(SMITH)).toBe(`${SMITH} (reported by the page)`);
    expect(await pageSays(undefined)).toBeUndefined();
    expect(apiCalls).toEqual([]);
  });

  it("an unknown conversation or a failing API leaves the page report marked as the page's", async () => {
    const { pageSays } = setup(true);
    const url = `${HOST}/customer/${personas.jane.gladlyId}/conversation/NoSuchConversation1`;
    expect(await pageSays(SMITH, url)).toBe(`${SMITH} (reported by the page)`);
    expect(agentLabel('  ', null)).toBeUndefined();
  });
});
