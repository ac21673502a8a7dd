/**
 * State survives a browser restart: settings (with the vault's token), a link an agent made by
 * hand, an unlink mark, and the audit log. One profile directory, one sandbox, two browsers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { STORES } from '../../sandbox/personas';
import { SEED_IDS } from '../../sandbox/bigcommerce/seed';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { launchWithExtension, type LaunchedExtension } from '../../scripts/lib/browser';
import { gladlyUrl, sidebarFrame, startWorld, type E2EWorld } from './harness';
import {
  askFromPage,
  holdsFor,
  openOptions,
  settingsView,
  storeSection,
  visibleText,
  waitUntil,
} from './admin-helpers';

interface AuditRow {
  action: string;
  orderId: string;
  result: string;
  storeName: string;
}

describe('after a browser restart', () => {
  let world: E2EWorld;
  let profileDir: string;
  let second: LaunchedExtension | undefined;
  const main = () => world.sandbox.info.bigcommerce.stores.find((s) => s.hash === STORES.main.hash)!;
  const cancelled = String(SEED_IDS.main.orders.janeAuthorized);

  /** The main store's section in a fresh Gladly tab for a persona. */
  async function openCustomer(
    browser: LaunchedExtension,
    key: 'jane' | 'sharedPhone',
  ): Promise<{ page: Page; frame: Frame }> {
    const page = await browser.context.newPage();
    await page.goto(gladlyUrl(world, key, '?skeleton=0'));
    return { page, frame: await sidebarFrame(page, 30_000) };
  }

  async function orderStatus(orderId: string): Promise<number> {
    const response = await fetch(
      `${world.sandbox.info.bigcommerce.baseUrl}/stores/${main().hash}/v2/orders/${orderId}`,
      {
        headers: { 'X-Auth-Token': main().accessToken, Accept: 'application/json' },
      },
    );
    return ((await response.json()) as { status_id: number }).status_id;
  }

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'bc-restart-profile-'));
    world = await startWorld({ launch: { userDataDir: profileDir } });
    await connectSandboxStores(world.browser, world.sandbox.info, { actions: true, stores: [STORES.main.hash] });
  });
  afterAll(async () => {
    await second?.close();
    await world?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  });

  it('first run: an agent cancels an order, unlinks Jane and links a shared-phone customer by hand', async () => {
    const jane = await openCustomer(world.browser, 'jane');
    const section = storeSection(jane.frame, STORES.main.name);
    const profile = section.locator('section[aria-label="Customer profile"]');
    expect(await visibleText(profile, 30_000)).toContain('Linked automatically');

    // Cancel the authorised order from the sidebar.
    const row = section.locator('section[aria-label="Recent orders"] button[aria-expanded]', {
      hasText: `#${cancelled}`,
    });
    await row.click();
    await section.getByRole('button', { name: 'Cancel order' }).click();
    const dialog = jane.frame.getByRole('dialog');
    await dialog.getByLabel('Reason (added to the staff notes)').selectOption('Ordered by mistake');
    await dialog.getByRole('button', { name: 'Confirm cancel' }).click();
    expect(await visibleText(dialog.getByText(`Order #${cancelled} is cancelled.`), 30_000)).toBeTruthy();
    expect(await orderStatus(cancelled)).toBe(5);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Unlink: Jane is then offered, not linked, with the reason.
    await profile.getByRole('button', { name: 'Unlink' }).click();
    expect(await visibleText(section.getByText('This customer was unlinked before'), 30_000)).toBeTruthy();
    expect(await profile.count()).toBe(0);
    await jane.page.close();

    // Two customers share Alex's phone: link the right one by hand.
    const alex = await openCustomer(world.browser, 'sharedPhone');
    const alexSection = storeSection(alex.frame, STORES.main.name);
    await alexSection.getByRole('button', { name: 'Link Alex Morgan' }).click();
    const alexProfile = alexSection.locator('section[aria-label="Customer profile"]');
    expect(await visibleText(alexProfile, 30_000)).toContain('alex.morgan@example.com');
    await alex.page.close();
  });

  it('second run (same profile, same sandbox): settings, the link, the unlink mark and the audit log are all still there', async () => {
    await world.browser.close();
    second = await launchWithExtension({ userDataDir: profileDir });

    // Settings, with the token still usable (a lookup below needs it) and only its hint shown.
    const options = await openOptions(second);
    const saved = (await settingsView(options)).settings.connections;
    expect(saved.map((c) => ({ id: c.id, storeHash: c.storeHash, name: c.name, actions: c.actions.enabled }))).toEqual([
      { id: `sandbox-${main().hash}`, storeHash: main().hash, name: STORES.main.name, actions: true },
    ]);
    expect(saved[0]!.tokenHint).toBeTruthy();
    expect(main().accessToken.endsWith(saved[0]!.tokenHint!)).toBe(true);
    expect(await options.getByLabel('Name', { exact: true }).inputValue()).toBe(STORES.main.name);

    // The audit log: the cancel, as the background lists it and as the page shows it.
    const { entries } = await askFromPage<{ entries: AuditRow[] }>(options, {
      type: 'audit/list',
      requestId: 'e2e-audit-after-restart',
    });
    expect(entries.filter((e) => e.action === 'cancel')).toEqual([
      expect.objectContaining({ action: 'cancel', orderId: cancelled, result: 'succeeded' }),
    ]);
    const auditRow = options.locator('.audit-table tbody tr', { hasText: `#${cancelled}` });
    expect(await visibleText(auditRow)).toMatch(/cancel/i);

    // The hand-made link: Alex Morgan straight away, the other match never offered.
    world.sandbox.control.clearLog();
    const alex = await openCustomer(second, 'sharedPhone');
    const alexSection = storeSection(alex.frame, STORES.main.name);
    const alexProfile = alexSection.locator('section[aria-label="Customer profile"]');
    const alexText = await visibleText(alexProfile, 30_000);
    expect(alexText).toContain('Alex Morgan');
    expect(alexText).not.toContain('Linked automatically');
    await holdsFor(
      'Alex stays linked, Alexis is never offered',
      async () =>
        (await alexProfile.count()) === 1 &&
        (await alexSection.getByRole('button', { name: 'Link Alexis Morgan' }).count()) === 0,
      1_500,
    );
    // Read from the store now (the lookup cache does not outlive the browser).
    expect(world.sandbox.control.log().some((e) => e.store === main().hash)).toBe(true);
    await alex.page.close();

    // The unlink mark: Jane is found but offered, never auto-linked again.
    const jane = await openCustomer(second, 'jane');
    const janeSection = storeSection(jane.frame, STORES.main.name);
    expect(await visibleText(janeSection.getByText('This customer was unlinked before'), 30_000)).toBeTruthy();
    await holdsFor(
      'Jane is not linked again',
      async () =>
        (await janeSection.locator('section[aria-label="Customer profile"]').count()) === 0 &&
        (await janeSection.getByRole('button', { name: 'Link Jane Cooper' }).count()) === 1,
      1_500,
    );
    await jane.page.close();

    // And the cancelled order is still cancelled in the store (nothing replayed or undone).
    await waitUntil('the order to read as cancelled', async () => (await orderStatus(cancelled)) === 5);
  });
});
