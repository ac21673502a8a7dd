/** Each action and its outcome on the customer's Gladly timeline: best effort, audited, never twice. */
import { describe, expect, it, vi } from 'vitest';
import { createActionsHandlers } from '../../../lib/background/actions-service';
import { withTimeline } from '../../../lib/background/actions/timeline';
import { createAuditLog } from '../../../lib/actions/audit-log';
import { memoryStore } from '../../../lib/core/kv-store';
import type { HandlerContext, MessageHandler } from '../../../lib/background/handler';
import type { CustomerActivity } from '../../../lib/gladly/api-client';
import type { PostResult, TimelineEvent } from '../../../lib/actions/timeline';
import { bcError, fakeStore } from './fakes';
import { withTeamForwarding } from '../../../lib/team/forwarding';

const context: HandlerContext = {
  sender: { kind: 'extension-page', page: '/sidebar.html', tabId: 3 },
  emit: () => undefined,
};
let ids = 0;
const newActionId = () => `tl-action-${(ids++).toString().padStart(4, '0')}`;
const CUSTOMER = 'OUvjvhhgTzSuMj4tWwtJjA';

function setup(options: { gladlyDown?: boolean; connected?: boolean } = {}) {
  const store = fakeStore();
  const storage = memoryStore();
  const audit = createAuditLog(storage);
  const posted: Array<{ customerId: string; activity: CustomerActivity }> = [];
  const postActivity = vi.fn(async (customerId: string, activity: CustomerActivity) => {
    if (options.gladlyDown) throw new Error('Gladly answered 503.');
    posted.push({ customerId, activity });
    return 'created' as const;
  });
  const settled: Array<{ event: TimelineEvent; result: PostResult }> = [];
  let waiting: (() => void) | null = null;
  const handlers = withTimeline(
    createActionsHandlers({
      apisFor: async () => ({ actions: store.actions, lookup: store.lookup }),
      audit,
      cache: { invalidateOrder: async () => undefined },
      storage,
      now: () => store.clock.now,
      agentFor: () => 'ana@example.com',
    }),
    {
      gladly: async () => (options.connected === false ? null : { postActivity }),
      storeName: async () => 'Main Street Shop',
      agentFor: () => 'ana@example.com',
      annotate: audit.annotate,
      now: () => store.clock.now,
      onPosted: (event, result) => {
        settled.push({ event, result });
        waiting?.();
      },
    },
  );
  const byType = new Map(handlers.map((h) => [h.type, h] as [string, MessageHandler]));
  const send = async (message: Record<string, unknown>) => {
    const handler = byType.get(String(message.type))!;
    return handler.handle(handler.schema.parse(message), context);
  };
  /** Resolves once `n` posts (or skipped posts) settled. */
  const posts = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => settled.length >= n && resolve();
      waiting = check;
      check();
    });
  return { store, audit, send, posted, postActivity, settled, posts };
}

const refund = (extra: Record<string, unknown> = {}) => ({
  type: 'actions/refund',
  connectionId: 'main',
  orderId: '100',
  actionId: newActionId(),
  gladlyCustomerId: CUSTOMER,
  selection: { lines: [{ lineItemId: '11', quantity: 1 }], shipping: [], customAmount: null },
  payments: [
    { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount: '12.00', offline: false },
  ],
  expectedTotal: '12.00',
  ...extra,
});

