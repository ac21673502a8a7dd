/**
 * How the content script finds things in Gladly's page. Gladly publishes no DOM contract, so
 * every entry is a default an admin can override in the options page (key → CSS selector).
 * An empty string means "locate it from the known anchors" (see identity.ts).
 */
export const DEFAULT_SELECTORS = {
  /** Present only in the agent app (not on Gladly's help, developer or CDN pages). */
  appShell: '[data-aid="customerName-input"], [data-aid], .customerConversationItemCard',
  /** The Customer Details panel; empty: the nearest common ancestor of the anchors below. */
  panel: '',
  /** The name header's input: the name is its value. */
  nameInput: '[data-aid="customerName-input"]',
  /** One element per email address in the contact card. */
  email: '.customerEmailDisplay-email',
  /** One element per phone row; empty: a phone is the text next to a type label. */
  phoneRow: '',
  /** The words Gladly writes beside a phone number, comma-separated. */
  phoneTypeLabels: 'Mobile, Home, Office, Other',
  /** The "N Orders" card: another anchor that lies inside the panel. */
  ordersCard: '[data-aid="order-number-section"]',
  /** The conversation timeline: never read (customers write other people's emails there). */
  timeline: '[data-aid="conversation-timeline"], [role="log"]',
  /** The signed-in agent's email in the top bar: for the audit log only, never the customer's. */
  agentEmail: '[data-aid="currentAgent-email"]',
  /** The reply box the agent types in (the discount dialog can put a code there). */
  replyBox:
    '[data-aid="reply-composer"] [contenteditable="true"], [data-aid="reply-composer"] textarea, [contenteditable="true"][role="textbox"]',
  /** The top bar: never read for the customer. */
  topBar: '[data-aid="app-topbar"], header[role="banner"]',
} as const;

export type SelectorKey = keyof typeof DEFAULT_SELECTORS;
export type GladlySelectors = Record<SelectorKey, string>;

/** Admin overrides over the defaults: unknown keys and non-strings are ignored. */
export function mergeSelectors(overrides: Record<string, unknown> | null | undefined): GladlySelectors {
  const merged: GladlySelectors = { ...DEFAULT_SELECTORS };
  if (!overrides) return merged;
  for (const key of Object.keys(DEFAULT_SELECTORS) as SelectorKey[]) {
    const value = overrides[key];
    if (typeof value === 'string') merged[key] = value.trim();
  }
  return merged;
}

/** querySelectorAll that treats an admin's invalid selector as "nothing found" rather than a crash. */
export function queryAll(root: ParentNode, selector: string): Element[] {
  if (!selector) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function queryOne(root: ParentNode, selector: string): Element | null {
  if (!selector) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}
