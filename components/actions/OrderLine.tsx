/** The order a dialog acts on, in one line: "Order #238 · $194.70 · Awaiting Fulfillment". */
import { i18n } from '#i18n';
import type { Order } from '../../lib/core/model';
import { formatMoney } from '../../lib/sidebar/format';

export function OrderLine({ order }: { order: Pick<Order, 'orderNumber' | 'orderTotal' | 'currencyCode' | 'status'> }) {
  return (
    <p>
      {i18n.t('actions.common.orderLine', [
        order.orderNumber,
        formatMoney(order.orderTotal, order.currencyCode),
        order.status,
      ])}
    </p>
  );
}
