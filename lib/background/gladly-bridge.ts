/**
 * The optional Gladly REST API connection (an admin sets host, agent email and API token):
 * confirms the panel's identity with Gladly's own record of the customer, and — with
 * "Overwrite existing values" on — copies a linked customer's name, address and the mapped custom
 * attributes from the store into Gladly on every visit, writing only what differs. Emails and phones are never replaced (Gladly's rule).
 */
import type { Identity } from '../messages/identity';
import type { Customer } from '../core/model';
import type { Connection, Settings } from '../settings/schema';
import { createGladlyApiClient } from '../gladly/api-client';
import { overwritePatch } from '../gladly/overwrite';

export interface GladlyBridgeDeps {
  settings: { get(): Promise<Settings> };
  vault: { getSecret(name: string): Promise<string | null> };
  fetch?: typeof fetch;
}

export interface GladlyBridge {
  confirmIdentity(customerId: string, identity: Identity): Promise<Identity>;
  /** On every visit of a linked customer; 'off' when the setting or the Gladly API is not set. */
  overwriteFromStore(identity: Identity, connection: Connection, customer: Customer): Promise<OverwriteOutcome>;
}

export type OverwriteOutcome = 'off' | 'unchanged' | 'written';

export const GLADLY_SECRET = 'gladly-api';

/** Gladly's API phone types as the panel labels them. */
const PHONE_TYPES: Record<string, string> = { HOME: 'Home', MOBILE: 'Mobile', OFFICE: 'Office' };

export function createGladlyBridge(deps: GladlyBridgeDeps): GladlyBridge {
  async function client() {
    const api = (await deps.settings.get()).gladlyApi;
    if (!api) return null;
    const token = await deps.vault.getSecret(GLADLY_SECRET);
    if (!token) return null;
    return createGladlyApiClient({ host: api.host, email: api.email, token, fetch: deps.fetch });
  }

  return {
    async confirmIdentity(customerId, identity) {
      const api = await client();
      if (!api) return identity;
      const profile = await api.getProfile(customerId);
      const emails = new Map(identity.emails.map((e) => [e.value.trim().toLowerCase(), e]));
      for (const email of profile.emails)
        emails.set(email.original.trim().toLowerCase(), { value: email.original, source: 'api' });
      const phones = [...identity.phones];
      for (const phone of profile.phones) {
        const value = phone.normalized || phone.original;
        if (!phones.some((p) => p.value === phone.original || p.value === value)) {
          phones.push({ value, type: PHONE_TYPES[phone.type ?? ''] ?? 'Other', source: 'api' });
        }
      }
      return {
        ...identity,
        gladlyCustomerId: profile.id,
        name: profile.name || identity.name,
        emails: [...emails.values()],
        phones,
      };
    },
    async overwriteFromStore(identity, connection, customer) {
      if (!connection.overwriteExistingValues || !identity.gladlyCustomerId) return 'off';
      const api = await client();
      if (!api) return 'off';
      // Read first: a visit whose values already match writes nothing.
      const profile = await api.getProfile(identity.gladlyCustomerId);
      const patch = overwritePatch(profile, customer, connection.overwriteAttributes);
      if (!patch) return 'unchanged';
      await api.patchProfile(profile.id, patch);
      return 'written';
    },
  };
}
