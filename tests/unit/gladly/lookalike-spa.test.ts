// @vitest-environment happy-dom
/**
 * The look-alike's own page script (the single-page app) in a DOM, with the watcher following it:
 * link clicks push a new URL, the old panel lingers, a skeleton shows, then the new customer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_SCRIPT } from '../../../sandbox/gladly/client';
import { watchGladly } from '../../../lib/gladly/watcher';
import { parseGladlyRoute } from '../../../lib/gladly/routes';
import { DEFAULT_SELECTORS } from '../../../lib/gladly/selectors';
import { MERGED_GLADLY_ID, MERGED_INTO, personas } from '../../../sandbox/personas';
import type { Identity } from '../../../lib/messages/identity';
import { app, pageHtml, personaPath } from './helpers';

const LINGER = 250;
const SKELETON = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const controller = new AbortController();
const emissions: Array<{ identity: Identity | null; customerId?: string; urlCustomerId?: string }> = [];

const nameShown = () => document.querySelector<HTMLInputElement>('[data-aid="customerName-input"]')?.value ?? null;

beforeAll(async () => {
  vi.stubGlobal('fetch', (input: RequestInfo | URL) => Promise.resolve(app.request(String(input))));
  const html = await pageHtml(personaPath('jane'), String(SKELETON));
  history.replaceState(null, '', `${personaPath('jane')}?skeleton=${SKELETON}&linger=${LINGER}`);
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    html.replace(/<script>[\s\S]*?<\/script>/, ''),
    'text/html',
  ).documentElement.innerHTML;
  new Function(CLIENT_SCRIPT)();
  watchGladly({
    window,
    selectors: DEFAULT_SELECTORS,
    signal: controller.signal,
    pollMs: 20,
    settleMs: 60,
    onIdentity: (identity, customerId) =>
      emissions.push({ identity, customerId, urlCustomerId: parseGladlyRoute(location.href).customerId }),
  });
});
afterAll(() => {
  controller.abort();
  vi.unstubAllGlobals();
});

describe('the look-alike agent app', () => {
  it('shows a skeleton first, then the customer', async () => {
    expect(nameShown()).toBeNull();
    await sleep(SKELETON + 150);
    expect(nameShown()).toBe('Jane Cooper');
    expect(emissions.at(-1)?.identity?.name).toBe('Jane Cooper');
  });

  it('moves to another conversation on a link click without reloading, the old panel lingering', async () => {
    const link = document.querySelector<HTMLAnchorElement>(
      `a[data-conversation-link][href="${personaPath('multiEmail')}"]`,
    );
    link?.click();
    expect(location.pathname).toBe(personaPath('multiEmail'));
    expect(nameShown()).toBe('Jane Cooper'); // still the old customer's panel
    await sleep(LINGER + 40);
    expect(nameShown()).toBeNull(); // skeleton
    await sleep(SKELETON + 200);
    expect(nameShown()).toBe('Chris Rivera');
    expect(document.querySelector('a[aria-current]')?.getAttribute('href')).toBe(personaPath('multiEmail'));
  });

  it('sends each customer only for its own URL', async () => {
    (window as unknown as { gladlyNavigate(path: string): void }).gladlyNavigate(personaPath('sharedPhone'));
    await sleep(LINGER + SKELETON + 250);
    expect(emissions.at(-1)?.identity?.phones).toEqual([{ value: '212-555-0199', type: 'Home', source: 'panel' }]);
    for (const emission of emissions) {
      if (!emission.identity) continue;
      expect(emission.customerId).toBe(emission.urlCustomerId);
      expect(emission.identity.name).toBe(
        Object.values(personas).find((p) => p.gladlyId === emission.customerId)?.name,
      );
    }
    expect(emissions.map((e) => e.identity?.name ?? null)).toEqual([
      null,
      'Jane Cooper',
      null,
      'Chris Rivera',
      null,
      'Alex Morgan',
    ]);
  });

  it('moves a merged customer to the profile it was merged into', async () => {
    (window as unknown as { gladlyNavigate(path: string): void }).gladlyNavigate(
      `/customer/${MERGED_GLADLY_ID}/conversation/old`,
    );
    await sleep(LINGER + SKELETON + 250);
    expect(parseGladlyRoute(location.href).customerId).toBe(MERGED_INTO);
    expect(nameShown()).toBe('Jane Cooper');
    expect(emissions.at(-1)).toMatchObject({ customerId: MERGED_INTO, identity: { name: 'Jane Cooper' } });
  });
});
