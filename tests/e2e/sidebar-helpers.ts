/**
 * Helpers for the sidebar e2e tests: an independent oracle (the sandbox's own REST API read from
 * Node, never our lookup code), page/frame shortcuts and an over-time sampler of the sidebar.
 * The oracle's reads go through the sandbox like the extension's (logged, counted against the
 * quota): keep them few and out of the windows a test inspects the log for.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { allowNamedFunctions } from '../../scripts/lib/sidebar-probe';
import type { RequestLogEntry, SandboxStoreInfo } from '../../sandbox/server';
import { personas, type PersonaKey } from '../../sandbox/personas';
import { sandboxFetch } from '../../scripts/lib/sandbox-fetch';
import { gladlyUrl, sidebarFrame, type E2EWorld } from './harness';

const LONG = 30_000;

// ---- the oracle: what the store really holds ----

export interface ExpectedOrder {
  id: string;
  isGuest: boolean;
  /** The first tracking number of its shipments, or null. */
  trackingNumber: string | null;
}

export function storeOf(world: E2EWorld, hash: string): SandboxStoreInfo {
  const store = world.sandbox.info.bigcommerce.stores.find((s) => s.hash === hash);
  if (!store) throw new Error(`The sandbox has no store ${hash}`);
  return store;
}

/** A GET on the sandbox store's API with its full token (trusting a TLS sandbox's certificate); undefined for a 204. */
export async function storeGet(world: E2EWorld, hash: string, path: string): Promise<unknown> {
  const store = storeOf(world, hash);
  const response = await sandboxFetch(world.sandbox.info)(
    `${world.sandbox.info.bigcommerce.baseUrl}/stores/${hash}${path}`,
    {
      headers: { 'X-Auth-Token': store.accessToken, Accept: 'application/json' },
    },
  );
  if (response.status === 204) return undefined;
  if (!response.ok) throw new Error(`Sandbox GET ${path} answered ${response.status}`);
  return response.json();
}

interface RawOrder {
  id: number;
  customer_id: number;
  date_created: string;
  items_shipped: number;
}

/**
 * The newest `limit` orders of a customer as the store has them: account orders (by customer id)
 * and every order billed to the email (guest orders included), newest first.
 */
export async function expectedOrders(
  world: E2EWorld,
  hash: string,
  who: { email?: string; customerId?: number },
  limit = 10,
): Promise<ExpectedOrder[]> {
  const lists = await Promise.all([
    who.email ? storeGet(world, hash, `/v2/orders?email=${encodeURIComponent(who.email)}&limit=250`) : undefined,
    who.customerId ? storeGet(world, hash, `/v2/orders?customer_id=${who.customerId}&limit=250`) : undefined,
  ]);
  const byId = new Map<number, RawOrder>();
  for (const list of lists) for (const order of (list as RawOrder[] | undefined) ?? []) byId.set(order.id, order);
  const newest = [...byId.values()]
    .sort((a, b) => Date.parse(b.date_created) - Date.parse(a.date_created) || b.id - a.id)
    .slice(0, limit);
  return Promise.all(
    newest.map(async (order) => {
      const shipments =
        order.items_shipped > 0
          ? ((await storeGet(world, hash, `/v2/orders/${order.id}/shipments`)) as
              | { tracking_number: string }[]
              | undefined)
          : [];
      return {
        id: String(order.id),
        isGuest: order.customer_id === 0,
        trackingNumber: (shipments ?? []).find((s) => s.tracking_number)?.tracking_number ?? null,
      };
    }),
  );
}

/** How many of an order's line items are catalog products (they have an image; custom lines have none). */
export async function productLineCount(world: E2EWorld, hash: string, orderId: string): Promise<number> {
  const products =
    ((await storeGet(world, hash, `/v2/orders/${orderId}/products`)) as { product_id: number }[] | undefined) ?? [];
  return products.filter((p) => p.product_id > 0).length;
}

// ---- the request log ----

/** Every log entry of the run, including those a test cleared (for checks over the whole file). */
const clearedEntries: RequestLogEntry[] = [];

export function clearLogKeeping(world: E2EWorld): void {
  clearedEntries.push(...world.sandbox.control.log());
  world.sandbox.control.clearLog();
}

export function wholeLog(world: E2EWorld): RequestLogEntry[] {
  return [...clearedEntries, ...world.sandbox.control.log()];
}

/** A log entry's query parameter values, decoded, with comma lists split. */
export function queryValues(entry: RequestLogEntry): string[] {
  const values: string[] = [];
  for (const [key, value] of new URLSearchParams(entry.query)) values.push(key, ...value.split(','));
  return values;
}

// ---- pages and the sidebar ----

export interface Opened {
  page: Page;
  frame: Frame;
}

export async function openPersona(world: E2EWorld, key: PersonaKey, query = ''): Promise<Opened> {
  const page = await world.browser.context.newPage();
  await page.goto(gladlyUrl(world, key, query));
  const frame = await sidebarFrame(page, LONG);
  await allowNamedFunctions(frame);
  return { page, frame };
}

/** The Gladly look-alike's path of a persona's conversation (for pushState navigation). */
export function personaPath(key: PersonaKey): string {
  const p = personas[key];
  return `/customer/${p.gladlyId}/conversation/${p.conversationId}`;
}

export function storeSection(frame: Frame, storeName: string): Locator {
  return frame.locator(`section.bc-store[aria-label="${storeName}"]`);
}

export function profileOf(section: Locator): Locator {
  return section.locator('section[aria-label="Customer profile"]');
}

