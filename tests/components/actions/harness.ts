import { vi, type Mock } from 'vitest';
import { createActionsHandlers } from '../../../lib/background/actions-service';
import { createAuditLog } from '../../../lib/actions/audit-log';
import { memoryStore } from '../../../lib/core/kv-store';
import type { HandlerContext } from '../../../lib/background/handler';
import type { ActionRequest } from '../../../components/actions/shared';
import { infoOf } from '../../../lib/actions/errors';
import { fakeStore, testOrder } from '../../unit/actions/fakes';
import type { Order } from '../../../lib/core/model';

const context: HandlerContext = {
  sender: { kind: 'extension-page', page: '/sidebar.html', tabId: 1 },
  emit: () => undefined,
};

/**
 * The dialogs' `request`, answered by the real actions service over an in-memory store — the
 * same path as in the extension minus the port. Rejections carry `info` like the sidebar's.
 */
export function harness(order: Order = testOrder()) {
  const store = fakeStore(order);
  const handlers = createActionsHandlers({
    apisFor: async () => ({ actions: store.actions, lookup: store.lookup }),
    audit: createAuditLog(memoryStore()),
    cache: { invalidateOrder: async () => undefined },
    storage: memoryStore(),
    now: () => store.clock.now,
    agentFor: () => 'ana@example.com',
  });
  const extra = vi.fn(async (_message: Record<string, unknown>): Promise<unknown> => {
    throw Object.assign(new Error('not wired'), { info: { kind: 'bad-message', message: 'not wired' } });
  });
  // The real handlers answer; their replies are held to the protocol map where they are defined.
  const relay = async (message: Parameters<ActionRequest>[0]): Promise<unknown> => {
    const handler = handlers.find((h) => h.type === message.type);
    if (!handler) return extra(message);
    try {
      return await handler.handle(handler.schema.parse(message), context);
    } catch (error) {
      throw Object.assign(new Error(infoOf(error).message), { info: infoOf(error) });
    }
  };
  // A mock keeps its calls but drops the generic signature: give the tests both.
  const request = vi.fn<ActionRequest>(relay as ActionRequest) as ActionRequest & Mock<ActionRequest>;
  const sent = (type: string) => request.mock.calls.filter(([m]) => m.type === type).map(([m]) => m);
  return { store, request, sent, extra };
}
