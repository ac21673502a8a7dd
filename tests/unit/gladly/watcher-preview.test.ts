// @vitest-environment happy-dom
/**
 * The watcher's preview (`onPreview`): a new customer's panel rendered fresh after a skeleton is
 * offered for showing once it stayed unchanged for `previewMs`, long before it is trusted; the
 * lingering old panel, a panel replacing it without a skeleton, and a re-render with the old
 * contact data never are. Trust (`onIdentity`) still waits the settle window.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchGladly } from '../../../lib/gladly/watcher';
import { DEFAULT_SELECTORS } from '../../../lib/gladly/selectors';
import { skeleton } from '../../../sandbox/gladly/render';
import { personas, type PersonaKey } from '../../../sandbox/personas';
import type { Identity } from '../../../lib/messages/identity';
import { personaPath, view, loadLookalike, panelContainer } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PREVIEW = 40;
const SETTLE = 250;

interface Heard {
  kind: 'preview' | 'identity';
  customerId: string | undefined;
  phones: number;
  at: number;
}

let controller: AbortController;
let heard: Heard[];

function start(): void {
  const note = (kind: Heard['kind']) => (identity: Identity | null, customerId?: string) => {
    if (identity) heard.push({ kind, customerId, phones: identity.phones.length, at: Date.now() });
  };
  watchGladly({
    window,
    selectors: DEFAULT_SELECTORS,
    signal: controller.signal,
    pollMs: 20,
    previewMs: PREVIEW,
    settleMs: SETTLE,
    onIdentity: note('identity'),
    onPreview: note('preview'),
  });
}

/** Jane's panel trusted, then the agent opens `key`: the URL changes, Jane's panel still on screen. */
async function fromJaneTo(key: PersonaKey): Promise<{ panel: string }> {
  await loadLookalike('jane');
  start();
  await sleep(SETTLE + 60);
  heard = [];
  const next = await view(personaPath(key));
  history.pushState(null, '', personaPath(key));
  await sleep(30);
  return next;
}

const kinds = () => heard.map((h) => [h.kind, h.customerId]);

beforeEach(() => {
  controller = new AbortController();
  heard = [];
});
afterEach(() => controller.abort());

describe('watchGladly onPreview', () => {
  it('offers a fresh panel after the skeleton within the preview time, and trusts it only after the settle window', async () => {
    const next = await fromJaneTo('guest');
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    const shownAt = Date.now();
    panelContainer().innerHTML = next.panel;
    await sleep(PREVIEW + 40);
    expect(kinds()).toEqual([['preview', personas.guest.gladlyId]]);
    expect(heard[0]!.at - shownAt).toBeGreaterThanOrEqual(PREVIEW - 5);
    expect(heard[0]!.at - shownAt).toBeLessThan(SETTLE / 2);
    await sleep(SETTLE);
    expect(kinds()).toEqual([
      ['preview', personas.guest.gladlyId],
      ['identity', personas.guest.gladlyId],
    ]);
    expect(heard[1]!.at - shownAt).toBeGreaterThanOrEqual(SETTLE - 5);
  });

  it('never previews the old panel lingering, nor a new one that replaces it without a skeleton', async () => {
    const next = await fromJaneTo('multiEmail');
    await sleep(SETTLE + 60); // the old panel lingers past every window
    expect(heard).toEqual([]);
    panelContainer().innerHTML = next.panel; // straight over the old one: no fresh render to vouch for it
    await sleep(SETTLE / 2);
    expect(heard).toEqual([]);
    await sleep(SETTLE);
    expect(kinds()).toEqual([['identity', personas.multiEmail.gladlyId]]);
  });

  it('never previews a render after the skeleton that shows the previous customer’s contact data', async () => {
    await fromJaneTo('guest');
    const old = panelContainer().innerHTML;
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    // Jane's panel again, slightly different (e.g. a fresher "Conversations" line): not Gary's.
    panelContainer().innerHTML = old.replace('Conversations', 'Conversations (2)');
    await sleep(SETTLE / 2);
    expect(heard.filter((h) => h.kind === 'preview')).toEqual([]);
  });

  it('previews each stage of a panel that renders in parts, and trusts the whole one', async () => {
    const next = await fromJaneTo('conflict');
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    const withoutPhones = new DOMParser().parseFromString(next.panel, 'text/html');
    const phones = withoutPhones.querySelector('._k9Ho');
    if (!phones) throw new Error('no phones section');
    phones.innerHTML = '<span class="_z0Gg">Add phone</span>';
    panelContainer().innerHTML = withoutPhones.body.innerHTML;
    await sleep(PREVIEW + 60);
    panelContainer().innerHTML = next.panel;
    await sleep(SETTLE + 80);
    expect(heard.map((h) => [h.kind, h.phones])).toEqual([
      ['preview', 0],
      ['preview', 1],
      ['identity', 1],
    ]);
  });

  it('a customer left before their panel was trusted is shown again on coming back (via home)', async () => {
    const next = await fromJaneTo('guest');
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    panelContainer().innerHTML = next.panel;
    await sleep(PREVIEW + 40);
    expect(kinds()).toEqual([['preview', personas.guest.gladlyId]]);
    // Away before the settle window ends (the agent saw the preview and moved on), then back.
    history.pushState(null, '', '/home');
    await sleep(30);
    panelContainer().innerHTML = skeleton();
    await sleep(40);
    heard = [];
    history.pushState(null, '', personaPath('guest'));
    await sleep(30);
    panelContainer().innerHTML = next.panel;
    await sleep(SETTLE + 80);
    expect(kinds()).toEqual([
      ['preview', personas.guest.gladlyId],
      ['identity', personas.guest.gladlyId],
    ]);
  });
});
