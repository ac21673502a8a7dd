/**
 * The second language in real Chromium: with the browser in German (`--lang=de`, LANGUAGE=de), the
 * extension names itself from the German catalog and the options page's store cards, the
 * BigCommerce guidance, the Gladly tab and the sidebar (with German money and dates) speak German.
 * (Only those parts are translated so far: README, "Languages and the browser API".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import { openOptions, visibleText } from './admin-helpers';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { STORES } from '../../sandbox/personas';
import { openPersona, storeOf, storeSection } from './sidebar-helpers';

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
    const page = await openOptions(world.browser);
    try {
      await page
        .getByRole('button', { name: /Add a store|Shop/ })
        .first()
        .click();
      const guide = page.getByRole('complementary', { name: de.guide.label });
      const text = await visibleText(guide);
      expect(text).toContain(de.guide.create);
      expect(text).toContain(de.guide.ordersRead);
      const card = page.locator('.store-card').first();
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
