/**
 * What the options page's "Test connection" needs (AdminApi). Scope probes never change the
 * store: reads are `limit=1` GETs; writes are requests BigCommerce must refuse for another reason
 * (no order 0, an empty coupon), so only a 403 can mean the scope is missing.
 */
import type { AdminApi, ScopeProbe, ScopeStatus } from '../core/store-ports';
import { BigCommerceError, parseBody } from './errors';
import type { BigCommerceClient, RequestSpec } from './request';
import { StoreSchema } from './schemas';
import { scopeLabel } from './scopes';

export { SCOPES, requiredScopes, scopeLabel } from './scopes';

interface Probe {
  spec: RequestSpec;
  /** Statuses that prove the scope is present (besides 2xx for reads). */
  presentOn: (status: number) => boolean;
}

const read = (path: string, scope: string, query: RequestSpec['query'] = { limit: 1 }): Probe => ({
  spec: { method: 'GET', path, query, scope },
  presentOn: (status) => status >= 200 && status < 300,
});

const PROBES: Record<string, Probe> = {
  store_v2_customers_read_only: read('/v3/customers', 'store_v2_customers_read_only'),
  store_v2_orders_read_only: read('/v2/orders', 'store_v2_orders_read_only'),
  store_v2_products_read_only: read('/v3/catalog/products', 'store_v2_products_read_only'),
  store_v2_information_read_only: read('/v2/store', 'store_v2_information_read_only', {}),
  store_v2_marketing_read_only: read('/v2/coupons', 'store_v2_marketing_read_only'),
  // Order 0 never exists: with the scope the answer is 404, without it 403.
  store_v2_transactions_read_only: {
    spec: { method: 'GET', path: '/v3/orders/0/transactions', scope: 'store_v2_transactions_read_only' },
    presentOn: (status) => status === 404 || (status >= 200 && status < 300),
  },
  store_v2_orders: {
    spec: { method: 'PUT', path: '/v2/orders/0', body: {}, scope: 'store_v2_orders' },
    presentOn: (status) => status === 404,
  },
  // An empty coupon is refused as invalid (400/422) when the scope is there.
  store_v2_marketing: {
    spec: { method: 'POST', path: '/v2/coupons', body: {}, scope: 'store_v2_marketing' },
    presentOn: (status) => status === 400 || status === 422,
  },
};

function describe(spec: RequestSpec): string {
  const query = Object.entries(spec.query ?? {})
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');
  return `${spec.method} ${spec.path}${query ? `?${query}` : ''}`;
}

async function probe(client: BigCommerceClient, scope: string): Promise<ScopeProbe> {
  const label = scopeLabel(scope);
  const known = PROBES[scope];
  if (!known) return { scope, label, status: 'undecided', detail: 'No safe way to test this scope.' };
  const sent = describe(known.spec);
  const result = (status: ScopeStatus, detail: string): ScopeProbe => ({ scope, label, status, detail });
  try {
    const { status } = await client.raw(known.spec);
    if (status === 403) return result('missing', `${sent} → 403: the API account lacks “${label}”.`);
    if (known.presentOn(status)) return result('present', `${sent} → ${status}`);
    if (status === 401) return result('undecided', `${sent} → 401: BigCommerce refused the access token.`);
    if (status === 429)
      return result('undecided', `${sent} → 429: the store's API quota is used up; test again shortly.`);
    if (status >= 500)
      return result('undecided', `${sent} → ${status}: BigCommerce had a problem; test again shortly.`);
    return result('undecided', `${sent} → ${status}: an unexpected answer.`);
  } catch (error) {
    const reason = error instanceof BigCommerceError ? error.message : 'no answer.';
    return result('undecided', `${sent}: ${reason}`);
  }
}

export function createAdminApi(client: BigCommerceClient): AdminApi {
  return {
    async storeInfo() {
      const { body } = await client.send({ method: 'GET', path: '/v2/store', scope: 'store_v2_information_read_only' });
      const store = parseBody(StoreSchema, body, 'store information');
      return {
        name: store.name,
        currency: store.currency,
        timezone: store.timezone,
        controlPanelBaseUrl: store.control_panel_base_url || `https://store-${client.storeHash}.mybigcommerce.com/`,
      };
    },

    probeScopes(scopes) {
      return Promise.all([...new Set(scopes)].map((scope) => probe(client, scope)));
    },
  };
}
