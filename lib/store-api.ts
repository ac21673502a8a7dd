/**
 * What a lookup needs from one BigCommerce store, already normalised. The real implementation
 * (lib/bigcommerce/store-api.ts) maps each call to one request; tests use fakes.
 */
import type { Customer, Fulfillment, Order } from './model';

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
