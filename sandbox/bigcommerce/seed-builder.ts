/**
 * Builds a store's records from compact specs: orders get consistent totals, shipments, payment
 * states and (for refunded statuses) refund records. Deterministic: no clock, no Math.random.
 */
import { roundDiv } from './money';
import { LINE_OPTIONS } from './seed-catalog';
import type {
  AddressRec,
  CustomerRec,
  OrderAddressRec,
  OrderRec,
  PaymentRec,
  PostalAddress,
  ProductRec,
  RefundRec,
  ShipmentRec,
} from './types';

/** The moment the seed is "now" (orders are dated relative to it). */
export const SEED_NOW = Date.UTC(2026, 10, 20, 15, 0, 0);
const DAY = 86_400_000;

export type PayMode = 'card' | 'authorized' | 'paypal' | 'cod';
export type TrackingKind = 'custom' | 'generated';

export interface OrderSpec {
  key?: string;
  customer?: CustomerRec;
  /** Guest order billed to this email (customer_id 0). */
  guest?: { email: string; first: string; last: string; phone?: string };
  /** Billing email other than the account's. */
  billingEmail?: string;
  daysAgo: number;
  status: number;
  /** [catalog product id, quantity]; product id 0 = custom line [0, qty, name, price cents]. */
  lines: Array<[number, number] | [0, number, string, number]>;
  pay?: PayMode;
  ship?: 'none' | 'partial' | 'full';
  tracking?: TrackingKind;
  currency?: string;
  secondAddress?: boolean;
  couponCents?: number;
  staffNotes?: string;
  customerMessage?: string;
}

const PAYMENTS: Record<PayMode, PaymentRec> = {
  card: {
    kind: 'card',
    method: 'Credit Card',
    providerId: 'braintree',
    providerDescription: 'Braintree (Visa ending in 4242)',
  },
  authorized: {
    kind: 'card',
    method: 'Credit Card',
    providerId: 'braintree',
    providerDescription: 'Braintree (Mastercard ending in 5454)',
  },
  paypal: { kind: 'paypal', method: 'PayPal', providerId: 'paypalexpress', providerDescription: 'PayPal Express' },
  cod: { kind: 'offline', method: 'Cash on Delivery', providerId: 'cod', providerDescription: 'Cash on Delivery' },
};

const CARRIERS = [
  {
    id: 'ups',
    name: 'UPS',
    tracking: (n: number) => `1Z999AA1${String(10000000 + n * 7919).slice(0, 8)}`,
    url: 'https://www.ups.com/track?tracknum=',
  },
  {
    id: 'fedex',
    name: 'FedEx',
    tracking: (n: number) => String(731519400000 + n * 131),
    url: 'https://www.fedex.com/fedextrack/?trknbr=',
  },
  {
    id: 'usps',
    name: 'USPS',
    tracking: (n: number) => `9400111899223${String(100000000 + n * 977).slice(0, 9)}`,
    url: 'https://tools.usps.com/go/TrackConfirmAction?tLabels=',
  },
];

function paymentStatusFor(status: number, pay: PayMode): string {
  switch (status) {
    case 0:
      return '';
    case 1:
    case 7:
      return 'pending';
    case 6:
      return 'declined';
    case 12:
      return 'held for review';
    case 5:
      return pay === 'cod' ? '' : 'void';
    case 4:
      return 'refunded';
    case 14:
      return 'partially refunded';
    default:
      if (pay === 'authorized') return 'authorized';
      return pay === 'cod' ? 'paid' : 'captured';
  }
}

function defaultShip(status: number): 'none' | 'partial' | 'full' {
  if (status === 2 || status === 10 || status === 14) return 'full';
  if (status === 3) return 'partial';
  return 'none';
}

function toPostal(
  address: AddressRec | undefined,
  fallback: { first: string; last: string; phone?: string },
  email: string,
  n: number,
): PostalAddress {
  if (address) {
    return {
      first_name: address.first_name,
      last_name: address.last_name,
      company: address.company,
      street_1: address.address1,
      street_2: address.address2,
      city: address.city,
      state: address.state_or_province,
      zip: address.postal_code,
      country: address.country,
      country_iso2: address.country_code,
      phone: address.phone,
      email,
    };
  }
  return {
    first_name: fallback.first,
    last_name: fallback.last,
    company: '',
    street_1: `${100 + (n % 800)} Cedar Ave`,
    street_2: '',
    city: 'Austin',
    state: 'Texas',
    zip: '78701',
    country: 'United States',
    country_iso2: 'US',
    phone: fallback.phone ?? '',
    email,
  };
}