describe('the conversation timeline', () => {
  it('posts a done refund to the customer once, and the audit entry says it was posted', async () => {
    const { send, posted, audit, posts } = setup();
    const message = refund({ reason: 'Damaged or defective' });
    await send(message);
    await posts(1);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.customerId).toBe(CUSTOMER);
    expect(posted[0]?.activity).toMatchObject({
      id: `bc-${message.actionId}-ok`,
      title: 'Order #100 refunded ($12.00)',
      sourceName: 'BigCommerce',
      activityType: 'ISSUE',
    });
    expect(posted[0]?.activity.body).toContain('Main Street Shop · by ana@example.com');
    expect(posted[0]?.activity.body).toContain('Reason: Damaged or defective');
    expect((await audit.list())[0]?.detail).toBe('Reason: Damaged or defective Posted to the Gladly timeline.');
  });

  it('a Gladly that is down never fails the action; the audit says it was not posted', async () => {
    const { send, posts, audit, postActivity, store } = setup({ gladlyDown: true });
    await expect(send(refund())).resolves.toMatchObject({ total: '12.00' });
    await posts(1);
    expect(postActivity).toHaveBeenCalledTimes(2);
    expect(store.refunds).toHaveLength(1);
    expect((await audit.list())[0]?.detail).toBe(
      'Not posted to the Gladly timeline after 2 tries: Gladly answered 503.',
    );
  });

  it('posts nothing without the Gladly API or without the customer, and the action is unchanged', async () => {
    const off = setup({ connected: false });
    await off.send(refund());
    await off.posts(1);
    expect(off.settled[0]?.result).toMatchObject({ posted: false, why: 'no-gladly-api' });
    expect((await off.audit.list())[0]?.detail).toBe('');

    const anonymous = setup();
    await anonymous.send(refund({ gladlyCustomerId: undefined }));
    await anonymous.posts(1);
    expect(anonymous.postActivity).not.toHaveBeenCalled();
  });

  it('a failed action is a "failed" card; a busy refusal is none', async () => {
    const { send, posted, posts, store } = setup();
    await expect(send(refund({ expectedTotal: '11.00' }))).rejects.toBeTruthy();
    await posts(1);
    expect(posted[0]?.activity.title).toBe('Order #100: refund failed');
    expect(posted[0]?.activity.id).toMatch(/-fail$/);
    expect(store.refunds).toHaveLength(0);
  });

  it('outcome unknown, then the reconciliation: two cards for the same action, never a second refund', async () => {
    const { send, posted, posts, store } = setup();
    const real = store.actions.createRefund;
    vi.mocked(store.actions.createRefund).mockImplementationOnce(async (...args) => {
      await real(...args);
      throw bcError('timeout', 'BigCommerce did not answer in time.', { sent: true });
    });
    const message = refund();
    await expect(send(message)).rejects.toMatchObject({ info: { kind: 'timeout' } });
    await posts(1);
    expect(posted[0]?.activity).toMatchObject({
      id: `bc-${message.actionId}-unk`,
      title: 'Order #100: refund outcome unknown',
    });
    await send({ type: 'actions/status', connectionId: 'main', orderId: '100', gladlyCustomerId: CUSTOMER });
    await posts(2);
    expect(posted[1]?.activity).toMatchObject({
      id: `bc-${message.actionId}-rok`,
      title: 'Order #100: checked, the refund went through',
    });
    expect(store.refunds).toHaveLength(1);
  });

  it('cancel & refund, refunded but not cancelled: its own card', async () => {
    const { send, posted, posts, store } = setup();
    vi.mocked(store.actions.setOrderStatus).mockRejectedValueOnce(bcError('validation', 'Status locked.'));
    await send({
      type: 'actions/cancel-refund',
      connectionId: 'main',
      orderId: '100',
      actionId: newActionId(),
      gladlyCustomerId: CUSTOMER,
      payments: [
        { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount: '29.20', offline: false },
      ],
      expectedTotal: '29.20',
    });
    await posts(1);
    expect(posted[0]?.activity.title).toBe('Order #100 refunded ($29.20), but not cancelled');
    expect(posted[0]?.activity.body).toContain('Status locked.');
  });

  it('a plain cancel: its card names the order and the reason, without an amount; a refused one is a "failed" card', async () => {
    const { send, posted, posts, store } = setup();
    const cancel = (reason: string) => ({
      type: 'actions/cancel',
      connectionId: 'main',
      orderId: '100',
      actionId: newActionId(),
      gladlyCustomerId: CUSTOMER,
      reason,
    });
    const message = cancel('Customer changed their mind');
    await send(message);
    await posts(1);
    expect(posted[0]?.customerId).toBe(CUSTOMER);
    expect(posted[0]?.activity).toMatchObject({ id: `bc-${message.actionId}-ok`, title: 'Order #100 cancelled' });
    expect(posted[0]?.activity.body).toContain('Reason: Customer changed their mind');

    vi.mocked(store.actions.setOrderStatus).mockRejectedValueOnce(bcError('validation', 'Status locked.'));
    await expect(send(cancel('Duplicate order'))).rejects.toBeTruthy();
    await posts(2);
    expect(posted[1]?.activity.title).toBe('Order #100: cancel failed');
    expect(posted).toHaveLength(2);
  });

  it('refuses a Gladly customer id that is not one', async () => {
    const { send } = setup();
    await expect(send(refund({ gladlyCustomerId: '../admin' }))).rejects.toBeTruthy();
  });

  it('team mode: the team service answers, the extension posts (its Gladly token never leaves it)', async () => {
    const forwarded: Array<Record<string, unknown>> = [];
    const client = {
      forward: vi.fn(async (message: Record<string, unknown>) => {
        forwarded.push(message);
        return { refundId: '77', total: '12.00', currency: 'USD', offline: false, declined: [], warnings: [] };
      }),
    };
    const posted: CustomerActivity[] = [];
    let done: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => {
      done = resolve;
    });
    const handlers = withTimeline(
      withTeamForwarding(
        createActionsHandlers({
          apisFor: async () => {
            throw new Error('standalone path used in team mode');
          },
          audit: createAuditLog(memoryStore()),
          cache: { invalidateOrder: async () => undefined },
          storage: memoryStore(),
        }),
        { teamMode: async () => true, client: client as never },
      ),
      {
        gladly: async () => ({
          postActivity: async (_id: string, activity: CustomerActivity) => {
            posted.push(activity);
            return 'created' as const;
          },
        }),
        storeName: async () => 'Main Street Shop',
        onPosted: () => done(),
      },
    );
    const handler = handlers.find((h) => h.type === 'actions/refund')!;
    const message = refund();
    await handler.handle(handler.schema.parse(message), context);
    await settled;
    expect(forwarded).toHaveLength(1);
    expect(posted.map((a) => a.title)).toEqual(['Order #100 refunded ($12.00)']);
    expect(posted[0]?.body).toContain('Refund 77.');
  });
});
