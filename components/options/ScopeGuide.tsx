import { requiredScopes, scopeLabel, type Scope } from '../../lib/bigcommerce/scopes';
import type { ActionSwitches } from '../../lib/settings/schema';

/** What each scope is for, in the admin's words (the README's table says the same). */
const NEEDED_FOR: Record<Scope, string> = {
  store_v2_customers_read_only: 'finding the customer, store credit, addresses, groups',
  store_v2_customers: 'finding the customer',
  store_v2_orders_read_only: 'orders and shipments',
  store_v2_orders: 'orders and shipments, and the cancel and refund actions',
  store_v2_products_read_only: 'line-item images',
  store_v2_information_read_only: 'the store’s name, currency and timezone (Test connection)',
  store_v2_marketing_read_only: 'discount codes (read)',
  store_v2_marketing: 'creating discount codes',
  store_v2_transactions_read_only: 'order transactions',
  store_v2_transactions: 'order transactions',
};

/**
 * Before any credential: what to create in BigCommerce and exactly which scopes, for the action
 * switches as they are now (re-rendered when they change).
 */
export function ScopeGuide({ actions, id }: { actions: ActionSwitches; id: string }) {
  const scopes = requiredScopes({ actions });
  return (
    <aside class="guide" id={id} aria-label="What to create in BigCommerce">
      <p>
        In BigCommerce: <strong>Settings → API → Store-level API accounts → Create API account</strong>, with these
        scopes (every other scope stays <em>None</em>):
      </p>
      <ul class="guide__scopes">
        {scopes.map((scope) => (
          <li key={scope} data-scope={scope}>
            <strong>{scopeLabel(scope)}</strong> <code>{scope}</code> — {NEEDED_FOR[scope]}
          </li>
        ))}
      </ul>
      <p class="help">
        Then copy the Client ID and Access token below, or drop the credentials file BigCommerce downloads onto this
        card.
        {actions.enabled ? '' : ' Turning actions on later needs “modify” scopes: the list above changes with them.'}
      </p>
    </aside>
  );
}
