/** Cancel & refund as ONE action: refund everything left, then status Cancelled; one lock, one audit entry. */
import { describe, expect, it, vi } from 'vitest';
import { createActionsHandlers } from '../../../lib/background/actions-service';
import { createAuditLog } from '../../../lib/actions/audit-log';
import { memoryStore } from '../../../lib/core/kv-store';
import type { HandlerContext, MessageHandler } from '../../../lib/background/handler';
import type { ActionSwitches } from '../../../lib/settings/schema';
import { bcError, fakeStore } from './fakes';

const context: HandlerContext = {
  sender: { kind: 'extension-page', page: '/sidebar.html', tabId: 3 },
  emit: () => undefined,
};
let ids = 0;
const newActionId = () => `cr-action-${(ids++).toString().padStart(4, '0')}`;

const ALL_ON: ActionSwitches = { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true };

function setup(switches: ActionSwitches = ALL_ON) {
  const store = fakeStore();
  const storage = memoryStore();
  const audit = createAuditLog(storage);
  const handlers = createActionsHandlers({
    apisFor: async () => ({ actions: store.actions, lookup: store.lookup }),
    switches: async () => switches,
    audit,
    cache: { invalidateOrder: async () => undefined },
    storage,
    now: () => store.clock.now,
    agentFor: () => 'ana@example.com',
  });
  const byType = new Map(handlers.map((h) => [h.type, h] as [string, MessageHandler]));
  const send = async (message: Record<string, unknown>) => {
    const handler = byType.get(String(message.type));
    if (!handler) throw new Error(`no handler ${String(message.type)}`);
    return handler.handle(handler.schema.parse(message), context);
  };
  return { store, audit, send };
}

const braintree = [
  { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount: '29.20', offline: false },
];
const message = () => ({
  type: 'actions/cancel-refund',
  connectionId: 'main',
  orderId: '100',
  actionId: newActionId(),
  payments: braintree,
  expectedTotal: '29.20',
  reason: 'Customer changed their mind',
});
const refundsSent = (store: ReturnType<typeof fakeStore>) => store.calls.filter((c) => c === 'refund').length;

