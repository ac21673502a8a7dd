import { i18n } from '#i18n';
import { useEffect, useMemo, useState } from 'preact/hooks';
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
  /** Whose older orders "Show more orders" asks for; null: no paging (e.g. search results). */
  history?: { connectionId: string; customerId: string | null; email: string } | null;
}

type Paging = { state: 'idle' | 'loading' | 'failed' | 'end'; older: Order[] };

/** The most recent orders, newest first; older ones ten at a time on request. */
export function OrderList({ orders, customer, connection, history = null }: Props) {
  const { locale, request } = useSidebar();
  const refresh = useSidebarState((s) => s.refresh);
  const actions = useMemo<OrderRowProps['actions']>(
    () => (customer && connection ? { customer, connection, request, onChanged: refresh } : null),
    [customer, connection, request, refresh],
  );
  const newest = useMemo(() => [...orders].sort(newestFirst).slice(0, ORDERS_SHOWN), [orders]);
  const [paging, setPaging] = useState<Paging>({ state: 'idle', older: [] });
  // Another customer, or orders that changed (a refresh that brought news), start from the newest
  // ten again; an update that changed nothing keeps the same list (lib/sidebar/share-unchanged.ts).
  useEffect(() => setPaging({ state: 'idle', older: [] }), [orders]);
  const shown = useMemo(() => [...newest, ...paging.older], [newest, paging.older]);
  if (shown.length === 0) return <p class="bc-muted">{i18n.t('sidebar.noOrders')}</p>;

  async function showMore() {
    if (!history) return;
    const oldest = shown[shown.length - 1]!;
    setPaging((p) => ({ ...p, state: 'loading' }));
    try {
      const reply = await request({
        type: 'orders/more',
        ...history,
        before: oldest.createdAt,
        shownIds: shown.map((o) => o.id),
      });
      setPaging((p) => ({ older: [...p.older, ...reply.orders], state: reply.more ? 'idle' : 'end' }));
    } catch {
      setPaging((p) => ({ ...p, state: 'failed' }));
    }
  }
  const canPage = history !== null && newest.length >= ORDERS_SHOWN && paging.state !== 'end';
  return (
    <section aria-label={i18n.t('sidebar.recentOrders')}>
      <h3 class="bc-subtitle">{i18n.t('sidebar.recentOrders')}</h3>
      <ul class="bc-orders">
        {shown.map((order) => (
          <OrderRow key={order.id} order={order} locale={locale} actions={actions} />
        ))}
      </ul>
      {canPage && (
        <button
          type="button"
          class="bc-button bc-button--small bc-more"
          onClick={() => void showMore()}
          disabled={paging.state === 'loading'}
        >
          {i18n.t(paging.state === 'loading' ? 'sidebar.loadingOlderOrders' : 'sidebar.showMoreOrders')}
        </button>
      )}
      {paging.state === 'failed' && (
        <p class="bc-error bc-wrap" role="alert">
          {i18n.t('sidebar.olderOrdersFailed')}
        </p>
      )}
      {paging.state === 'end' && <p class="bc-muted">{i18n.t('sidebar.noOlderOrders')}</p>}
    </section>
  );
}
