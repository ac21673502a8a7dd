import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Fulfillment, LineItem, Order } from '../../lib/core/model';
import { formatDateTime, formatMoney, isZeroAmount, type Locale } from '../../lib/sidebar/format';
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

function LineItemRow({ line, currency, locale }: { line: LineItem; currency: string; locale: Locale }) {
  const options = line.options.map((o) => `${o.name}: ${o.value}`).join(' · ');
  return (
    <li class="bc-line">
      <LineImage src={line.image} />
      <div class="bc-line__body">
        <div class="bc-line__name bc-ellipsis" title={line.name}>
          {line.name}
        </div>
        {line.sku && (
          <div class="bc-line__meta bc-ellipsis" title={line.sku}>
            SKU {line.sku}
          </div>
        )}
        {options && (
          <div class="bc-line__meta bc-wrap" title={options}>
            {options}
          </div>
        )}
        <div class="bc-line__meta">
          {line.quantity} × {formatMoney(line.unitPrice, currency, locale)}
          {line.quantityShipped > 0 && <span> · Shipped {line.quantityShipped}</span>}
          {line.quantityRefunded > 0 && <span> · Refunded {line.quantityRefunded}</span>}
          {line.status && <span class="bc-muted"> · {line.status}</span>}
        </div>
      </div>
    </li>
  );
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
          <CopyButton text={trackingNumber} label="Copy tracking number" />
        </div>
      ) : (
        <div class="bc-muted">No tracking number</div>
      )}
      <div class="bc-line__meta bc-wrap">
        {[fulfillment.shippingMethod, fulfillment.carrier, formatDateTime(fulfillment.createdAt, locale)]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </li>
  );
}

/** What an expanded order shows: amounts, line items, shipments and the control-panel link. */
export function OrderDetails({ order, locale, id }: { order: Order; locale: Locale; id: string }) {
  const currency = order.currencyCode;
  const fulfillments = order.fulfillments;
  const controlPanelUrl = webUrl(order.controlPanelUrl);
  return (
    <div class="bc-order__details" id={id}>
      <dl class="bc-amounts">
        <Amount label="Subtotal">{formatMoney(order.subtotal, currency, locale)}</Amount>
        {!isZeroAmount(order.discount) && (
          <Amount label="Discount">−{formatMoney(order.discount, currency, locale)}</Amount>
        )}
        <Amount label="Shipping">{formatMoney(order.shippingCost, currency, locale)}</Amount>
        <Amount label="Tax">{formatMoney(order.tax, currency, locale)}</Amount>
        <Amount label="Total">{formatMoney(order.orderTotal, currency, locale)}</Amount>
        {(order.paymentMethod || order.paymentStatus) && (
          <Amount label="Payment">{[order.paymentMethod, order.paymentStatus].filter(Boolean).join(' · ')}</Amount>
        )}
      </dl>
      <h4 class="bc-subtitle">Items</h4>
      <ul class="bc-lines">
        {order.lineItems.map((line) => (
          <LineItemRow key={line.id} line={line} currency={currency} locale={locale} />
        ))}
      </ul>
      {fulfillments === null && order.itemsShipped > 0 && <p class="bc-muted">Loading shipments…</p>}
      {fulfillments && fulfillments.length > 0 && (
        <>
          <h4 class="bc-subtitle">Shipments</h4>
          <ul class="bc-fulfillments">
            {fulfillments.map((f) => (
              <FulfillmentRow key={f.id} fulfillment={f} locale={locale} />
            ))}
          </ul>
        </>
      )}
      {order.staffNotes && (
        <p class="bc-wrap">
          <span class="bc-muted">Staff notes: </span>
          {order.staffNotes}
        </p>
      )}
      {controlPanelUrl && (
        <a class="bc-link" href={controlPanelUrl} target="_blank" rel="noopener noreferrer">
          Open in BigCommerce
        </a>
      )}
    </div>
  );
}
