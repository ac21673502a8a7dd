/**
 * Public interfaces of the sandbox (re-exported by sandbox/server.ts) and the internal records
 * each store keeps. Money is integer cents, dates are epoch milliseconds.
 */

export interface SandboxStoreInfo {
  hash: string;
  name: string;
  currency: string;
  accessToken: string;
  limitedAccessToken: string;
  limitedMissingScope: string;
}

export interface RequestLogEntry {
  service: 'bigcommerce' | 'gladly';
  store?: string;
  method: string;
  /** e.g. /v2/orders, after /stores/{hash} */
  path: string;
  query: string;
  status: number;
  start: number;
  end: number;
  /** The HTTP version the request came over ('1.1', '2.0'); absent for in-process calls. */
  httpVersion?: string;
}

/**
 * 'hang' and 'drop' fire before the route runs (nothing changes); 'apply-then-hang' and
 * 'apply-then-drop' let the route run (a write is applied) and then lose its answer;
 * 'apply-then-status' lets it run and then answers `status` (default 502) instead, as a gateway would.
 */
export type FaultKind =
  | 'status'
  | 'malformed-json'
  | 'wrong-shape'
  | 'empty-204'
  | 'hang'
  | 'drop'
  | 'apply-then-hang'
  | 'apply-then-drop'
  | 'apply-then-status';

export interface FaultSpec {
  store?: string;
  method?: string;
  /** Regex source matched against the path after /stores/{hash}, e.g. '^/v2/orders$'. */
  path: string;
  /**
   * Regex source matched against the raw query string (without '?', still URL-encoded), e.g.
   * 'phone:in=' or '^email='; a request without a query is matched as ''. Default: any query.
   */
  query?: string;
  kind: FaultKind;
  status?: number;
  headers?: Record<string, string>;
  /** How many requests it applies to; default: until cleared. */
  times?: number;
}

export interface SandboxTuning {
  latencyMs: number;
  jitterMs: number;
  quota: number;
  windowMs: number;
}

export interface SandboxControl {
  reset(): void;
  configure(c: Partial<SandboxTuning>): void;
  /** Every store's quota window starts afresh, as if the window had passed; nothing else changes. */
  newQuotaWindow(): void;
  addFault(f: FaultSpec): string;
  clearFaults(): void;
  log(): RequestLogEntry[];
  clearLog(): void;
  logGladly(entry: Omit<RequestLogEntry, 'service'>): void;
}

// ---- internal records ----

export interface AddressRec {
  id: number;
  customer_id: number;
  first_name: string;
  last_name: string;
  company: string;
  address1: string;
  address2: string;
  city: string;
  state_or_province: string;
  postal_code: string;
  country_code: string;
  country: string;
  phone: string;
  address_type: 'residential' | 'commercial';
}

export interface CustomerRec {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  company: string;
  phone: string;
  notes: string;
  customer_group_id: number;
  created: number;
  modified: number;
  registration_ip_address: string;
  addresses: AddressRec[];
  storeCreditCents: number;
}

export interface GroupRec {
  id: number;
  name: string;
  is_default: boolean;
  created: number;
}

export interface ProductRec {
  id: number;
  name: string;
  sku: string;
  priceCents: number;
  brand: string;
  /** File under /images/, e.g. "p101.svg". */
  image: string;
  colour: string;
}

export interface PostalAddress {
  first_name: string;
  last_name: string;
  company: string;
  street_1: string;
  street_2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  country_iso2: string;
  phone: string;
  email: string;
}

export interface OrderAddressRec extends PostalAddress {
  id: number;
  shipping_method: string;
  shipExCents: number;
  shipTaxCents: number;
  handlingExCents: number;
  handlingTaxCents: number;
  /** Shipping/handling already refunded for this address. */
  shipRefundedCents: number;
  handlingRefundedCents: number;
}

export interface OrderProductRec {
  id: number;
  product_id: number;
  variant_id: number;
  order_address_id: number;
  name: string;
  sku: string;
  priceExCents: number;
  priceTaxCents: number;
  quantity: number;
  quantity_shipped: number;
  quantity_refunded: number;
  options: Array<{ display_name: string; display_value: string }>;
}

export interface ShipmentRec {
  id: number;
  order_address_id: number;
  created: number;
  tracking_number: string;
  shipping_provider: string;
  shipping_provider_display_name: string;
  tracking_carrier: string;
  tracking_link: string;
  generated_tracking_link: string;
  shipping_method: string;
  comments: string;
  items: Array<{ order_product_id: number; product_id: number; quantity: number }>;
}

export interface OrderCouponRec {
  id: number;
  coupon_id: number;
  code: string;
  amount: string;
  /** int, as /v2/orders/{id}/coupons answers it */
  type: number;
  discountCents: number;
}

export type PaymentKind = 'card' | 'paypal' | 'offline' | 'manual';

export interface PaymentRec {
  kind: PaymentKind;
  /** v2 `payment_method` text */
  method: string;
  /** refund provider id, e.g. braintree */
  providerId: string;
  providerDescription: string;
}

export interface OrderRec {
  id: number;
  customer_id: number;
  created: number;
  modified: number;
  shipped: number | null;
  status_id: number;
  payment_status: string;
  /** set when a void was requested; the gateway finishes it a moment later */
  voidRequestedAt: number | null;
  payment: PaymentRec;
  currency_code: string;
  taxRatePct: number;
  billing: PostalAddress;
  staff_notes: string;
  customer_message: string;
  addresses: OrderAddressRec[];
  products: OrderProductRec[];
  shipments: ShipmentRec[];
  coupons: OrderCouponRec[];
  discountCents: number;
  refundedCents: number;
  ip_address: string;
  cart_id: string;
}

export interface RefundItemRec {
  item_type: string;
  item_id: number;
  quantity?: number;
  requestedCents?: number;
  reason: string;
}

export interface RefundPaymentRec {
  id: number;
  provider_id: string;
  amountCents: number;
  offline: boolean;
  transaction_id: string;
}

export interface RefundRec {
  id: number;
  order_id: number;
  created: number;
  reason: string;
  totalCents: number;
  taxCents: number;
  items: RefundItemRec[];
  payments: RefundPaymentRec[];
}

export interface CouponRec {
  id: number;
  name: string;
  code: string;
  type: string;
  amount: string;
  min_purchase: string;
  expires: string;
  enabled: boolean;
  applies_to: { entity: string; ids: number[] };
  max_uses: number;
  max_uses_per_customer: number;
  num_uses: number;
  created: number;
  restricted_to: Record<string, unknown>;
  shipping_methods: string[];
}

export interface PromotionCodeRec {
  id: number;
  code: string;
  max_uses: number;
  max_uses_per_customer: number;
  current_uses: number;
  created: number;
}

export interface PromotionRec {
  id: number;
  /** The saved promotion as answered (without id/codes). */
  body: Record<string, unknown>;
  codes: PromotionCodeRec[];
}

export interface StatusRec {
  id: number;
  system_label: string;
  custom_label: string;
  system_description: string;
}

export interface StoreMeta {
  hash: string;
  name: string;
  currency: string;
  currencySymbol: string;
  timezone: string;
  domain: string;
}

export interface StoreData {
  meta: StoreMeta;
  customers: CustomerRec[];
  groups: GroupRec[];
  products: ProductRec[];
  orders: OrderRec[];
  refunds: RefundRec[];
  coupons: CouponRec[];
  promotions: PromotionRec[];
  statuses: StatusRec[];
  nextId: { refund: number; refundPayment: number; coupon: number; promotion: number; promotionCode: number };
}
