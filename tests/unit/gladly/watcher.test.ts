// @vitest-environment happy-dom
/**
 * The watcher against the look-alike's real markup, driven like Gladly drives its page: the URL
 * changes first, the old customer's panel lingers, a skeleton shows, then the new panel.
 */
import { vi, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchGladly } from '../../../lib/gladly/watcher';
import { parseGladlyRoute } from '../../../lib/gladly/routes';
import { DEFAULT_SELECTORS } from '../../../lib/gladly/selectors';
import { skeleton } from '../../../sandbox/gladly/render';
import { personas, type PersonaKey } from '../../../sandbox/personas';
import type { Identity } from '../../../lib/messages/identity';
import { personaPath, view, loadLookalike, panelContainer } from './helpers';

interface Emission {
  identity: Identity | null;
  customerId: string | undefined;
  /** The customer in the address bar when the emission happened. */
  urlCustomerId: string | undefined;
  at: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLE = 80;

let controller: AbortController;
let emissions: Emission[];

/** Like the look-alike's page script: pushState, old panel lingers, skeleton, then the new view. */
async function navigate(key: PersonaKey | '/home', timing: { linger: number; skeleton: number | null }): Promise<void> {
  const path = key === '/home' ? key : personaPath(key);
  const next = await view(path);
  history.pushState(null, '', path);
  document.querySelector('a[aria-current]')?.removeAttribute('aria-current');
  await sleep(timing.linger);
  if (timing.skeleton !== null) {
    panelContainer().innerHTML = skeleton();
    await sleep(timing.skeleton);
  }
  panelContainer().innerHTML = next.panel;
}

function start(): void {
  watchGladly({
    window,
    selectors: DEFAULT_SELECTORS,
    signal: controller.signal,
    pollMs: 20,
    settleMs: SETTLE,
    onIdentity(identity, customerId) {
      emissions.push({
        identity,
        customerId,
        urlCustomerId: parseGladlyRoute(location.href).customerId,
        at: Date.now(),
      });
    },
  });
}

function identities(): Array<string | null> {
  return emissions.map((e) => (e.identity ? `${e.customerId}:${e.identity.name ?? ''}` : null));
}

/** Every identity ever sent was read from the panel of the customer it was sent for. */
function expectNeverMismatched(): void {
  for (const emission of emissions) {
    if (!emission.identity) continue;
    const persona = Object.values(personas).find((p) => p.gladlyId === emission.customerId);
    expect(emission.customerId).toBe(emission.urlCustomerId);
    expect(emission.identity.gladlyCustomerId).toBe(emission.customerId);
    expect(emission.identity.name).toBe(persona?.name || undefined);
    expect(emission.identity.emails.map((e) => e.value)).toEqual(persona?.emails);
  }
}

beforeEach(() => {
  controller = new AbortController();
  emissions = [];
});
afterEach(() => controller.abort());

describe('watchGladly', () => {
  it('reports the customer on the page once its panel has settled', async () => {
    await loadLookalike('jane');
    start();
    expect(identities()).toEqual([null]);
    await sleep(SETTLE + 100);
    expect(identities()).toEqual([null, `${personas.jane.gladlyId}:Jane Cooper`]);
    expect(emissions[1]?.identity?.phones).toEqual([{ value: '650 123 4569', type: 'Mobile', source: 'panel' }]);
  });

  it('never sends the lingering old panel for the new customer, even when it lingers past the settle time', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    const navigation = navigate('multiEmail', { linger: SETTLE * 4, skeleton: 150 });
    // Null first, for the new customer, while the old panel still lingers.
    await vi.waitFor(
      () => expect(emissions.at(-1)).toMatchObject({ identity: null, customerId: personas.multiEmail.gladlyId }),
      { timeout: 2000, interval: 5 },
    );
    await navigation;
    await sleep(SETTLE + 100);
    expect(identities()).toEqual([
      null,
      `${personas.jane.gladlyId}:Jane Cooper`,
      null,
      `${personas.multiEmail.gladlyId}:Chris Rivera`,
    ]);
    expectNeverMismatched();
  });

  it('accepts a new panel that replaces the old one directly, without a skeleton', async () => {
    await loadLookalike('guest');
    start();
    await sleep(SETTLE + 60);
    await navigate('phoneOnly', { linger: 200, skeleton: null });
    await sleep(SETTLE + 100);
    expect(identities().at(-1)).toBe(`${personas.phoneOnly.gladlyId}:Priya Patel`);
    expect(emissions.at(-1)?.identity?.phones).toEqual([{ value: '(415) 555-0142', type: 'Mobile', source: 'panel' }]);
    expectNeverMismatched();
  });

  it('does not take the old panel for the new customer when it updates while lingering', async () => {
    await loadLookalike('conflict');
    start();
    await sleep(SETTLE + 60);
    const next = await view(personaPath('twoStores'));
    history.pushState(null, '', personaPath('twoStores'));
    await sleep(40);
    // The old customer's orders card finishes loading after the URL changed.
    const count = document.querySelector('[data-aid="order-number"]');
    if (count) count.textContent = '7';
    await sleep(SETTLE * 3);
    expect(identities().at(-1)).toBeNull();
    panelContainer().innerHTML = skeleton();
    await sleep(100);
    panelContainer().innerHTML = next.panel;
    await sleep(SETTLE + 100);
    expect(identities().at(-1)).toBe(`${personas.twoStores.gladlyId}:Sam Lee`);
    expectNeverMismatched();
  });

  it('ends on the last customer after quick hops, passing through home', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    const hop1 = navigate('sharedPhone', { linger: 30, skeleton: 400 });
    await sleep(60);
    history.pushState(null, '', '/home');
    await sleep(40);
    expect(emissions.at(-1)).toEqual(expect.objectContaining({ identity: null, customerId: undefined }));
    await hop1; // sharedPhone's panel lands while the URL is already elsewhere
    const hop2 = navigate('notFound', { linger: 100, skeleton: 200 });
    await hop2;
    await sleep(SETTLE + 100);
    expect(identities().at(-1)).toBe(`${personas.notFound.gladlyId}:Nora Nobody`);
    expect(identities()).not.toContain(`${personas.sharedPhone.gladlyId}:Alex Morgan`);
    expectNeverMismatched();
  });

