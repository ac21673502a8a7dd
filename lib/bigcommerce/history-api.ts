/**
 * Reads past the lookup's 10 newest orders (HistoryApi): the amounts lifetime spend needs, the
 * order count, and older pages for "Show more orders". One request per call.
 */
import type { Order, StoreRef } from '../core/model';
import { ORDER_PAGE_MAX, type HistoryApi, type OrderFilter } from '../core/store-ports';
import { parseBody } from './errors';
import { normalizeOrder } from './normalize';
import type { BigCommerceClient } from './request';
import { OrderCountSchema, OrderListSchema, OrderTotalListSchema } from './schemas';
import { ORDER_INCLUDE } from './store-api';

const ORDERS_READ = 'store_v2_orders_read_only';

function filterQuery(filter: OrderFilter): Record<string, string> | null {
  if ('customerId' in filter) return /^\d+$/.test(filter.customerId) ? { customer_id: filter.customerId } : null;
  const email = filter.email.trim();
  return email ? { email } : null;
}

export function createHistoryApi(client: BigCommerceClient, store: StoreRef): HistoryApi {
  return {
    async orderTotals(filter, page) {
      const query = filterQuery(filter);
      if (!query) return [];
      const { body } = await client.send({
        method: 'GET',
        path: '/v2/orders',
        query: { ...query, limit: ORDER_PAGE_MAX, page, sort: 'id:asc' },
        scope: ORDERS_READ,
      });
      if (body === undefined) return [];
      return parseBody(OrderTotalListSchema, body, 'orders').map((o) => ({
        id: String(o.id),
        statusId: o.status_id,
        total: o.total_inc_tax,
        refunded: o.refunded_amount,
        currency: o.currency_code,
      }));
    },

    async orderCount(filter) {
      const query = filterQuery(filter);
      if (!query) return 0;
      const { body } = await client.send({ method: 'GET', path: '/v2/orders/count', query, scope: ORDERS_READ });
      return parseBody(OrderCountSchema, body, 'the order count').count;
    },

    async ordersBefore(filter, before, limit): Promise<Order[]> {
      const query = filterQuery(filter);
      if (!query) return [];
      const { body } = await client.send({
        method: 'GET',
        path: '/v2/orders',
        query: { ...query, max_date_created: before, limit, sort: 'date_created:desc', ...ORDER_INCLUDE },
        scope: ORDERS_READ,
      });
      if (body === undefined) return [];
      return parseBody(OrderListSchema, body, 'orders').map((o) => normalizeOrder(o, store));
    },
  };
}
