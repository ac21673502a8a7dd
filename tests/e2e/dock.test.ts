/**
 * The dock an agent handles: what the keyboard shortcut's message does to the sidebar in the
 * Gladly tab (collapsed to a slim tab and back), resizing from the keyboard, and both remembered
 * across a reload. Chrome's own key handling for `commands` cannot be driven headless; the
 * background's half (Alt+Shift+G → this message to the active tab) is unit-tested.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';

const COLLAPSED_WIDTH = 28;

async function dockWidth(page: Page): Promise<number> {
  return (await page.locator('[data-bc-sidebar]').boundingBox())!.width;
}

async function gladlyMargin(page: Page): Promise<number> {
  return Number.parseFloat(await page.evaluate(() => getComputedStyle(document.documentElement).marginRight));
}

describe('the dock beside Gladly', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** What the background sends when the agent presses the shortcut in this tab. */
  async function pressShortcut(url: string): Promise<void> {
    await world.browser.serviceWorker.evaluate(async (tabUrl) => {
      type Tabs = {
        query(q: { url: string }): Promise<Array<{ id?: number }>>;
        sendMessage(tabId: number, message: unknown): Promise<unknown>;
      };
      const tabs = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome.tabs;
      const [tab] = await tabs.query({ url: tabUrl });
      if (tab?.id === undefined) throw new Error(`no tab at ${tabUrl}`);
      await tabs.sendMessage(tab.id, { type: 'sidebar/toggle' });
    }, url);
  }

  it('the shortcut collapses the sidebar to a slim tab and brings it back; Gladly gets its width back meanwhile', async () => {
    const page = await world.browser.context.newPage();
    const url = gladlyUrl(world, 'jane');
    try {
      await page.goto(url);
      await sidebarFrame(page);
      const open = await dockWidth(page);
      expect(open).toBeGreaterThan(200);

      await pressShortcut(url);
      await expect.poll(() => dockWidth(page)).toBeCloseTo(COLLAPSED_WIDTH, 0);
      expect(await gladlyMargin(page)).toBeCloseTo(COLLAPSED_WIDTH, 0);
      expect(await page.locator('[data-bc-sidebar] iframe').isVisible()).toBe(false);
      await expect
        .poll(() => page.locator('[data-bc-sidebar-handle]').getAttribute('aria-label'))
        .toBe('Show the BigCommerce sidebar');

      // Still collapsed after a reload: the agent chose it.
      await page.reload();
      await sidebarFrame(page);
      await expect.poll(() => dockWidth(page)).toBeCloseTo(COLLAPSED_WIDTH, 0);

      await pressShortcut(url);
      await expect.poll(() => dockWidth(page)).toBeCloseTo(open, 0);
      expect(await gladlyMargin(page)).toBeCloseTo(open, 0);
      expect(await page.locator('[data-bc-sidebar] iframe').isVisible()).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('resizes from the keyboard on its edge, and keeps the width after a reload', async () => {
    const page = await world.browser.context.newPage();
    try {
      await page.goto(gladlyUrl(world, 'jane'));
      await sidebarFrame(page);
      const before = await dockWidth(page);
      const handle = page.locator('[data-bc-sidebar-handle]');
      await handle.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => dockWidth(page)).toBeCloseTo(before + 40, 0);
      expect(await gladlyMargin(page)).toBeCloseTo(before + 40, 0);

      await page.reload();
      await sidebarFrame(page);
      await expect.poll(() => dockWidth(page)).toBeCloseTo(before + 40, 0);

      // Back to where it was, for the tests that come after in this browser.
      await page.locator('[data-bc-sidebar-handle]').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => dockWidth(page)).toBeCloseTo(before, 0);
    } finally {
      await page.close();
    }
  });
});
