/**
 * A short, plain summary of an order an agent can paste into a reply: number, status, items and
 * the tracking link. Plain text only (Gladly's composer takes it as typed), kept under the
 * insert message's 2000-character cap.
 */
import { i18n } from '#i18n';
import type { Order } from '../core/model';

const MAX_ITEMS = 8;
export const MAX_SUMMARY_LENGTH = 2000;

export function orderSummary(order: Order): string {
  const lines = [i18n.t('sidebar.summaryOrder', [order.orderNumber, order.status])];
  const items = order.lineItems.slice(0, MAX_ITEMS).map((line) => {
    const options = line.options.map((o) => o.value).join(', ');
    return `- ${line.quantity} × ${line.name}${options ? ` (${options})` : ''}`;
  });
  const more = order.lineItems.length - MAX_ITEMS;
  if (more > 0)
    items.push(`- ${more === 1 ? i18n.t('sidebar.summaryMoreItem') : i18n.t('sidebar.summaryMoreItems', [more])}`);
  lines.push(...items);
  const tracked = (order.fulfillments ?? []).filter((f) => f.trackingNumber);
  if (tracked.length === 0 && order.firstTrackingNumber)
    lines.push(i18n.t('sidebar.summaryTracking', [order.firstTrackingUrl || order.firstTrackingNumber]));
  for (const f of tracked) lines.push(i18n.t('sidebar.summaryTracking', [f.trackingUrl || f.trackingNumber]));
  const text = lines.join('\n');
  return text.length <= MAX_SUMMARY_LENGTH ? text : `${text.slice(0, MAX_SUMMARY_LENGTH - 1)}…`;
}
