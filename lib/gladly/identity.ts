/**
 * Reads the current customer's identity from Gladly's Customer Details panel.
 *
 * Only the panel is read. The conversation timeline (emails and phones written by customers) and
 * the top bar (the signed-in agent's own email) are decoys: the panel is located from known
 * anchors (the name input, the email elements, the orders card) — their nearest common ancestor —
 * unless an admin set a panel selector, and nothing inside the timeline or top bar is ever read.
 */
import type { Identity } from '../messages/identity';
import { queryAll, queryOne, type GladlySelectors } from './selectors';

export interface PanelSnapshot {
  identity: Identity;
  /** Name, emails and phones only: equal for two panels showing the same contact data. */
  key: string;
  /** Everything the panel shows (its text and the name): tells two renders apart. */
  fingerprint: string;
}

const MAX_ITEMS = 50;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
// As agents type them: "650 123 4569", "(415) 555-0142", "+44 20 7946 0958", "303.555.0188 x12".
const PHONE = /^\+?[\d\s().\-/]{6,30}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i;

export function readIdentity(root: Document, selectors: GladlySelectors, customerId?: string): Identity | null {
  return readPanel(root, selectors, customerId)?.identity ?? null;
}

/** The panel's identity plus what the watcher needs to tell one render from another; null: no panel. */
export function readPanel(root: Document, selectors: GladlySelectors, customerId?: string): PanelSnapshot | null {
  const excluded = excludedRegions(root, selectors);
  const panel = locatePanel(root, selectors, excluded);
  if (!panel) return null;
  const outside = (el: Element) => !excluded.some((region) => region.contains(el));

  const nameElement = queryAll(panel, selectors.nameInput).find(outside);
  const name = nameElement ? readName(nameElement) : '';
  const emails = readEmails(panel, selectors, outside);
  const phones = readPhones(panel, selectors, outside);

  const identity: Identity = {
    ...(customerId ? { gladlyCustomerId: customerId } : {}),
    ...(name ? { name: name.slice(0, 300) } : {}),
    emails: emails.map((value) => ({ value, source: 'panel' as const })),
    phones: phones.map((phone) => ({ ...phone, source: 'panel' as const })),
  };
  const key = JSON.stringify([name, emails, phones]);
  return { identity, key, fingerprint: `${key}\u0000${collapse(panel.textContent ?? '')}` };
}

/** The signed-in agent's email from the top bar, for the audit log only (never the customer's). */
export function readAgentEmail(root: Document, selectors: GladlySelectors): string | undefined {
  const text = collapse(queryOne(root, selectors.agentEmail)?.textContent ?? '');
  return EMAIL.test(text) && text.length <= 320 ? text : undefined;
}

/** The panel element, or null while it is not rendered (skeleton) or cannot be told apart. */
export function locatePanel(
  root: Document,
  selectors: GladlySelectors,
  excluded = excludedRegions(root, selectors),
): Element | null {
  if (selectors.panel) return queryOne(root, selectors.panel);
  const outside = (el: Element) => !excluded.some((region) => region.contains(el));
  const names = queryAll(root, selectors.nameInput).filter(outside);
  // Two name headers at once (a transition): wait rather than guess which one is current.
  if (names.length > 1) return null;
  const anchors = [...names, ...queryAll(root, selectors.email), ...queryAll(root, selectors.ordersCard)].filter(
    outside,
  );
  const first = anchors[0];
  if (!first) return null;
  let panel: Element | null = first;
  while (panel && !anchors.every((anchor) => panel?.contains(anchor))) panel = panel.parentElement;
  if (!panel) return null;
  // An anchor class reused outside the panel would widen it over the timeline or top bar:
  // fall back to the widest ancestor of the first anchor that holds neither.
  if (excluded.some((region) => panel?.contains(region)) || panel === root.body || panel === root.documentElement) {
    panel = first;
    let parent = panel.parentElement;
    while (parent && parent !== root.body && !excluded.some((region) => parent?.contains(region))) {
      panel = parent;
      parent = parent.parentElement;
    }
  }
  return panel;
}

