/**
 * The second language in real Chromium: with the browser in German (`--lang=de`, LANGUAGE=de), the
 * extension names itself from the German catalog, the whole options page speaks German (no
 * sentence of the English catalog on it, validation and test results included, dates written the
 * German way), the Gladly tab is labelled in German and the sidebar (with German money and dates)
 * speaks German. (The action dialogs are translated apart: README, "Languages and the browser API".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { SCOPES } from '../../lib/bigcommerce/scopes';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import { openOptions, visibleText } from './admin-helpers';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { STORES } from '../../sandbox/personas';
import { openPersona, storeOf, storeSection } from './sidebar-helpers';

function flatten(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  return Object.values(node as Record<string, unknown>).flatMap(flatten);
}

/** English catalog texts that German says otherwise: none of them may be on a German page. */
const ENGLISH_ONLY = (() => {
  // (sidebar.formatLocale names the catalog's language, "en" or "de": not a word.)
  const german = new Set([...flatten(de), en.sidebar.formatLocale]);
  // A text with a value ($1) is looked for by its longest fixed part.
  const fragments = flatten(en)
    .filter((text) => !german.has(text))
    .map((text) =>
      text
        .split(/\$\d/)
        .reduce((a, b) => (b.trim().length > a.trim().length ? b : a), '')
        .trim(),
    )
    .filter((text) => text.length >= 2 && !german.has(text));
  return [...new Set(fragments)];
})();

/**
 * The English texts in `text`, each as a whole word or phrase: "Test" is not in "Testen", nor
 * "Store" in BigCommerce's own "Store-level API account".
 */
function englishOf(text: string): string[] {
  const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ENGLISH_ONLY.filter((english) =>
    new RegExp(`(^|[^\\p{L}-])${escapeRegExp(english)}($|[^\\p{L}-])`, 'u').test(text),
  );
}

