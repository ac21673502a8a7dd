import { useMemo } from 'preact/hooks';
import { newestFirst, type Customer, type Order } from '../../lib/core/model';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import { useSidebar, useSidebarState } from './context';
import { OrderRow, type OrderRowProps } from './OrderRow';

export const ORDERS_SHOWN = 10;

interface Props {
  orders: Order[];
  /** The linked customer (actions show only for one) or null. */
  customer: Customer | null;
  connection: SidebarConnection | undefined;
}

/** The most recent orders, newest first. */
export function OrderList({ orders, customer, connection }: Props) {
  const { locale, request } = useSidebar();
  const refresh = useSidebarState((s) => s.refresh);
  const actions = useMemo<OrderRowProps['actions']>(
    () => (customer && connection ? { customer, connection, request, onChanged: refresh } : null),
    [customer, connection, request, refresh],
  );
  const shown = useMemo(() => [...orders].sort(newestFirst).slice(0, ORDERS_SHOWN), [orders]);
  if (shown.length === 0) return <p class="bc-muted">No orders yet.</p>;
  return (
    <section aria-label="Recent orders">
      <h3 class="bc-subtitle">Recent orders</h3>
      <ul class="bc-orders">
        {shown.map((order) => (
          <OrderRow key={order.id} order={order} locale={locale} actions={actions} />
        ))}
      </ul>
    </section>
  );
}
