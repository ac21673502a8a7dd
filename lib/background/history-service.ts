/**
 * The sidebar's reads past the lookup: `lifetime` (order count, spend, average per currency;
 * kept 10 minutes per customer, so revisits cost nothing) and `orders/more` (the next 10 older
 * orders, completed with tracking and images like the first ten).
 */
import { newestFirst, type Order } from '../core/model';
import type { OrderFilter } from '../core/store-ports';
import { lifetimeOf, type LifetimeTotals } from '../lookup/lifetime';
import { completeOlderOrders } from '../lookup/lookup';
import {
  LifetimeRequestSchema,
  MORE_ORDERS_PAGE,
  MoreOrdersRequestSchema,
  type LifetimeRequest,
  type MoreOrdersRequest,
} from '../messages/history';
import type { ConnectionRegistry } from './connections';
import type { MoreOrdersReply } from '../messages/history';
import type { MessageHandler } from './handler';

export const LIFETIME_TTL_MS = 10 * 60_000;

export interface HistoryServiceDeps {
  registry: ConnectionRegistry;
  now?: () => number;
}

function filtersOf(request: { customerId: string | null; email: string }): OrderFilter[] {
  const filters: OrderFilter[] = [];
  if (request.customerId) filters.push({ customerId: request.customerId });
  if (request.email.trim()) filters.push({ email: request.email.trim().toLowerCase() });
  return filters;
}

export function createHistoryHandlers(deps: HistoryServiceDeps): MessageHandler[] {
  const now = deps.now ?? Date.now;
  const kept = new Map<string, { at: number; totals: Promise<LifetimeTotals[]> }>();

  const lifetime: MessageHandler<LifetimeRequest> = {
    type: 'lifetime',
    schema: LifetimeRequestSchema,
    from: ['extension-page'],
    pages: ['/sidebar.html'],
    async handle(request) {
      const key = [request.connectionId, request.customerId ?? '', request.email.trim().toLowerCase()].join('|');
      const hit = kept.get(key);
      if (hit && now() - hit.at < LIFETIME_TTL_MS) return { totals: await hit.totals };
      const { apis } = await deps.registry.apis(request.connectionId);
      const totals = lifetimeOf(apis.history, { customerId: request.customerId, email: request.email });
      kept.set(key, { at: now(), totals });
      // A failure is not kept: the next visit asks again.
      totals.catch(() => kept.get(key)?.totals === totals && kept.delete(key));
      return { totals: await totals };
    },
  };

  const more: MessageHandler<MoreOrdersRequest> = {
    type: 'orders/more',
    schema: MoreOrdersRequestSchema,
    from: ['extension-page'],
    pages: ['/sidebar.html'],
    async handle(request): Promise<MoreOrdersReply> {
      const { apis } = await deps.registry.apis(request.connectionId);
      const shown = new Set(request.shownIds);
      // Orders created in the same second as the oldest shown come back too: ask for a few more.
      const limit = MORE_ORDERS_PAGE + 5;
      const lists = await Promise.all(
        filtersOf(request).map((f) => apis.history.ordersBefore(f, request.before, limit)),
      );
      const seen = new Set<string>();
      const fresh = lists
        .flat()
        .filter((o) => !shown.has(o.id) && (seen.has(o.id) ? false : (seen.add(o.id), true)))
        .sort(newestFirst);
      const page = fresh.slice(0, MORE_ORDERS_PAGE);
      return {
        orders: await completeOlderOrders(apis.lookup, page),
        more: fresh.length > MORE_ORDERS_PAGE || lists.some((l) => l.length >= limit),
      };
    },
  };

  return [lifetime, more] as MessageHandler[];
}
