/**
 * A previewed panel (shown before it is trusted) gets its profile and orders at once, but its
 * lookup's writes wait: the auto-link is made when the same identity is trusted (or the agent moves
 * on first: the latest preview stands), and never when the trusted panel shows more (a phone that
 * conflicts); previews are not shown in team mode.
 * Driven through the real tab and lookup handlers, the prefetch and the link store.
 */
import { describe, expect, it } from 'vitest';
import { createLookupPrefetch } from '../../../lib/background/lookup-prefetch';
import { createLookupHandlers, createLookupRunner } from '../../../lib/background/lookup-service';
import { createTabHandlers } from '../../../lib/background/tab-service';
import { createWriteGate, writeNow } from '../../../lib/background/write-gate';
import type { MessageHandler } from '../../../lib/background/handler';
import type { SidebarHub } from '../../../lib/background/sidebar-hub';
import type { Identity } from '../../../lib/messages/identity';
import type { LookupUpdate } from '../../../lib/messages/lookup';
import { fakeStoreApi, makeCustomer, makeOrder } from '../../fixtures/fake-store-api';
import { oneStoreLookupDeps } from '../../fixtures/lookup-service';

const TAB = 4;
const email = { value: 'dana.whitfield@example.com', source: 'panel' as const };
/** What the panel shows before its phone section rendered. */
const emailOnly: Identity = { gladlyCustomerId: 'g-dana', name: 'Dana Whitfield', emails: [email], phones: [] };
/** The whole panel: Gladly's mobile is not the number the store has for her. */
const whole: Identity = { ...emailOnly, phones: [{ value: '312 555 0177', source: 'panel' }] };