  it('shows the same customer again after going home and back', async () => {
    await loadLookalike('phoneOnly');
    start();
    await sleep(SETTLE + 60);
    await navigate('/home', { linger: 50, skeleton: 100 });
    await sleep(SETTLE + 60);
    await navigate('phoneOnly', { linger: 50, skeleton: 100 });
    await sleep(SETTLE + 100);
    // Null for her URL, null at home, null for her URL again, then Priya again once her panel settles.
    expect(identities()).toEqual([
      null,
      `${personas.phoneOnly.gladlyId}:Priya Patel`,
      null,
      null,
      `${personas.phoneOnly.gladlyId}:Priya Patel`,
    ]);
    expectNeverMismatched();
  });

  it('treats a no-identity customer as known-empty once its panel shows', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    await navigate('noIdentity', { linger: 50, skeleton: 100 });
    await sleep(SETTLE + 100);
    expect(emissions.at(-1)?.identity).toEqual({
      gladlyCustomerId: personas.noIdentity.gladlyId,
      emails: [],
      phones: [],
    });
  });

  it('sends nothing new when the same panel re-renders, and the new name when the agent edits it', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    expect(identities().at(-1)).toBe(`${personas.jane.gladlyId}:Jane Cooper`);
    const count = emissions.length;
    panelContainer().innerHTML = panelContainer().innerHTML; // React re-render with the same content
    await sleep(SETTLE + 100);
    expect(emissions.length).toBe(count);
    const input = document.querySelector<HTMLInputElement>('[data-aid="customerName-input"]');
    if (!input) throw new Error('no name input');
    input.value = 'Jane C. Cooper';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await sleep(SETTLE + 100);
    expect(emissions.length).toBe(count + 1);
    expect(emissions.at(-1)?.identity?.name).toBe('Jane C. Cooper');
  });

  it('keeps the identity when the agent opens another conversation of the same customer', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    const count = emissions.length;
    history.pushState(null, '', `/customer/${personas.jane.gladlyId}/conversation/Another1`);
    await sleep(100);
    expect(emissions.length).toBe(count);
  });

  it('follows the back button (popstate)', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    await navigate('guest', { linger: 40, skeleton: 60 });
    await sleep(SETTLE + 60);
    history.replaceState(null, '', personaPath('jane'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await sleep(10);
    expect(emissions.at(-1)).toMatchObject({ identity: null, customerId: personas.jane.gladlyId });
    panelContainer().innerHTML = skeleton();
    await sleep(50);
    panelContainer().innerHTML = (await view(personaPath('jane'))).panel;
    await sleep(SETTLE + 100);
    expect(identities().at(-1)).toBe(`${personas.jane.gladlyId}:Jane Cooper`);
    expectNeverMismatched();
  });

  it('stops when its signal is aborted', async () => {
    await loadLookalike('jane');
    start();
    controller.abort();
    await sleep(SETTLE + 60);
    history.pushState(null, '', personaPath('guest'));
    await sleep(100);
    expect(identities()).toEqual([null]);
  });
});