describe('cancel & refund (one action)', () => {
  it('refunds everything left, then cancels: one refund, status Cancelled, one note line and one audit entry', async () => {
    const { send, store, audit } = setup();
    const result = await send(message());
    expect(result).toMatchObject({ cancelled: true, total: '29.20', refundId: '1', statusId: 5, cancelError: null });
    expect(store.calls.filter((c) => c === 'refund' || c.startsWith('status:'))).toEqual(['refund', 'status:5']);
    expect(store.order.staffNotes).toBe(
      'VIP customer\nCancelled and refunded 29.20 USD via Gladly sidebar by ana@example.com. Reason: Customer changed their mind',
    );
    const entries = await audit.list();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'cancelRefund',
      result: 'succeeded',
      amount: '29.20',
      reference: '1',
      detail: 'Reason: Customer changed their mind',
    });
  });

  it('the same actionId twice refunds once', async () => {
    const { send, store } = setup();
    const once = message();
    const [a, b] = await Promise.all([send(once), send(once)]);
    expect(a).toEqual(b);
    expect(await send(once)).toEqual(a);
    expect(refundsSent(store)).toBe(1);
  });

  it('a changed total changes nothing: no refund, no status change, audited as failed', async () => {
    const { send, store, audit } = setup();
    await expect(send({ ...message(), expectedTotal: '20.00' })).rejects.toMatchObject({
      info: { kind: 'validation', field: 'total' },
    });
    expect(refundsSent(store)).toBe(0);
    expect(store.actions.setOrderStatus).not.toHaveBeenCalled();
    expect((await audit.list())[0]).toMatchObject({ action: 'cancelRefund', result: 'failed' });
  });

  it('needs both the cancel and the refund switch', async () => {
    const { send, store } = setup({ ...ALL_ON, refund: false });
    await expect(send(message())).rejects.toMatchObject({ info: { kind: 'config' } });
    expect(refundsSent(store)).toBe(0);
  });

  it('refunded, not cancelled: says so, notes the refund only, and the cancel alone can follow', async () => {
    const { send, store, audit } = setup();
    vi.mocked(store.actions.setOrderStatus).mockRejectedValueOnce(
      bcError('validation', 'The status cannot be changed right now.'),
    );
    const result = await send(message());
    expect(result).toMatchObject({
      cancelled: false,
      cancelError: 'The status cannot be changed right now.',
      refundId: '1',
      statusId: 11,
    });
    expect(store.order.staffNotes).toMatch(/\nRefunded 29\.20 USD via Gladly sidebar by ana@example.com\. Reason: /);
    expect((await audit.list())[0]).toMatchObject({
      action: 'cancelRefund',
      result: 'failed',
      reference: '1',
      detail: expect.stringContaining('Refunded 29.20 USD (refund 1), but the order was not cancelled'),
    });
    // The order is free: the cancel alone goes through, and nothing is refunded again.
    await expect(
      send({ type: 'actions/cancel', connectionId: 'main', orderId: '100', actionId: newActionId(), reason: 'x' }),
    ).resolves.toMatchObject({ statusId: 5 });
    expect(refundsSent(store)).toBe(1);
  });

  it('a lost answer to the status change locks the order until reconciled, and never refunds twice', async () => {
    const { send, store, audit } = setup();
    const real = store.actions.setOrderStatus;
    vi.mocked(store.actions.setOrderStatus).mockImplementationOnce(async (...args) => {
      await real(...args); // BigCommerce cancelled it…
      throw bcError('timeout', 'BigCommerce did not answer in time.', { sent: true }); // …the reply was lost.
    });
    const first = message();
    await expect(send(first)).rejects.toMatchObject({ info: { kind: 'timeout' } });
    expect((await audit.list())[0]).toMatchObject({ action: 'cancelRefund', result: 'unknown', reference: '1' });
    await expect(send({ type: 'actions/status', connectionId: 'main', orderId: '100' })).resolves.toMatchObject({
      phase: 'idle',
      reconciled: { action: 'cancelRefund', outcome: 'done', message: expect.stringContaining('order is cancelled') },
    });
    await expect(send(first)).resolves.toMatchObject({ reconciled: { outcome: 'done' } });
    expect(refundsSent(store)).toBe(1);
  });

  it('reconciles "refunded, not cancelled" when the lost answer hid a failed cancel', async () => {
    const { send, store } = setup();
    vi.mocked(store.actions.setOrderStatus).mockRejectedValueOnce(
      bcError('timeout', 'BigCommerce did not answer in time.', { sent: true }),
    );
    await expect(send(message())).rejects.toMatchObject({ info: { kind: 'timeout' } });
    await expect(send({ type: 'actions/status', connectionId: 'main', orderId: '100' })).resolves.toMatchObject({
      reconciled: { outcome: 'done', refundedNotCancelled: true, message: expect.stringContaining('cancel it alone') },
    });
    expect(refundsSent(store)).toBe(1);
  });
});

describe('a refund’s optional reason', () => {
  const refund = (reason?: string) => ({
    type: 'actions/refund',
    connectionId: 'main',
    orderId: '100',
    actionId: newActionId(),
    selection: { lines: [{ lineItemId: '11', quantity: 1 }], shipping: [], customAmount: null },
    payments: [{ ...braintree[0]!, amount: '12.00' }],
    expectedTotal: '12.00',
    ...(reason ? { reason } : {}),
  });

  it('goes into the staff note and the audit entry', async () => {
    const { send, store, audit } = setup();
    await send(refund('Damaged in transit'));
    expect(store.order.staffNotes).toBe(
      'VIP customer\nRefunded 12.00 USD via Gladly sidebar by ana@example.com. Reason: Damaged in transit',
    );
    expect((await audit.list())[0]).toMatchObject({ action: 'refund', detail: 'Reason: Damaged in transit' });
  });

  it('without one, the note and the audit are as before', async () => {
    const { send, store, audit } = setup();
    await send(refund());
    expect(store.order.staffNotes).toBe('VIP customer\nRefunded 12.00 USD via Gladly sidebar by ana@example.com');
    expect((await audit.list())[0]).toMatchObject({ action: 'refund', detail: '' });
  });
});
