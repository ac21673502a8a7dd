/**
 * Built by bench/run.ts into one script and loaded in a blank Chromium page: renders the sidebar's
 * real order list (components/sidebar/OrderList) from a synthetic lookup and times it.
 */
import { render } from 'preact';
import { OrderList } from '../../components/sidebar/OrderList';
import { SidebarContext, type SidebarContextValue } from '../../components/sidebar/context';
import { createSidebarClient, type PortLike } from '../../lib/sidebar/port';
import { createSidebarStore } from '../../lib/sidebar/store';
import type { Customer } from '../../lib/core/model';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import css from '../../entrypoints/sidebar/style.css?inline';
import { syntheticOrders } from './synthetic';

/** A port to nowhere: the list only renders, it never asks the background anything here. */
const silentPort = (): PortLike => ({
  postMessage() {},
  disconnect() {},
  onMessage: { addListener() {} },
  onDisconnect: { addListener() {} },
});

const client = createSidebarClient(silentPort);
const context: SidebarContextValue = { store: createSidebarStore(client), request: (m) => client.request(m) };
const connection: SidebarConnection = {
  id: 'bench',
  name: 'Bench Store',
  storeHash: 'bench1',
  searchQueryAttributes: [{ attribute: 'email', label: 'Email' }],
  searchResultsAttributes: [{ attribute: 'name', label: 'Name' }],
  actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
};
const customer = { id: '1', email: 'bench@example.com', name: 'Bench Customer' } as unknown as Customer;

const style = document.createElement('style');
style.textContent = css;
document.head.append(style);
const host = document.createElement('div');
host.style.width = '380px';
document.body.append(host);

const nextMicrotasks = async (until: () => boolean, limit = 1000) => {
  for (let i = 0; i < limit && !until(); i++) await Promise.resolve();
};

function mountList(orders: number, lines: number): number {
  const data = syntheticOrders(orders, lines);
  const t0 = performance.now();
  render(
    <SidebarContext.Provider value={context}>
      <OrderList orders={data} customer={customer} connection={connection} />
    </SidebarContext.Provider>,
    host,
  );
  void host.offsetHeight; // force style + layout: part of what a frame costs
  return performance.now() - t0;
}

const linesShown = () => host.querySelectorAll('li.bc-line').length;

/** Click these order toggles and time until their line rows are on screen, layout included. */
async function open(toggles: HTMLButtonElement[], lines: number): Promise<number> {
  const before = linesShown();
  const t0 = performance.now();
  for (const toggle of toggles) toggle.click();
  await nextMicrotasks(() => linesShown() >= before + toggles.length * lines);
  void host.offsetHeight;
  return performance.now() - t0;
}

/** The list as an agent first sees it (lines collapsed), then one order opened, then all of them. */
async function once(
  orders: number,
  lines: number,
): Promise<{ mount: number; openOne: number; openAll: number; linesShown: number }> {
  const mount = mountList(orders, lines);
  const toggles = () => [...host.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')];
  const openOne = await open(toggles().slice(0, 1), lines);
  const openAll = await open(toggles(), lines);
  const shown = linesShown();
  render(null, host);
  return { mount, openOne, openAll, linesShown: shown };
}

export interface RenderBenchResult {
  mount: number[];
  openOne: number[];
  openAll: number[];
  /** Line rows on screen with every order open (orders × lines when the details rendered). */
  linesShown: number;
}

(
  window as unknown as { renderBench: (orders: number, lines: number, runs: number) => Promise<RenderBenchResult> }
).renderBench = async (orders, lines, runs) => {
  const result: RenderBenchResult = { mount: [], openOne: [], openAll: [], linesShown: 0 };
  for (let i = 0; i < 3; i++) await once(orders, lines); // warm up (JIT, style caches)
  for (let i = 0; i < runs; i++) {
    const r = await once(orders, lines);
    result.mount.push(r.mount);
    result.openOne.push(r.openOne);
    result.openAll.push(r.openAll);
    result.linesShown = r.linesShown;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return result;
};
