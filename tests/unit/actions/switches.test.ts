import { describe, expect, it } from 'vitest';
import { createActionsHandlers } from '../../../lib/background/actions-service';
import { createAuditLog } from '../../../lib/actions/audit-log';
import { memoryStore } from '../../../lib/core/kv-store';
import type { HandlerContext, MessageHandler } from '../../../lib/background/handler';
import type { ActionSwitches } from '../../../lib/settings/schema';
import { fakeStore } from './fakes';

const context: HandlerContext = {
  sender: { kind: 'extension-page', page: '/sidebar.html', tabId: 3 },
  emit: () => undefined,
};
const order = { connectionId: 'main', orderId: '100' };
const everything = {
  lines: [
    { lineItemId: '11', quantity: 2 },
    { lineItemId: '12', quantity: 2 },
  ],
  shipping: [{ destinationId: 7, amount: '5.00' }],
  customAmount: null,
};
const oneLine = { lines: [{ lineItemId: '11', quantity: 1 }], shipping: [], customAmount: null };
const braintree = (amount: string) => [
  { providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount, offline: false },
];
const ALL_ON: ActionSwitches = { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true };

function setup(switches: ActionSwitches) {
  const store = fakeStore();
  const storage = memoryStore();
  const handlers = createActionsHandlers({
    apisFor: async () => ({ actions: store.actions, lookup: store.lookup }),
    switches: async () => switches,
    audit: createAuditLog(storage),
    cache: { invalidateOrder: async () => undefined },
    storage,
    now: () => store.clock.now,
  });
  const byType = new Map(handlers.map((h) => [h.type, h] as [string, MessageHandler]));
  let ids = 0;
  const send = (message: Record<string, unknown>) => {
    const handler = byType.get(String(message.type))!;
    return handler.handle(
      handler.schema.parse({ actionId: `action-${(ids++).toString().padStart(4, '0')}`, ...message }),
      context,
    );
  };
  return { store, send };
}

describe('the admin switches, enforced by the background (not only hidden in the sidebar)', () => {
  it('refuses a cancel with cancelling off, and sends nothing', async () => {
    const { store, send } = setup({ ...ALL_ON, cancel: false });
    await expect(send({ type: 'actions/cancel', ...order })).rejects.toMatchObject({
      info: { kind: 'config', message: expect.stringMatching(/Cancelling orders are turned off/) },
    });
    expect(store.calls.filter((c: string) => !c.startsWith('orderById'))).toEqual([]);
  });

  it('refuses a partial refund with partial refunds off, but allows refunding everything', async () => {
    const { send } = setup({ ...ALL_ON, partialRefund: false });
    await expect(
      send({
        type: 'actions/refund',
        ...order,
        selection: oneLine,
        payments: braintree('12.10'),
        expectedTotal: '12.10',
      }),
    ).rejects.toMatchObject({
      info: { kind: 'config', message: expect.stringMatching(/Partial refunds are turned off/) },
    });
    await expect(
      send({
        type: 'actions/refund',
        ...order,
        selection: everything,
        payments: braintree('29.20'),
        expectedTotal: '29.20',
      }),
    ).resolves.toMatchObject({ total: '29.20' });
  });

  it('refuses everything with actions off', async () => {
    const { send } = setup({ ...ALL_ON, enabled: false });
    await expect(
      send({
        type: 'actions/refund',
        ...order,
        selection: everything,
        payments: braintree('29.20'),
        expectedTotal: '29.20',
      }),
    ).rejects.toMatchObject({ info: { kind: 'config' } });
  });
});
