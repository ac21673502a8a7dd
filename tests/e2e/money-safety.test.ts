/**
 * Money safety end to end: whatever the agent or the browser does (double clicks, two tabs, a
 * lost reply, a service-worker restart), BigCommerce gets at most the one refund the agent
 * confirmed, and the screen says honestly what happened. Counted in the sandbox's own state.
 * A reply lost after the store applied the refund is the sandbox's 'apply-then-hang' fault:
 * the one refund is always the extension's own POST; one answered 502 after it was made is
 * 'apply-then-status'.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMinor } from '../../lib/actions/money';
import type { E2EWorld } from './harness';
import {
  JANE_ORDERS,
  eventually,
  holdsFor,
  openDialog,
  openJane,
  orderToggle,
  pendingRecord,
  refundConfirm,
  refundPostStatuses,
  refundPosts,
  startActionsWorld,
  workerStopper,
  storeReader,
  waitForQuote,
  type StoreReader,
} from './actions-helpers';

const REFUND_POST = (orderId: number) => `^/v3/orders/${orderId}/payment_actions/refunds$`;
/** Exact cents of an API amount (a number or a decimal string), never float arithmetic. */
const cents = (amount: number | string) => toMinor(String(amount));
const amountOf = (label: string) => /^Refund \$(\d+\.\d{2})$/.exec(label)?.[1] ?? `(no amount in "${label}")`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The client's write timeout is 10 s; the dialog must say "unknown" within a little more. */
const LOST_REPLY_WAIT_MS = 25_000;

