/**
 * The normalised data the sidebar renders. Field names follow Gladly's own BigCommerce
 * integration (../shared/gladly-bigcommerce-fields.md); extras say where a value came from.
 * Money is always an exact decimal string ("336.32"): never do float arithmetic on it.
 */

/** An exact decimal amount as a string, e.g. "19.99" (use lib/core/decimal.ts to add or compare). */
export type Money = string;

/** The store connection a record came from. */
export interface StoreRef {
  connectionId: string;
  storeName: string;
  storeHash: string;
  /** The store's default currency, when known (store credit is kept in it). */
  defaultCurrency?: string;
}

export interface Address {
  firstName: string;
  lastName: string;
  company: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  countryCode: string;
  phone: string;
}

export interface Customer {
  /** BigCommerce customer id. */
  id: string;
  store: StoreRef;
  email: string;
  name: string;
  firstName: string;
  lastName: string;
  phone: string;
  /**
   * The phone in the one international format, added by the background just before a lookup
   * reaches the sidebar (lib/background/phone-display.ts); never stored or cached.
   */
  phoneDisplay?: string;
  company: string;
  /** ISO 8601 instant. */
  createdAt: string;
  /** The first address; `addressCount` says how many there are in all. */
  address: Address | null;
  addressCount: number;
  /** null when the store does not say. */
  acceptsMarketing: boolean | null;
  customerGroupId: number;
  /** The group's name, when the customer is in a group and the store allows reading it. */
  customerGroupName: string | null;
  notes: string;
  /** null when the store returned no store-credit figure. */
  storeCreditAmount: Money | null;
  storeCreditCurrency: string;
}

export interface LineItemOption {
  name: string;
  value: string;
}

export interface LineItem {
  /** The order-product id (a refund's PRODUCT item_id). */
  id: string;
  /** Catalog product id; 0 for a custom line item. */
  productId: number;
  variantId: number | null;
  name: string;
  sku: string;
  options: LineItemOption[];
  quantity: number;
  quantityShipped: number;
  quantityRefunded: number;
  /** quantity - quantityRefunded: what a refund may still take. */
  refundableQuantity: number;
  unitPrice: Money;
  totalPrice: Money;
  /** Human status of the line: "Refunded", "Partially refunded", "Shipped", "Partially shipped", "Not shipped". */
  status: string;
  /** Gladly's field: "fulfilled" | "partial" | "unfulfilled". */
  fulfillment_status: 'fulfilled' | 'partial' | 'unfulfilled';
  /** Thumbnail URL, or null (custom or deleted product, or images not loaded yet). */
  image: string | null;
  /** The shipping address (consignment) this line ships to: a SHIPPING refund's item_id. */
  orderAddressId: number | null;
}

export interface Fulfillment {
  id: string;
  trackingNumber: string;
  trackingUrl: string;
  shippingMethod: string;
  carrier: string;
  /** ISO 8601 instant. */
  createdAt: string;
  items: { orderProductId: string; quantity: number }[];
}

/** One shipping destination of an order: what a SHIPPING refund can return. */
export interface ShippingDestination {
  /** order_address_id: the SHIPPING refund item_id. */
  id: number;
  shippingMethod: string;
  shippingCost: Money;
}

export interface Order {
  /** BigCommerce order id (= order number). */
  id: string;
  orderNumber: string;
  store: StoreRef;
  /** The BigCommerce customer id; "" for a guest order. */
  externalCustomerId: string;
  isGuest: boolean;
  billingEmail: string;
  /** ISO 8601 instant. */
  createdAt: string;
  currencyCode: string;
  /** The store's status label (custom labels allowed); map behaviour by `statusId`. */
  status: string;
  statusId: number;
  paymentStatus: string;
  paymentMethod: string;
  subtotal: Money;
  shippingCost: Money;
  tax: Money;
  discount: Money;
  orderTotal: Money;
  /** Number of items (sum of quantities) as BigCommerce counts them. */
  itemCount: number;
  itemsShipped: number;
  lineItems: LineItem[];
  shippingDestinations: ShippingDestination[];
  /** null while shipments have not been loaded (orders with nothing shipped never need them). */
  fulfillments: Fulfillment[] | null;
  firstTrackingNumber: string | null;
  firstTrackingUrl: string | null;
  staffNotes: string;
  /** Link to the order in the store's control panel, when the store's address is known. */
  controlPanelUrl: string | null;
}

/** Order status ids (map by id, never by the label: merchants rename statuses). */
export const ORDER_STATUS = {
  INCOMPLETE: 0,
  PENDING: 1,
  SHIPPED: 2,
  PARTIALLY_SHIPPED: 3,
  REFUNDED: 4,
  CANCELLED: 5,
  DECLINED: 6,
  AWAITING_PAYMENT: 7,
  AWAITING_PICKUP: 8,
  AWAITING_SHIPMENT: 9,
  COMPLETED: 10,
  AWAITING_FULFILLMENT: 11,
  MANUAL_VERIFICATION_REQUIRED: 12,
  DISPUTED: 13,
  PARTIALLY_REFUNDED: 14,
} as const;

/**
 * Orders newest first, then by id. `createdAt` is always a `toISOString()` instant, so ordinal
 * string order is time order; `localeCompare` would also load ICU's collator (milliseconds on
 * its first use, right on the path to the first paint).
 */
export function newestFirst(a: Pick<Order, 'createdAt' | 'id'>, b: Pick<Order, 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return Number(b.id) - Number(a.id);
}
