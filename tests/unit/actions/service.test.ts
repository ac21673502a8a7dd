import { describe, expect, it, vi } from 'vitest';
import { createActionsHandlers } from '../../../lib/background/actions-service';
import { createAuditLog } from '../../../lib/actions/audit-log';
import { memoryStore, type KeyValueStore } from '../../../lib/core/kv-store';
import type { HandlerContext, MessageHandler } from '../../../lib/background/handler';
import { bcError, fakeStore, testOrder } from './fakes';

const context: HandlerContext = {
  sender: { kind: 'extension-page', page: '/sidebar.html', tabId: 3 },
  emit: () => undefined,
};
let ids = 0;
const newActionId = () => `action-${(ids++).toString().padStart(4, '0')}`;

function setup(options: { store?: ReturnType<typeof fakeStore>; storage?: KeyValueStore } = {}) {
  const store = options.store ?? fakeStore();
  const storage = options.storage ?? memoryStore();
  const audit = createAuditLog(storage);
  const invalidateOrder = vi.fn(async () => undefined);
  const handlers = createActionsHandlers({
    apisFor: async () => ({ actions: store.actions, lookup: store.lookup }),
    audit,
    cache: { invalidateOrder },
    storage,
    now: () => store.clock.now,
    agentFor: (tabId) => (tabId === 3 ? 'ana@example.com' : undefined),
  });
  const byType = new Map(handlers.map((h) => [h.type, h] as [string, MessageHandler]));
  const send = async (message: Record<string, unknown>) => {
    const handler = byType.get(String(message.type));
    if (!handler) throw new Error(`no handler ${String(message.type)}`);
    const parsed = handler.schema.parse(message);
    return handler.handle(parsed, context);
  };
  return { store, storage, audit, invalidateOrder, send, handlers };
}

const order = { connectionId: 'main', orderId: '100' };
const everything = {
  lines: [
    { lineItemId: '11', quantity: 2 },
    { lineItemId: '12', quantity: 2 },
  ],
  shipping: [{ destinationId: 7, amount: '5.00' }],
  customAmount: null,
};
const braintree = (amount: string) => [
  { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount, offline: false },
];

