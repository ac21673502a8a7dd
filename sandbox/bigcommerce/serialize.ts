/** Internal records → the wire shapes (real shapes where the real API and the spec disagree). */
import { toIso, toRfc2822 } from './dates';
import { toV2Money, toV3Amount } from './money';
import type {
  CouponRec,
  CustomerRec,
  OrderAddressRec,
  OrderProductRec,
  OrderRec,
  RefundRec,
  ShipmentRec,
  StoreData,
} from './types';

export interface OrderTotals {
  subtotalEx: number;
  subtotalTax: number;
  shipEx: number;
  shipTax: number;
  handlingEx: number;
  handlingTax: number;
  totalEx: number;
  totalTax: number;
  totalInc: number;
  itemsTotal: number;
  itemsShipped: number;
}

export function orderTotals(order: OrderRec): OrderTotals {
  let subtotalEx = 0;
  let subtotalTax = 0;
  let itemsTotal = 0;
  let itemsShipped = 0;
  for (const p of order.products) {
    subtotalEx += p.priceExCents * p.quantity;
    subtotalTax += p.priceTaxCents * p.quantity;
    itemsTotal += p.quantity;
    itemsShipped += p.quantity_shipped;
  }
  let shipEx = 0;
  let shipTax = 0;
  let handlingEx = 0;
  let handlingTax = 0;
  for (const a of order.addresses) {
    shipEx += a.shipExCents;
    shipTax += a.shipTaxCents;
    handlingEx += a.handlingExCents;
    handlingTax += a.handlingTaxCents;
  }
  const totalEx = subtotalEx + shipEx + handlingEx - order.discountCents;
  const totalTax = subtotalTax + shipTax + handlingTax;
  return {
    subtotalEx,
    subtotalTax,
    shipEx,
    shipTax,
    handlingEx,
    handlingTax,
    totalEx,
    totalTax,
    totalInc: totalEx + totalTax,
    itemsTotal,
    itemsShipped,
  };
}

export function statusLabel(store: StoreData, id: number): { system: string; custom: string } {
  const status = store.statuses.find((s) => s.id === id);
  return {
    system: status?.system_label ?? 'Unknown',
    custom: status?.custom_label ?? status?.system_label ?? 'Unknown',
  };
}

function link(origin: string, hash: string, resource: string): { url: string; resource: string } {
  return { url: `${origin}/stores/${hash}/v2${resource}`, resource };
}

export function v2OrderProduct(order: OrderRec, p: OrderProductRec): Record<string, unknown> {
  const priceInc = p.priceExCents + p.priceTaxCents;
  return {
    id: p.id,
    order_id: order.id,
    product_id: p.product_id,
    variant_id: p.variant_id,
    order_pickup_method_id: 0,
    order_address_id: p.order_address_id,
    name: p.name,
    name_customer: p.name,
    name_merchant: p.name,
    sku: p.sku,
    upc: '',
    type: 'physical',
    base_price: toV2Money(p.priceExCents),
    price_ex_tax: toV2Money(p.priceExCents),
    price_inc_tax: toV2Money(priceInc),
    price_tax: toV2Money(p.priceTaxCents),
    base_total: toV2Money(p.priceExCents * p.quantity),
    total_ex_tax: toV2Money(p.priceExCents * p.quantity),
    total_inc_tax: toV2Money(priceInc * p.quantity),
    total_tax: toV2Money(p.priceTaxCents * p.quantity),
    weight: '1.0000',
    width: '0.0000',
    height: '0.0000',
    depth: '0.0000',
    quantity: p.quantity,
    base_cost_price: '0.0000',
    cost_price_inc_tax: '0.0000',
    cost_price_ex_tax: '0.0000',
    cost_price_tax: '0.0000',
    is_refunded: p.quantity_refunded > 0 && p.quantity_refunded >= p.quantity,
    quantity_refunded: p.quantity_refunded,
    // The spec says this field "always returns 0"; kept so.
    refund_amount: '0.0000',
    return_id: 0,
    wrapping_id: 0,
    wrapping_name: '',
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_message: '',
    quantity_shipped: p.quantity_shipped,
    event_name: null,
    event_date: '',
    fixed_shipping_cost: '0.0000',
    ebay_item_id: '',
    ebay_transaction_id: '',
    option_set_id: null,
    parent_order_product_id: null,
    is_bundled_product: false,
    bin_picking_number: '',
    external_id: null,
    fulfillment_source: '',
    brand: '',
    gift_certificate_id: null,
    applied_discounts: [],
    product_options: p.options.map((o, index) => ({
      id: p.id * 10 + index,
      option_id: index + 1,
      order_product_id: p.id,
      product_option_id: 100 + index,
      display_name: o.display_name,
      display_name_customer: o.display_name,
      display_name_merchant: o.display_name,
      display_value: o.display_value,
      display_value_customer: o.display_value,
      display_value_merchant: o.display_value,
      value: o.display_value,
      type: 'Multiple choice',
      name: o.display_name,
      display_style: 'Rectangle',
    })),
    configurable_fields: [],
    discounted_total_inc_tax: toV2Money(priceInc * p.quantity),
  };
}

