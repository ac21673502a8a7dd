/**
 * Raw (already validated) BigCommerce payloads → the normalised model the sidebar renders
 * (Gladly's field names, lib/core/model.ts). Pure functions: no requests, no clock.
 */
import type { Address, Customer, Fulfillment, LineItem, Order, ShippingDestination, StoreRef } from '../core/model';
import type { RefundQuote, RefundRecord } from '../core/store-ports';
import { add, sum } from '../core/decimal';
import type {
  RawConsignments,
  RawCustomer,
  RawOrder,
  RawOrderProduct,
  RawRefund,
  RawRefundQuote,
  RawShipment,
} from './schemas';

export function normalizeCustomer(raw: RawCustomer, store: StoreRef): Customer {
  const addresses = raw.addresses ?? [];
  const first = addresses[0];
  const address: Address | null = first
    ? {
        firstName: first.first_name,
        lastName: first.last_name,
        company: first.company,
        street1: first.address1,
        street2: first.address2,
        city: first.city,
        state: first.state_or_province,
        zip: first.postal_code,
        country: first.country,
        countryCode: first.country_code,
        phone: first.phone,
      }
    : null;
  return {
    id: String(raw.id),
    store,
    email: raw.email,
    name: [raw.first_name, raw.last_name].filter(Boolean).join(' '),
    firstName: raw.first_name,
    lastName: raw.last_name,
    phone: raw.phone,
    company: raw.company,
    createdAt: raw.date_created,
    address,
    addressCount: raw.address_count ?? addresses.length,
    acceptsMarketing: raw.accepts_product_review_abandoned_cart_emails ?? null,
    customerGroupId: raw.customer_group_id,
    customerGroupName: null,
    notes: raw.notes,
    storeCreditAmount: raw.store_credit_amounts ? sum(raw.store_credit_amounts.map((c) => c.amount)) : null,
    // BigCommerce keeps store credit in the store's default currency and does not repeat it here.
    storeCreditCurrency: store.defaultCurrency ?? '',
  };
}

function lineStatus(quantity: number, shipped: number, refunded: number): string {
  if (refunded > 0) return refunded >= quantity ? 'Refunded' : 'Partially refunded';
  if (shipped <= 0) return 'Not shipped';
  return shipped >= quantity ? 'Shipped' : 'Partially shipped';
}

function fulfillmentStatus(quantity: number, shipped: number, refunded: number): LineItem['fulfillment_status'] {
  if (shipped <= 0) return 'unfulfilled';
  // Refunded units will never ship: what is left to ship decides.
  return shipped >= Math.max(quantity - refunded, 0) ? 'fulfilled' : 'partial';
}

export function normalizeLineItem(raw: RawOrderProduct, consignmentAddressId: number | null = null): LineItem {
  const refunded = Math.min(raw.quantity_refunded, raw.quantity);
  return {
    id: String(raw.id),
    productId: raw.product_id,
    variantId: raw.variant_id,
    name: raw.name,
    sku: raw.sku,
    options: raw.product_options.map((o) => ({ name: o.display_name, value: o.display_value })),
    quantity: raw.quantity,
    quantityShipped: raw.quantity_shipped,
    quantityRefunded: raw.quantity_refunded,
    refundableQuantity: raw.quantity - refunded,
    unitPrice: raw.price_inc_tax,
    totalPrice: raw.total_inc_tax,
    status: lineStatus(raw.quantity, raw.quantity_shipped, raw.quantity_refunded),
    fulfillment_status: fulfillmentStatus(raw.quantity, raw.quantity_shipped, raw.quantity_refunded),
    image: null,
    orderAddressId: raw.order_address_id || consignmentAddressId,
  };
}

/** Line items from every consignment (shipping, pickup, digital), each once. */
export function lineItemsFromConsignments(consignments: RawConsignments): LineItem[] {
  const lines = new Map<string, LineItem>();
  const addAll = (items: RawOrderProduct[], addressId: number | null) => {
    for (const item of items)
      if (!lines.has(String(item.id))) lines.set(String(item.id), normalizeLineItem(item, addressId));
  };
  for (const shipping of consignments.shipping) addAll(shipping.line_items, shipping.id);
  for (const pickup of consignments.pickups) addAll(pickup.line_items, null);
  for (const download of consignments.downloads) addAll(download.line_items, null);
  return [...lines.values()];
}

