/**
 * `npm run screenshots`: every state of the sidebar and the options page, in real Chromium
 * against the sandbox (the e2e build, like `npm run demo`), light and dark, and the sidebar also
 * at its narrowest width, into docs/screenshots/. Each action dialog is opened by clicking. A few
 * main states again with the browser in German (de-*.png).
 *
 *   npm run screenshots                 # builds the e2e extension first
 *   npm run screenshots -- --no-build   # reuse .output-e2e/chrome-mv3
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Page } from 'playwright-core';
import { startSandbox, type SandboxHandle } from '../sandbox/server';
import { personas, type PersonaKey } from '../sandbox/personas';
import { forgetLookupsAndStopWorker, launchWithExtension, type LaunchedExtension } from './lib/browser';
import { connectSandboxStores } from './lib/configure';
import { sidebarFrameOf } from './lib/frames';
import { buildE2E } from './lib/run';
import { MIN_WIDTH } from '../entrypoints/gladly.content/dock';
import de from '../locales/de.json';
import en from '../locales/en.json';

const { values: flags } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false } }, strict: true });
const OUT = resolve(import.meta.dirname, '../docs/screenshots');
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const WAIT = 20_000;
/** The dock's width before an agent resizes it (entrypoints/gladly.content/index.ts). */
const DEFAULT_WIDTH = 380;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(OUT, `${name}.png`) });
  log(`  ${name}.png`);
}

/** The sidebar alone (its iframe), for the narrow shots and the dialogs. */
async function shootSidebar(page: Page, frame: Frame, name: string): Promise<void> {
  const element = await frame.frameElement();
  await element.screenshot({ path: resolve(OUT, `${name}.png`) });
  log(`  ${name}.png`);
}

/** Opens a persona's conversation and waits until the sidebar has stopped loading. */
async function openPersona(browser: LaunchedExtension, sandbox: SandboxHandle, key: PersonaKey, scheme: Scheme) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  const persona = personas[key];
  await page.goto(
    `${sandbox.info.gladly.baseUrl}/customer/${persona.gladlyId}/conversation/${persona.conversationId}?skeleton=0`,
  );
  const frame = await sidebarFrameOf(page, WAIT);
  return { page, frame };
}

/** What the sidebar says while part of it still loads, in both languages. */
const STILL_LOADING = [en, de].flatMap((catalog) => [
  catalog.sidebar.loadingShipments,
  catalog.sidebar.lifetimeLoading,
]);

async function settled(frame: Frame): Promise<void> {
  // No skeleton, no "Loading…" line: the shipments and the lifetime totals answered.
  await frame.waitForFunction(
    (loading) => !document.querySelector('.bc-skel') && !loading.some((line) => document.body.innerText.includes(line)),
    STILL_LOADING,
    { timeout: WAIT, polling: 100 },
  );
  await frame.page().waitForTimeout(300);
}

/**
 * Sets the dock's width as an agent would, from the keyboard on its edge (20 px a press): the
 * background keeps the width (in its IndexedDB, out of the script's reach) for the pages after.
 */
async function setDockWidth(browser: LaunchedExtension, sandbox: SandboxHandle, width: number): Promise<void> {
  const { page } = await openPersona(browser, sandbox, 'notFound', 'light');
  const dock = page.locator('[data-bc-sidebar]');
  const current = async () => Math.round((await dock.boundingBox())?.width ?? 0);
  await page.locator('[data-bc-sidebar-handle]').focus();
  for (let presses = 0; presses < 60 && (await current()) !== width; presses++) {
    await page.keyboard.press((await current()) > width ? 'ArrowRight' : 'ArrowLeft');
  }
  if ((await current()) !== width) throw new Error(`The dock would not take ${width} px (it is ${await current()})`);
  // The width reaches the background in a message: wait until a new page opens at it.
  await page.waitForTimeout(300);
  await page.close();
}