describe('actions service', () => {
  it('accepts its messages only from extension pages', () => {
    const { handlers } = setup();
    expect(handlers.map((h) => h.type).sort()).toEqual([
      'actions/cancel',
      'actions/cancel-refund',
      'actions/coupon-code-check',
      'actions/coupon-create',
      'actions/refund',
      'actions/refund-quote',
      'actions/status',
      'audit/list',
    ]);
    for (const h of handlers) expect(h.from).toEqual(['extension-page']);
    expect(handlers.find((h) => h.type === 'audit/list')?.pages).toEqual(['/options.html']);
    for (const h of handlers.filter((h) => h.type.startsWith('actions/'))) expect(h.pages).toEqual(['/sidebar.html']);
  });

  it('quotes an exact total (no float drift) and refunds exactly that', async () => {
    const { send, store } = setup();
    const quote = (await send({ type: 'actions/refund-quote', ...order, selection: everything })) as {
      quote: { totalRefundAmount: string };
    };
    // 2 × 12.00 + 2 × 0.10 + 5.00
    expect(quote.quote.totalRefundAmount).toBe('29.20');
    const result = await send({
      type: 'actions/refund',
      ...order,
      actionId: newActionId(),
      selection: everything,
      payments: braintree('29.20'),
      expectedTotal: '29.20',
    });
    expect(result).toMatchObject({ refundId: '1', total: '29.20', currency: 'USD' });
    expect(vi.mocked(store.actions.createRefund).mock.calls[0]?.[2]).toEqual(braintree('29.20'));
  });

  it('refuses a refund whose fresh quote differs from what was confirmed, sending nothing', async () => {
    const { send, store } = setup();
    await expect(
      send({
        type: 'actions/refund',
        ...order,
        actionId: newActionId(),
        selection: everything,
        payments: braintree('29.20'),
        expectedTotal: '29.00',
      }),
    ).rejects.toMatchObject({
      info: { kind: 'validation', field: 'total' },
    });
    expect(store.actions.createRefund).not.toHaveBeenCalled();
  });

  it('maps a refund 422 to the dialog field it concerns', async () => {
    const { send, store } = setup();
    vi.mocked(store.actions.createRefund).mockRejectedValueOnce(
      bcError('validation', 'Unable to provide store credit for a guest customer.', { status: 422 }),
    );
    const credit = [
      { providerId: 'storecredit', providerDescription: 'Store credit', amount: '29.20', offline: false },
    ];
    await expect(
      send({
        type: 'actions/refund',
        ...order,
        actionId: newActionId(),
        selection: everything,
        payments: credit,
        expectedTotal: '29.20',
      }),
    ).rejects.toMatchObject({
      info: { kind: 'validation', field: 'method', message: 'Unable to provide store credit for a guest customer.' },
    });
  });

  it('lets one action run per order: a second request at the same time is busy and sends nothing', async () => {
    const { send, store } = setup();
    let release!: () => void;
    const original = store.actions.setOrderStatus;
    store.actions.setOrderStatus = vi.fn(async (id: string, s: number) => {
      await new Promise<void>((r) => (release = r));
      return original(id, s);
    });
    const first = send({ type: 'actions/cancel', ...order, actionId: newActionId() });
    const second = send({
      type: 'actions/refund',
      ...order,
      actionId: newActionId(),
      selection: everything,
      payments: braintree('29.20'),
      expectedTotal: '29.20',
    });
    await expect(second).rejects.toMatchObject({ info: { kind: 'busy' } });
    await vi.waitFor(() => expect(store.actions.setOrderStatus).toHaveBeenCalledTimes(1));
    release();
    await expect(first).resolves.toMatchObject({ statusId: 5 });
    expect(store.actions.createRefund).not.toHaveBeenCalled();
    expect(store.actions.setOrderStatus).toHaveBeenCalledTimes(1);
  });

  it('answers the same actionId twice with the first result and one request', async () => {
    const { send, store } = setup();
    const message = {
      type: 'actions/refund',
      ...order,
      actionId: newActionId(),
      selection: everything,
      payments: braintree('29.20'),
      expectedTotal: '29.20',
    };
    const [a, b] = await Promise.all([send(message), send(message)]);
    const c = await send(message);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
    expect(store.actions.createRefund).toHaveBeenCalledTimes(1);
  });

  it('replays a failure for the same actionId without asking BigCommerce again', async () => {
    const { send, store } = setup();
    vi.mocked(store.actions.createCoupon).mockRejectedValueOnce(bcError('scope', 'The token lacks Marketing: modify.'));
    const message = {
      type: 'actions/coupon-create',
      ...order,
      actionId: newActionId(),
      coupon: { code: 'ABC234', type: 'percentage', amount: '10', minPurchase: null, expires: null, maxUses: 1 },
    };
    await expect(send(message)).rejects.toMatchObject({ message: 'The token lacks Marketing: modify.' });
    await expect(send(message)).rejects.toMatchObject({ info: { kind: 'scope' } });
    expect(store.actions.createCoupon).toHaveBeenCalledTimes(1);
  });

  it('cancels with status 5 only, notes the reason, voids an authorised payment and refreshes', async () => {
    const store = fakeStore(testOrder({ paymentStatus: 'authorized' }));
    const { send, invalidateOrder, audit } = setup({ store });
    const result = await send({ type: 'actions/cancel', ...order, actionId: newActionId(), reason: 'Ordered twice' });
    expect(store.actions.setOrderStatus).toHaveBeenCalledWith('100', 5);
    expect(store.calls).toEqual(['status:5', 'notes', 'void']);
    expect(store.order.staffNotes).toBe(
      'VIP customer\nCancelled via Gladly sidebar by ana@example.com. Reason: Ordered twice',
    );
    expect(result).toMatchObject({ voided: true, paymentCaptured: false });
    expect(invalidateOrder).toHaveBeenCalledWith('main', '100');
    const entries = await audit.list();
    expect(entries.map((e) => [e.action, e.result])).toEqual([
      ['cancel', 'succeeded'],
      ['void', 'succeeded'],
    ]);
  });

  it('says a captured payment still needs a refund after cancelling, and voids nothing', async () => {
    const { send, store } = setup();
    const result = await send({ type: 'actions/cancel', ...order, actionId: newActionId() });
    expect(result).toMatchObject({ voided: null, paymentCaptured: true });
    expect(store.actions.voidPayment).not.toHaveBeenCalled();
  });

  it('refuses to cancel a shipped order without writing anything, and audits the refusal', async () => {
    const store = fakeStore(testOrder({ statusId: 2, status: 'Shipped' }));
    const { send, audit } = setup({ store });
    await expect(send({ type: 'actions/cancel', ...order, actionId: newActionId() })).rejects.toThrow(/shipped/);
    expect(store.actions.setOrderStatus).not.toHaveBeenCalled();
    expect((await audit.list())[0]).toMatchObject({
      action: 'cancel',
      result: 'failed',
      orderId: '100',
      agent: 'ana@example.com',
    });
  });

  it('audits a refund with amount, currency, reference and adds the staff-notes line', async () => {
    const { send, audit, store } = setup();
    await send({
      type: 'actions/refund',
      ...order,
      actionId: newActionId(),
      selection: { lines: [{ lineItemId: '11', quantity: 1 }], shipping: [], customAmount: null },
      payments: braintree('12.00'),
      expectedTotal: '12.00',
    });
    expect((await audit.list())[0]).toMatchObject({
      action: 'refund',
      amount: '12.00',
      currency: 'USD',
      result: 'succeeded',
      reference: '1',
      storeName: 'Main',
      agent: 'ana@example.com',
    });
    expect(store.order.staffNotes).toBe('VIP customer\nRefunded 12.00 USD via Gladly sidebar by ana@example.com');
  });

  describe('outcome unknown', () => {
    const timeoutAfterSend = () => bcError('timeout', 'BigCommerce did not answer in time.', { sent: true });

    it('after a timeout past sending, blocks the order, learns from the refunds list that it went through, never resends', async () => {
      const { send, store, audit } = setup();
      const real = store.actions.createRefund;
      vi.mocked(store.actions.createRefund).mockImplementationOnce(async (...args) => {
        await real(...args); // BigCommerce did it…
        throw timeoutAfterSend(); // …but the reply was lost.
      });
      const message = {
        type: 'actions/refund',
        ...order,
        actionId: newActionId(),
        selection: everything,
        payments: braintree('29.20'),
        expectedTotal: '29.20',
      };
      await expect(send(message)).rejects.toMatchObject({ info: { kind: 'timeout' } });
      expect((await audit.list())[0]).toMatchObject({ result: 'unknown', action: 'refund' });

      // The agent tries something else: it is refused, and told what the lost refund did.
      await expect(send({ type: 'actions/cancel', ...order, actionId: newActionId() })).rejects.toMatchObject({
        info: { kind: 'busy', message: expect.stringContaining('did go through (refund 1)') },
      });
      expect(store.calls.filter((c) => c === 'refund')).toHaveLength(1);
      expect(store.actions.setOrderStatus).not.toHaveBeenCalled();
      expect((await audit.list())[0]).toMatchObject({ action: 'reconcile', result: 'found-done', reference: '1' });
      // Asking again with the lost action's id answers "done", still without resending.
      await expect(send(message)).resolves.toMatchObject({ reconciled: { outcome: 'done' } });
      expect(store.calls.filter((c) => c === 'refund')).toHaveLength(1);
      // And the order is free again.
      await expect(send({ type: 'actions/status', ...order })).resolves.toMatchObject({ phase: 'idle' });
    });

    it('a 502 after the refund reached the store counts as unknown too: the order stays locked, is reconciled first, never resent', async () => {
      const { send, store, audit } = setup();
      const real = store.actions.createRefund;
      vi.mocked(store.actions.createRefund).mockImplementationOnce(async (...args) => {
        await real(...args); // BigCommerce did it, then a gateway answered 502.
        throw bcError('unavailable', 'BigCommerce answered with an error (502).', { sent: true, status: 502 });
      });
      const message = {
        type: 'actions/refund',
        ...order,
        actionId: newActionId(),
        selection: everything,
        payments: braintree('29.20'),
        expectedTotal: '29.20',
      };
      await expect(send(message)).rejects.toMatchObject({
        info: { kind: 'timeout', message: expect.stringContaining('answered with an error (502)') },
      });
      expect((await audit.list())[0]).toMatchObject({ result: 'unknown', action: 'refund' });
      await expect(send({ ...message, actionId: newActionId() })).rejects.toMatchObject({
        info: { kind: 'busy', message: expect.stringContaining('did go through') },
      });
      expect(store.calls.filter((c) => c === 'refund')).toHaveLength(1);
    });

    it('a timeout on the quote before a refund is a plain failure: nothing locked, the next confirm refunds', async () => {
      const { send, store } = setup();
      vi.mocked(store.actions.refundQuote).mockRejectedValueOnce(
        bcError('timeout', 'BigCommerce did not answer within 10 s.'),
      );
      const message = {
        type: 'actions/refund',
        ...order,
        selection: everything,
        payments: braintree('29.20'),
        expectedTotal: '29.20',
      };
      const error = await send({ ...message, actionId: newActionId() }).catch((e: unknown) => e);
      expect(error).toMatchObject({ info: { kind: 'unavailable', message: expect.stringContaining('try again') } });
      await expect(send({ type: 'actions/status', ...order })).resolves.toEqual({
        phase: 'idle',
        action: null,
        reconciled: null,
      });
      await expect(send({ ...message, actionId: newActionId() })).resolves.toMatchObject({ total: '29.20' });
      expect(store.calls.filter((c) => c === 'refund')).toHaveLength(1);
    });

    it('reports "not done" when no matching refund appeared', async () => {
      const { send, store } = setup();
      vi.mocked(store.actions.createRefund).mockRejectedValueOnce(timeoutAfterSend());
      await expect(
        send({
          type: 'actions/refund',
          ...order,
          actionId: newActionId(),
          selection: everything,
          payments: braintree('29.20'),
          expectedTotal: '29.20',
        }),
      ).rejects.toMatchObject({ info: { kind: 'timeout' } });
      const status = await send({ type: 'actions/status', ...order });
      expect(status).toMatchObject({ phase: 'idle', reconciled: { action: 'refund', outcome: 'not-done' } });
    });

    it('an older refund of the same total does not count as the lost one', async () => {
      const { send, store } = setup();
      await send({
        type: 'actions/refund',
        ...order,
        actionId: newActionId(),
        selection: { lines: [{ lineItemId: '12', quantity: 1 }], shipping: [], customAmount: null },
        payments: braintree('0.10'),
        expectedTotal: '0.10',
      });
      store.clock.now += 10 * 60_000;
      vi.mocked(store.actions.createRefund).mockRejectedValueOnce(timeoutAfterSend());
      await expect(
        send({
          type: 'actions/refund',
          ...order,
          actionId: newActionId(),
          selection: { lines: [{ lineItemId: '12', quantity: 1 }], shipping: [], customAmount: null },
          payments: braintree('0.10'),
          expectedTotal: '0.10',
        }),
      ).rejects.toMatchObject({ info: { kind: 'timeout' } });
      await expect(send({ type: 'actions/status', ...order })).resolves.toMatchObject({
        reconciled: { outcome: 'not-done' },
      });
    });

    it('after a service-worker restart, a pending record makes the order "outcome unknown" until checked', async () => {
      const storage = memoryStore();
      const store = fakeStore();
      const first = setup({ store, storage });
      // The worker dies while the cancel is on the wire: the write lands, no one hears back.
      store.actions.setOrderStatus = vi.fn(async (id: string, statusId: number) => {
        store.order = { ...store.order, statusId, status: 'Cancelled' };
        return new Promise<never>(() => undefined);
      });
      void first.send({ type: 'actions/cancel', ...order, actionId: newActionId() });
      await vi.waitFor(() => expect(store.actions.setOrderStatus).toHaveBeenCalled());

      const restarted = setup({ store, storage });
      const status = await restarted.send({ type: 'actions/status', ...order });
      expect(status).toMatchObject({ phase: 'idle', action: 'cancel', reconciled: { outcome: 'done' } });
      expect(store.actions.setOrderStatus).toHaveBeenCalledTimes(1);
    });

    it('stays "unknown" (and blocks) when the check itself fails', async () => {
      const { send, store } = setup();
      vi.mocked(store.actions.createRefund).mockRejectedValueOnce(timeoutAfterSend());
      await expect(
        send({
          type: 'actions/refund',
          ...order,
          actionId: newActionId(),
          selection: everything,
          payments: braintree('29.20'),
          expectedTotal: '29.20',
        }),
      ).rejects.toBeTruthy();
      vi.mocked(store.actions.refunds).mockRejectedValueOnce(bcError('unavailable', 'BigCommerce is unavailable.'));
      await expect(send({ type: 'actions/status', ...order })).resolves.toMatchObject({
        phase: 'unknown',
        action: 'refund',
      });
      await expect(send({ type: 'actions/status', ...order })).resolves.toMatchObject({
        phase: 'idle',
        reconciled: { outcome: 'not-done' },
      });
    });
  });

  it('creates a coupon once its code is checked unique, and lists it in the audit log', async () => {
    const { send, store } = setup();
    await expect(send({ type: 'actions/coupon-code-check', connectionId: 'main', code: 'TAKEN' })).resolves.toEqual({
      code: 'TAKEN',
      available: false,
    });
    const taken = {
      type: 'actions/coupon-create',
      ...order,
      actionId: newActionId(),
      coupon: { code: 'TAKEN', type: 'fixed', amount: '5', minPurchase: '20', expires: null, maxUses: 1 },
    };
    await expect(send(taken)).rejects.toMatchObject({ info: { field: 'code' } });
    const result = await send({ ...taken, actionId: newActionId(), coupon: { ...taken.coupon, code: 'NEW234' } });
    expect(result).toMatchObject({ code: 'NEW234' });
    expect(store.actions.createCoupon).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'NEW234', amount: '5.00', minPurchase: '20.00', maxUses: 1, type: 'fixed' }),
    );
    expect(store.order.staffNotes).toContain(
      'Discount code NEW234 (5.00 USD off) created via Gladly sidebar by ana@example.com',
    );
    const listed = (await send({ type: 'audit/list' })) as {
      entries: { action: string; reference: string | null; result: string }[];
    };
    expect(listed.entries[0]).toMatchObject({
      action: 'coupon',
      result: 'succeeded',
      reference: result && (result as { id: string }).id,
    });
  });

  it('refuses a coupon percentage above 100 or an expiry in the past', async () => {
    const { send, store } = setup();
    const base = {
      type: 'actions/coupon-create',
      ...order,
      coupon: { code: 'XY2345', type: 'percentage', amount: '101', minPurchase: null, expires: null, maxUses: 1 },
    };
    await expect(send({ ...base, actionId: newActionId() })).rejects.toMatchObject({ info: { field: 'amount' } });
    await expect(
      send({ ...base, actionId: newActionId(), coupon: { ...base.coupon, amount: '10', expires: '2026-11-23' } }),
    ).rejects.toMatchObject({ info: { field: 'expires' } });
    expect(store.actions.createCoupon).not.toHaveBeenCalled();
  });
});