function postal(address: OrderAddressRec | OrderRec['billing']): Record<string, unknown> {
  return {
    first_name: address.first_name,
    last_name: address.last_name,
    company: address.company,
    street_1: address.street_1,
    street_2: address.street_2,
    city: address.city,
    state: address.state,
    zip: address.zip,
    country: address.country,
    country_iso2: address.country_iso2,
    phone: address.phone,
    email: address.email,
  };
}

export function v2ShippingAddress(
  order: OrderRec,
  a: OrderAddressRec,
  origin: string,
  hash: string,
): Record<string, unknown> {
  const products = order.products.filter((p) => p.order_address_id === a.id);
  return {
    id: a.id,
    order_id: order.id,
    ...postal(a),
    form_fields: [],
    items_total: products.reduce((n, p) => n + p.quantity, 0),
    items_shipped: products.reduce((n, p) => n + p.quantity_shipped, 0),
    shipping_method: a.shipping_method,
    base_cost: toV2Money(a.shipExCents),
    cost_ex_tax: toV2Money(a.shipExCents),
    cost_inc_tax: toV2Money(a.shipExCents + a.shipTaxCents),
    cost_tax: toV2Money(a.shipTaxCents),
    cost_tax_class_id: 2,
    base_handling_cost: toV2Money(a.handlingExCents),
    handling_cost_ex_tax: toV2Money(a.handlingExCents),
    handling_cost_inc_tax: toV2Money(a.handlingExCents + a.handlingTaxCents),
    handling_cost_tax: toV2Money(a.handlingTaxCents),
    handling_cost_tax_class_id: 2,
    shipping_zone_id: 1,
    shipping_zone_name: a.country,
    shipping_quotes: link(origin, hash, `/orders/${order.id}/shipping_addresses/${a.id}/shipping_quotes`),
  };
}

export function v2Shipment(order: OrderRec, s: ShipmentRec): Record<string, unknown> {
  const address = order.addresses.find((a) => a.id === s.order_address_id) ?? order.addresses[0]!;
  return {
    id: s.id,
    order_id: order.id,
    customer_id: order.customer_id,
    order_address_id: s.order_address_id,
    date_created: toRfc2822(s.created),
    tracking_number: s.tracking_number,
    merchant_shipping_cost: '0.0000',
    shipping_method: s.shipping_method,
    comments: s.comments,
    shipping_provider: s.shipping_provider,
    tracking_carrier: s.tracking_carrier,
    tracking_link: s.tracking_link,
    billing_address: postal(order.billing),
    shipping_address: postal(address),
    items: s.items.map((i) => ({ ...i })),
    generated_tracking_link: s.generated_tracking_link,
    shipping_provider_display_name: s.shipping_provider_display_name,
  };
}

