/**
 * The agent's sidebar beside Gladly, end to end: the built extension in real Chromium against
 * the sandbox (issue "The sidebar beside Gladly"). What the store holds is read independently
 * from the sandbox's own API; what the agent sees is read from the sidebar's roles and labels.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { DECOYS, STORES, personas, type PersonaKey } from '../../sandbox/personas';
import { SEED_IDS } from '../../sandbox/bigcommerce/seed';
import { sidebarFrame, startWorld, type E2EWorld } from './harness';
import { MIN_WIDTH } from '../../entrypoints/gladly.content/dock';
import {
  clearLogKeeping,
  expectedOrders,
  markWhenShown,
  mentionsOrder,
  openPersona,
  orderRowsOf,
  personaPath,
  productLineCount,
  profileFields,
  profileOf,
  queryValues,
  readMark,
  sampleUntil,
  shownOrderNumbers,
  sidebarText,
  storeGet,
  storeOf,
  storeSection,
  waitSettled,
  wholeLog,
  type Opened,
} from './sidebar-helpers';
import { allowNamedFunctions } from '../../scripts/lib/sidebar-probe';

const LONG = 30_000;
/** Longest the sidebar may take to let go of a customer once Gladly's URL changed (less than the watcher's settle window). */
const URL_CHANGE_HOP_MS = 200;
const MAIN = STORES.main.hash;
const EUROPE = STORES.europe.hash;

interface RawCustomer {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  customer_group_id: number;
  store_credit_amounts?: { amount: number }[];
}

