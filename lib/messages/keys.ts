/**
 * The keys lookups and links are kept under. Without zod (type-only imports), so the sidebar can
 * use them without bundling it; ./identity.ts and ./lookup.ts re-export them.
 */
import type { Identity } from './identity';
import type { LookupQuery } from './lookup';

/** Links are kept per Gladly customer id, or (without one) per the identity's contact points. */
export function identityKey(identity: Identity): string {
  if (identity.gladlyCustomerId) return `gladly:${identity.gladlyCustomerId}`;
  const emails = identity.emails.map((e) => e.value.trim().toLowerCase()).sort();
  const phones = identity.phones.map((p) => p.value.replace(/\D/g, '')).sort();
  return `contact:${emails.join(',')}|${phones.join(',')}`;
}

/** A stable key for caching a query's result per store. */
export function queryKey(query: LookupQuery): string {
  if (query.kind === 'manual') return `manual:${query.attribute}:${query.value.trim().toLowerCase()}`;
  const { identity } = query;
  const emails = identity.emails.map((e) => e.value.trim().toLowerCase()).sort();
  const phones = identity.phones.map((p) => p.value.replace(/\D/g, '')).sort();
  return `${identityKey(identity)}#${emails.join(',')}|${phones.join(',')}`;
}