/** Mutable counters while building one store. */
export interface BuildCounters {
  orderProduct: number;
  orderAddress: number;
  shipment: number;
  refund: number;
  refundPayment: number;
}

export function buildOrder(
  spec: OrderSpec,
  id: number,
  store: { products: ProductRec[]; currency: string; taxRatePct: number },
  counters: BuildCounters,
): { order: OrderRec; refunds: RefundRec[] } {
  const pay = spec.pay ?? 'card';
  const created = SEED_NOW - spec.daysAgo * DAY - ((id * 3_137_000) % (9 * 3_600_000));
  const email = spec.billingEmail ?? spec.customer?.email ?? spec.guest?.email ?? '';
  const name = spec.customer
    ? { first: spec.customer.first_name, last: spec.customer.last_name, phone: spec.customer.phone }
    : { first: spec.guest?.first ?? 'Guest', last: spec.guest?.last ?? 'Shopper', phone: spec.guest?.phone };
  const billing = toPostal(spec.customer?.addresses[0], name, email, id);
  const rate = store.taxRatePct;

  const makeAddress = (postal: PostalAddress, shipEx: number): OrderAddressRec => ({
    ...postal,
    id: counters.orderAddress++,
    shipping_method: shipEx === 0 ? 'Free Shipping' : 'Flat Rate',
    shipExCents: shipEx,
    shipTaxCents: roundDiv(shipEx * rate, 100),
    handlingExCents: 0,
    handlingTaxCents: 0,
    shipRefundedCents: 0,
    handlingRefundedCents: 0,
  });

  const products = spec.lines.map((line) => {
    const [productId, quantity] = line;
    const custom = line.length === 4 ? line : null;
    const catalog = store.products.find((p) => p.id === productId);
    const priceEx = custom ? custom[3] : (catalog?.priceCents ?? 1000);
    return {
      id: counters.orderProduct++,
      product_id: productId,
      variant_id: productId === 0 ? 0 : productId * 10 + 1,
      order_address_id: 0,
      name: custom ? custom[2] : (catalog?.name ?? 'Unknown product'),
      sku: custom ? '' : (catalog?.sku ?? ''),
      priceExCents: priceEx,
      priceTaxCents: roundDiv(priceEx * rate, 100),
      quantity,
      quantity_shipped: 0,
      quantity_refunded: 0,
      options: LINE_OPTIONS[productId] ?? [],
    };
  });
  const subtotal = products.reduce((sum, p) => sum + p.priceExCents * p.quantity, 0);
  const shipEx = subtotal >= 15000 ? 0 : 995;
  const addresses = [makeAddress({ ...billing }, shipEx)];
  if (spec.secondAddress) {
    addresses.push(
      makeAddress(
        {
          ...billing,
          first_name: 'Ro',
          last_name: 'Bennett',
          street_1: '77 Harbor Rd',
          city: 'Portland',
          state: 'Oregon',
          zip: '97205',
        },
        1495,
      ),
    );
    addresses[1]!.handlingExCents = 200;
    addresses[1]!.handlingTaxCents = roundDiv(200 * rate, 100);
  }
  products.forEach((p, index) => {
    p.order_address_id = addresses[spec.secondAddress && index % 2 === 1 ? 1 : 0]!.id;
  });

  // Shipments: full ships everything (one parcel per address); partial ships the first line only.
  const ship = spec.ship ?? defaultShip(spec.status);
  const shipments: ShipmentRec[] = [];
  if (ship !== 'none') {
    const toShip = ship === 'full' ? products : products.slice(0, 1);
    const carrier = CARRIERS[id % CARRIERS.length]!;
    for (const address of addresses) {
      const items = toShip.filter((p) => p.order_address_id === address.id);
      if (items.length === 0) continue;
      const shipmentId = counters.shipment++;
      const tracking = carrier.tracking(shipmentId);
      const custom = (spec.tracking ?? (id % 3 === 0 ? 'custom' : 'generated')) === 'custom';
      for (const item of items) item.quantity_shipped = item.quantity;
      shipments.push({
        id: shipmentId,
        order_address_id: address.id,
        created: created + 2 * DAY,
        tracking_number: tracking,
        shipping_provider: custom ? '' : carrier.id,
        shipping_provider_display_name: custom ? 'Cooper Courier' : carrier.name,
        tracking_carrier: custom ? '' : carrier.id,
        tracking_link: custom ? `https://track.cooperco.example/parcels/${tracking}` : '',
        generated_tracking_link: custom ? '' : `${carrier.url}${tracking}`,
        shipping_method: custom ? 'Cooper Courier' : 'None',
        comments: '',
        items: items.map((p) => ({ order_product_id: p.id, product_id: p.product_id, quantity: p.quantity })),
      });
    }
  }

  const order: OrderRec = {
    id,
    customer_id: spec.customer?.id ?? 0,
    created,
    modified: shipments.length > 0 ? created + 2 * DAY : created + 3_600_000,
    shipped: ship === 'full' ? created + 2 * DAY : null,
    status_id: spec.status,
    payment_status: paymentStatusFor(spec.status, pay),
    voidRequestedAt: null,
    payment: PAYMENTS[pay],
    currency_code: spec.currency ?? store.currency,
    taxRatePct: rate,
    billing,
    staff_notes: spec.staffNotes ?? '',
    customer_message: spec.customerMessage ?? '',
    addresses,
    products,
    shipments,
    coupons: [],
    discountCents: 0,
    refundedCents: 0,
    ip_address: `198.51.100.${id % 250}`,
    cart_id: `${(0x1a2b3c4d + id * 7919).toString(16).padStart(8, '0')}-5e6f-4a7b-8c9d-${String(id).padStart(12, '0')}`,
  };
  if (spec.couponCents) {
    order.discountCents = spec.couponCents;
    order.coupons.push({
      id: id * 10,
      coupon_id: 1,
      code: 'WELCOME10',
      amount: '10.0000',
      type: 2,
      discountCents: spec.couponCents,
    });
  }

  const refunds: RefundRec[] = [];
  if (spec.status === 4 || spec.status === 14) {
    const full = spec.status === 4;
    const refundLines = full ? products : products.slice(0, 1);
    let total = 0;
    let tax = 0;
    const items: RefundRec['items'] = [];
    for (const p of refundLines) {
      const qty = full ? p.quantity : 1;
      p.quantity_refunded = qty;
      total += qty * (p.priceExCents + p.priceTaxCents);
      tax += qty * p.priceTaxCents;
      items.push({
        item_type: 'PRODUCT',
        item_id: p.id,
        quantity: qty,
        reason: full ? 'Customer returned the order' : 'Damaged on arrival',
      });
    }
    if (full) {
      for (const a of addresses) {
        const amount = a.shipExCents + a.shipTaxCents;
        if (amount > 0) {
          a.shipRefundedCents = amount;
          total += amount;
          tax += a.shipTaxCents;
          items.push({
            item_type: 'SHIPPING',
            item_id: a.id,
            requestedCents: amount,
            reason: 'Customer returned the order',
          });
        }
      }
      total -= order.discountCents;
    }
    order.refundedCents = total;
    refunds.push({
      id: counters.refund++,
      order_id: id,
      created: created + 5 * DAY,
      reason: items[0]?.reason ?? '',
      totalCents: total,
      taxCents: tax,
      items,
      payments: [
        {
          id: counters.refundPayment++,
          provider_id: PAYMENTS[pay].providerId,
          amountCents: total,
          offline: PAYMENTS[pay].kind === 'offline',
          transaction_id: `rf-${id}-${counters.refundPayment}`,
        },
      ],
    });
  }
  return { order, refunds };
}

/** Orders are numbered in date order, like a real store. */
export function buildOrders(
  specs: OrderSpec[],
  firstId: number,
  store: { products: ProductRec[]; currency: string; taxRatePct: number },
  counters: BuildCounters,
): { orders: OrderRec[]; refunds: RefundRec[]; keys: Record<string, number> } {
  const sorted = [...specs].sort((a, b) => b.daysAgo - a.daysAgo);
  const orders: OrderRec[] = [];
  const refunds: RefundRec[] = [];
  const keys: Record<string, number> = {};
  sorted.forEach((spec, index) => {
    const built = buildOrder(spec, firstId + index, store, counters);
    orders.push(built.order);
    refunds.push(...built.refunds);
    if (spec.key) keys[spec.key] = built.order.id;
  });
  return { orders, refunds, keys };
}
