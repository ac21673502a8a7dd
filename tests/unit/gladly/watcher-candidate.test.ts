// @vitest-environment happy-dom
/**
 * The watcher's early word (`onCandidate`): a new customer's panel is reported the moment it is
 * first seen, well before it settles, so the lookup can start; the lingering old panel never is,
 * and the trusted identity (`onIdentity`) still comes only once the panel settled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchGladly } from '../../../lib/gladly/watcher';
import { DEFAULT_SELECTORS } from '../../../lib/gladly/selectors';
import { skeleton } from '../../../sandbox/gladly/render';
import { personas } from '../../../sandbox/personas';
import type { Identity } from '../../../lib/messages/identity';
import { personaPath, view, loadLookalike, panelContainer } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SETTLE = 150;

interface Heard {
  kind: 'candidate' | 'identity';
  customerId: string | undefined;
  name: string | undefined;
  at: number;
}

let controller: AbortController;
let heard: Heard[];

function start(): void {
  const note = (kind: Heard['kind']) => (identity: Identity | null, customerId?: string) => {
    if (identity) heard.push({ kind, customerId, name: identity.name, at: Date.now() });
  };
  watchGladly({
    window,
    selectors: DEFAULT_SELECTORS,
    signal: controller.signal,
    pollMs: 20,
    settleMs: SETTLE,
    onIdentity: note('identity'),
    onCandidate: note('candidate'),
  });
}

beforeEach(() => {
  controller = new AbortController();
  heard = [];
});
afterEach(() => controller.abort());

describe('watchGladly onCandidate', () => {
  it('reports the new panel at first sight, long before it is trusted', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    heard = [];
    const next = await view(personaPath('guest'));
    history.pushState(null, '', personaPath('guest'));
    await sleep(60); // the old panel lingers: never a candidate
    expect(heard).toEqual([]);
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    const shownAt = Date.now();
    panelContainer().innerHTML = next.panel;
    // At the first mutation, not at the end of the burst's 30 ms window: the lookup starts at once.
    await sleep(10);
    expect(heard.map((h) => [h.kind, h.customerId])).toEqual([['candidate', personas.guest.gladlyId]]);
    await sleep(SETTLE / 2 - 10);
    expect(heard.map((h) => [h.kind, h.customerId])).toEqual([['candidate', personas.guest.gladlyId]]);
    expect(heard[0]!.at - shownAt).toBeLessThan(SETTLE / 2);
    await sleep(SETTLE + 60);
    expect(heard.map((h) => h.kind)).toEqual(['candidate', 'identity']);
    expect(heard[1]!.at - shownAt).toBeGreaterThanOrEqual(SETTLE - 5);
  });

  it('never offers the old panel as a candidate, even when it lingers past the settle time', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    heard = [];
    history.pushState(null, '', personaPath('multiEmail'));
    await sleep(SETTLE * 3);
    expect(heard).toEqual([]);
    panelContainer().innerHTML = (await view(personaPath('multiEmail'))).panel;
    await sleep(SETTLE + 100);
    expect(heard.every((h) => h.customerId === personas.multiEmail.gladlyId)).toBe(true);
    expect(heard.map((h) => h.name)).toEqual(['Chris Rivera', 'Chris Rivera']);
  });

  it('offers the panel again when it changes while settling, and says nothing more once it is trusted', async () => {
    await loadLookalike('jane');
    start();
    await sleep(SETTLE + 60);
    heard = [];
    const next = await view(personaPath('twoStores'));
    history.pushState(null, '', personaPath('twoStores'));
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    panelContainer().innerHTML = next.panel;
    await sleep(40);
    const input = document.querySelector<HTMLInputElement>('[data-aid="customerName-input"]');
    if (!input) throw new Error('no name input');
    input.setAttribute('value', 'Sam L.');
    input.value = 'Sam L.';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await sleep(SETTLE + 100);
    expect(heard.map((h) => [h.kind, h.name])).toEqual([
      ['candidate', 'Sam Lee'],
      ['candidate', 'Sam L.'],
      ['identity', 'Sam L.'],
    ]);
    input.value = 'Sam Lee';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await sleep(SETTLE + 100);
    expect(heard.map((h) => h.kind)).toEqual(['candidate', 'candidate', 'identity', 'identity']);
  });
});
