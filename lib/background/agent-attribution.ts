/**
 * Who acted, for the audit log and the order's staff note. The Gladly page reports the signed-in
 * agent (its top bar), but a page can say anything: that name is recorded as "reported by the
 * page" unless Gladly's REST API (when an admin connected it) confirms it as the agent assigned
 * to the conversation on screen. With no page report, the API's assignee is named as such;
 * "unknown agent" only when there is no source at all.
 */
import { parseGladlyRoute } from '../gladly/routes';

export interface ConfirmedAgent {
  email?: string;
  name?: string;
}

/** The label recorded with an action, or undefined when nothing at all names the agent. */
export function agentLabel(reported: string | undefined, confirmed: ConfirmedAgent | null): string | undefined {
  const page = reported?.trim() || undefined;
  const gladly = confirmed?.email?.trim() || confirmed?.name?.trim() || undefined;
  if (gladly && (!page || page.toLowerCase() === gladly.toLowerCase()))
    return page ? `${gladly} (confirmed by Gladly)` : `${gladly} (the conversation's assignee in Gladly)`;
  if (page && gladly) return `${page} (reported by the page; Gladly assigns the conversation to ${gladly})`;
  return page ? `${page} (reported by the page)` : undefined;
}

export interface AgentAttributionDeps {
  /** The agent Gladly's API says is assigned to a conversation; null when it cannot say (not connected). */
  assignee?(conversationId: string): Promise<ConfirmedAgent | null>;
}

export interface AgentAttribution {
  /** The content script's report for a tab: what the page says and the URL it is on. */
  report(tabId: number, reported: string | undefined, url: string): Promise<void>;
  label(tabId: number | undefined): string | undefined;
  forget(tabId: number): void;
}

export function createAgentAttribution(deps: AgentAttributionDeps): AgentAttribution {
  const labels = new Map<number, string | undefined>();
  // An answer that lands after the agent moved on must not overwrite the newer report.
  const latest = new Map<number, number>();
  let sequence = 0;
  return {
    async report(tabId, reported, url) {
      const mine = ++sequence;
      latest.set(tabId, mine);
      labels.set(tabId, agentLabel(reported, null));
      const { conversationId } = parseGladlyRoute(url);
      if (!conversationId || !deps.assignee) return;
      const confirmed = await deps.assignee(conversationId).catch(() => null);
      if (confirmed && latest.get(tabId) === mine) labels.set(tabId, agentLabel(reported, confirmed));
    },
    label: (tabId) => (tabId === undefined ? undefined : labels.get(tabId)),
    forget(tabId) {
      labels.delete(tabId);
      latest.delete(tabId);
    },
  };
}