/** `/orders/{id}/consignments` and the embedded form: line items as links or as full products. */
export function v2Consignments(order: OrderRec, origin: string, hash: string, embed: boolean): Record<string, unknown> {
  return {
    pickups: [],
    shipping: order.addresses.map((a) => {
      const { shipping_quotes: quotes, order_id: _orderId, ...rest } = v2ShippingAddress(order, a, origin, hash);
      const products = order.products.filter((p) => p.order_address_id === a.id);
      // Unlike /shipping_addresses, the consignment form carries its costs as JSON numbers.
      return {
        ...rest,
        base_cost: toV3Amount(a.shipExCents),
        cost_ex_tax: toV3Amount(a.shipExCents),
        cost_inc_tax: toV3Amount(a.shipExCents + a.shipTaxCents),
        cost_tax: toV3Amount(a.shipTaxCents),
        base_handling_cost: toV3Amount(a.handlingExCents),
        handling_cost_ex_tax: toV3Amount(a.handlingExCents),
        handling_cost_inc_tax: toV3Amount(a.handlingExCents + a.handlingTaxCents),
        handling_cost_tax: toV3Amount(a.handlingTaxCents),
        line_items: products.map((p) =>
          embed ? v2OrderProduct(order, p) : link(origin, hash, `/orders/${order.id}/products/${p.id}`),
        ),
        shipping_quotes: quotes,
      };
    }),
    downloads: [],
    email: { gift_certificates: [] },
  };
}

export interface OrderInclude {
  consignments: boolean;
  lineItems: boolean;
  objectStructure: boolean;
}

export function v2Order(
  store: StoreData,
  order: OrderRec,
  origin: string,
  include: OrderInclude,
): Record<string, unknown> {
  const t = orderTotals(order);
  const hash = store.meta.hash;
  const label = statusLabel(store, order.status_id);
  const foreign = order.currency_code !== store.meta.currency;
  let consignments: unknown = link(origin, hash, `/orders/${order.id}/consignments`);
  if (include.consignments) {
    const object = v2Consignments(order, origin, hash, include.lineItems);
    consignments = include.objectStructure ? object : [object];
  }
  return {
    id: order.id,
    customer_id: order.customer_id,
    date_created: toRfc2822(order.created),
    date_modified: toRfc2822(order.modified),
    date_shipped: order.shipped === null ? '' : toRfc2822(order.shipped),
    status_id: order.status_id,
    status: label.system,
    subtotal_ex_tax: toV2Money(t.subtotalEx),
    subtotal_inc_tax: toV2Money(t.subtotalEx + t.subtotalTax),
    subtotal_tax: toV2Money(t.subtotalTax),
    base_shipping_cost: toV2Money(t.shipEx),
    shipping_cost_ex_tax: toV2Money(t.shipEx),
    shipping_cost_inc_tax: toV2Money(t.shipEx + t.shipTax),
    shipping_cost_tax: toV2Money(t.shipTax),
    shipping_cost_tax_class_id: 2,
    base_handling_cost: toV2Money(t.handlingEx),
    handling_cost_ex_tax: toV2Money(t.handlingEx),
    handling_cost_inc_tax: toV2Money(t.handlingEx + t.handlingTax),
    handling_cost_tax: toV2Money(t.handlingTax),
    handling_cost_tax_class_id: 2,
    base_wrapping_cost: '0.0000',
    wrapping_cost_ex_tax: '0.0000',
    wrapping_cost_inc_tax: '0.0000',
    wrapping_cost_tax: '0.0000',
    wrapping_cost_tax_class_id: 3,
    total_ex_tax: toV2Money(t.totalEx),
    total_inc_tax: toV2Money(t.totalInc),
    total_tax: toV2Money(t.totalTax),
    items_total: t.itemsTotal,
    items_shipped: t.itemsShipped,
    payment_method: order.payment.method,
    payment_provider_id: order.payment.kind === 'offline' ? null : order.payment.providerId,
    payment_status: order.payment_status,
    refunded_amount: toV2Money(order.refundedCents),
    order_is_digital: false,
    store_credit_amount: '0.0000',
    gift_certificate_amount: '0.0000',
    ip_address: order.ip_address,
    ip_address_v6: '',
    geoip_country: order.billing.country,
    geoip_country_iso2: order.billing.country_iso2,
    currency_id: foreign ? 2 : 1,
    currency_code: order.currency_code,
    currency_exchange_rate: foreign ? '1.3500000000' : '1.0000000000',
    default_currency_id: 1,
    default_currency_code: store.meta.currency,
    staff_notes: order.staff_notes,
    customer_message: order.customer_message,
    discount_amount: '0.0000',
    coupon_discount: toV2Money(order.discountCents),
    shipping_address_count: order.addresses.length,
    is_deleted: false,
    ebay_order_id: '0',
    cart_id: order.cart_id,
    billing_address: { ...postal(order.billing), form_fields: [] },
    is_email_opt_in: false,
    credit_card_type: null,
    order_source: 'www',
    channel_id: 1,
    external_source: null,
    consignments,
    products: link(origin, hash, `/orders/${order.id}/products`),
    shipping_addresses: link(origin, hash, `/orders/${order.id}/shipping_addresses`),
    coupons: link(origin, hash, `/orders/${order.id}/coupons`),
    external_id: null,
    external_merchant_id: null,
    tax_provider_id: 'BasicTaxProvider',
    customer_locale: 'en',
    external_order_id: '',
    store_default_currency_code: store.meta.currency,
    store_default_to_transactional_exchange_rate: foreign ? '1.3500000000' : '1.0000000000',
    custom_status: label.custom,
  };
}

