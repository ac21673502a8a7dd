import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Fulfillment, LineItem, Order } from '../../lib/core/model';
import { formatDate, formatMoney, isZeroAmount, type Locale } from '../../lib/sidebar/format';
import { webUrl } from '../../lib/sidebar/safe-url';
import { CopyButton } from './CopyButton';

function Amount({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="bc-amounts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The product thumbnail, or a quiet placeholder (no image, or it would not load). */
function LineImage({ src: raw }: { src: string | null }) {
  const [failed, setFailed] = useState(false);
  const src = webUrl(raw);
  if (!src || failed) return <span class="bc-line__image bc-line__image--empty" aria-hidden="true" />;
  return (
    <img
      class="bc-line__image"
      src={src}
      alt=""
      width={40}
      height={40}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}

/** The line states lib/bigcommerce/normalize.ts writes, in the browser's language (others as they are). */
const LINE_STATUS_KEYS = {
  'Not shipped': 'sidebar.lineNotShipped',
  Shipped: 'sidebar.lineFullyShipped',
  'Partially shipped': 'sidebar.linePartlyShipped',
  Refunded: 'sidebar.lineFullyRefunded',
  'Partially refunded': 'sidebar.linePartlyRefunded',
} as const;

function lineStatusLabel(status: string): string {
  const key = LINE_STATUS_KEYS[status as keyof typeof LINE_STATUS_KEYS];
  return key ? i18n.t(key) : status;
}

/**
 * What a line adds to the order's own status, said once: its shipped and refunded counts when it
 * has any; otherwise its state, unless every line is in the same state (the order's status says it).
 */
export function lineState(line: LineItem, uniform: boolean): string {
  const counts = [
    line.quantityShipped > 0 ? i18n.t('sidebar.lineShipped', [line.quantityShipped]) : '',
    line.quantityRefunded > 0 ? i18n.t('sidebar.lineRefunded', [line.quantityRefunded]) : '',
  ].filter(Boolean);
  if (counts.length > 0) return counts.join(' · ');
  return uniform ? '' : lineStatusLabel(line.status);
}

function LineItemRow({
  line,
  currency,
  locale,
  uniform,
}: {
  line: LineItem;
  currency: string;
  locale: Locale;
  uniform: boolean;
}) {
  const options = line.options.map((o) => `${o.name}: ${o.value}`).join(' · ');
  const state = lineState(line, uniform);
  return (
    <li class="bc-line">
      <LineImage src={line.image} />
      <div class="bc-line__body">
        {/* Wrapped, never "…": the agent may read the product's whole name to the customer. */}
        <div class="bc-line__name bc-wrap" title={line.name}>
          {line.name}
        </div>
        {line.sku && (
          <div class="bc-line__meta bc-ellipsis" title={line.sku}>
            {i18n.t('sidebar.sku', [line.sku])}
          </div>
        )}
        {options && (
          <div class="bc-line__meta bc-wrap" title={options}>
            {options}
          </div>
        )}
        <div class="bc-line__meta">
          {line.quantity} × {formatMoney(line.unitPrice, currency, locale)}
          {state && <span> · {state}</span>}
        </div>
      </div>
    </li>
  );
}

/** "UPS Ground" already names UPS: the carrier is added only when the method does not say it. */
export function shippingLabel(fulfillment: Pick<Fulfillment, 'shippingMethod' | 'carrier'>): string {
  const method = fulfillment.shippingMethod.trim();
  const carrier = fulfillment.carrier.trim();
  if (!carrier || method.toLowerCase().includes(carrier.toLowerCase())) return method;
  if (!method || carrier.toLowerCase().includes(method.toLowerCase())) return carrier;
  return `${method} · ${carrier}`;
}

function FulfillmentRow({ fulfillment, locale }: { fulfillment: Fulfillment; locale: Locale }) {
  const { trackingNumber } = fulfillment;
  // Anything but an http(s) address is shown as the plain tracking number.
  const trackingUrl = webUrl(fulfillment.trackingUrl);
  return (
    <li class="bc-fulfillment">
      {trackingNumber ? (
        <div class="bc-fulfillment__tracking">
          {trackingUrl ? (
            <a href={trackingUrl} target="_blank" rel="noopener noreferrer" class="bc-ellipsis" title={trackingNumber}>
              {trackingNumber}
            </a>
          ) : (
            <span class="bc-ellipsis" title={trackingNumber}>
              {trackingNumber}
            </span>
          )}
          <CopyButton text={trackingNumber} label={i18n.t('sidebar.copyTrackingNumber')} />
        </div>
      ) : (
        <div class="bc-muted">{i18n.t('sidebar.noTracking')}</div>
      )}
      <div class="bc-line__meta bc-wrap">
        {[shippingLabel(fulfillment), formatDate(fulfillment.createdAt, locale)].filter(Boolean).join(' · ')}
      </div>
    </li>
  );
}

/** What an expanded order shows: amounts, line items, shipments and the control-panel link. */
export function OrderDetails({ order, locale, id }: { order: Order; locale: Locale; id: string }) {
  const currency = order.currencyCode;
  const fulfillments = order.fulfillments;
  const controlPanelUrl = webUrl(order.controlPanelUrl);
  const uniform = new Set(order.lineItems.map((l) => l.status)).size <= 1;
  return (
    <div class="bc-order__details" id={id}>
      <dl class="bc-amounts">
        <Amount label={i18n.t('sidebar.subtotal')}>{formatMoney(order.subtotal, currency, locale)}</Amount>
        {!isZeroAmount(order.discount) && (
          <Amount label={i18n.t('sidebar.discount')}>−{formatMoney(order.discount, currency, locale)}</Amount>
        )}
        <Amount label={i18n.t('sidebar.shipping')}>{formatMoney(order.shippingCost, currency, locale)}</Amount>
        <Amount label={i18n.t('sidebar.tax')}>{formatMoney(order.tax, currency, locale)}</Amount>
        <Amount label={i18n.t('sidebar.total')}>{formatMoney(order.orderTotal, currency, locale)}</Amount>
        {(order.paymentMethod || order.paymentStatus) && (
          <Amount label={i18n.t('sidebar.payment')}>
            {[order.paymentMethod, order.paymentStatus].filter(Boolean).join(' · ')}
          </Amount>
        )}
      </dl>
      <h4 class="bc-subtitle">{i18n.t('sidebar.itemsTitle')}</h4>
      <ul class="bc-lines">
        {order.lineItems.map((line) => (
          <LineItemRow key={line.id} line={line} currency={currency} locale={locale} uniform={uniform} />
        ))}
      </ul>
      {fulfillments === null && order.itemsShipped > 0 && <p class="bc-muted">{i18n.t('sidebar.loadingShipments')}</p>}
      {fulfillments && fulfillments.length > 0 && (
        <>
          <h4 class="bc-subtitle">{i18n.t('sidebar.shipments')}</h4>
          <ul class="bc-fulfillments">
            {fulfillments.map((f) => (
              <FulfillmentRow key={f.id} fulfillment={f} locale={locale} />
            ))}
          </ul>
        </>
      )}
      {order.staffNotes && (
        <p class="bc-wrap">
          <span class="bc-muted">{i18n.t('sidebar.staffNotes')} </span>
          {order.staffNotes}
        </p>
      )}
      {controlPanelUrl && (
        <a class="bc-link" href={controlPanelUrl} target="_blank" rel="noopener noreferrer">
          {i18n.t('sidebar.openInBigCommerce')}
        </a>
      )}
    </div>
  );
}
