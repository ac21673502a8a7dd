/**
 * Tokens and OAuth scopes. Each store has a full-scope token and a limited one without
 * `store_v2_marketing`. A read-only scope allows GET/HEAD only. Checked before any validation.
 */

export const ALL_SCOPES = [
  'store_v2_customers_read_only',
  'store_v2_orders',
  'store_v2_transactions_read_only',
  'store_v2_marketing',
  'store_v2_products_read_only',
  'store_v2_information_read_only',
] as const;

export const LIMITED_MISSING_SCOPE = 'store_v2_marketing';

export type Scope = string;

export interface TokenGrant {
  store: string;
  scopes: ReadonlySet<Scope>;
}

export function tokensFor(hash: string): { accessToken: string; limitedAccessToken: string } {
  return {
    accessToken: `sbx${hash}full0c4f9a7e2d`,
    limitedAccessToken: `sbx${hash}lim7b1e3d9f50`,
  };
}

export function grantsFor(hash: string): Map<string, TokenGrant> {
  const { accessToken, limitedAccessToken } = tokensFor(hash);
  const limited: Scope[] = [...ALL_SCOPES.filter((s) => s !== LIMITED_MISSING_SCOPE), 'store_v2_marketing_read_only'];
  return new Map<string, TokenGrant>([
    [accessToken, { store: hash, scopes: new Set<Scope>(ALL_SCOPES) }],
    [limitedAccessToken, { store: hash, scopes: new Set<Scope>(limited) }],
  ]);
}

/** A write scope implies its read-only twin. */
function holds(scopes: ReadonlySet<Scope>, needed: Scope): boolean {
  if (scopes.has(needed)) return true;
  return needed.endsWith('_read_only') && scopes.has(needed.slice(0, -'_read_only'.length));
}

interface ScopeRule {
  path: RegExp;
  /** Base scope family, e.g. store_v2_orders; GET needs its read-only form, writes the full one. */
  families: Scope[];
}

const RULES: ScopeRule[] = [
  { path: /^\/v3\/orders\/(\d+\/)?payment_actions\/refunds/, families: ['store_v2_orders', 'store_v2_transactions'] },
  { path: /^\/v3\/orders\/\d+\/payment_actions\//, families: ['store_v2_orders', 'store_v2_transactions'] },
  { path: /^\/v3\/orders\/\d+\/transactions/, families: ['store_v2_transactions'] },
  { path: /^\/v3\/customers/, families: ['store_v2_customers'] },
  { path: /^\/v2\/customer_groups/, families: ['store_v2_customers'] },
  { path: /^\/v2\/(orders|order_statuses)/, families: ['store_v2_orders'] },
  { path: /^\/v2\/coupons/, families: ['store_v2_marketing'] },
  { path: /^\/v3\/promotions/, families: ['store_v2_marketing'] },
  { path: /^\/v2\/(store|time)$/, families: ['store_v2_information'] },
  { path: /^\/v3\/catalog/, families: ['store_v2_products'] },
];

/** True when the token's scopes allow this method on this path (paths with no rule are open). */
export function allowed(scopes: ReadonlySet<Scope>, method: string, path: string): boolean {
  const rule = RULES.find((r) => r.path.test(path));
  if (!rule) return true;
  const read = method === 'GET' || method === 'HEAD';
  return rule.families.some((family) => holds(scopes, read ? `${family}_read_only` : family));
}
