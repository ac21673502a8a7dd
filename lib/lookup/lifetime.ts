/**
 * A customer's lifetime with one store: order count, spend and average order value, with the
 * fewest requests the API allows. BigCommerce has no sum endpoint, so spend needs every order's
 * total: one page of 250 per source (the account's orders by customer id, and orders billed to
 * the customer's email, which brings guest orders), asked in parallel. Only a source with a full
 * first page asks `GET /v2/orders/count` for how many pages remain, then fetches them at once.
 */
import { add, subtract, fromMinorUnits, toMinorUnits } from '../core/decimal';
import { ORDER_STATUS, type Money } from '../core/model';
import { ORDER_PAGE_MAX, type HistoryApi, type OrderFilter, type OrderTotal } from '../core/store-ports';

/** Orders that were never money: not counted, not spent. */
const NOT_SPENT = new Set<number>([ORDER_STATUS.INCOMPLETE, ORDER_STATUS.CANCELLED, ORDER_STATUS.DECLINED]);

export interface LifetimeTotals {
  currency: string;
  /** Orders placed (cancelled and declined ones left out). */
  orders: number;
  /** Σ (total − refunded). */
  spend: Money;
  /** spend ÷ orders, rounded to the cent. */
  average: Money;
}

/** Every order of one source, in as few round trips as its size allows (1 below 250 orders). */
async function allTotals(api: HistoryApi, filter: OrderFilter): Promise<OrderTotal[]> {
  const first = await api.orderTotals(filter, 1);
  if (first.length < ORDER_PAGE_MAX) return first;
  const count = await api.orderCount(filter);
  const pages = Math.ceil(count / ORDER_PAGE_MAX);
  const rest = await Promise.all(
    Array.from({ length: Math.max(pages - 1, 0) }, (_, i) => api.orderTotals(filter, i + 2)),
  );
  return [...first, ...rest.flat()];
}

/** One entry per currency the customer paid in, the most used first. */
export async function lifetimeOf(
  api: HistoryApi,
  customer: { customerId: string | null; email: string },
): Promise<LifetimeTotals[]> {
  const filters: OrderFilter[] = [];
  if (customer.customerId) filters.push({ customerId: customer.customerId });
  if (customer.email.trim()) filters.push({ email: customer.email.trim().toLowerCase() });
  const lists = await Promise.all(filters.map((f) => allTotals(api, f)));
  return totalsOf(lists.flat());
}

/** The sums, from the orders (duplicates across sources counted once). */
export function totalsOf(orders: OrderTotal[]): LifetimeTotals[] {
  const seen = new Set<string>();
  const byCurrency = new Map<string, { orders: number; spend: Money }>();
  for (const order of orders) {
    if (seen.has(order.id) || NOT_SPENT.has(order.statusId)) continue;
    seen.add(order.id);
    const entry = byCurrency.get(order.currency) ?? { orders: 0, spend: '0.00' };
    entry.orders += 1;
    entry.spend = add(entry.spend, subtract(order.total, order.refunded));
    byCurrency.set(order.currency, entry);
  }
  return [...byCurrency.entries()]
    .map(([currency, { orders, spend }]) => ({
      currency,
      orders,
      spend,
      average: fromMinorUnits(Math.round(toMinorUnits(spend) / orders)),
    }))
    .sort((a, b) => b.orders - a.orders);
}
