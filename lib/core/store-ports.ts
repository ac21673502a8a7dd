/**
 * What the background needs from one BigCommerce store, already normalised. The real
 * implementation lives in lib/bigcommerce/ (one request per call, typed errors from
 * lib/bigcommerce/errors.ts); tests use fakes. Money is always an exact decimal string.
 */
import type { Customer, Fulfillment, Money, Order } from './model';

/** Reads a lookup makes. */
export interface StoreApi {
  /** Customers by exact email (all at once). */
  customersByEmail(emails: string[]): Promise<Customer[]>;
  /** Customers by phone (the phone as typed plus its normalised variants). */
  customersByPhone(phones: string[]): Promise<Customer[]>;
  customerById(id: string): Promise<Customer | null>;
  /** Newest first, line items embedded, fulfilments not loaded. Guest orders included for an email. */
  ordersByEmail(email: string, limit: number): Promise<Order[]>;
  ordersByCustomerId(customerId: string, limit: number): Promise<Order[]>;
  orderById(id: string): Promise<Order | null>;
  shipments(orderId: string): Promise<Fulfillment[]>;
  /** Thumbnail URL per catalog product id, in one batched request. */
  productImages(productIds: number[]): Promise<Map<number, string>>;
  customerGroupName(groupId: number): Promise<string | null>;
}

/** One thing to refund (BigCommerce's refund item types). */
export type RefundItem =
  | { itemType: 'PRODUCT'; itemId: number; quantity: number }
  | { itemType: 'SHIPPING' | 'HANDLING'; itemId: number; amount: Money }
  | { itemType: 'ORDER'; itemId: number; amount: Money };

/** One payment of a refund method (a quote offers alternatives, each a list of these). */
export interface RefundPayment {
  providerId: string;
  providerDescription: string;
  amount: Money;
  offline: boolean;
}

export interface RefundQuote {
  orderId: string;
  totalRefundAmount: Money;
  totalRefundTaxAmount: Money;
  /** Negative when more was asked than is refundable. */
  adjustment: Money;
  taxInclusive: boolean;
  /** Alternatives: the agent picks one inner list and all of its payments are sent. */
  refundMethods: RefundPayment[][];
}

export interface RefundRecord {
  id: string;
  orderId: string;
  /** ISO 8601 instant. */
  createdAt: string;
  totalAmount: Money;
  totalTax: Money;
  items: { itemType: string; itemId: number; quantity: number | null; amount: Money | null }[];
  payments: { providerId: string; amount: Money; offline: boolean; isDeclined: boolean; declinedMessage: string }[];
}

export type CouponType = 'percentage' | 'fixed' | 'free_shipping';

export interface CouponInput {
  code: string;
  /** Unique in the store; shown in the control panel. */
  name: string;
  type: CouponType;
  /** Percent ("10") or money ("5.00"); ignored for free shipping. */
  amount: Money;
  minPurchase: Money | null;
  /** ISO 8601 date (end of that day in the store), or null for no expiry. */
  expires: string | null;
  maxUses: number;
}

export interface CreatedCoupon {
  id: string;
  code: string;
}

/** Writes the actions make. None of these is ever retried by the client. */
export interface ActionsApi {
  /** `PUT /v2/orders/{id}` with only `status_id`. Returns the updated order. */
  setOrderStatus(orderId: string, statusId: number): Promise<Order>;
  /** `PUT /v2/orders/{id}` with only `staff_notes`. */
  setStaffNotes(orderId: string, notes: string): Promise<void>;
  /** `POST /v3/orders/{id}/payment_actions/void` (authorised, not captured, payments). */
  voidPayment(orderId: string): Promise<void>;
  refundQuote(orderId: string, items: RefundItem[]): Promise<RefundQuote>;
  createRefund(orderId: string, items: RefundItem[], payments: RefundPayment[]): Promise<RefundRecord>;
  /** A GET: safe to retry; used to learn what happened after a lost reply. */
  refunds(orderId: string): Promise<RefundRecord[]>;
  couponCodeExists(code: string): Promise<boolean>;
  createCoupon(input: CouponInput): Promise<CreatedCoupon>;
}

export interface StoreInfo {
  name: string;
  currency: string;
  timezone: string;
  /** e.g. https://store-abc123.mybigcommerce.com/ (for links to orders). */
  controlPanelBaseUrl: string | null;
}

export type ScopeStatus = 'present' | 'missing' | 'undecided';

export interface ScopeProbe {
  /** e.g. store_v2_orders */
  scope: string;
  /** The name BigCommerce's API-account screen uses, e.g. "Orders: modify". */
  label: string;
  status: ScopeStatus;
  /** Why a probe could not decide, or what it sent. */
  detail: string;
}

/** What the options page's "Test connection" needs. Probes never change anything in the store. */
export interface AdminApi {
  storeInfo(): Promise<StoreInfo>;
  probeScopes(scopes: string[]): Promise<ScopeProbe[]>;
}

/** The v2 orders list's largest page. */
export const ORDER_PAGE_MAX = 250;

/** Which orders: a customer's account orders, or every order billed to an email (guest ones too). */
export type OrderFilter = { customerId: string } | { email: string };

/** What lifetime spend needs of one order. */
export interface OrderTotal {
  id: string;
  statusId: number;
  total: Money;
  refunded: Money;
  currency: string;
}

/** Reads beyond the 10 newest orders: lifetime totals and older pages. */
export interface HistoryApi {
  /** BigCommerce's largest page (250) of the filter's orders, only the amounts (`page` from 1). */
  orderTotals(filter: OrderFilter, page: number): Promise<OrderTotal[]>;
  /** `GET /v2/orders/count`: every order the filter selects, whatever its status. */
  orderCount(filter: OrderFilter): Promise<number>;
  /** Newest first, created at or before `before` (ISO instant), line items embedded. */
  ordersBefore(filter: OrderFilter, before: string, limit: number): Promise<Order[]>;
}

export interface ConnectionApis {
  lookup: StoreApi;
  history: HistoryApi;
  actions: ActionsApi;
  admin: AdminApi;
  /** Requests sent so far through this connection's client (for per-lookup counters). */
  requestCount(): number;
}