export function orderRowsOf(section: Locator): Locator {
  return section.locator('section[aria-label="Recent orders"] button[aria-expanded]');
}

export async function sidebarText(frame: Frame): Promise<string> {
  return frame.evaluate(() => document.body?.innerText ?? '');
}

/** Waits until the lookup on screen has settled: no skeleton, nothing loading or refreshing. */
export async function waitSettled(frame: Frame, timeout = LONG): Promise<void> {
  await frame.waitForFunction(
    () => {
      const text = document.body?.innerText ?? '';
      return (
        !document.querySelector('[aria-busy="true"]') &&
        !text.includes('Loading tracking and images') &&
        !text.includes('Refreshing…') &&
        !text.includes('Loading…') &&
        document.querySelector('.bc-app') !== null
      );
    },
    undefined,
    { timeout, polling: 50 },
  );
}

/** The profile's label → value pairs (dt/dd). */
export async function profileFields(profile: Locator): Promise<Record<string, string>> {
  return profile.evaluate((root) => {
    const out: Record<string, string> = {};
    for (const row of root.querySelectorAll('.bc-profile__row')) {
      const label = row.querySelector('dt')?.textContent?.trim() ?? '';
      out[label] = row.querySelector('dd')?.textContent?.trim() ?? '';
    }
    return out;
  });
}

/** The order numbers ("#123" → "123") of the rows shown, top to bottom. */
export async function shownOrderNumbers(section: Locator): Promise<string[]> {
  const numbers = await section.locator('section[aria-label="Recent orders"] .bc-order__number').allTextContents();
  return numbers.map((n) => n.trim().replace(/^#/, ''));
}

export interface Sample {
  at: number;
  /** The Gladly page's path when the sample started (read before the sidebar). */
  path: string;
  /** How long before that read the path last changed (Infinity when it has not changed while sampling). */
  msSincePathChange: number;
  /** The name in Gladly's own Customer Details panel (the lingering one, during linger). */
  gladlyPanelName: string | null;
  text: string;
}

/**
 * Samples the Gladly path and the sidebar's text every ~`everyMs` until `done(sample)` has held
 * for `afterMs`, or `timeoutMs` passes (then throws with the last sample).
 */
export async function sampleUntil(
  opened: Opened,
  done: (sample: Sample) => boolean,
  options: { everyMs?: number; afterMs?: number; timeoutMs?: number } = {},
): Promise<Sample[]> {
  const { everyMs = 50, afterMs = 0, timeoutMs = LONG } = options;
  const samples: Sample[] = [];
  const deadline = Date.now() + timeoutMs;
  let doneSince: number | null = null;
  // The moment of each URL change, in the page (Chromium's Navigation API fires at pushState itself).
  await opened.page.evaluate(() => {
    const w = window as unknown as { __pathChangedAt?: number; navigation: EventTarget };
    w.navigation.addEventListener('currententrychange', () => {
      w.__pathChangedAt = performance.now();
    });
  });
  for (;;) {
    const at = Date.now();
    // The path first: a sample whose path is the new customer's was read wholly after the change.
    const gladly = await opened.page.evaluate(() => {
      const changedAt = (window as unknown as { __pathChangedAt?: number }).__pathChangedAt;
      return {
        path: location.pathname,
        msSincePathChange: changedAt === undefined ? Number.POSITIVE_INFINITY : performance.now() - changedAt,
        name: document.querySelector<HTMLInputElement>('[data-aid="customerName-input"]')?.value ?? null,
      };
    });
    const text = await sidebarText(opened.frame);
    const sample = {
      at,
      path: gladly.path,
      msSincePathChange: gladly.msSincePathChange,
      gladlyPanelName: gladly.name,
      text,
    };
    samples.push(sample);
    if (done(sample)) {
      doneSince ??= at;
      if (at - doneSince >= afterMs) return samples;
    } else {
      doneSince = null;
    }
    if (Date.now() > deadline) {
      throw new Error(`Sampling timed out after ${samples.length} samples; last sidebar text:\n${text}`);
    }
    const wait = everyMs - (Date.now() - at);
    if (wait > 0) await opened.page.waitForTimeout(wait);
  }
}

/**
 * Starts recording, inside the sidebar, the epoch ms at which `selector` first matches with
 * `text` in it; `readMark` reads it (null while not yet).
 */
export async function markWhenShown(frame: Frame, selector: string, text: string): Promise<void> {
  await frame.evaluate(
    ({ selector, text }) => {
      const w = window as unknown as { __shownAt?: number | null; __shownStop?: () => void };
      w.__shownStop?.();
      w.__shownAt = null;
      const check = () => {
        if (w.__shownAt !== null) return;
        const found = [...document.querySelectorAll(selector)].some((el) => (el.textContent ?? '').includes(text));
        if (found) w.__shownAt = performance.timeOrigin + performance.now();
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, characterData: true });
      w.__shownStop = () => observer.disconnect();
      check();
    },
    { selector, text },
  );
}

export async function readMark(frame: Frame, timeout = LONG): Promise<number> {
  const handle = await frame.waitForFunction(
    () => (window as unknown as { __shownAt?: number | null }).__shownAt ?? null,
    undefined,
    {
      timeout,
      polling: 25,
    },
  );
  return (await handle.jsonValue()) as number;
}

/** Jane's order numbers as they appear in the sidebar ("#123", not "#1234"). */
export function mentionsOrder(text: string, orderId: string): boolean {
  return new RegExp(`#${orderId}(?!\\d)`).test(text);
}
