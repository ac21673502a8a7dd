import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';

describe('the built extension in real Chromium', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it('mounts the sidebar on the sandbox Gladly page, docked beside the app', async () => {
    const page = await world.browser.context.newPage();
    await page.goto(gladlyUrl(world, 'jane'));
    const frame = await sidebarFrame(page);
    expect(frame.url()).toContain(`chrome-extension://${world.browser.extensionId}/sidebar.html`);
    // Gladly is narrowed, not covered: its right edge stops where the sidebar starts.
    const dock = await page.locator('[data-bc-sidebar]').boundingBox();
    const viewport = page.viewportSize()!;
    expect(dock!.x + dock!.width).toBeCloseTo(viewport.width, 0);
    const htmlMargin = await page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
    expect(Number.parseFloat(htmlMargin)).toBeCloseTo(dock!.width, 0);
    await page.close();
  });

  it('its background reaches the sandbox store (loopback host permission in the e2e build)', async () => {
    const { baseUrl, stores } = world.sandbox.info.bigcommerce;
    const store = stores[0]!;
    const result = await world.browser.serviceWorker.evaluate(
      async ({ url, token }) => {
        const response = await fetch(url, { headers: { 'X-Auth-Token': token, Accept: 'application/json' } });
        return { status: response.status, body: await response.json() };
      },
      { url: `${baseUrl}/stores/${store.hash}/v2/store`, token: store.accessToken },
    );
    expect(result.status).toBe(200);
    expect(result.body.name).toBe(store.name);
  });
});
