/**
 * The second language in real Chromium: with the browser in German (`--lang=de`, LANGUAGE=de), the
 * extension names itself from the German catalog and the options page's store cards, the
 * BigCommerce guidance and the Gladly tab speak German. (Only those parts are translated so far:
 * README, "Languages and the browser API".)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import { openOptions, visibleText } from './admin-helpers';

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
});