export function controlPanelOrderUrl(storeHash: string, orderId: string): string {
  return `https://store-${storeHash}.mybigcommerce.com/manage/orders/${encodeURIComponent(orderId)}`;
}

export function normalizeOrder(raw: RawOrder, store: StoreRef): Order {
  const consignments = raw.consignments && !('url' in raw.consignments) ? raw.consignments : null;
  const shippingDestinations: ShippingDestination[] = (consignments?.shipping ?? []).map((c) => ({
    id: c.id,
    shippingMethod: c.shipping_method,
    shippingCost: c.cost_inc_tax,
  }));
  const id = String(raw.id);
  return {
    id,
    orderNumber: id,
    store,
    externalCustomerId: raw.customer_id ? String(raw.customer_id) : '',
    isGuest: raw.customer_id === 0,
    billingEmail: raw.billing_address?.email ?? '',
    createdAt: raw.date_created,
    currencyCode: raw.currency_code,
    status: raw.status || raw.custom_status,
    statusId: raw.status_id,
    paymentStatus: raw.payment_status,
    paymentMethod: raw.payment_method,
    subtotal: raw.subtotal_inc_tax,
    shippingCost: raw.shipping_cost_inc_tax,
    tax: raw.total_tax,
    discount: add(raw.discount_amount, raw.coupon_discount),
    orderTotal: raw.total_inc_tax,
    itemCount: raw.items_total,
    itemsShipped: raw.items_shipped,
    lineItems: consignments ? lineItemsFromConsignments(consignments) : [],
    shippingDestinations,
    fulfillments: null,
    firstTrackingNumber: null,
    firstTrackingUrl: null,
    staffNotes: raw.staff_notes,
    controlPanelUrl: controlPanelOrderUrl(store.storeHash, id),
  };
}

export function normalizeShipment(raw: RawShipment): Fulfillment {
  return {
    id: String(raw.id),
    trackingNumber: raw.tracking_number,
    // A merchant's custom link wins; otherwise BigCommerce's generated one.
    trackingUrl: raw.tracking_link || raw.generated_tracking_link,
    shippingMethod: raw.shipping_method,
    carrier: raw.shipping_provider_display_name || raw.tracking_carrier || raw.shipping_provider,
    createdAt: raw.date_created,
    items: raw.items.map((i) => ({ orderProductId: String(i.order_product_id), quantity: i.quantity })),
  };
}

export function normalizeRefundQuote(raw: RawRefundQuote): RefundQuote {
  return {
    orderId: String(raw.order_id),
    totalRefundAmount: raw.total_refund_amount,
    totalRefundTaxAmount: raw.total_refund_tax_amount,
    adjustment: raw.adjustment,
    taxInclusive: raw.tax_inclusive ?? raw.is_tax_included ?? false,
    refundMethods: raw.refund_methods.map((method) =>
      method.map((p) => ({
        providerId: p.provider_id,
        providerDescription: p.provider_description,
        amount: p.amount,
        offline: p.offline,
      })),
    ),
  };
}

export function normalizeRefund(raw: RawRefund): RefundRecord {
  return {
    id: String(raw.id),
    orderId: String(raw.order_id),
    createdAt: raw.created,
    totalAmount: raw.total_amount,
    totalTax: raw.total_tax,
    items: raw.items.map((i) => ({
      itemType: i.item_type,
      itemId: i.item_id,
      quantity: i.quantity ?? null,
      amount: i.requested_amount ?? null,
    })),
    payments: raw.payments.map((p) => ({
      providerId: p.provider_id,
      amount: p.amount,
      offline: p.offline,
      isDeclined: p.is_declined,
      declinedMessage: p.declined_message,
    })),
  };
}
