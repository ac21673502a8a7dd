/**
 * The toolbar button and the keyboard shortcut, in a fresh Chromium profile with the built
 * extension.
 *
 * The button is clicked through the DevTools protocol's `Extensions.triggerAction` (Chromium's
 * own "run the extension's action in this tab" path, as a click on the toolbar icon does; it needs
 * `--enable-unsafe-extension-debugging`). What that proves: the built manifest declares an action
 * without a popup, the background's `action.onClicked` listener is registered at start-up and
 * receives the real tab, and what it does in that tab (toggle the sidebar on Gladly, open the
 * options page elsewhere). What it does not prove: the pixels of the icon being clickable in the
 * toolbar (headless Chromium draws no toolbar).
 *
 * The shortcut: Chromium's key handling for `commands` cannot be driven headless, but which keys a
 * fresh profile assigns can be read, and that is what went wrong before (Alt+Shift+B is Chromium's
 * own "focus the bookmarks bar", so no extension gets it).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUT, TOGGLE_SIDEBAR } from '../../lib/background/commands';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import { optionsUrl, visibleText } from './admin-helpers';

const COLLAPSED_WIDTH = 28;

describe('the toolbar button and the shortcut', () => {
  let world: E2EWorld;
  let cdp: CDPSession;

  beforeAll(async () => {
    world = await startWorld({ launch: { extensionDebugging: true } });
    cdp = await world.browser.context.browser()!.newBrowserCDPSession();
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Clicks the extension's toolbar button with `page` as the active tab (its URL must be unique). */
  async function clickToolbarButton(page: Page): Promise<void> {
    await page.bringToFront();
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as {
      targetInfos: Array<{ targetId: string; type: string; url: string }>;
    };
    const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
    expect(tabs, `one tab at ${page.url()}`).toHaveLength(1);
    await cdp.send(
      'Extensions.triggerAction' as never,
      { id: world.browser.extensionId, targetId: tabs[0]!.targetId } as never,
    );
  }

  const dockWidth = async (page: Page) => (await page.locator('[data-bc-sidebar]').boundingBox())!.width;

  it('on a Gladly tab it hides the sidebar and shows it again, and opens no page', async () => {
    const page = await world.browser.context.newPage();
    try {
      await page.goto(gladlyUrl(world, 'jane', '?toolbar=1'));
      await sidebarFrame(page);
      const open = await dockWidth(page);
      expect(open).toBeGreaterThan(200);
      const pagesBefore = world.browser.context.pages().length;

      await clickToolbarButton(page);
      await expect.poll(() => dockWidth(page)).toBeCloseTo(COLLAPSED_WIDTH, 0);
      await clickToolbarButton(page);
      await expect.poll(() => dockWidth(page)).toBeCloseTo(open, 0);
      expect(world.browser.context.pages()).toHaveLength(pagesBefore);
      expect(world.browser.context.pages().some((p) => p.url().startsWith(optionsUrl(world.browser)))).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('anywhere else it opens the options page, and leaves the tab it was clicked on alone', async () => {
    const page = await world.browser.context.newPage();
    try {
      // A page of the sandbox's BigCommerce host: no Gladly, so no sidebar to toggle.
      const elsewhere = `${world.sandbox.info.bigcommerce.baseUrl}/not-gladly?toolbar=2`;
      await page.goto(elsewhere);
      const opened = world.browser.context.waitForEvent('page', { timeout: 20_000 });
      await clickToolbarButton(page);
      const options = await opened;
      await options.waitForURL(`${optionsUrl(world.browser)}*`);
      await options.getByRole('button', { name: 'Save', exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
      expect(page.url()).toBe(elsewhere);
      await options.close();
    } finally {
      await page.close();
    }
  });

  it(`a fresh profile gets the default shortcut ${DEFAULT_SHORTCUT}, and the options page shows it`, async () => {
    const commands = await world.browser.serviceWorker.evaluate(async () => {
      type Command = { name?: string; shortcut?: string };
      const chrome = (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Command[]> } } }).chrome;
      return (await chrome.commands.getAll()).map(({ name, shortcut }) => ({ name, shortcut }));
    });
    expect(commands).toContainEqual({ name: TOGGLE_SIDEBAR, shortcut: DEFAULT_SHORTCUT });

    const options = await world.browser.context.newPage();
    try {
      await options.goto(optionsUrl(world.browser));
      const section = options.getByRole('region', { name: 'Keyboard shortcut' });
      expect(await visibleText(section.locator('kbd'))).toBe(DEFAULT_SHORTCUT);
    } finally {
      await options.close();
    }
  });
});
