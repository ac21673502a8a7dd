/**
 * Helpers for the actions and money-safety e2e files: open Jane's conversation, expand one of her
 * orders, open an action dialog, and read what the sandbox store really holds through its own
 * API (never the extension's view of it).
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { SEED_IDS } from '../../sandbox/bigcommerce/seed';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import { dumpState } from './admin-helpers';

export const MAIN = SEED_IDS.main.hash;
export const JANE_ORDERS = SEED_IDS.main.orders;

/** A sandbox with only the main store connected, actions on or off. */
export async function startActionsWorld(actions: boolean): Promise<E2EWorld> {
  const world = await startWorld();
  try {
    await connectSandboxStores(world.browser, world.sandbox.info, { actions, stores: [MAIN] });
    return world;
  } catch (error) {
    await world.close();
    throw error;
  }
}

export interface JaneView {
  page: Page;
  frame: Frame;
}

/** A new tab on Jane's conversation, with her linked profile and orders on screen. */
export async function openJane(world: E2EWorld): Promise<JaneView> {
  const page = await world.browser.context.newPage();
  await page.goto(gladlyUrl(world, 'jane', '?skeleton=0'));
  const frame = await sidebarFrame(page, 30_000);
  await frame.locator('section[aria-label="Recent orders"]').first().waitFor({ timeout: 30_000 });
  return { page, frame };
}

/** The toggle button of order #id in the sidebar's order list. */
export function orderToggle(frame: Frame, orderId: number): Locator {
  return frame.locator('section[aria-label="Recent orders"] button[aria-expanded]').filter({ hasText: `#${orderId}` });
}

/** Expands order #id (if closed) and answers its actions group. */
export async function expandOrder(frame: Frame, orderId: number): Promise<Locator> {
  const toggle = orderToggle(frame, orderId);
  await toggle.waitFor({ timeout: 20_000 });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return frame.getByRole('group', { name: `Actions for order #${orderId}` });
}

/** Opens an action's dialog from an expanded order. */
export async function openDialog(
  frame: Frame,
  orderId: number,
  button: 'Cancel order' | 'Cancel & refund' | 'Full refund' | 'Partial refund' | 'Create discount code',
): Promise<Locator> {
  const group = await expandOrder(frame, orderId);
  await group.getByRole('button', { name: button, exact: true }).click();
  const dialog = frame.getByRole('dialog');
  await dialog.waitFor({ timeout: 10_000 });
  return dialog;
}

/** The confirm button of a refund dialog once its quote is in: "Refund $12.34". */
export function refundConfirm(dialog: Locator): Locator {
  return dialog.locator('button[type="submit"]');
}

/** Waits until the refund dialog shows a quote and the confirm button is enabled; answers its label. */
export async function waitForQuote(dialog: Locator, timeout = 20_000): Promise<string> {
  const button = refundConfirm(dialog);
  const read = async () => ({ label: ((await button.textContent()) ?? '').trim(), enabled: await button.isEnabled() });
  const state = await eventually(
    read,
    (s) => s.enabled && /^Refund\s/.test(s.label),
    timeout,
    'a refund quote on the confirm button',
  );
  return state.label;
}

// ---- The sandbox store, through its real API ----

