/**
 * OAuth scopes of a store API account, with the names BigCommerce's API-account screen shows,
 * and which of them one connection's settings need (../shared/gladly-bigcommerce-fields.md).
 */
import type { ActionSwitches } from '../settings/schema';

export const SCOPES = {
  store_v2_customers_read_only: 'Customers: read-only',
  store_v2_customers: 'Customers: modify',
  store_v2_orders_read_only: 'Orders: read-only',
  store_v2_orders: 'Orders: modify',
  store_v2_products_read_only: 'Products: read-only',
  store_v2_information_read_only: 'Information & Settings: read-only',
  store_v2_marketing_read_only: 'Marketing: read-only',
  store_v2_marketing: 'Marketing: modify',
  store_v2_transactions_read_only: 'Order Transactions: read-only',
  store_v2_transactions: 'Order Transactions: modify',
} as const;

export type Scope = keyof typeof SCOPES;

/** The screen's name for a scope (the scope itself when unknown). */
export function scopeLabel(scope: string): string {
  return (SCOPES as Record<string, string>)[scope] ?? scope;
}

/** Scopes a connection needs: reads always; Orders/Marketing "modify" only for the actions switched on. */
export function requiredScopes(connection: { actions: ActionSwitches }): Scope[] {
  const { actions } = connection;
  const ordersWrite = actions.enabled && (actions.cancel || actions.refund || actions.partialRefund);
  const marketingWrite = actions.enabled && actions.discount;
  return [
    'store_v2_customers_read_only',
    ordersWrite ? 'store_v2_orders' : 'store_v2_orders_read_only',
    'store_v2_products_read_only',
    'store_v2_information_read_only',
    ...(marketingWrite ? (['store_v2_marketing'] as const) : []),
  ];
}
