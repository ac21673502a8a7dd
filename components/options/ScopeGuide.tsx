import { i18n } from '#i18n';
import { requiredScopes, scopeLabel, type Scope } from '../../lib/bigcommerce/scopes';
import type { ActionSwitches } from '../../lib/settings/schema';

/** What each scope is for, in the admin's words (the README's table says the same). */
const NEEDED_FOR: Record<Scope, () => string> = {
  store_v2_customers_read_only: () => i18n.t('guide.customersRead'),
  store_v2_customers: () => i18n.t('guide.customersWrite'),
  store_v2_orders_read_only: () => i18n.t('guide.ordersRead'),
  store_v2_orders: () => i18n.t('guide.ordersWrite'),
  store_v2_products_read_only: () => i18n.t('guide.productsRead'),
  store_v2_information_read_only: () => i18n.t('guide.informationRead'),
  store_v2_marketing_read_only: () => i18n.t('guide.marketingRead'),
  store_v2_marketing: () => i18n.t('guide.marketingWrite'),
  store_v2_transactions_read_only: () => i18n.t('guide.transactions'),
  store_v2_transactions: () => i18n.t('guide.transactions'),
};

/**
 * Before any credential: what to create in BigCommerce and exactly which scopes, for the action
 * switches as they are now (re-rendered when they change).
 */
export function ScopeGuide({ actions, id }: { actions: ActionSwitches; id: string }) {
  const scopes = requiredScopes({ actions });
  return (
    <aside class="guide" id={id} aria-label={i18n.t('guide.label')}>
      <p>{i18n.t('guide.create')}</p>
      <ul class="guide__scopes">
        {scopes.map((scope) => (
          <li key={scope} data-scope={scope}>
            <strong>{scopeLabel(scope)}</strong> <code>{scope}</code> — {NEEDED_FOR[scope]()}
          </li>
        ))}
      </ul>
      <p class="help">
        {i18n.t('guide.then')}
        {actions.enabled ? '' : ` ${i18n.t('guide.actionsLater')}`}
      </p>
    </aside>
  );
}
