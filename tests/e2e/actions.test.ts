/**
 * The order actions end to end: real Chromium, the built extension, the sandbox store. Every
 * money or order effect is checked in the sandbox's own state through its API, not only on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectSandboxStores } from '../../scripts/lib/configure';
import { toMinor } from '../../lib/actions/money';
import { personas } from '../../sandbox/personas';
import type { E2EWorld } from './harness';
import {
  JANE_ORDERS,
  MAIN,
  eventually,
  expandOrder,
  holdsFor,
  openDialog,
  openJane,
  orderToggle,
  refundConfirm,
  refundPosts,
  startActionsWorld,
  storeReader,
  waitForQuote,
  type StoreReader,
} from './actions-helpers';

/** What an order awaiting fulfilment lists (each offered or saying why not). */
const ACTION_BUTTONS = [
  'Cancel order',
  'Cancel & refund',
  'Full refund',
  'Partial refund',
  'Create discount code',
] as const;

/** "Refund $26.40" → "26.40" (the label carries the amount in the sidebar's money format). */
function amountOf(label: string, currency: string): string {
  const symbol = currency === 'USD' ? '\\$' : currency;
  const match = new RegExp(`^Refund ${symbol}(\\d+\\.\\d{2})$`).exec(label);
  if (!match?.[1]) throw new Error(`The confirm label "${label}" does not show an amount in ${currency}`);
  return match[1];
}

/** Exact cents of an API amount (a number or a decimal string), never float arithmetic. */
const cents = (amount: number | string) => toMinor(String(amount));