export function v3Customer(customer: CustomerRec, include: ReadonlySet<string>): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id: customer.id,
    authentication: { force_password_reset: false },
    company: customer.company,
    customer_group_id: customer.customer_group_id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
    notes: customer.notes,
    phone: customer.phone,
    registration_ip_address: customer.registration_ip_address,
    tax_exempt_category: '',
    date_created: toIso(customer.created),
    date_modified: toIso(customer.modified),
    accepts_product_review_abandoned_cart_emails: true,
    origin_channel_id: 1,
    // Real payloads answer null here although the spec says array.
    channel_ids: null,
  };
  if (include.has('addresses')) {
    body.address_count = customer.addresses.length;
    body.addresses = customer.addresses.slice(0, 10).map(v3Address);
  }
  if (include.has('storecredit')) body.store_credit_amounts = [{ amount: toV3Amount(customer.storeCreditCents) }];
  return body;
}

export function v3Address(a: CustomerRec['addresses'][number]): Record<string, unknown> {
  return {
    id: a.id,
    customer_id: a.customer_id,
    first_name: a.first_name,
    last_name: a.last_name,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    state_or_province: a.state_or_province,
    postal_code: a.postal_code,
    country_code: a.country_code,
    country: a.country,
    phone: a.phone,
    address_type: a.address_type,
  };
}

export function v3Refund(r: RefundRec): Record<string, unknown> {
  return {
    id: r.id,
    order_id: r.order_id,
    user_id: 0,
    created: toIso(r.created),
    reason: r.reason,
    total_amount: toV3Amount(r.totalCents),
    total_tax: toV3Amount(r.taxCents),
    uses_merchant_override_values: false,
    items: r.items.map((i) => ({
      item_type: i.item_type,
      item_id: i.item_id,
      quantity: i.quantity ?? 0,
      reason: i.reason,
      adjustments: [],
      requested_amount: i.requestedCents === undefined ? null : toV3Amount(i.requestedCents),
    })),
    payments: r.payments.map((p) => ({
      id: p.id,
      provider_id: p.provider_id,
      amount: toV3Amount(p.amountCents),
      offline: p.offline,
      is_declined: false,
      declined_message: '',
      transaction_id: p.transaction_id,
    })),
  };
}

export function v2Coupon(c: CouponRec): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    type: c.type,
    amount: c.amount,
    min_purchase: c.min_purchase,
    expires: c.expires,
    enabled: c.enabled,
    code: c.code,
    applies_to: c.applies_to,
    num_uses: c.num_uses,
    max_uses: c.max_uses,
    max_uses_per_customer: c.max_uses_per_customer,
    restricted_to: c.restricted_to,
    shipping_methods: c.shipping_methods,
    date_created: toRfc2822(c.created),
  };
}

/** v3 page/limit pagination meta. */
export function pagination(
  total: number,
  page: number,
  limit: number,
  count: number,
  query: URLSearchParams,
): Record<string, unknown> {
  const totalPages = Math.ceil(total / limit);
  const at = (n: number): string => {
    const q = new URLSearchParams(query);
    q.set('page', String(n));
    q.set('limit', String(limit));
    return `?${q.toString()}`;
  };
  const links: Record<string, string> = { current: at(page) };
  if (page > 1) links.previous = at(page - 1);
  if (page < totalPages) links.next = at(page + 1);
  return { total, count, per_page: limit, current_page: page, total_pages: totalPages, links };
}
