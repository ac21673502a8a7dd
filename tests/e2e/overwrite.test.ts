/**
 * Overwrite Existing Values end to end (issue #17): with the Gladly API connected, every visit of
 * a linked customer brings Gladly's name, address and mapped custom attributes up to the store's,
 * and a visit where nothing changed writes nothing (PATCHes counted in the look-alike's log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { STORES, personas } from '../../sandbox/personas';
import { startWorld, type E2EWorld } from './harness';
import { openPersona, profileOf, storeOf, storeSection, waitSettled } from './sidebar-helpers';

const LONG = 30_000;
const JANE = personas.jane.gladlyId;

describe('Overwrite Existing Values', () => {
  let world: E2EWorld;
  const pages: Page[] = [];

  const gladlyRequests = (method: string) =>
    world.sandbox.control
      .log()
      .filter((e) => e.service === 'gladly' && e.method === method && e.path === `/api/v1/customer-profiles/${JANE}`);

  async function until(what: string, test: () => boolean): Promise<void> {
    const deadline = Date.now() + LONG;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function gladlyProfile(): Promise<{ name: string; address: string; customAttributes: Record<string, string> }> {
    const { baseUrl, apiUser } = world.sandbox.info.gladly;
    const response = await fetch(`${baseUrl}/api/v1/customer-profiles/${JANE}`, {
      headers: { Authorization: `Basic ${btoa(`${apiUser.email}:${apiUser.token}`)}` },
    });
    return (await response.json()) as never;
  }

  async function visit(): Promise<void> {
    const opened = await openPersona(world, 'jane');
    pages.push(opened.page);
    const main = storeSection(opened.frame, storeOf(world, STORES.main.hash).name);
    await profileOf(main).waitFor({ timeout: LONG });
    await waitSettled(opened.frame);
  }

  beforeAll(async () => {
    world = await startWorld();
    await connectSandboxStores(world.browser, world.sandbox.info, {
      stores: [STORES.main.hash],
      overwrite: { attributes: [{ field: 'customerGroupName', attribute: 'bcGroup' }] },
    });
  });
  afterAll(async () => {
    for (const page of pages) await page.close().catch(() => undefined);
    await world?.close();
  });

  it('writes the store’s values on the first visit, and nothing on a visit where nothing changed', async () => {
    const before = await gladlyProfile();
    expect(before.customAttributes.bcGroup).toBeUndefined();

    await visit();
    await until('the first PATCH', () => gladlyRequests('PATCH').length === 1);
    const after = await gladlyProfile();
    expect(after.customAttributes.bcGroup).toBe('VIP');
    expect(after.address).toContain('San Francisco');

    // The next visit (the link is stored, not made again) reads Gladly's profile and writes nothing.
    const reads = gladlyRequests('GET').length;
    await visit();
    await until('the second visit’s read', () => gladlyRequests('GET').length > reads);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(gladlyRequests('PATCH')).toHaveLength(1);
  });
});
