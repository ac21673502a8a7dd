/**
 * The optional Gladly REST API connection (an admin sets host, agent email and API token):
 * confirms the panel's identity with Gladly's own record of the customer, and — with
 * "Overwrite existing values" on — copies a linked customer's name and address from the store
 * into Gladly. Emails and phones are never replaced (Gladly's rule).
 */
import type { Identity } from '../messages/identity';
import type { Customer } from '../core/model';
import type { Connection, Settings } from '../settings/schema';
import { createGladlyApiClient } from '../gladly/api-client';

export interface GladlyBridgeDeps {
  settings: { get(): Promise<Settings> };
  vault: { getSecret(name: string): Promise<string | null> };
  fetch?: typeof fetch;
}

export interface GladlyBridge {
  confirmIdentity(customerId: string, identity: Identity): Promise<Identity>;
  /** The agent Gladly assigns a conversation to (null when the API is not connected or none is assigned). */
  conversationAssignee(conversationId: string): Promise<{ email?: string; name?: string } | null>;
  overwriteFromStore(identity: Identity, connection: Connection, customer: Customer): Promise<void>;
}

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
    async conversationAssignee(conversationId) {
      const api = await client();
      if (!api) return null;
      const { agentId } = await api.getConversation(conversationId);
      if (!agentId) return null;
      const agent = await api.getAgent(agentId);
      return { email: agent.emailAddress, name: agent.name };
    },
    async overwriteFromStore(identity, connection, customer) {
      if (!connection.overwriteExistingValues || !identity.gladlyCustomerId) return;
      const api = await client();
      if (!api) return;
      const address = customer.address
        ? [
            customer.address.street1,
            customer.address.street2,
            customer.address.city,
            customer.address.state,
            customer.address.zip,
            customer.address.countryCode,
          ]
            .filter(Boolean)
            .join(', ')
        : undefined;
      await api.patchProfile(identity.gladlyCustomerId, { name: customer.name || undefined, address });
    },
  };
}