describe('order actions against the sandbox store', () => {
  let world: E2EWorld;
  let store: StoreReader;

  beforeAll(async () => {
    // A new connection starts with actions off: the first test checks exactly that.
    world = await startActionsWorld(false);
    store = storeReader(world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('shows no action buttons while the admin has actions switched off', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeCapturedAwaiting;
    await expandOrder(frame, order);
    // The order is open (its details are there) …
    await frame.getByText('Open in BigCommerce').first().waitFor({ timeout: 10_000 });
    // … and stays without actions for a while (not just before they render).
    const buttons = () =>
      Promise.all(ACTION_BUTTONS.map((name) => frame.getByRole('button', { name, exact: true }).count())).then((n) =>
        n.reduce((a, b) => a + b, 0),
      );
    await holdsFor(buttons, (n) => n === 0, 1_500, 'no action buttons');
    expect(await frame.getByRole('group', { name: `Actions for order #${order}` }).count()).toBe(0);
    await page.close();

    // Switched on, the same order lists every action.
    await connectSandboxStores(world.browser, world.sandbox.info, { actions: true, stores: [MAIN] });
    const after = await openJane(world);
    const group = await expandOrder(after.frame, order);
    for (const name of ACTION_BUTTONS)
      await group.getByRole('button', { name, exact: true }).waitFor({ timeout: 10_000 });
    await after.page.close();
  });

  it('disables Cancel on a shipped order and says why, sending nothing', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeWorkEmail;
    expect((await store.order(order)).status_id).toBe(2);
    const group = await expandOrder(frame, order);
    const cancel = group.getByRole('button', { name: 'Cancel order', exact: true });
    await cancel.waitFor();
    expect(await cancel.getAttribute('aria-disabled')).toBe('true');
    const reason = 'This order has shipped: it can no longer be cancelled.';
    expect(await cancel.getAttribute('title')).toBe(reason);
    // The reason is the button's accessible description, so a screen reader hears it too.
    const describedBy = await cancel.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect((await frame.locator(`[id="${describedBy}"]`).textContent())?.trim()).toBe(reason);

    world.sandbox.control.clearLog();
    // aria-disabled (not disabled): it stays clickable and focusable, but must do nothing.
    await cancel.click({ force: true });
    await holdsFor(
      () => frame.getByRole('dialog').count(),
      (n) => n === 0,
      1_000,
      'no dialog',
    );
    expect((await store.order(order)).status_id).toBe(2);
    expect(
      world.sandbox.control.log().filter((e) => e.method !== 'GET' && e.path.startsWith(`/v2/orders/${order}`)),
    ).toEqual([]);
    await page.close();
  });

  it('cancels Jane’s authorised order: status Cancelled, payment voided, a staff-notes line', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeAuthorized;
    const before = await store.order(order);
    expect(before.payment_status).toBe('authorized');

    const dialog = await openDialog(frame, order, 'Cancel order');
    // The reason comes from the admin's picklist (the defaults here) and is required.
    await dialog.getByLabel('Reason (added to the staff notes)').selectOption('Ordered by mistake');
    const confirm = dialog.getByRole('button', { name: 'Confirm cancel' });
    await confirm.and(dialog.locator('button:not([disabled])')).waitFor({ timeout: 10_000 });
    await confirm.click();

    await dialog.getByText(`Order #${order} is cancelled.`).waitFor({ timeout: 20_000 });
    await dialog.getByText('The authorised payment was voided.').waitFor();

    const after = await store.order(order);
    expect(after.status_id).toBe(5);
    // The sandbox's gateway answers "void pending" and settles to "void" two seconds later.
    expect(['void pending', 'void']).toContain(after.payment_status);
    await eventually(
      () => store.order(order),
      (o) => o.payment_status === 'void',
      10_000,
      'the void to settle',
    );
    expect(after.staff_notes).toContain(before.staff_notes.trim());
    expect(after.staff_notes).toMatch(/Cancelled via Gladly sidebar by .+\. Reason: Ordered by mistake/);

    // The sidebar shows the new status once the dialog is closed.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await orderToggle(frame, order).filter({ hasText: 'Cancelled' }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('refunds one of two socks: the quote’s amount and currency on Confirm, then Partially Refunded with one refund', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeCapturedAwaiting;
    const socksBefore = (await store.products(order)).find((p) => p.name.startsWith('Alpine Wool Socks'));
    expect(socksBefore).toMatchObject({ quantity: 2, quantity_refunded: 0 });
    expect(await store.refunds(order)).toEqual([]);

    const dialog = await openDialog(frame, order, 'Partial refund');
    await dialog.getByLabel(/^Alpine Wool Socks/).fill('1');
    const label = await waitForQuote(dialog);
    const amount = amountOf(label, 'USD');
    // The quote shown above the button is the same amount.
    await dialog.locator('.bc-quote').getByText(`$${amount}`, { exact: true }).waitFor();
    await refundConfirm(dialog).click();
    await dialog
      .getByText(new RegExp(`^Refunded \\$${amount.replace('.', '\\.')} \\(refund \\d+\\)\\.$`))
      .waitFor({ timeout: 20_000 });

    const after = await store.order(order);
    expect(after.status_id).toBe(14);
    expect(after.status).toBe('Partially Refunded');
    expect(after.payment_status).toBe('partially refunded');
    const products = await store.products(order);
    expect(products.find((p) => p.id === socksBefore!.id)).toMatchObject({ quantity_refunded: 1 });
    expect(products.filter((p) => p.id !== socksBefore!.id).every((p) => p.quantity_refunded === 0)).toBe(true);
    const refunds = await store.refunds(order);
    expect(refunds).toHaveLength(1);
    expect(cents(refunds[0]!.total_amount)).toBe(cents(amount));
    expect(after.staff_notes).toContain(`Refunded ${amount} USD via Gladly sidebar`);

    await dialog.getByRole('button', { name: 'Close' }).click();
    await orderToggle(frame, order).filter({ hasText: 'Partially Refunded' }).waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('refunds everything that is left with "Refund everything": the order becomes Refunded', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janePartiallyRefunded;
    const before = await store.order(order);
    expect(before.status_id).toBe(14);
    const refundsBefore = await store.refunds(order);

    const dialog = await openDialog(frame, order, 'Full refund');
    await dialog.getByRole('button', { name: 'Refund everything' }).click();
    const amount = amountOf(await waitForQuote(dialog), 'USD');
    await refundConfirm(dialog).click();
    await dialog.getByText(new RegExp(`^Refunded \\$${amount.replace('.', '\\.')}`)).waitFor({ timeout: 20_000 });

    const after = await store.order(order);
    expect(after.status_id).toBe(4);
    expect(after.status).toBe('Refunded');
    expect(after.payment_status).toBe('refunded');
    const refunds = await store.refunds(order);
    expect(refunds).toHaveLength(refundsBefore.length + 1);
    const added = refunds.find((r) => !refundsBefore.some((b) => b.id === r.id));
    expect(cents(added!.total_amount)).toBe(cents(amount));
    // Nothing is left: everything refunded adds up to what was paid.
    expect(cents(after.refunded_amount)).toBe(cents(before.refunded_amount) + cents(amount));

    await dialog.getByRole('button', { name: 'Close' }).click();
    // Exactly "Refunded" (it said "Partially Refunded" before).
    await orderToggle(frame, order)
      .locator('.bc-badge', { hasText: /^Refunded$/ })
      .waitFor({ timeout: 15_000 });
    // Refunded now, so Full refund is disabled with its reason.
    const refund = (await expandOrder(frame, order)).getByRole('button', { name: 'Full refund', exact: true });
    await eventually(
      () => refund.getAttribute('aria-disabled'),
      (v) => v === 'true',
      10_000,
      'Full refund to be disabled',
    );
    await page.close();
  });

  it('creates a unique discount code, shows it with a Copy code button, and BigCommerce has it', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeCapturedAwaiting;
    const dialog = await openDialog(frame, order, 'Create discount code');
    await dialog.getByText('Code available.').waitFor({ timeout: 15_000 });
    const code = (await dialog.getByLabel('Code', { exact: true }).inputValue()).trim();
    expect(code).toMatch(/^[A-Z0-9-]{6,}$/);
    // Unique: the store had no such code before.
    expect(await store.couponsByCode(code)).toEqual([]);

    await dialog.getByRole('button', { name: 'Create code' }).click();
    const created = frame.getByRole('dialog', { name: 'Discount code created' });
    await created.getByText(`Code ${code} is ready.`).waitFor({ timeout: 20_000 });
    const copy = created.getByRole('button', { name: 'Copy code' });
    await copy.waitFor();

    const coupons = await store.couponsByCode(code);
    expect(coupons).toHaveLength(1);
    expect(coupons[0]!.code).toBe(code);
    expect((await store.order(order)).staff_notes).toContain(
      `Discount code ${code} (10% off) created via Gladly sidebar`,
    );

    // A second dialog offers a different code (a fresh one each time).
    await created.getByRole('button', { name: 'Close' }).click();
    const again = await openDialog(frame, order, 'Create discount code');
    await again.getByText('Code available.').waitFor({ timeout: 15_000 });
    expect((await again.getByLabel('Code', { exact: true }).inputValue()).trim()).not.toBe(code);
    await page.close();
  });

  // Fails today (product bug, see the report): the sidebar iframe's async Clipboard API is blocked
  // by its permissions policy, and "Copy code" uses only that API and swallows the refusal.
  it('puts the created code on the clipboard ("Copy code") and into Gladly\'s reply box ("Insert into reply")', async () => {
    await world.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, frame } = await openJane(world);
    const dialog = await openDialog(frame, JANE_ORDERS.janeCustomLine, 'Create discount code');
    await dialog.getByText('Code available.').waitFor({ timeout: 15_000 });
    const code = (await dialog.getByLabel('Code', { exact: true }).inputValue()).trim();
    await dialog.getByRole('button', { name: 'Create code' }).click();
    const created = frame.getByRole('dialog', { name: 'Discount code created' });
    await created.getByText(`Code ${code} is ready.`).waitFor({ timeout: 20_000 });
    // Something else on the clipboard first, so only a real copy can pass.
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
    await created.getByRole('button', { name: 'Copy code' }).click();
    // Read from the Gladly page: the sidebar iframe may not read the clipboard. (The sidebar's
    // "Copy order number" lands here the same way, so this read is not the problem.)
    const read = () => page.evaluate(() => navigator.clipboard.readText()).catch((e: unknown) => String(e));
    const copied = await eventually(read, (text) => text === code, 5_000, 'the code on the clipboard').catch(async () =>
      read(),
    );
    expect(copied).toBe(code);

    // "Insert into reply" puts the code where the agent is typing in Gladly.
    const composer = page.locator('[data-aid="reply-composer"] [contenteditable="true"]');
    await composer.click();
    await composer.pressSequentially('Here is a code for you: ');
    await created.getByRole('button', { name: 'Insert into reply' }).click();
    await created.getByText('Inserted into the reply.').waitFor({ timeout: 10_000 });
    expect((await composer.innerText()).trim()).toBe(`Here is a code for you: ${code}`);
    await page.close();
  });

  it('a Cancel & refund leaves exactly one refund and status Cancelled, and its card is on Jane’s Gladly timeline', async () => {
    const order = JANE_ORDERS.janeCapturedAwaiting;
    // With the Gladly API connected (the look-alike), every action is posted to the timeline.
    const lookalike = world.sandbox.info.gladly;
    await connectSandboxStores(world.browser, world.sandbox.info, {
      actions: true,
      stores: [MAIN],
      gladlyApi: { host: lookalike.baseUrl, email: lookalike.apiUser.email, token: lookalike.apiUser.token },
    });
    // An earlier test refunded one sock (Partially Refunded): back to Awaiting Fulfillment, with
    // the rest still to refund — the state Cancel & refund is for.
    expect((await store.put(`/v2/orders/${order}`, { status_id: 11 })).status).toBe(200);
    const refundsBefore = (await store.refunds(order)).length;
    const { page, frame } = await openJane(world);
    await frame.getByRole('button', { name: 'Refresh', exact: true }).click();
    const group = await expandOrder(frame, order);
    const offer = group.getByRole('button', { name: 'Cancel & refund', exact: true });
    await eventually(
      () => offer.getAttribute('aria-disabled'),
      (value) => value === null,
      20_000,
      'Cancel & refund to be offered',
    );
    world.sandbox.control.clearLog();
    await offer.click();
    const dialog = frame.getByRole('dialog');
    await dialog.waitFor({ timeout: 10_000 });
    const confirm = dialog.getByRole('button', { name: /^Cancel and refund \$\d/ });
    await confirm.and(dialog.locator('button:not([disabled])')).waitFor({ timeout: 20_000 });
    // One confirmation: the refund and the cancel, in one request.
    await confirm.click();
    await dialog
      .getByText(new RegExp(`Order #${order} is cancelled and \\$[\\d.]+ refunded`))
      .waitFor({ timeout: 20_000 });

    expect(await store.refunds(order)).toHaveLength(refundsBefore + 1);
    expect(refundPosts(world, order)).toBe(1);
    const after = await store.order(order);
    expect(after.status_id).toBe(5);
    expect(after.staff_notes).toMatch(/Cancelled and refunded .+ via Gladly sidebar by /);

    // The look-alike's timeline for Jane (what its page renders) shows the action's card once.
    const timeline = async () => {
      const response = await fetch(`${lookalike.baseUrl}/_app/view?path=/customer/${personas.jane.gladlyId}`);
      return ((await response.json()) as { timeline: string }).timeline;
    };
    const title = new RegExp(`Order #${order} cancelled and refunded \\(\\$[\\d.]+\\)`, 'g');
    const html = await eventually(
      timeline,
      (t) => (t.match(title)?.length ?? 0) > 0,
      20_000,
      'the Cancel & refund card on the timeline',
    );
    expect(html.match(title)).toHaveLength(1);
    expect(html).toMatch(/data-activity-id="bc-[\w-]+-ok"/);
    await page.close();
  });

  it('a discount code created with the Gladly API connected puts its card, with the code, on Jane’s timeline', async () => {
    // (The previous test left the Gladly API connected.)
    const lookalike = world.sandbox.info.gladly;
    const order = JANE_ORDERS.janeCapturedAwaiting;
    const { page, frame } = await openJane(world);
    const dialog = await openDialog(frame, order, 'Create discount code');
    await dialog.getByText('Code available.').waitFor({ timeout: 15_000 });
    const code = (await dialog.getByLabel('Code', { exact: true }).inputValue()).trim();
    await dialog.getByRole('button', { name: 'Create code' }).click();
    await frame.getByRole('dialog', { name: 'Discount code created' }).getByText(`Code ${code} is ready.`).waitFor({
      timeout: 20_000,
    });
    const timeline = async () => {
      const response = await fetch(`${lookalike.baseUrl}/_app/view?path=/customer/${personas.jane.gladlyId}`);
      return ((await response.json()) as { timeline: string }).timeline;
    };
    const title = new RegExp(`Discount code for Order #${order} created`, 'g');
    const html = await eventually(
      timeline,
      (t) => (t.match(title)?.length ?? 0) > 0,
      20_000,
      'the discount code card on the timeline',
    );
    expect(html.match(title)).toHaveLength(1);
    expect(html).toContain(code);
    await page.close();
  });
});
