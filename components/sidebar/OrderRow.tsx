import { i18n } from '#i18n';
import { memo } from '../../lib/sidebar/memo';
import { useState } from 'preact/hooks';
import type { Customer, Order } from '../../lib/core/model';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import type { SidebarClient } from '../../lib/sidebar/port';
import { formatDate, formatDateTime, formatMoney, statusTone, type Locale } from '../../lib/sidebar/format';
import { OrderActions } from '../actions/OrderActions';
import { CopyButton } from './CopyButton';
import { OrderDetails } from './OrderDetails';
import { OrderSummaryButtons } from './OrderSummaryButtons';

export interface OrderRowProps {
  order: Order;
  locale: Locale;
  /** Set only for a linked customer: the actions then show under the expanded order. */
  actions: {
    customer: Customer;
    connection: SidebarConnection;
    request: SidebarClient['request'];
    onChanged: () => void;
  } | null;
}

/** One order: a summary line that expands (details render only when open, so long lists stay cheap). */
function OrderRowView({ order, locale, actions }: OrderRowProps) {
  const [open, setOpen] = useState(false);
  const detailsId = `order-${order.store.connectionId}-${order.id}`;
  const items = order.itemCount === 1 ? i18n.t('sidebar.oneItem') : i18n.t('sidebar.items', [order.itemCount]);
  return (
    <li class="bc-order">
      <div class="bc-order__summary">
        <button
          type="button"
          class="bc-order__toggle"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen(!open)}
        >
          <span class="bc-order__head">
            <span class="bc-order__number">#{order.orderNumber}</span>
            <span class="bc-order__pills">
              {order.isGuest && <span class="bc-badge bc-badge--muted">{i18n.t('sidebar.guest')}</span>}
              <span class={`bc-badge bc-badge--${statusTone(order.statusId)}`}>{order.status}</span>
            </span>
            <span class="bc-order__total">{formatMoney(order.orderTotal, order.currencyCode, locale)}</span>
          </span>
          <span class="bc-order__line bc-muted">
            <span title={formatDateTime(order.createdAt, locale)}>{formatDate(order.createdAt, locale)}</span>
            <span>{items}</span>
            {order.firstTrackingNumber && (
              <span class="bc-ellipsis" title={order.firstTrackingNumber}>
                {i18n.t('sidebar.tracking', [order.firstTrackingNumber])}
              </span>
            )}
          </span>
        </button>
        <CopyButton text={order.orderNumber} label={i18n.t('sidebar.copyOrderNumber')} />
      </div>
      {open && (
        <>
          <OrderDetails order={order} locale={locale} id={detailsId} />
          {/* The buttons line up with the details above, inside the card's padding. */}
          <div class="bc-order__footer">
            <OrderSummaryButtons order={order} />
            {actions && (
              <OrderActions
                order={order}
                customer={actions.customer}
                connection={actions.connection}
                request={actions.request}
                onChanged={actions.onChanged}
              />
            )}
          </div>
        </>
      )}
    </li>
  );
}

export const OrderRow = memo(OrderRowView);