async function sidebarStates(browser: LaunchedExtension, sandbox: SandboxHandle, scheme: Scheme, suffix: string) {
  const narrow = suffix !== '';
  const save = (page: Page, frame: Frame, name: string) =>
    narrow ? shootSidebar(page, frame, `${name}${suffix}`) : shoot(page, `${name}-${scheme}`);

  // A linked customer, then the newest order opened, then each action dialog.
  {
    const { page, frame } = await openPersona(browser, sandbox, 'jane', scheme);
    await frame.getByRole('region', { name: 'Customer profile' }).first().waitFor({ timeout: WAIT });
    await settled(frame);
    await save(page, frame, 'customer');
    const first = frame.locator('li.bc-order').first();
    await first.locator('.bc-order__toggle').click();
    await first.locator('.bc-order__details').waitFor({ timeout: WAIT });
    await page.waitForTimeout(500);
    // The whole opened order in the picture, down to its buttons.
    await first.evaluate((order) => order.scrollIntoView({ block: 'end' }));
    await save(page, frame, 'expanded-order');
    if (!narrow) {
      const actions = first.locator('.bc-actions button:not([aria-disabled="true"])');
      const labels = await actions.allTextContents();
      for (const label of labels) {
        await first.getByRole('button', { name: label, exact: true }).click();
        const dialog = frame.getByRole('dialog');
        await dialog.waitFor({ timeout: WAIT });
        await page.waitForTimeout(800);
        await shootSidebar(page, frame, `dialog-${label.toLowerCase().replace(/[^a-z]+/g, '-')}-${scheme}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached', timeout: WAIT }).catch(async () => {
          await dialog
            .getByRole('button', { name: /Close|Cancel|Not now/ })
            .first()
            .click();
        });
      }
    }
    await page.close();
  }
  // Several matches (a phone shared by two customers).
  {
    const { page, frame } = await openPersona(browser, sandbox, 'sharedPhone', scheme);
    await frame.getByRole('button', { name: /Link/ }).first().waitFor({ timeout: WAIT });
    await settled(frame);
    await save(page, frame, 'several-matches');
    await page.close();
  }
  // Not found.
  {
    const { page, frame } = await openPersona(browser, sandbox, 'notFound', scheme);
    await frame
      .getByText(/No customer or orders found/)
      .first()
      .waitFor({ timeout: WAIT });
    await settled(frame);
    await save(page, frame, 'not-found');
    await page.close();
  }
  // A store failing (the other still answers).
  {
    sandbox.control.addFault({ store: 'eu7x9k', path: '^/v', kind: 'status', status: 500 });
    const { page, frame } = await openPersona(browser, sandbox, 'twoStores', scheme);
    await frame.getByRole('alert').first().waitFor({ timeout: WAIT });
    await settled(frame).catch(() => undefined);
    await save(page, frame, 'error');
    await page.close();
    sandbox.control.clearFaults();
  }
  // Loading: the store does not answer yet. The guest's hung lookup of an earlier pass is retried
  // once the fault is cleared and then cached, so each pass starts from a worker without it.
  {
    const before = await openPersona(browser, sandbox, 'notFound', scheme);
    await forgetLookupsAndStopWorker(browser.context, before.page, before.frame);
    await before.page.close();
    sandbox.control.addFault({ path: '^/v', kind: 'hang' });
    const { page, frame } = await openPersona(browser, sandbox, 'guest', scheme);
    await frame.locator('.bc-skel').first().waitFor({ timeout: WAIT });
    await page.waitForTimeout(400);
    await save(page, frame, 'loading');
    await page.close();
    sandbox.control.clearFaults();
  }
}

async function optionsState(
  browser: LaunchedExtension,
  scheme: Scheme,
  name: string,
  prepare?: (page: Page) => Promise<void>,
) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1400 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('heading').first().waitFor({ timeout: WAIT });
  await prepare?.(page);
  // The whole page in the viewport: the sticky Save bar then sits at the bottom, not over a field.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1100, height });
  await page.waitForTimeout(400);
  await page.screenshot({ path: resolve(OUT, `${name}-${scheme}.png`), fullPage: true });
  log(`  ${name}-${scheme}.png`);
  await page.close();
}

/**
 * A few main states with the browser in German (a second browser, `--lang=de`): the options page
 * with its stores, a customer and an expanded order. Found by class, not by English words.
 */
async function germanStates(sandbox: SandboxHandle): Promise<void> {
  const browser = await launchWithExtension({ headless: true, viewport: { width: 1400, height: 900 }, lang: 'de' });
  try {
    await connectSandboxStores(browser, sandbox.info, { actions: true });
    log('German (light):');
    await optionsState(browser, 'light', 'de-options-stores');
    const { page, frame } = await openPersona(browser, sandbox, 'jane', 'light');
    await frame.locator('.bc-profile').first().waitFor({ timeout: WAIT });
    await settled(frame);
    await shoot(page, 'de-customer-light');
    const first = frame.locator('li.bc-order').first();
    await first.locator('.bc-order__toggle').click();
    await first.locator('.bc-order__details').waitFor({ timeout: WAIT });
    await settled(frame);
    await first.evaluate((order) => order.scrollIntoView({ block: 'end' }));
    await shoot(page, 'de-expanded-order-light');
    await page.close();
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  if (!flags['no-build']) {
    log('Building the e2e extension (npm run build:e2e)…');
    await buildE2E();
  }
  await mkdir(OUT, { recursive: true });
  const sandbox = await startSandbox({ port: 0, gladlyPort: 0, latencyMs: 0 });
  const browser = await launchWithExtension({ headless: true, viewport: { width: 1400, height: 900 } });
  try {
    for (const scheme of SCHEMES) await optionsState(browser, scheme, 'options-empty');
    await connectSandboxStores(browser, sandbox.info, { actions: true });
    for (const scheme of SCHEMES) {
      await optionsState(browser, scheme, 'options-stores');
      await optionsState(browser, scheme, 'options-invalid', async (page) => {
        await page.getByRole('button', { name: 'Add a store' }).click();
        await page.getByRole('button', { name: 'Save' }).click();
        await page.locator('[aria-invalid="true"]').first().waitFor({ timeout: WAIT });
      });
    }
    for (const scheme of SCHEMES) {
      log(`Sidebar, ${scheme}:`);
      await setDockWidth(browser, sandbox, DEFAULT_WIDTH);
      await sidebarStates(browser, sandbox, scheme, '');
      log(`Sidebar, ${scheme}, narrowest (${MIN_WIDTH} px):`);
      await setDockWidth(browser, sandbox, MIN_WIDTH);
      await sidebarStates(browser, sandbox, scheme, `-narrow-${scheme}`);
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  try {
    await germanStates(sandbox);
  } finally {
    await sandbox.close().catch(() => undefined);
  }
  log(`Done: ${OUT}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