export interface StoreReader {
  order(id: number): Promise<SandboxOrder>;
  products(id: number): Promise<SandboxProduct[]>;
  refunds(id: number): Promise<SandboxRefund[]>;
  couponsByCode(code: string): Promise<Array<{ id: number; code: string }>>;
  post(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  put(path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

export interface SandboxOrder {
  id: number;
  status_id: number;
  status: string;
  payment_status: string;
  staff_notes: string;
  currency_code: string;
  refunded_amount: string;
}
export interface SandboxProduct {
  id: number;
  name: string;
  quantity: number;
  quantity_refunded: number;
}
export interface SandboxRefund {
  id: number;
  order_id: number;
  total_amount: number | string;
  created: string;
}

/** Reads (and, through `post`, writes) the main store with its full token. */
export function storeReader(world: E2EWorld, hash = MAIN): StoreReader {
  const { baseUrl, stores } = world.sandbox.info.bigcommerce;
  const store = stores.find((s) => s.hash === hash);
  if (!store) throw new Error(`The sandbox has no store ${hash}`);
  const base = `${baseUrl}/stores/${hash}`;
  const headers = { 'X-Auth-Token': store.accessToken, Accept: 'application/json', 'Content-Type': 'application/json' };
  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }
  async function ok<T>(path: string): Promise<T> {
    const { status, body } = await call('GET', path);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
    return body as T;
  }
  return {
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    order: (id) => ok<SandboxOrder>(`/v2/orders/${id}`),
    products: (id) => ok<SandboxProduct[]>(`/v2/orders/${id}/products`),
    refunds: async (id) => (await ok<{ data: SandboxRefund[] }>(`/v3/orders/${id}/payment_actions/refunds`)).data,
    async couponsByCode(code) {
      const { status, body } = await call('GET', `/v2/coupons?code=${encodeURIComponent(code)}`);
      if (status === 204) return [];
      if (status !== 200) throw new Error(`GET /v2/coupons answered ${status}`);
      return body as Array<{ id: number; code: string }>;
    },
  };
}

/** Refund POSTs the sandbox logged for one order (what reached "BigCommerce"). */
export function refundPosts(world: E2EWorld, orderId: number): number {
  return refundPostStatuses(world, orderId).length;
}

/** The statuses of those POSTs, in log order (499: the client gave up waiting for the answer). */
export function refundPostStatuses(world: E2EWorld, orderId: number): number[] {
  return world.sandbox.control
    .log()
    .filter((e) => e.method === 'POST' && e.path === `/v3/orders/${orderId}/payment_actions/refunds`)
    .map((e) => e.status);
}

/** Polls `read` until `accept` holds (or throws with the last value seen). */
export async function eventually<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  timeout = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Asserts `read` keeps satisfying `accept` for the whole window (polling), e.g. "still one refund". */
export async function holdsFor<T>(
  read: () => Promise<T> | T,
  accept: (value: T) => boolean,
  windowMs: number,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + windowMs;
  while (Date.now() < until) {
    const value = await read();
    if (!accept(value)) throw new Error(`${what} stopped holding: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The actions' pending record for an order, as the background stored it (its IndexedDB store). */
export async function pendingRecord(
  world: E2EWorld,
  orderId: number,
): Promise<{ phase: string; amount: string | null } | null> {
  const all = (await dumpState(world.browser.serviceWorker))['actions.pending'] ?? {};
  const entry = Object.entries(all as Record<string, { orderId: string; phase: string; amount: string | null }>).find(
    ([, r]) => r.orderId === String(orderId),
  );
  return entry ? entry[1] : null;
}

export interface WorkerStopper {
  /** Stops the extension's service worker; resolves once DevTools reports it stopped. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Stops the extension's service worker the way Chrome does when it idles one out (not a reload):
 * DevTools' ServiceWorker.stopAllWorkers, sent from one of the extension's own pages (from the
 * Gladly page's session it does not reach the extension's worker). Open it before the moment
 * that matters: loading the page wakes the worker. The sidebar's next message starts a new one.
 */
export async function workerStopper(world: E2EWorld): Promise<WorkerStopper> {
  const page = await world.browser.context.newPage();
  await page.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
  const cdp = await world.browser.context.newCDPSession(page);
  const script = `chrome-extension://${world.browser.extensionId}/`;
  let stopped: (() => void) | null = null;
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    const ours = event.versions.filter((v) => v.scriptURL.startsWith(script));
    if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) stopped?.();
  });
  await cdp.send('ServiceWorker.enable');
  return {
    async stop() {
      const done = new Promise<void>((resolve) => (stopped = resolve));
      await cdp.send('ServiceWorker.stopAllWorkers');
      await Promise.race([
        done,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('The extension service worker did not stop')), 10_000),
        ),
      ]);
    },
    async close() {
      await cdp.detach().catch(() => undefined);
      await page.close().catch(() => undefined);
    },
  };
}
