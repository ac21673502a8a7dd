/**
 * The extension against a sandbox that speaks HTTP/2 over TLS, as api.bigcommerce.com does:
 * Chromium trusts the sandbox's self-signed certificate by its public key, the stores are
 * connected with an https API base, Jane's profile, orders, tracking and images show, and the
 * sandbox's log proves the extension's requests came over HTTP/2 — more than 6 at once to one
 * host, which HTTP/1.1 (6 connections per host) would have queued — and so did the images.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { STORES, personas } from '../../sandbox/personas';
import { SEED_IDS } from '../../sandbox/bigcommerce/seed';
import type { RequestLogEntry } from '../../sandbox/server';
import { startWorld, type E2EWorld } from './harness';
import {
  expectedOrders,
  openPersona,
  orderRowsOf,
  profileOf,
  shownOrderNumbers,
  storeGet,
  storeOf,
  storeSection,
  waitSettled,
} from './sidebar-helpers';

const LONG = 10_000;
const MAIN = STORES.main.hash;
const LATENCY_MS = 150;

/** The most requests the server was answering at the same moment. */
function mostInFlight(entries: RequestLogEntry[]): number {
  const edges = entries.flatMap((e) => [
    { at: e.start, delta: 1 },
    { at: e.end, delta: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.delta - b.delta); // an end before a start at the same ms
  let now = 0;
  let most = 0;
  for (const edge of edges) {
    now += edge.delta;
    most = Math.max(most, now);
  }
  return most;
}

describe('the extension against the sandbox over HTTP/2 (TLS)', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld({ sandbox: { tls: true } });
    await connectSandboxStores(world.browser, world.sandbox.info);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("shows Jane's orders with tracking and images, every request of the extension over HTTP/2", async () => {
    const { baseUrl } = world.sandbox.info.bigcommerce;
    expect(baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    // The connect step's own requests (Test connection's store info) already came from the worker.
    expect(
      world.sandbox.control
        .log()
        .filter((e) => e.service === 'bigcommerce')
        .map((e) => e.httpVersion),
    ).not.toContain('1.1');

    // The oracle: the store's own API, read from Node (HTTP/1.1 over TLS, trusting the certificate).
    const email = personas.jane.emails[0]!;
    const expected = await expectedOrders(world, MAIN, { email, customerId: SEED_IDS.main.customers.jane });
    expect(expected).toHaveLength(10);
    expect(((await storeGet(world, MAIN, '/v2/store')) as { name: string }).name).toBe(storeOf(world, MAIN).name);

    world.sandbox.control.clearLog();
    world.sandbox.control.configure({ latencyMs: LATENCY_MS });
    const { page, frame } = await openPersona(world, 'jane', '?skeleton=0');
    try {
      const main = storeSection(frame, storeOf(world, MAIN).name);
      await profileOf(main).waitFor({ timeout: LONG });
      await waitSettled(frame, LONG);
      expect(await profileOf(main).textContent()).toContain(email);
      expect(await shownOrderNumbers(main)).toEqual(expected.map((o) => o.id));
      const text = await main.innerText();
      for (const order of expected)
        if (order.trackingNumber) expect(text).toContain(`Tracking ${order.trackingNumber}`);

      // Images come from the same https origin and load (the sidebar page trusts the certificate too).
      await orderRowsOf(main).first().click();
      await frame.waitForFunction(
        () => {
          const images = [
            ...document.querySelectorAll<HTMLImageElement>('li.bc-order .bc-order__details img.bc-line__image'),
          ];
          return images.length > 0 && images.every((img) => img.complete && img.naturalWidth > 0);
        },
        undefined,
        { timeout: LONG, polling: 50 },
      );
      const sources = await main
        .locator('img.bc-line__image')
        .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
      for (const src of sources) expect(src.startsWith(`${baseUrl}/`)).toBe(true);
      // Image URLs are outside the request log: the sidebar's own resource timing names the protocol.
      const protocols = await frame.evaluate(
        (origin) =>
          performance
            .getEntriesByType('resource')
            .filter((e) => e.name.startsWith(origin))
            .map((e) => (e as PerformanceResourceTiming).nextHopProtocol),
        baseUrl,
      );
      expect(protocols.length).toBeGreaterThan(0);
      expect(new Set(protocols)).toEqual(new Set(['h2']));
    } finally {
      world.sandbox.control.configure({ latencyMs: 0 });
      await page.close();
    }

    const requests = world.sandbox.control.log().filter((e) => e.service === 'bigcommerce');
    expect(requests.length).toBeGreaterThan(6);
    expect(new Set(requests.map((e) => e.httpVersion))).toEqual(new Set(['2.0']));
    expect(requests.filter((e) => e.status >= 300)).toEqual([]); // 200, or 204 for no orders in the other store
    // One host, more than HTTP/1.1's 6 connections' worth in flight together: multiplexed.
    expect(mostInFlight(requests)).toBeGreaterThan(6);
  });
});