describe('money safety against the sandbox store', () => {
  let world: E2EWorld;
  let store: StoreReader;

  beforeAll(async () => {
    world = await startActionsWorld(true);
    store = storeReader(world);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('a double-click on Confirm refunds once', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeCapturedAwaiting;
    world.sandbox.control.clearLog();

    // One sock of two: a second identical refund would be allowed, so only the guard stops it.
    const dialog = await openDialog(frame, order, 'Partial refund');
    await dialog.getByLabel(/^Alpine Wool Socks/).fill('1');
    const amount = amountOf(await waitForQuote(dialog));
    await refundConfirm(dialog).dblclick();
    await dialog
      .getByText(new RegExp(`^Refunded \\$${escape(amount)} \\(refund \\d+\\)\\.$`))
      .waitFor({ timeout: 20_000 });
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === 1,
      2_000,
      'one refund',
    );
    expect(refundPosts(world, order)).toBe(1);
    expect(cents((await store.refunds(order))[0]!.total_amount)).toBe(cents(amount));
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Two clicks dispatched before the page can re-render (the button is still enabled for both).
    const again = await openDialog(frame, order, 'Partial refund');
    await again.getByLabel(/^Alpine Wool Socks/).fill('1');
    const second = amountOf(await waitForQuote(again));
    await refundConfirm(again).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await again.getByText(new RegExp(`^Refunded \\$${escape(second)}`)).waitFor({ timeout: 20_000 });
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === 2,
      2_000,
      'two refunds in all',
    );
    expect(refundPosts(world, order)).toBe(2);
    await page.close();
  });

  it('the same refund confirmed in two tabs at once: one refund, the other tab says another action is running', async () => {
    const order = JANE_ORDERS.janeCustomLine;
    const tabs = [await openJane(world), await openJane(world)];
    const dialogs = [];
    for (const tab of tabs) {
      const dialog = await openDialog(tab.frame, order, 'Partial refund');
      // A custom amount can be refunded again and again: only the order lock keeps it to one.
      await dialog.getByLabel(/^Custom amount/).fill('5.00');
      expect(await waitForQuote(dialog)).toBe('Refund $5.00');
      dialogs.push(dialog);
    }
    world.sandbox.control.clearLog();
    // Slow the store down so the two refunds truly overlap, however the clicks are scheduled.
    world.sandbox.control.configure({ latencyMs: 400 });
    try {
      await Promise.all(dialogs.map((dialog) => refundConfirm(dialog).click()));
      const done = /^Refunded \$5\.00 \(refund \d+\)\.$/;
      const busy = /Another action on this order is still running/;
      const outcomes = await Promise.all(
        dialogs.map(async (dialog) => {
          const result = dialog.getByText(done).or(dialog.getByRole('alert').filter({ hasText: busy }));
          await result.first().waitFor({ timeout: 30_000 });
          return done.test(((await result.first().textContent()) ?? '').trim()) ? 'refunded' : 'busy';
        }),
      );
      expect(outcomes.sort()).toEqual(['busy', 'refunded']);
    } finally {
      world.sandbox.control.configure({ latencyMs: 0 });
    }
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === 1,
      2_000,
      'exactly one refund',
    );
    expect(cents((await store.refunds(order))[0]!.total_amount)).toBe(500);
    expect(refundPosts(world, order)).toBe(1);
    for (const tab of tabs) await tab.page.close();
  });

  it('a lost reply says "outcome unknown"; the check finds the refund BigCommerce did make, and nothing is resent', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janePartiallyShipped;
    world.sandbox.control.clearLog();
    // The sandbox makes the refund the extension asked for, then never answers its POST.
    world.sandbox.control.addFault({
      store: 'abc123',
      method: 'POST',
      path: REFUND_POST(order),
      kind: 'apply-then-hang',
      times: 1,
    });

    const dialog = await openDialog(frame, order, 'Partial refund');
    await dialog.locator('input[type="number"]').first().fill('1');
    const amount = amountOf(await waitForQuote(dialog));
    await refundConfirm(dialog).click();
    await dialog.getByRole('button', { name: 'Refunding…' }).waitFor();
    const [applied] = await eventually(
      () => store.refunds(order),
      (r) => r.length === 1,
      10_000,
      'the refund in the store',
    );
    expect(cents(applied!.total_amount)).toBe(cents(amount));
    await dialog
      .getByRole('alert')
      .filter({ hasText: /not known whether this went through/ })
      .waitFor({ timeout: LOST_REPLY_WAIT_MS });
    // While the outcome is unknown nothing may be sent again.
    expect(await refundConfirm(dialog).isDisabled()).toBe(true);

    await dialog.getByRole('button', { name: 'Check what happened' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: new RegExp(`did go through \\(refund ${applied!.id}\\)`) })
      .waitFor({ timeout: 20_000 });
    expect(await refundConfirm(dialog).isDisabled()).toBe(true);
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === 1,
      2_000,
      'exactly one refund',
    );
    // One POST in all: the extension's own, applied, its answer lost (logged 499 when it gave up).
    expect(refundPostStatuses(world, order)).toEqual([499]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await orderToggle(frame, order)
      .filter({ hasText: /Refunded/ })
      .waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('a lost reply that BigCommerce never applied: the check says so, and one confirm then refunds once', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeWorkEmail;
    world.sandbox.control.clearLog();
    world.sandbox.control.addFault({
      store: 'abc123',
      method: 'POST',
      path: REFUND_POST(order),
      kind: 'hang',
      times: 1,
    });

    const dialog = await openDialog(frame, order, 'Partial refund');
    await dialog.locator('input[type="number"]').first().fill('1');
    const amount = amountOf(await waitForQuote(dialog));
    await refundConfirm(dialog).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /not known whether this went through/ })
      .waitFor({ timeout: LOST_REPLY_WAIT_MS });
    await dialog.getByRole('button', { name: 'Check what happened' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: /did not go through: no such refund exists/ })
      .waitFor({ timeout: 20_000 });
    expect(await store.refunds(order)).toEqual([]);

    // Now the agent may confirm again, and it goes through once.
    await eventually(
      () => refundConfirm(dialog).isEnabled(),
      (enabled) => enabled,
      10_000,
      'Confirm to be enabled again',
    );
    await refundConfirm(dialog).click();
    await dialog
      .getByText(new RegExp(`^Refunded \\$${escape(amount)} \\(refund \\d+\\)\\.$`))
      .waitFor({ timeout: 20_000 });
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === 1,
      1_500,
      'exactly one refund',
    );
    expect(refundPosts(world, order)).toBe(2);
    await page.close();
  });

  it('a 502 after the store made a custom-amount refund: "outcome unknown", the check finds it, nothing is resent', async () => {
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janeCustomLine;
    const before = (await store.refunds(order)).length;
    world.sandbox.control.clearLog();
    // A gateway error that comes back after the refund was made (the sandbox applies it, then answers 502).
    world.sandbox.control.addFault({
      store: 'abc123',
      method: 'POST',
      path: REFUND_POST(order),
      kind: 'apply-then-status',
      status: 502,
      times: 1,
    });
    const dialog = await openDialog(frame, order, 'Partial refund');
    await dialog.getByLabel(/^Custom amount/).fill('3.00');
    expect(await waitForQuote(dialog)).toBe('Refund $3.00');
    await refundConfirm(dialog).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /answered with an error \(502\).*not known whether this went through/ })
      .waitFor({ timeout: 20_000 });
    expect(await refundConfirm(dialog).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Check what happened' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: /did go through/ })
      .waitFor({ timeout: 20_000 });
    expect(await refundConfirm(dialog).isDisabled()).toBe(true);
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === before + 1,
      2_000,
      'exactly one more refund',
    );
    expect(refundPostStatuses(world, order)).toEqual([502]);
    await page.close();
  });

  // Last: it replaces the service worker the other tests talk to through world.browser.
  it('a service-worker restart mid-refund: one refund, and the screen says what happened', async () => {
    const stopper = await workerStopper(world);
    const { page, frame } = await openJane(world);
    const order = JANE_ORDERS.janePartiallyRefunded;
    const before = (await store.refunds(order)).length;
    world.sandbox.control.clearLog();
    // The sandbox makes the refund, then holds the POST open: the worker is stopped while it waits.
    world.sandbox.control.addFault({
      store: 'abc123',
      method: 'POST',
      path: REFUND_POST(order),
      kind: 'apply-then-hang',
      times: 1,
    });

    const dialog = await openDialog(frame, order, 'Partial refund');
    await dialog.locator('input[type="number"]').first().fill('1');
    const amount = amountOf(await waitForQuote(dialog));
    await refundConfirm(dialog).click();
    // The background recorded (in storage.local) that the refund is being sent.
    await eventually(
      () => pendingRecord(world, order),
      (r) => r?.phase === 'running' && r.amount !== null,
      10_000,
      'the pending record',
    );
    const refunds = await eventually(
      () => store.refunds(order),
      (r) => r.length === before + 1,
      10_000,
      'the refund in the store',
    );
    const applied = refunds.at(-1)!;
    expect(cents(applied.total_amount)).toBe(cents(amount));
    await stopper.stop();

    // The reply can never come: the dialog must not pretend it failed cleanly or succeeded —
    // the outcome is unknown, and nothing may be sent again until it is known.
    await dialog
      .getByRole('alert')
      .filter({ hasText: /connection to the extension dropped before it answered\. Check the order/ })
      .waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Check what happened' }).waitFor();
    expect(await dialog.getByText(/^Refunded /).count()).toBe(0);
    expect(await refundConfirm(dialog).isDisabled()).toBe(true);

    // The agent asks what happened. The new worker finds the pending record in storage, checks
    // what the lost request did, and sends nothing new.
    await dialog.getByRole('button', { name: 'Check what happened' }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: new RegExp(`did go through \\(refund ${applied.id}\\)`) })
      .waitFor({ timeout: 20_000 });
    expect(await refundConfirm(dialog).isDisabled()).toBe(true);
    await holdsFor(
      () => store.refunds(order).then((r) => r.length),
      (n) => n === before + 1,
      2_000,
      'exactly one new refund',
    );
    // One POST in all, the one the stopped worker sent: the new worker never resent it.
    await eventually(
      () => refundPostStatuses(world, order),
      (statuses) => statuses.length === 1,
      10_000,
      'the lost POST in the log',
    );
    expect(refundPostStatuses(world, order)).toEqual([499]);
    await page.close();
    await stopper.close();
  });
});