function excludedRegions(root: Document, selectors: GladlySelectors): Element[] {
  return [
    ...queryAll(root, selectors.timeline),
    ...queryAll(root, selectors.topBar),
    ...queryAll(root, selectors.agentEmail),
  ];
}

function readName(element: Element): string {
  const value = 'value' in element && typeof element.value === 'string' ? element.value : (element.textContent ?? '');
  return collapse(value);
}

function readEmails(panel: Element, selectors: GladlySelectors, outside: (el: Element) => boolean): string[] {
  const found: string[] = [];
  for (const element of queryAll(panel, selectors.email).filter(outside))
    found.push(collapse(element.textContent ?? ''));
  for (const link of queryAll(panel, 'a[href^="mailto:" i]').filter(outside)) {
    const href = link.getAttribute('href') ?? '';
    found.push(safeDecode(href.slice('mailto:'.length).split('?')[0] ?? ''));
  }
  return unique(
    found.filter((email) => email.length <= 320 && EMAIL.test(email)),
    (email) => email.toLowerCase(),
  );
}

function readPhones(
  panel: Element,
  selectors: GladlySelectors,
  outside: (el: Element) => boolean,
): Array<{ value: string; type?: string }> {
  const labels = new Map(
    selectors.phoneTypeLabels
      .split(',')
      .map((label) => label.trim())
      .filter(Boolean)
      .map((label) => [label.toLowerCase(), label] as const),
  );
  const found: Array<{ value: string; type?: string }> = [];

  if (selectors.phoneRow) {
    for (const row of queryAll(panel, selectors.phoneRow).filter(outside)) {
      const texts = leafTexts(row);
      const value = texts.find(isPhone) ?? phoneIn(row.textContent ?? '');
      if (!value) continue;
      const type = texts.map((text) => labels.get(text.toLowerCase())).find(Boolean);
      found.push(type ? { value, type } : { value });
    }
  } else {
    // A phone is the text right beside its type label ("650 123 4569" · "Mobile").
    for (const element of Array.from(panel.querySelectorAll('*')).filter(outside)) {
      if (element.children.length > 0) continue;
      const type = labels.get(collapse(element.textContent ?? '').toLowerCase());
      if (!type) continue;
      const value = phoneBeside(element, panel);
      if (value) found.push({ value, type });
    }
  }
  for (const link of queryAll(panel, 'a[href^="tel:" i]').filter(outside)) {
    const text = collapse(link.textContent ?? '');
    const value = isPhone(text) ? text : safeDecode((link.getAttribute('href') ?? '').slice('tel:'.length));
    if (isPhone(value)) found.push({ value });
  }
  // The same number may be found by a label and a tel: link: keep the typed one.
  return unique(found.slice(0, MAX_ITEMS * 2), (phone) => digits(phone.value)).slice(0, MAX_ITEMS);
}

/** The phone-like text among the label's siblings, looking up to two levels up (still inside the panel). */
function phoneBeside(label: Element, panel: Element): string | undefined {
  let node: Element | null = label;
  for (let level = 0; level < 3 && node && node !== panel; level++) {
    const parent: Element | null = node.parentElement;
    if (!parent) return undefined;
    for (const sibling of Array.from(parent.children)) {
      if (sibling === node) continue;
      const value = leafTexts(sibling).find(isPhone);
      if (value) return value;
    }
    node = parent;
  }
  return undefined;
}

function leafTexts(element: Element): string[] {
  if (element.children.length === 0) return [collapse(element.textContent ?? '')];
  return Array.from(element.children).flatMap(leafTexts);
}

function phoneIn(text: string): string | undefined {
  const candidate = /\+?[\d(][\d\s().\-/]{5,28}\d/.exec(text)?.[0];
  return candidate && isPhone(candidate) ? collapse(candidate) : undefined;
}

function isPhone(text: string): boolean {
  if (!PHONE.test(text)) return false;
  const count = digits(text).length;
  return count >= 7 && count <= 20;
}

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function safeDecode(text: string): string {
  try {
    return collapse(decodeURIComponent(text));
  } catch {
    return collapse(text);
  }
}

function unique<T>(items: T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items
    .filter((item) => {
      const key = keyOf(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_ITEMS);
}
