/**
 * Finding 8: a Gladly page that covers, fades or moves the sidebar iframe cannot trick a click
 * onto a money Confirm. In real Chromium, IntersectionObserver v2 says whether the dialog is
 * really seen: covered (an overlay) or faded (opacity 0.1) → Confirm stays disabled with a
 * message; uncovered → enabled. Nothing reaches the store meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { E2EWorld } from './harness';
import { JANE_ORDERS, openDialog, openJane, startActionsWorld } from './actions-helpers';

const COVERED = 'Confirm is off: something on the page covers or fades this panel';

describe('money confirmations the page cannot fake', () => {
  let world: E2EWorld;
  let page: Page;
  let dialog: Locator;
  let confirm: Locator;

  const writes = () => world.sandbox.control.log().filter((e) => e.service === 'bigcommerce' && e.method !== 'GET');
  /** The Gladly page restyles or covers the sidebar's wrapper (what a hostile or broken page could do). */
  const restyle = (script: string) => page.evaluate(script);

  beforeAll(async () => {
    world = await startActionsWorld(true);
    ({ page } = await openJane(world));
    const frame = page.frames().find((f) => f.url().includes('sidebar'))!;
    dialog = await openDialog(frame, JANE_ORDERS.janeAuthorized, 'Cancel order');
    // A cancel needs a reason from the admin's picklist before Confirm can be enabled at all.
    await dialog.getByLabel('Reason (added to the staff notes)').selectOption('Ordered by mistake');
    confirm = dialog.getByRole('button', { name: 'Confirm cancel' });
    world.sandbox.control.clearLog();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('uncovered: Confirm is enabled and no warning shows', async () => {
    await expect.poll(() => confirm.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await dialog.getByText(COVERED).count()).toBe(0);
  });

  it('faded to opacity 0.1 by the page: Confirm disabled with a message; back to normal: enabled again', async () => {
    await restyle(`document.querySelector('[data-bc-sidebar]').style.opacity = '0.1'`);
    await expect.poll(() => confirm.isDisabled(), { timeout: 5_000 }).toBe(true);
    await dialog.getByText(COVERED).waitFor({ timeout: 5_000 });
    // A forced click does nothing: the button is disabled, nothing is sent.
    await confirm.click({ force: true }).catch(() => undefined);
    await restyle(`document.querySelector('[data-bc-sidebar]').style.opacity = ''`);
    await expect.poll(() => confirm.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(await dialog.getByText(COVERED).count()).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('covered by an overlay the page draws on top (even a transparent one): disabled until it is gone', async () => {
    await restyle(`(() => {
      const cover = document.createElement('div');
      cover.id = 'decoy';
      Object.assign(cover.style, { position: 'fixed', inset: '0', zIndex: '2147483647', background: 'rgba(255,255,255,0.01)' });
      document.body.append(cover);
    })()`);
    await expect.poll(() => confirm.isDisabled(), { timeout: 5_000 }).toBe(true);
    await dialog.getByText(COVERED).waitFor({ timeout: 5_000 });
    await restyle(`document.getElementById('decoy').remove()`);
    await expect.poll(() => confirm.isEnabled(), { timeout: 5_000 }).toBe(true);
    expect(writes()).toEqual([]);
  });

  it('moved by a transform: disabled', async () => {
    await restyle(`document.querySelector('[data-bc-sidebar]').style.transform = 'translateX(-10px) scale(0.99)'`);
    await expect.poll(() => confirm.isDisabled(), { timeout: 5_000 }).toBe(true);
    await restyle(`document.querySelector('[data-bc-sidebar]').style.transform = ''`);
    await expect.poll(() => confirm.isEnabled(), { timeout: 5_000 }).toBe(true);
  });
});
