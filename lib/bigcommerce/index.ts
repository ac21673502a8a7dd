/**
 * One store connection's client: lookups, actions and admin calls over one request core (and the
 * store's shared rate-limit governor).
 */
import type { StoreRef } from '../core/model';
import type { ConnectionApis } from '../core/store-ports';
import { createActionsApi } from './actions-api';
import { createAdminApi } from './admin-api';
import { createHistoryApi } from './history-api';
import { createClient, type ClientOptions } from './request';
import { createStoreApi } from './store-api';

export interface ConnectionApisOptions extends ClientOptions {
  /** Stamped on every Customer and Order (`store`); empty when not given. */
  connectionId?: string;
  storeName?: string;
  /** The store's default currency (from the last "Test connection"), for store credit. */
  defaultCurrency?: string;
}

export function createConnectionApis(options: ConnectionApisOptions): ConnectionApis {
  const client = createClient(options);
  const store: StoreRef = {
    connectionId: options.connectionId ?? '',
    storeName: options.storeName ?? '',
    storeHash: options.storeHash,
    defaultCurrency: options.defaultCurrency,
  };
  return {
    lookup: createStoreApi(client, store),
    history: createHistoryApi(client, store),
    actions: createActionsApi(client, store),
    admin: createAdminApi(client),
    requestCount: () => client.requestCount(),
  };
}

export { BigCommerceError, toErrorInfo } from './errors';
export { SCOPES, requiredScopes, scopeLabel } from './scopes';
export { storeBaseUrl } from './request';
