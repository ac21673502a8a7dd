/**
 * Credential safety in real Chromium: after connecting the sandbox stores, no access token is in
 * extension storage, a built bundle, the Gladly page (its DOM or its window messages), the
 * sidebar, or any console; a web page cannot reach the background; and a money message from an
 * extension page other than the sidebar is refused before any request reaches the store.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { personas, STORES, type PersonaKey } from '../../sandbox/personas';
import { SEED_IDS } from '../../sandbox/bigcommerce/seed';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { E2E_EXTENSION_DIR } from '../../scripts/lib/browser';
import { gladlyUrl, inContentScript, sidebarFrame, startWorld, type E2EWorld } from './harness';
import {
  dumpState,
  dumpStorage,
  filesUnder,
  holdsFor,
  openOptions,
  readText,
  recordConsole,
  secretsIn,
  sendFromPage,
  settingsView,
  storeSection,
  visibleText,
  waitUntil,
  type ConsoleLine,
} from './admin-helpers';

const PRODUCTION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const personaPath = (key: PersonaKey) =>
  `/customer/${personas[key].gladlyId}/conversation/${personas[key].conversationId}`;

describe('credentials never leave the background', () => {
  let world: E2EWorld;
  let consoleLog: { lines: ConsoleLine[] };
  let tokens: string[];
  let options: Page;

  beforeAll(async () => {
    world = await startWorld();
    consoleLog = recordConsole(world.browser.context);
    const stores = world.sandbox.info.bigcommerce.stores;
    tokens = stores.flatMap((s) => [s.accessToken, s.limitedAccessToken]);
    await connectSandboxStores(world.browser, world.sandbox.info, { actions: true });
    options = await openOptions(world.browser);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('refuses a refund sent from the options page (an extension page, not the sidebar): no refund reaches the store', async () => {
    const { baseUrl } = world.sandbox.info.bigcommerce;
    const main = world.sandbox.info.bigcommerce.stores.find((s) => s.hash === STORES.main.hash)!;
    const orderId = SEED_IDS.main.orders.janeCapturedAwaiting;
    const refundsOf = async () => {
      const response = await fetch(`${baseUrl}/stores/${main.hash}/v3/orders/${orderId}/payment_actions/refunds`, {
        headers: { 'X-Auth-Token': main.accessToken, Accept: 'application/json' },
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: unknown[] }).data;
    };
    const before = await refundsOf();
    world.sandbox.control.clearLog();

    const reply = await sendFromPage(options, {
      type: 'actions/refund',
      requestId: 'e2e-refund-from-options',
      connectionId: `sandbox-${main.hash}`,
      orderId: String(orderId),
      actionId: 'e2e-refund-options-0001',
      selection: { lines: [], shipping: [], customAmount: '1.00' },
      payments: [{ providerId: 'braintree', providerDescription: 'Card', amount: '1.00', offline: false }],
      expectedTotal: '1.00',
    });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden-sender' } });

    // Watch the store for a while: nothing but our own reads may arrive.
    const writes = () => world.sandbox.control.log().filter((e) => e.service === 'bigcommerce' && e.method !== 'GET');
    await holdsFor('no write reached the store', () => writes().length === 0, 2_000);
    expect(world.sandbox.control.log().filter((e) => /refund/.test(e.path) && e.method !== 'GET')).toEqual([]);
    expect(await refundsOf()).toEqual(before);
  });

  it('a web page cannot reach the background, and messages it posts to the sidebar frame do nothing', async () => {
    const page = await world.browser.context.newPage();
    try {
      await page.goto(gladlyUrl(world, 'jane', '?skeleton=0'));
      const frame = await sidebarFrame(page);
      await visibleText(frame.locator('section[aria-label="Customer profile"]'), 30_000);
      world.sandbox.control.clearLog();

      const attempt = await page.evaluate(async (extensionId) => {
        const runtime = (
          window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }
        ).chrome?.runtime;
        if (typeof runtime?.sendMessage !== 'function')
          return { reached: false, how: 'chrome.runtime.sendMessage is not available to the page' };
        try {
          const answer = await Promise.race([
            runtime.sendMessage(extensionId, { type: 'settings/get', requestId: 'from-a-web-page' }),
            new Promise((resolve) => setTimeout(() => resolve(undefined), 3_000)),
          ]);
          return { reached: answer !== undefined && answer !== null, how: JSON.stringify(answer ?? null) };
        } catch (error) {
          return { reached: false, how: String(error) };
        }
      }, world.browser.extensionId);
      expect(attempt.reached, attempt.how).toBe(false);

      // A page posting protocol-looking messages at the sidebar's window gets nothing done.
      await page.evaluate(
        ({ orderId }) => {
          const target = document.querySelector('iframe')?.contentWindow;
          const refund = {
            type: 'actions/refund',
            requestId: 'x',
            connectionId: 'sandbox-abc123',
            orderId,
            actionId: 'page-posted-0001',
            selection: { lines: [], shipping: [], customAmount: '1.00' },
            payments: [{ providerId: 'braintree', providerDescription: 'Card', amount: '1.00', offline: false }],
            expectedTotal: '1.00',
          };
          target?.postMessage(refund, '*');
          target?.postMessage(
            {
              type: 'actions/cancel',
              requestId: 'y',
              connectionId: 'sandbox-abc123',
              orderId,
              actionId: 'page-posted-0002',
            },
            '*',
          );
        },
        { orderId: String(SEED_IDS.main.orders.janeAuthorized) },
      );
      await holdsFor(
        'no write reached the store',
        () => world.sandbox.control.log().every((e) => e.method === 'GET'),
        2_000,
      );
    } finally {
      await page.close();
    }
  });

  it('lookups (a 401 among them) put no token in the Gladly page, the sidebar or a window message', async () => {
    const page = await world.browser.context.newPage();
    // Every `message` event the Gladly page's window receives, from the first script on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seenMessages: string[] }).__seenMessages = seen;
      addEventListener('message', (event) => {
        try {
          seen.push(JSON.stringify(event.data) ?? String(event.data));
        } catch {
          seen.push(String(event.data));
        }
      });
    });
    try {
      await page.goto(gladlyUrl(world, 'jane', '?skeleton=0&linger=0'));
      const frame = await sidebarFrame(page);
      const main = storeSection(frame, STORES.main.name);
      await visibleText(main.locator('section[aria-label="Customer profile"]'), 30_000);

      await page.evaluate(
        (path) => (window as unknown as { gladlyNavigate(p: string): void }).gladlyNavigate(path),
        personaPath('twoStores'),
      );
      await visibleText(
        storeSection(frame, STORES.europe.name).locator('section[aria-label="Customer profile"]'),
        30_000,
      );

      // The main store now refuses its token: the sidebar says so in plain words.
      world.sandbox.control.addFault({ store: STORES.main.hash, path: '^/v', kind: 'status', status: 401 });
      try {
        await page.evaluate(
          (path) => (window as unknown as { gladlyNavigate(p: string): void }).gladlyNavigate(path),
          personaPath('phoneOnly'),
        );
        const problem = await visibleText(main.getByRole('alert'), 30_000);
        expect(problem.length).toBeGreaterThan(10);
        expect(secretsIn(problem, tokens)).toEqual([]);
        expect(world.sandbox.control.log().some((e) => e.store === STORES.main.hash && e.status === 401)).toBe(true);
      } finally {
        world.sandbox.control.clearFaults();
      }

      for (const f of page.frames()) expect(secretsIn(await f.content(), tokens), f.url()).toEqual([]);
      expect(secretsIn(await frame.evaluate(() => document.body.innerText), tokens)).toEqual([]);

      // The recorder works (it hears the page's own message), and no sidebar traffic reached the page.
      await page.evaluate(() => window.postMessage({ canary: 'page-own-message' }, '*'));
      const seen = await waitUntil('the canary message', async () => {
        const list = await page.evaluate(() => (window as unknown as { __seenMessages: string[] }).__seenMessages);
        return list.some((m) => m.includes('page-own-message')) ? list : undefined;
      });
      const leaked = seen.filter((m) => !m.includes('page-own-message'));
      for (const m of leaked) {
        expect(secretsIn(m, tokens)).toEqual([]);
        expect(m).not.toMatch(
          /lookup\/update|"type":"(config|identity|reply)"|Cooper & Co|jane\.cooper@example\.com|sam\.lee@example\.com/,
        );
      }
    } finally {
      await page.close();
    }
  });

  it('no token in chrome.storage (local or sync) or the background store, plainly or base64-encoded', async () => {
    const { local, sync } = await dumpStorage(options);
    const state = await dumpState(options);
    // The dump is real: the settings and the sealed secrets are in the background's store.
    expect(Object.keys(state)).toEqual(
      expect.arrayContaining(['settings', 'vault:connection:sandbox-abc123', 'vault:connection:sandbox-eu7x9k']),
    );
    expect(secretsIn(JSON.stringify(state), tokens)).toEqual([]);
    expect(secretsIn(JSON.stringify(local), tokens)).toEqual([]);
    expect(secretsIn(JSON.stringify(sync), tokens)).toEqual([]);
    // Nor under any key whose value is an object holding one deeper down.
    for (const [key, value] of Object.entries({ ...local, ...sync, ...state }))
      expect(secretsIn(JSON.stringify(value), tokens), key).toEqual([]);
  });

  it("a Gladly tab's content script finds nothing that matters in storage.local, and what it writes there changes nothing", async () => {
    const page = await world.browser.context.newPage();
    try {
      await page.goto(gladlyUrl(world, 'jane', '?skeleton=0'));
      const frame = await sidebarFrame(page);
      await visibleText(frame.locator('section[aria-label="Customer profile"]'), 30_000);
      const before = await settingsView(options);

      const seen = await inContentScript<{ local: Record<string, unknown>; session: string }>(
        page,
        `(async () => ({
          local: await chrome.storage.local.get(null),
          session: await chrome.storage.session.get(null).then((v) => 'readable: ' + JSON.stringify(v), (e) => 'refused: ' + e.message),
        }))()`,
      );
      // Nothing at all: settings, switches, pending records, audit log, sealed secrets and links are elsewhere.
      expect(seen.local).toEqual({});
      expect(seen.session).toMatch(/^refused/);

      // Point the Gladly host elsewhere, clear the pending locks and the links, plant a sealed secret.
      await inContentScript(
        page,
        `chrome.storage.local.set({
          settings: {
            version: 2, connections: [], selectors: {},
            gladlyApi: { host: 'https://evil.example', email: 'x@evil.example', tokenHint: null },
          },
          'actions.pending': {},
          'actions.results': {},
          links: {},
          unlinkMarks: {},
          'vault:gladly-api': { v: 1, keyId: 'planted', iv: 'AAAA', data: 'AAAA', hint: 'evil' },
        }).then(() => true)`,
      );
      expect((await settingsView(options)).settings).toEqual(before.settings);
      const state = await dumpState(options);
      expect(state['vault:gladly-api']).toBeUndefined();
      expect(JSON.stringify(state)).not.toContain('evil.example');

      // The extension works on as before: a fresh tab shows Jane's profile from both stores' settings.
      await page.reload();
      const again = await sidebarFrame(page);
      expect(await visibleText(again.locator('section[aria-label="Customer profile"]'), 30_000)).toContain('Jane');
    } finally {
      await page.close();
    }
  });

  it('no token in any built file: content scripts included, e2e build and production build', () => {
    const dirs = [E2E_EXTENSION_DIR, ...(existsSync(PRODUCTION_DIR) ? [PRODUCTION_DIR] : [])];
    for (const dir of dirs) {
      const files = filesUnder(dir);
      const contentScripts = files.filter((f) => relative(dir, f).startsWith('content-scripts'));
      expect(contentScripts.length, `${dir} has content scripts`).toBeGreaterThan(0);
      for (const file of files) expect(secretsIn(readText(file), tokens), relative(join(dir, '..'), file)).toEqual([]);
    }
  });

  it('no token in any console line or uncaught error of the pages or the service worker', async () => {
    // The service worker's own console is heard (it warned about the refused refund).
    await waitUntil('the background warning about the refused refund', () =>
      consoleLog.lines.some((l) => l.from.startsWith('worker') && l.text.includes('Refused actions/refund')),
    );
    expect(consoleLog.lines.length).toBeGreaterThan(0);
    const withToken = consoleLog.lines.filter((l) => secretsIn(l.text, tokens).length > 0);
    expect(withToken).toEqual([]);
  });
});