describe('the sidebar beside Gladly', () => {
  let world: E2EWorld;
  let mainName: string;
  let europeName: string;
  const pages: Page[] = [];

  async function open(key: PersonaKey, query = ''): Promise<Opened> {
    const opened = await openPersona(world, key, query);
    pages.push(opened.page);
    return opened;
  }

  async function customer(hash: string, id: number): Promise<RawCustomer> {
    const body = (await storeGet(world, hash, `/v3/customers?id:in=${id}&include=storecredit`)) as {
      data: RawCustomer[];
    };
    return body.data[0]!;
  }

  /** Navigates the Gladly look-alike in place with pushState, as its own links do. */
  async function navigate(opened: Opened, path: string): Promise<void> {
    await opened.page.evaluate(
      (to) => (window as unknown as { gladlyNavigate(p: string): void }).gladlyNavigate(to),
      path,
    );
  }

  /** Reloads the Gladly page and returns the new sidebar frame. */
  async function reload(opened: Opened): Promise<Opened> {
    await opened.page.reload();
    const frame = await sidebarFrame(opened.page, LONG);
    await allowNamedFunctions(frame);
    return { page: opened.page, frame };
  }

  beforeAll(async () => {
    world = await startWorld();
    await connectSandboxStores(world.browser, world.sandbox.info);
    mainName = storeOf(world, MAIN).name;
    europeName = storeOf(world, EUROPE).name;
  });
  afterEach(async () => {
    world.sandbox.control.clearFaults();
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('opens Jane: her profile and her 10 newest orders, guest ones marked, tracking and images once complete', async () => {
    const jane = await customer(MAIN, SEED_IDS.main.customers.jane);
    const group = (await storeGet(world, MAIN, `/v2/customer_groups/${jane.customer_group_id}`)) as { name: string };
    const expected = await expectedOrders(world, MAIN, { email: jane.email, customerId: jane.id });
    // The seed is what the issue describes: 10 shown, guest orders among them, some shipped with tracking.
    expect(expected).toHaveLength(10);
    expect(expected.some((o) => o.isGuest)).toBe(true);
    expect(expected.some((o) => o.trackingNumber)).toBe(true);

    const { frame } = await open('jane', '?skeleton=300');
    const main = storeSection(frame, mainName);
    const profile = profileOf(main);
    await profile.waitFor({ timeout: LONG });
    await waitSettled(frame);

    expect((await profile.locator('h3').textContent())?.trim()).toBe(`${jane.first_name} ${jane.last_name}`);
    const fields = await profileFields(profile);
    expect(fields['Email']).toBe(jane.email);
    expect(group.name).toBe('VIP');
    expect(fields['Customer group']).toBe(group.name);
    const credit = String(jane.store_credit_amounts?.[0]?.amount);
    const creditShown = await frame.evaluate(
      ({ amount, currency }) =>
        new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount as `${number}`),
      { amount: credit, currency: STORES.main.currency },
    );
    expect(fields['Store credit']).toBe(creditShown);

    // The 10 newest, newest first; guest orders among them carry the "Guest" mark, the others not.
    expect(await orderRowsOf(main).count()).toBe(10);
    expect(await shownOrderNumbers(main)).toEqual(expected.map((o) => o.id));
    const rows = await main.locator('section[aria-label="Recent orders"] li.bc-order').evaluateAll((items) =>
      items.map((item) => ({
        number: item.querySelector('.bc-order__number')?.textContent?.replace('#', '').trim() ?? '',
        guest: [...item.querySelectorAll('.bc-badge')].some((b) => b.textContent?.trim() === 'Guest'),
        text: (item as HTMLElement).innerText,
      })),
    );
    expect(rows.filter((r) => r.guest).map((r) => r.number)).toEqual(
      expected.filter((o) => o.isGuest).map((o) => o.id),
    );
    for (const order of expected) {
      const row = rows.find((r) => r.number === order.id)!;
      if (order.trackingNumber) expect(row.text).toContain(`Tracking ${order.trackingNumber}`);
      else expect(row.text).not.toContain('Tracking');
    }

    // Images: open the newest order; every catalog line's thumbnail loads from the store.
    const newest = expected[0]!;
    const withImages = await productLineCount(world, MAIN, newest.id);
    expect(withImages).toBeGreaterThan(0);
    await orderRowsOf(main).first().click();
    const firstOrder = main.locator('section[aria-label="Recent orders"] li.bc-order').first();
    await firstOrder.locator('.bc-order__details').waitFor({ timeout: LONG });
    await frame.waitForFunction(
      (count) => {
        const images = [
          ...document.querySelectorAll<HTMLImageElement>('li.bc-order .bc-order__details img.bc-line__image'),
        ];
        return images.length === count && images.every((img) => img.complete && img.naturalWidth > 0);
      },
      withImages,
      { timeout: LONG, polling: 50 },
    );
    const sources = await firstOrder
      .locator('img.bc-line__image')
      .evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).src));
    for (const src of sources) expect(src.startsWith(world.sandbox.info.bigcommerce.baseUrl)).toBe(true);
  });

  it('moving to another customer (pushState) removes the first one before the second shows, while Gladly lingers', async () => {
    const opened = await open('jane', '?linger=1500&skeleton=300');
    const main = storeSection(opened.frame, mainName);
    await profileOf(main).waitFor({ timeout: LONG });
    await waitSettled(opened.frame);
    const jane = personas.jane;
    const janeOrders = await shownOrderNumbers(main);
    expect(janeOrders.length).toBeGreaterThan(0);
    const showsJane = (text: string) =>
      text.includes(jane.name) ||
      jane.emails.some((e) => text.includes(e)) ||
      janeOrders.some((n) => mentionsOrder(text, n));

    const chris = personas.multiEmail;
    const chrisPath = personaPath('multiEmail');
    const showsChris = (text: string) => text.includes(chris.name);
    expect(showsJane(await sidebarText(opened.frame))).toBe(true);

    const sampling = sampleUntil(opened, (s) => showsChris(s.text), { everyMs: 50, afterMs: 1_000 });
    await opened.page.click(`a[data-conversation-link][href="${chrisPath}"]`);
    const samples = await sampling;

    const afterChange = samples.filter((s) => s.path === chrisPath);
    expect(afterChange.length).toBeGreaterThan(10);
    // Gladly really kept Jane's panel on screen after the URL changed (what the sidebar must not trust).
    expect(afterChange.some((s) => s.gladlyPanelName === jane.name)).toBe(true);
    for (const sample of samples) expect(showsJane(sample.text) && showsChris(sample.text), sample.text).toBe(false);
    // The URL change reaches the sidebar from the content script through the worker (≈ 20–45 ms
    // measured here); meanwhile Gladly itself still shows Jane, so Jane is never beside Chris.
    for (const sample of afterChange)
      if (showsJane(sample.text)) expect(sample.gladlyPanelName, sample.text).toBe(jane.name);
    // Past that hop, well inside the settle window (the earliest a lingering panel could be
    // wrongly trusted) and Gladly's 1.5 s linger, Jane is gone.
    const pastHop = afterChange.filter((s) => s.msSincePathChange >= URL_CHANGE_HOP_MS);
    expect(pastHop.length).toBeGreaterThan(10);
    for (const sample of pastHop)
      expect(
        showsJane(sample.text),
        `Jane still shown ${Math.round(sample.msSincePathChange)} ms after the URL changed:\n${sample.text}`,
      ).toBe(false);
    expect(showsChris(samples.at(-1)!.text)).toBe(true);
  });

  it('searches by the customer in the Customer Details panel only: never by the timeline or top-bar decoys', async () => {
    // Two customers not opened before in this file, so their searches are in the log.
    const gary = await open('guest');
    await storeSection(gary.frame, mainName).getByText('No customer account').waitFor({ timeout: LONG });
    await waitSettled(gary.frame);
    const dana = await open('conflict');
    await storeSection(dana.frame, mainName)
      .locator('table.bc-table, section[aria-label="Customer profile"]')
      .first()
      .waitFor({ timeout: LONG });
    await waitSettled(dana.frame);

    const entries = wholeLog(world);
    const values = entries.flatMap((e) => [e.path, ...queryValues(e)].map((v) => v.toLowerCase()));
    // The log does carry what was searched (so the checks below can fail).
    expect(values).toContain(personas.guest.emails[0]);
    expect(values).toContain(personas.conflict.emails[0]);

    const forbiddenEmails = [DECOYS.agentEmail, ...DECOYS.timelineEmails].map((e) => e.toLowerCase());
    const forbiddenPhones = DECOYS.timelinePhones.map((p) => p.replace(/\D/g, ''));
    for (const value of values) {
      for (const email of forbiddenEmails) expect(value).not.toContain(email);
      for (const phone of forbiddenPhones) expect(value.replace(/\D/g, '')).not.toContain(phone);
    }
  });

  it('a panel that renders its phone a moment later: shown at once, but never auto-linked on the email alone', async () => {
    // Dana's email matches one store customer whose phone differs from Gladly's: with both fields
    // auto-linking, the agent must choose. Her panel shows the email 250 ms before the phone: the
    // preview (email only) would auto-link her if its writes were not held until the panel is trusted.
    const main = (o: Opened) => storeSection(o.frame, mainName);
    let dana = await open('conflict', '?skeleton=1200&staged=250');
    // The preview (email only) is shown: her profile, before the full panel turns it into a choice.
    await markWhenShown(dana.frame, 'section[aria-label="Customer profile"]', personas.conflict.emails[0]!);
    await readMark(dana.frame);
    await main(dana).locator('table.bc-table').waitFor({ timeout: LONG });
    await waitSettled(dana.frame);
    expect(await main(dana).locator('section[aria-label="Customer profile"]').count()).toBe(0);

    dana = await reload(dana);
    await main(dana).locator('table.bc-table').waitFor({ timeout: LONG });
    await waitSettled(dana.frame);
    expect(await main(dana).locator('section[aria-label="Customer profile"]').count()).toBe(0);
  });

  it('several matches (shared phone): the candidates table in the admin columns, Link, and still linked after a reload', async () => {
    const [alex, alexis] = await Promise.all([
      customer(MAIN, SEED_IDS.main.customers.alex),
      customer(MAIN, SEED_IDS.main.customers.alexis),
    ]);
    let opened = await open('sharedPhone');
    const main = () => storeSection(opened.frame, mainName);
    const table = main().locator('table.bc-table');
    await table.waitFor({ timeout: LONG });
    await waitSettled(opened.frame);

    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    expect(headers.slice(0, 2)).toEqual(['Name', 'Email']);
    const cells = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent?.trim() ?? '')),
      );
    expect(cells).toHaveLength(2);
    for (const c of [alex, alexis]) expect(cells).toContainEqual([`${c.first_name} ${c.last_name}`, c.email]);
    // Read at a glance: alex.morgan@… and alexis.morgan@… whole (wrapped), never cut to "…".
    const cut = await table.evaluate((t) =>
      [...t.querySelectorAll('tbody td:not(.bc-table__action)')]
        .filter((td) => td.scrollWidth > td.clientWidth)
        .map((td) => td.textContent),
    );
    expect(cut).toEqual([]);
    expect(await profileOf(main()).count()).toBe(0);
    const candidatesText = await sidebarText(opened.frame);
    expect(candidatesText).toContain('Matching customers in');

    const alexName = `${alex.first_name} ${alex.last_name}`;
    await main()
      .getByRole('button', { name: `Link ${alexName}`, exact: true })
      .click();
    const profile = profileOf(main());
    await profile.waitFor({ timeout: LONG });
    await waitSettled(opened.frame);
    expect((await profile.locator('h3').textContent())?.trim()).toBe(alexName);
    expect((await profileFields(profile))['Email']).toBe(alex.email);
    expect(await table.count()).toBe(0);

    // Reload: from the first sample on, linked, never the candidates table again.
    opened = await reload(opened);
    const samples = await sampleUntil(opened, (s) => s.text.includes(alexName) && s.text.includes('Unlink'), {
      afterMs: 500,
    });
    for (const s of samples) expect(s.text, 'candidates after the reload').not.toContain('Matching customers in');
    // And a refresh that skips the cache asks the store again: still linked.
    await main().getByRole('button', { name: 'Refresh' }).click();
    await waitSettled(opened.frame);
    expect((await profileOf(main()).locator('h3').textContent())?.trim()).toBe(alexName);
    expect(await main().locator('table.bc-table').count()).toBe(0);
  });

  it('Unlink: Jane is offered instead of linked, and is not auto-linked again on the next visit', async () => {
    let opened = await open('jane');
    const main = () => storeSection(opened.frame, mainName);
    await profileOf(main()).waitFor({ timeout: LONG });
    await waitSettled(opened.frame);
    expect(await main().getByText('Linked automatically').count()).toBe(1);

    await profileOf(main()).getByRole('button', { name: 'Unlink' }).click();
    const linkJane = () => main().getByRole('button', { name: `Link ${personas.jane.name}`, exact: true });
    await linkJane().waitFor({ timeout: LONG });
    await waitSettled(opened.frame);
    expect(await profileOf(main()).count()).toBe(0);

    // The next visit: offered, never linked, from the first sample on.
    opened = await reload(opened);
    const samples = await sampleUntil(
      opened,
      (s) => s.text.includes('Matching customers in') && !s.text.includes('Looking up'),
      {
        afterMs: 500,
      },
    );
    for (const s of samples) expect(s.text, 'Jane was linked again').not.toContain('Linked automatically');
    expect(await profileOf(main()).count()).toBe(0);
    expect(await linkJane().isEnabled()).toBe(true);
    // Asking the store again (no cache) gives the same answer.
    await main().getByRole('button', { name: 'Refresh' }).click();
    await waitSettled(opened.frame);
    expect(await profileOf(main()).count()).toBe(0);
    expect(await linkJane().count()).toBe(1);
  });

  it('finds a phone-only customer (Priya) by her phone', async () => {
    const priya = await customer(MAIN, SEED_IDS.main.customers.priya);
    const expected = await expectedOrders(world, MAIN, { customerId: priya.id });
    clearLogKeeping(world);
    const { frame } = await open('phoneOnly');
    const main = storeSection(frame, mainName);
    const profile = profileOf(main);
    await profile.waitFor({ timeout: LONG });
    await waitSettled(frame);
    expect((await profile.locator('h3').textContent())?.trim()).toBe(`${priya.first_name} ${priya.last_name}`);
    const fields = await profileFields(profile);
    expect(fields['Email']).toBe(priya.email);
    // Stored as "4155550142": the worker formats it (the sidebar's bundle has no libphonenumber).
    expect(fields['Phone']).toBe('+1 415 555 0142');
    expect(await shownOrderNumbers(main)).toEqual(expected.map((o) => o.id));

    const searches = world.sandbox.control.log().filter((e) => e.store === MAIN && e.path === '/v3/customers');
    const gladlyDigits = personas.phoneOnly.phones[0]!.number.replace(/\D/g, '');
    const byPhone = searches.filter((e) => new URLSearchParams(e.query).has('phone:in'));
    expect(byPhone.length).toBeGreaterThan(0);
    expect(byPhone.some((e) => queryValues(e).some((v) => v.replace(/\D/g, '').endsWith(gladlyDigits)))).toBe(true);
    // She has no email in Gladly: nothing was searched by email.
    expect(searches.some((e) => new URLSearchParams(e.query).has('email:in'))).toBe(false);
  });

  it('manual search from a customer not found: by email, then Link; and by order number', async () => {
    const jane = await customer(MAIN, SEED_IDS.main.customers.jane);
    const janeName = `${jane.first_name} ${jane.last_name}`;
    const { frame } = await open('notFound');
    await frame.getByText('No customer or orders found').waitFor({ timeout: LONG });
    await waitSettled(frame);

    const form = frame.getByRole('search');
    await form.getByLabel('Search by').selectOption({ label: 'Email' });
    await form.getByLabel('Email', { exact: true }).fill(jane.email);
    await form.getByRole('button', { name: 'Search' }).click();

    const main = storeSection(frame, mainName);
    const link = main.getByRole('button', { name: `Link ${janeName}`, exact: true });
    await link.waitFor({ timeout: LONG });
    await waitSettled(frame);
    expect(await main.locator('table.bc-table tbody tr').count()).toBe(1);
    expect(await main.locator('table.bc-table tbody tr').innerText()).toContain(jane.email);
    await link.click();

    // Nora's sidebar now shows the linked store customer.
    const profile = profileOf(main);
    await profile.waitFor({ timeout: LONG });
    await waitSettled(frame);
    expect((await profile.locator('h3').textContent())?.trim()).toBe(janeName);
    expect((await profileFields(profile))['Email']).toBe(jane.email);

    // Search by one of Jane's order numbers: that order, with its owner to link.
    const orderId = String(SEED_IDS.main.orders.janeCustomLine);
    await frame.getByText('Search for someone else').click();
    const again = frame.getByRole('search');
    await again.getByLabel('Search by').selectOption({ label: 'Order number' });
    await again.getByLabel('Order number', { exact: true }).fill(orderId);
    await again.getByRole('button', { name: 'Search' }).click();
    await frame.getByRole('heading', { name: 'Search BigCommerce' }).waitFor({ timeout: LONG });
    await waitSettled(frame);
    expect(await shownOrderNumbers(main)).toEqual([orderId]);
    expect(await main.getByRole('button', { name: `Link ${janeName}`, exact: true }).count()).toBe(1);
  });

  it('one store failing while another answers: the other shows, the failing one says so with Retry, and Retry recovers', async () => {
    const sam = personas.twoStores;
    const [mainOrders, europeOrders] = await Promise.all([
      expectedOrders(world, MAIN, { email: sam.emails[0], customerId: SEED_IDS.main.customers.sam }),
      expectedOrders(world, EUROPE, { email: sam.emails[0], customerId: SEED_IDS.europe.customers.sam }),
    ]);
    world.sandbox.control.addFault({ store: EUROPE, path: '^/v2/orders', kind: 'status', status: 500 });

    const { frame } = await open('twoStores');
    const main = storeSection(frame, mainName);
    const europe = storeSection(frame, europeName);
    const alert = europe.getByRole('alert');
    await alert.waitFor({ timeout: LONG });
    await profileOf(main).waitFor({ timeout: LONG });
    await waitSettled(frame);

    expect((await profileOf(main).locator('h3').textContent())?.trim()).toBe(sam.name);
    expect(await shownOrderNumbers(main)).toEqual(mainOrders.map((o) => o.id));
    const message = (await alert.locator('p').innerText()).trim();
    // Plain words for an agent, not a payload or a stack.
    expect(message).toMatch(/^[A-Z][^{}<>]*[.!]$/);
    expect(message).not.toMatch(/undefined|Error:|\bat \w+ \(|stack/i);
    expect(await profileOf(europe).count()).toBe(0);

    world.sandbox.control.clearFaults();
    await europe.getByRole('button', { name: 'Retry' }).click();
    await profileOf(europe).waitFor({ timeout: LONG });
    await waitSettled(frame);
    expect(await europe.getByRole('alert').count()).toBe(0);
    expect((await profileOf(europe).locator('h3').textContent())?.trim()).toBe(sam.name);
    expect(await shownOrderNumbers(europe)).toEqual(europeOrders.map((o) => o.id));
    // The store that answered kept its data through the retry.
    expect(await shownOrderNumbers(main)).toEqual(mainOrders.map((o) => o.id));
  });

  it('a revisit of a cached customer renders before any request', async () => {
    const priya = personas.phoneOnly;
    const opened = await open('phoneOnly');
    const main = storeSection(opened.frame, mainName);
    await profileOf(main).getByText(priya.name).waitFor({ timeout: LONG });
    await waitSettled(opened.frame);
    const firstShown = Date.now();

    // Away to another customer and back, as an agent switching conversations does.
    const other = personas.multiEmail;
    await navigate(opened, personaPath('multiEmail'));
    await profileOf(main).getByText(other.name).waitFor({ timeout: LONG });
    await waitSettled(opened.frame);

    clearLogKeeping(world);
    await markWhenShown(opened.frame, 'section[aria-label="Customer profile"]', priya.name);
    await navigate(opened, personaPath('phoneOnly'));
    const shownAt = await readMark(opened.frame);
    expect(shownAt - firstShown).toBeLessThan(60_000);
    await waitSettled(opened.frame);
    // Let any request that was under way finish (the log records a request when it ends).
    await opened.page.waitForTimeout(300);
    const before = world.sandbox.control.log().filter((e) => e.service === 'bigcommerce' && e.start <= shownAt);
    expect(before).toEqual([]);
  });

  it('going Home and back to the same customer shows that customer again', async () => {
    const priya = personas.phoneOnly;
    const opened = await open('phoneOnly');
    const main = storeSection(opened.frame, mainName);
    await profileOf(main).getByText(priya.name).waitFor({ timeout: LONG });
    await waitSettled(opened.frame);

    await navigate(opened, '/home');
    await opened.frame.getByText('Waiting for a customer').waitFor({ timeout: LONG });
    await navigate(opened, personaPath('phoneOnly'));
    // Gladly shows her panel again within a couple of seconds; the sidebar must follow.
    await opened.page.locator(`[data-aid="customerName-input"][value="${priya.name}"]`).waitFor({ timeout: LONG });
    await profileOf(main).getByText(priya.name).waitFor({ timeout: 10_000 });
  });

  it("reads at a glance: the sidebar's body text is at least 13 px (not Chrome's 75 % of it)", async () => {
    // Priya: linked by her phone whatever earlier tests did to Jane's link.
    const { frame } = await open('phoneOnly');
    await profileOf(storeSection(frame, mainName)).waitFor({ timeout: LONG });
    const sizes = await frame.evaluate(() => ({
      body: Number.parseFloat(getComputedStyle(document.body).fontSize),
      field: Number.parseFloat(getComputedStyle(document.querySelector('.bc-profile dd')!).fontSize),
    }));
    expect(sizes.body).toBeGreaterThanOrEqual(13);
    expect(sizes.field).toBeGreaterThanOrEqual(13);
  });

  it('reads at the narrowest dock too: each order keeps its number and total on one line, pills whole, the email unbroken', async () => {
    const { page, frame } = await open('phoneOnly');
    const main = storeSection(frame, mainName);
    await profileOf(main).waitFor({ timeout: LONG });
    await waitSettled(frame);
    // Narrowed as an agent does it, from the keyboard on the dock's edge (20 px a press).
    const dock = page.locator('[data-bc-sidebar]');
    const width = async () => Math.round((await dock.boundingBox())!.width);
    const before = await width();
    await page.locator('[data-bc-sidebar-handle]').focus();
    for (let presses = 0; presses < 40 && (await width()) > MIN_WIDTH; presses++)
      await page.keyboard.press('ArrowRight');
    try {
      expect(await width()).toBe(MIN_WIDTH);
      const layout = await frame.evaluate(() => {
        const box = (el: Element) => el.getBoundingClientRect();
        const orders = [...document.querySelectorAll('li.bc-order')].map((row) => {
          const number = box(row.querySelector('.bc-order__number')!);
          const total = box(row.querySelector('.bc-order__total')!);
          const outer = box(row);
          return {
            sameLine: Math.abs(number.top - total.top) < 4,
            totalInside: total.right <= outer.right,
            pills: [...row.querySelectorAll('.bc-badge')].map((pill) => ({
              text: pill.textContent,
              whole: pill.scrollWidth <= pill.clientWidth + 1 && box(pill).right <= outer.right,
            })),
          };
        });
        const email = [...document.querySelectorAll('.bc-profile dd')].find((dd) => dd.textContent?.includes('@'))!;
        const range = document.createRange();
        range.selectNodeContents(email);
        return { orders, emailLines: range.getClientRects().length, overflow: document.body.scrollWidth > innerWidth };
      });
      expect(layout.orders.length).toBeGreaterThan(0);
      for (const order of layout.orders) {
        expect(order).toMatchObject({ sameLine: true, totalInside: true });
        for (const pill of order.pills) expect(pill, String(pill.text)).toMatchObject({ whole: true });
      }
      expect(layout.emailLines).toBe(1);
      expect(layout.overflow).toBe(false);
    } finally {
      // Back to the width the tests after this one expect.
      await page.locator('[data-bc-sidebar-handle]').focus();
      for (let presses = 0; presses < 40 && (await width()) < before; presses++) await page.keyboard.press('ArrowLeft');
      await expect.poll(width).toBe(before);
    }
  });
});