describe('in German', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld({ launch: { lang: 'de' } });
  });
  afterAll(async () => {
    await world?.close();
  });

  it('the extension takes its name and the shortcut its description from the German catalog', async () => {
    const seen = await world.browser.serviceWorker.evaluate(async () => {
      const chrome = (
        globalThis as unknown as {
          chrome: {
            i18n: { getUILanguage(): string; getMessage(key: string): string };
            commands: { getAll(): Promise<Array<{ name?: string; description?: string }>> };
          };
        }
      ).chrome;
      return {
        language: chrome.i18n.getUILanguage(),
        name: chrome.i18n.getMessage('extName'),
        command: (await chrome.commands.getAll()).find((c) => c.name === 'toggle-sidebar')?.description,
      };
    });
    // (getUILanguage() in the worker says en-US all the same; the catalog chosen is what counts.)
    expect(seen).toMatchObject({ name: de.extName, command: de.commandToggle });
  });

  it('the options page guides in German: store card, scopes to create, no English from the catalog', async () => {
    const page = await openOptions(world.browser, de.options.save);
    try {
      await page.getByRole('button', { name: de.options.addStore }).click();
      const guide = page.getByRole('complementary', { name: de.guide.label });
      const text = await visibleText(guide);
      expect(text).toContain(de.guide.create);
      expect(text).toContain(de.guide.ordersRead);
      const card = page.locator('.store-card').last();
      const summary = await visibleText(card.locator('.store-card__toggle'));
      expect(summary).toContain(de.stores.newStore);
      expect(summary).toContain(de.stores.notTested);
      expect(summary).toContain(de.stores.scopesNeverChecked);
      // None of the English catalog's sentences for these parts is on the page.
      const body = (await page.locator('body').textContent()) ?? '';
      const english = [en.guide.create, en.guide.then, en.stores.notTested, en.stores.intro, en.stores.newStore];
      expect(english.filter((sentence) => body.includes(sentence))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the whole options page speaks German: validation, a test, every section; dates the German way', async () => {
    const page = await openOptions(world.browser, de.options.save);
    try {
      await page.getByRole('button', { name: de.options.addStore }).click();
      const card = page.locator('.store-card').last();
      // An empty store refused: the problems are said in German.
      await page.getByRole('button', { name: de.options.save, exact: true }).click();
      expect(await visibleText(page.getByRole('alert').filter({ hasText: /Nichts wurde gespeichert/ }))).toMatch(
        /^Nichts wurde gespeichert: \d+ Felder müssen korrigiert werden\.$/,
      );
      expect(await visibleText(card.locator('.field__error').first())).toBe(de.optionsSentences.fieldName);
      // Filled in and tested against the sandbox: the card says when, the way German writes dates.
      const main = world.sandbox.info.bigcommerce.stores.find((s) => s.hash === STORES.main.hash)!;
      await card.getByLabel(de.optionsStore.name, { exact: true }).fill('Haupt');
      await card.getByLabel(de.optionsStore.storeHash, { exact: true }).fill(`store-${main.hash}`);
      expect(await visibleText(card.getByText(/Verstanden als:/))).toBe(
        `Verstanden als: Shop-Hash ${main.hash} (aus „store-${main.hash}“)`,
      );
      await card.getByLabel(de.optionsStore.clientId, { exact: true }).fill('client-e2e-de');
      await card.getByLabel(de.optionsStore.accessToken, { exact: true }).fill(main.limitedAccessToken);
      await card.getByLabel(de.optionsStore.apiBaseUrl, { exact: true }).fill(world.sandbox.info.bigcommerce.baseUrl);
      // Discount codes on: the limited token lacks Marketing: modify, so the test names a missing scope.
      await card.getByRole('checkbox', { name: de.optionsStore.actions, exact: true }).check();
      const discount = card.getByRole('switch', { name: de.optionsStore.discount });
      if (!(await discount.isChecked())) await discount.check();
      await card.getByRole('button', { name: de.optionsStore.test }).click();
      await card.locator('.test-result').waitFor({ state: 'visible', timeout: 20_000 });
      expect(await visibleText(card.locator('.test-result__headline'))).toContain(de.testResult.missing);
      const summary = await visibleText(card.locator('.store-card__toggle'));
      expect(summary).toContain(de.stores.tested.replace('$1', ''));
      expect(summary).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
      expect(summary).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/);
      // Every section open: the selectors, the Gladly API's fields, the team service's.
      await page.locator('details.selectors > summary').click();
      await page.getByRole('checkbox', { name: de.optionsGladly.connect }).check();
      // Team mode chosen (not connected yet: nothing is asked of a service), its fields show.
      await page.getByRole('radio', { name: de.optionsTeam.team }).check();
      await page.getByLabel(de.optionsTeam.address, { exact: true }).waitFor({ state: 'visible' });
      // biome-ignore lint/performance/useDomNodeTextContent: the page as shown, block by block, is what is read
      const text = await page.locator('body').innerText();
      // BigCommerce's own scope names ("Orders: modify") stay as its control panel shows them.
      const words = Object.values(SCOPES).reduce((rest, scope) => rest.split(scope).join(' '), text);
      const found = englishOf(words);
      // The tab's title and the page's language are German too.
      expect(await page.title()).toBe(de.options.title);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      // The shortcut's sentence keeps its address as code, and no stand-in for it is left over.
      expect(await page.locator('section[aria-labelledby="shortcut-title"] code').textContent()).toBe(
        'chrome://extensions/shortcuts',
      );
      expect(text).not.toMatch(/[\uE001\uE002]/);
      // A scope's detail (hover) is German too.
      const details = await card
        .locator('.scopes li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('title') ?? ''));
      expect(details.length).toBeGreaterThan(0);
      expect(details.flatMap((detail) => englishOf(detail))).toEqual([]);
      expect(details.some((detail) => /→ 403: Dem API-Konto fehlt „.+“\.$/.test(detail))).toBe(true);
      expect(found).toEqual([]);
      // The check itself sees English where there is some.
      expect(englishOf(`${words}\n${en.options.addStore}`)).toEqual([en.options.addStore]);
    } finally {
      await page.close();
    }
  });

  it('the Gladly tab is labelled in German', async () => {
    const page = await world.browser.context.newPage();
    try {
      await page.goto(gladlyUrl(world, 'jane'));
      await sidebarFrame(page);
      const handle = page.locator('[data-bc-sidebar-handle]');
      expect(await handle.getAttribute('aria-label')).toBe(de.dock.resizeLabel);
    } finally {
      await page.close();
    }
  });

  it('the sidebar shows a customer in German: no English sentence of the catalog, German money and dates', async () => {
    await connectSandboxStores(world.browser, world.sandbox.info);
    const { page, frame } = await openPersona(world, 'jane');
    try {
      const main = storeSection(frame, storeOf(world, STORES.main.hash).name);
      const profile = main.locator(`section[aria-label="${de.sidebar.profileLabel}"]`);
      await profile.waitFor({ timeout: 30_000 });
      const loading = [de.sidebar.loadingCompletion, de.sidebar.refreshing, de.sidebar.loading];
      await frame.waitForFunction(
        (busy) =>
          !document.querySelector('[aria-busy="true"]') &&
          !busy.some((t) => (document.body.textContent ?? '').includes(t)),
        loading,
        { timeout: 30_000, polling: 50 },
      );
      const orders = main.locator(`section[aria-label="${de.sidebar.recentOrders}"]`);
      await orders.locator('button[aria-expanded]').first().click();
      await orders.locator('.bc-amounts').first().waitFor();

      // German labels, German money ("25,00 $") and German dates ("02.10.2026").
      const fields = await profile.evaluate((root) =>
        Object.fromEntries(
          [...root.querySelectorAll('.bc-profile__row')].map((row) => [
            row.querySelector('dt')?.textContent?.trim(),
            row.querySelector('dd')?.textContent?.trim(),
          ]),
        ),
      );
      expect(fields[de.sidebar.storeCredit]).toMatch(/^25,00\s\$$/);
      expect(fields[de.sidebar.customerSince]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      const dates = await orders.locator('.bc-order__line.bc-muted > span:first-child').allTextContents();
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
      const totals = await orders.locator('.bc-order__total').allTextContents();
      for (const total of totals) expect(total).toMatch(/^-?[\d.]+,\d{2}\s\$$/);
      const amounts = await visibleText(orders.locator('.bc-amounts').first());
      expect(amounts).toContain(de.sidebar.subtotal);
      expect(amounts).toContain(de.sidebar.total);

      // No English message of the sidebar's catalog blocks, as a whole text, label or title, or
      // (the longer ones) anywhere in the text. Messages German spells the same ("Name") are skipped.
      const english = (['sidebar', 'sidebarErrors', 'sidebarLinking'] as const).flatMap((block) =>
        Object.entries(en[block])
          .filter(([key, text]) => text !== (de[block] as Record<string, string>)[key])
          .map(([, text]) => text),
      );
      const shown = await frame.evaluate(() => {
        const texts = [document.body.textContent ?? ''];
        // (An order's status badge is BigCommerce's own label, as the store names it: not ours.)
        for (const element of document.querySelectorAll('body *:not(.bc-badge)')) {
          if (element.children.length === 0 && element.textContent?.trim()) texts.push(element.textContent.trim());
          for (const attribute of ['aria-label', 'title', 'placeholder', 'alt'])
            if (element.getAttribute(attribute)) texts.push(element.getAttribute(attribute)!.trim());
        }
        return texts;
      });
      const asPattern = (text: string) =>
        new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\d/g, '.+')}$`);
      const whole = english.filter((text) => shown.slice(1).some((t) => asPattern(text).test(t)));
      const inText = english.filter((text) => !/\$\d/.test(text) && text.length >= 12 && shown[0]!.includes(text));
      expect([...whole, ...inText]).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
