/**
 * The admin's options page in real Chromium against the sandbox: add a store by its labels,
 * test the connection (a limited token names the missing scope), refuse an incomplete save,
 * save, never show the token again, then see the sidebar work; import a credentials file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { STORES } from '../../sandbox/personas';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import { openOptions, settingsView, visibleText, waitUntil } from './admin-helpers';

describe('the options page', () => {
  let world: E2EWorld;
  let page: Page;
  let tempDir: string;
  const main = () => world.sandbox.info.bigcommerce.stores.find((s) => s.hash === STORES.main.hash)!;
  const europe = () => world.sandbox.info.bigcommerce.stores.find((s) => s.hash === STORES.europe.hash)!;
  /** The nth store's fieldset (its heading changes as the name is typed, so not by name). */
  const connection = (n: number): Locator => page.locator('fieldset.connection').nth(n);

  beforeAll(async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'bc-options-e2e-'));
    world = await startWorld();
    page = await openOptions(world.browser);
  });
  afterAll(async () => {
    await world?.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  });

  it('adds a store by label and its test names the store and the scope the limited token lacks', async () => {
    expect((await settingsView(page)).settings.connections).toEqual([]);
    await page.getByRole('button', { name: 'Add a store' }).click();
    const store = connection(0);
    await store.getByLabel('Name', { exact: true }).fill('Main (US)');
    await store.getByLabel('Store hash', { exact: true }).fill(`store-${main().hash}`);
    expect(await visibleText(store.getByText(/Understood as:/))).toContain(`Store hash ${main().hash}`);
    await store.getByLabel('Client ID', { exact: true }).fill('client-e2e-main');
    await store.getByLabel('Access token', { exact: true }).fill(main().limitedAccessToken);
    await store.getByLabel('API base URL', { exact: true }).fill(world.sandbox.info.bigcommerce.baseUrl);
    // Actions with discount codes need Marketing: modify, which the limited token lacks.
    await store.getByRole('checkbox', { name: 'Actions', exact: true }).check();
    const discount = store.getByRole('switch', { name: 'Create a discount code' });
    if (!(await discount.isChecked())) await discount.check();

    await store.getByRole('button', { name: 'Test connection' }).click();
    const result = store.locator('.test-result');
    await result.waitFor({ state: 'visible', timeout: 20_000 });
    const facts = Object.fromEntries(
      await result
        .locator('dt')
        .evaluateAll((dts) => dts.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? ''])),
    );
    expect(facts).toEqual({
      'Store name': STORES.main.name,
      Currency: STORES.main.currency,
      Timezone: STORES.main.timezone,
    });
    const marketing = result.locator('li', { hasText: main().limitedMissingScope + ')' });
    expect(await visibleText(marketing)).toMatch(/^Marketing: modify \(store_v2_marketing\): missing$/);
    // Only that one is missing: the rest of what the settings need is there.
    expect(await result.locator('li', { hasText: ': missing' }).count()).toBe(1);
    expect(await result.textContent()).toContain('1 API scope is missing');
  });

  it('refuses to save with a field missing: the field turns red, says why, and nothing is saved', async () => {
    const before = await settingsView(page);
    const store = connection(0);
    const clientId = store.getByLabel('Client ID', { exact: true });
    await clientId.fill('');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    expect(await visibleText(page.getByRole('alert').filter({ hasText: 'Nothing was saved' }))).toContain(
      'one field needs fixing',
    );
    expect(await clientId.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await clientId.getAttribute('aria-describedby')) ?? '';
    const why = await visibleText(page.locator(`#${describedBy.split(' ').find((id) => id.endsWith('-error'))}`));
    expect(why).toBe('Enter the Client ID from the API account.');
    // Red: the same colour as the page's error text, and not the border the other fields have.
    const colours = await clientId.evaluate((el) => {
      const name = el.closest('fieldset')!.querySelector<HTMLInputElement>('input[id$="-name"]')!;
      return {
        invalid: getComputedStyle(el).borderTopColor,
        normal: getComputedStyle(name).borderTopColor,
        error: getComputedStyle(document.querySelector('.field__error')!).color,
      };
    });
    expect(colours.invalid).toBe(colours.error);
    expect(colours.invalid).not.toBe(colours.normal);
    const [r, g, b] = colours.invalid.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(g! + 80);
    expect(r).toBeGreaterThan(b! + 80);
    expect(await clientId.evaluate((el) => el === document.activeElement)).toBe(true);

    expect(await settingsView(page)).toEqual(before);
    expect(before.settings.connections).toEqual([]);
  });

  it('saves, then shows only a hint of the token and never the token itself', async () => {
    const token = main().limitedAccessToken;
    const store = connection(0);
    await store.getByLabel('Client ID', { exact: true }).fill('client-e2e-main');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitUntil(
      '"Settings saved."',
      async () => (await page.getByRole('status').filter({ hasText: 'Settings saved.' }).count()) > 0,
    );

    const tokenField = store.getByLabel('Access token', { exact: true });
    expect(await tokenField.inputValue()).toBe('');
    const hint = await visibleText(store.getByText(/^Token set/));
    const shown = /^Token set \(…(.{1,4})\)$/.exec(hint);
    expect(shown, hint).not.toBeNull();
    expect(token.endsWith(shown![1]!)).toBe(true);
    expect(await store.getByLabel('Store hash', { exact: true }).inputValue()).toBe(main().hash);

    const saved = (await settingsView(page)).settings.connections;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      name: 'Main (US)',
      storeHash: main().hash,
      clientId: 'client-e2e-main',
      apiBaseUrl: world.sandbox.info.bigcommerce.baseUrl,
      tokenHint: shown![1],
    });
    expect(saved[0]!.actions).toMatchObject({ enabled: true, discount: true });

    // Not in the page, in any field's value, or in what settings/get answers.
    const values = await page
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values.filter((v) => v.includes(token))).toEqual([]);
    expect(await page.content()).not.toContain(token);
    expect(JSON.stringify(await settingsView(page))).not.toContain(token);

    // A reload shows the same: the hint from the vault, an empty token field.
    await page.reload();
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    // A saved store is a card's summary line until opened.
    const card = page.getByRole('button', { name: /Main \(US\)/, expanded: false });
    expect(await visibleText(card)).toContain(main().hash);
    await card.click();
    expect(await connection(0).getByLabel('Access token', { exact: true }).inputValue()).toBe('');
    expect(await visibleText(connection(0).getByText(/^Token set/))).toBe(hint);
    expect(await page.content()).not.toContain(token);
  });

  it('with the store saved, the sidebar on a Gladly conversation shows the customer', async () => {
    const gladly = await world.browser.context.newPage();
    try {
      await gladly.goto(gladlyUrl(world, 'jane', '?skeleton=0'));
      const frame = await sidebarFrame(gladly);
      const profile = frame.locator('section[aria-label="Customer profile"]');
      const text = await visibleText(profile, 30_000);
      expect(text).toContain('Jane Cooper');
      expect(text).toContain('jane.cooper@example.com');
      await frame
        .locator('section[aria-label="Recent orders"] button[aria-expanded]')
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
      expect(await frame.locator('section[aria-label="Recent orders"] button[aria-expanded]').count()).toBe(10);
    } finally {
      await gladly.close();
    }
  });

  it('fills a store in from a BigCommerce credentials file (CRLF lines)', async () => {
    const token = europe().accessToken;
    const file = join(tempDir, 'bigcommerce-api-credentials.txt');
    writeFileSync(
      file,
      [
        'ACCESS TOKEN: ' + token,
        'CLIENT ID: client-from-file-eu',
        'CLIENT SECRET: not-kept-by-the-extension',
        'NAME: Europe from file',
        `API PATH: https://api.bigcommerce.com/stores/${europe().hash}/v3/`,
        '',
      ].join('\r\n'),
    );
    await page.getByRole('button', { name: 'Add a store' }).click();
    const store = connection(1);
    await store.getByLabel('Credentials file').setInputFiles(file);

    expect(await visibleText(store.getByRole('status').filter({ hasText: 'Filled in from' }))).toContain(
      'bigcommerce-api-credentials.txt',
    );
    expect(await store.getByLabel('Store hash', { exact: true }).inputValue()).toBe(europe().hash);
    expect(await store.getByLabel('Client ID', { exact: true }).inputValue()).toBe('client-from-file-eu');
    expect(await store.getByLabel('Access token', { exact: true }).inputValue()).toBe(token);
    expect(await store.getByLabel('Name', { exact: true }).inputValue()).toBe('Europe from file');
    // The file's values are usable as they are: the test reaches the right store.
    await store.getByLabel('API base URL', { exact: true }).fill(world.sandbox.info.bigcommerce.baseUrl);
    await store.getByRole('button', { name: 'Test connection' }).click();
    await store.locator('.test-result').waitFor({ state: 'visible', timeout: 20_000 });
    expect(await store.locator('.test-result dd').allTextContents()).toEqual([
      STORES.europe.name,
      STORES.europe.currency,
      STORES.europe.timezone,
    ]);
    // Nothing is saved until Save.
    expect((await settingsView(page)).settings.connections.map((c) => c.storeHash)).toEqual([main().hash]);
  });

  // Runs on the page as the tests above left it: two store cards open, a long form.
  it('the sticky Save bar never covers a field scrolled into view', async () => {
    const bar = page.locator('.save-bar');
    const fields = page.locator('form input:visible, form select:visible, form button:visible:not(.save-bar button)');
    const count = await fields.count();
    expect(count).toBeGreaterThan(10);
    const covered: string[] = [];
    for (let i = 0; i < count; i++) {
      const field = fields.nth(i);
      // The way a browser brings a field into view (focus, find, a validation error): its bottom at the viewport's.
      const boxes = await field.evaluate((el, barSelector) => {
        el.scrollIntoView({ block: 'end' });
        const bar = document.querySelector(barSelector)!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { label: el.id || el.textContent || el.tagName, bottom: box.bottom, barTop: bar.top };
      }, '.save-bar');
      if (boxes.bottom > boxes.barTop + 0.5) covered.push(`${boxes.label} (${boxes.bottom} > ${boxes.barTop})`);
    }
    expect(covered).toEqual([]);
    // The last field of the form, scrolled into view, sits wholly above the bar.
    const last = fields.nth(count - 1);
    await last.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    const [lastBox, barBox] = [await last.boundingBox(), await bar.boundingBox()];
    expect(lastBox!.y + lastBox!.height).toBeLessThanOrEqual(barBox!.y + 0.5);
    expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(page.viewportSize()!.height + 0.5);
  });
});