function setup(options: { team?: boolean; previewAllowed?: () => Promise<boolean> } = {}) {
  const api = fakeStoreApi({
    customers: [makeCustomer({ id: '9', email: email.value, phone: '+1 773 555 0100', name: 'Dana Whitfield' })],
    orders: [makeOrder(301, { billingEmail: email.value, externalCustomerId: '9' })],
  });
  const { deps, links } = oneStoreLookupDeps(api);
  const writeGate = createWriteGate();
  deps.writeGate = writeGate;
  const prefetch = createLookupPrefetch({ run: createLookupRunner(deps) });
  deps.prefetch = prefetch;
  const shown: Array<Identity | null> = [];
  const hub = {
    setIdentity: async (_tab: number, value: { identity: Identity | null }) => {
      shown.push(value.identity);
    },
  } as unknown as SidebarHub;
  const tabHandlers = createTabHandlers({
    hub,
    selectors: async () => ({}),
    configured: async () => true,
    openOptions: async () => undefined,
    sendToTab: async () => undefined,
    prefetch: (tab, identity) => prefetch.start(tab, { kind: 'identity', identity }),
    writeGate,
    previewAllowed: options.previewAllowed ?? (async () => !options.team),
  });
  const changed = tabHandlers.find((h) => h.type === 'identity/changed') as unknown as MessageHandler<
    { type: 'identity/changed' } & Record<string, unknown>
  >;
  /** The content script reports the panel: previewed (not yet trusted) or trusted. */
  const panel = (identity: Identity | null, provisional = false) =>
    changed.handle(
      {
        type: 'identity/changed',
        url: 'https://acme.gladly.com/customer/g-dana',
        customerId: 'g-dana',
        identity,
        ...(provisional ? { provisional: true } : {}),
      },
      { sender: { kind: 'content-script', tabId: TAB, url: 'https://acme.gladly.com/' }, emit: () => undefined },
    );
  const lookup = createLookupHandlers(deps).find((h) => h.type === 'lookup') as unknown as MessageHandler<
    { type: 'lookup' } & Record<string, unknown>
  >;
  /** The sidebar of that tab looks up what it was shown; resolves with its last update. */
  async function sidebarLookup(identity: Identity): Promise<LookupUpdate> {
    const updates: LookupUpdate[] = [];
    await lookup.handle(
      { type: 'lookup', requestId: 'r1', query: { kind: 'identity', identity } },
      {
        sender: { kind: 'extension-page', page: '/sidebar.html', tabId: TAB },
        emit: (m) => updates.push(m as LookupUpdate),
      },
    );
    return updates.at(-1)!;
  }
  const linkOf = () => links.get(whole, 'main');
  return { panel, shown, sidebarLookup, linkOf, prefetch };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the writes of a previewed panel', () => {
  it('wait until the same panel is trusted: shown at once, linked then', async () => {
    const { panel, shown, sidebarLookup, linkOf } = setup();
    await panel(whole, true);
    expect(shown).toEqual([whole]);
    const update = await sidebarLookup(whole);
    expect(update.stores[0]).toMatchObject({ status: 'candidates' }); // the phone differs: a choice
    const { panel: p2, sidebarLookup: look2, linkOf: link2 } = setup();
    await p2(emailOnly, true);
    expect((await look2(emailOnly)).stores[0]).toMatchObject({ status: 'linked', customer: { id: '9' } });
    await tick();
    expect(await link2()).toBeUndefined(); // shown, not written
    await p2(emailOnly);
    await tick();
    expect(await link2()).toMatchObject({ customerId: '9', by: 'auto' });
    expect(await linkOf()).toBeUndefined();
  });

  it('are dropped when the trusted panel shows more: the email alone auto-linked, the whole panel does not', async () => {
    const { panel, shown, sidebarLookup, linkOf } = setup();
    await panel(emailOnly, true);
    expect((await sidebarLookup(emailOnly)).stores[0]).toMatchObject({ status: 'linked', autoLinked: true });
    // The phone renders: previewed again, looked up again, then trusted.
    await panel(whole, true);
    expect((await sidebarLookup(whole)).stores[0]).toMatchObject({ status: 'candidates' });
    await panel(whole);
    await tick();
    expect(shown).toEqual([emailOnly, whole, whole]);
    expect(await linkOf()).toBeUndefined();
  });

  it('go out when the agent moves on before the panel is trusted: the latest preview stands', async () => {
    const { panel, sidebarLookup, linkOf } = setup();
    await panel(emailOnly, true);
    await sidebarLookup(emailOnly);
    await tick();
    expect(await linkOf()).toBeUndefined();
    await panel(null); // away before the settle window ended
    await tick();
    expect(await linkOf()).toMatchObject({ customerId: '9', by: 'auto' });
  });

  it('after moving on, only the latest preview’s writes go out, not an earlier stage’s', async () => {
    const { panel, sidebarLookup, linkOf } = setup();
    await panel(emailOnly, true);
    expect((await sidebarLookup(emailOnly)).stores[0]).toMatchObject({ status: 'linked' });
    await panel(whole, true); // the phone rendered: a choice
    await sidebarLookup(whole);
    await panel(null);
    await tick();
    expect(await linkOf()).toBeUndefined();
  });

  it('a lookup the prefetch started is held the same way when the sidebar takes it over', async () => {
    const { panel, sidebarLookup, linkOf, prefetch } = setup();
    prefetch.start(TAB, { kind: 'identity', identity: emailOnly });
    await tick(); // the prefetch is done before the preview arrives
    await panel(emailOnly, true);
    await sidebarLookup(emailOnly);
    await tick();
    expect(await linkOf()).toBeUndefined();
    await panel(emailOnly);
    await tick();
    expect(await linkOf()).toMatchObject({ customerId: '9', by: 'auto' });
  });

  it('a preview overtaken by the agent moving on (while the mode was read) is never shown', async () => {
    let answer: (allowed: boolean) => void = () => undefined;
    const asked = new Promise<boolean>((resolve) => {
      answer = resolve;
    });
    const { panel, shown, sidebarLookup, linkOf } = setup({ previewAllowed: () => asked });
    const preview = panel(emailOnly, true);
    await panel(null); // the URL changed: the next customer
    answer(true);
    await preview;
    expect(shown).toEqual([null]);
    // Nothing is held for the tab either: the next trusted panel links at once.
    await panel(emailOnly);
    await sidebarLookup(emailOnly);
    await tick();
    expect(await linkOf()).toMatchObject({ customerId: '9' });
  });

  it('are not shown in team mode (the team service makes its links itself): the sidebar waits for trust', async () => {
    const { panel, shown } = setup({ team: true });
    await panel(emailOnly, true);
    expect(shown).toEqual([]);
    await panel(emailOnly);
    expect(shown).toEqual([emailOnly]);
  });
});

describe('the write gate on its own', () => {
  it('keeps a lookup’s writes in order across the release: the held ones first, then what comes after', async () => {
    const gate = createWriteGate();
    gate.hold(TAB);
    const sink = gate.sinkFor(TAB, 'k');
    const done: string[] = [];
    const write = (name: string) => async () => {
      done.push(name);
    };
    await sink(write('unlink the deleted customer'));
    await sink(write('auto-link'));
    expect(done).toEqual([]); // held
    gate.settle(TAB, 'k');
    await sink(write('cache the result')); // after the release, behind the held ones
    expect(done).toEqual(['unlink the deleted customer', 'auto-link', 'cache the result']);
    expect(gate.sinkFor(TAB, 'k')).toBe(writeNow); // nothing held any more
  });
});
