/** The sidebar iframe inside a Gladly page (its URL is the extension's /sidebar.html). */
import type { Frame, Page } from 'playwright-core';

export async function sidebarFrameOf(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
    if (frame) {
      await frame.waitForLoadState('domcontentloaded');
      return frame;
    }
    if (Date.now() > deadline)
      throw new Error(`The sidebar never appeared on ${page.url()} (is the content script running there?)`);
    await page.waitForTimeout(100);
  }
}
