/**
 * The optional Gladly REST API connection (an admin sets host, agent email and API token).
 * With it, the API is the first source of the customer's identity: the customer id is in the URL
 * the moment the agent navigates, so `identityFor` reads that customer's emails and phones while
 * Gladly is still rendering its panel, and the panel's reading then only confirms it
 * (`confirmIdentity`: anything the panel shows that the API does not is added, which changes the
 * lookup). With "Overwrite existing values" on it also copies a linked customer's name and
 * address and the mapped custom attributes from the store into Gladly on every visit of a linked
 * customer, writing only what differs. Emails and phones are never replaced (Gladly's rule).
 */
import type { Identity } from '../messages/identity';
import type { Customer } from '../core/model';
import type { Connection, Settings } from '../settings/schema';
import { createGladlyApiClient, type GladlyProfile } from '../gladly/api-client';
import { overwritePatch } from '../gladly/overwrite';

export interface GladlyBridgeDeps {
  settings: { get(): Promise<Settings> };
  vault: { getSecret(name: string): Promise<string | null> };
  fetch?: typeof fetch;
  /** Phone numbers equal in substance (formatting aside); default: the same digits. */
  samePhone?: (a: string, b: string) => boolean;
  now?: () => number;
}

export interface GladlyBridge {
  /** Forget the client and the profiles read (the settings or the token changed). */
  reset(): void;
  /** The client that posts to customers' timelines; null without an API connection. */
  timeline(): Promise<Pick<ReturnType<typeof createGladlyApiClient>, 'postActivity'> | null>;
  /** The customer's identity from Gladly's API alone; null without an API connection. */
  identityFor(customerId: string): Promise<Identity | null>;
  confirmIdentity(customerId: string, identity: Identity): Promise<Identity>;
  /** The agent Gladly assigns a conversation to (null when the API is not connected or none is assigned). */
  conversationAssignee(conversationId: string): Promise<{ email?: string; name?: string } | null>;
  /** On every visit of a linked customer; 'off' when the setting or the Gladly API is not set. */
  overwriteFromStore(identity: Identity, connection: Connection, customer: Customer): Promise<OverwriteOutcome>;
}

export type OverwriteOutcome = 'off' | 'unchanged' | 'written';

/** One profile read serves both the navigation's early identity and the panel's confirmation. */
const PROFILE_REUSE_MS = 30_000;

export const GLADLY_SECRET = 'gladly-api';

/** Gladly's API phone types as the panel labels them. */
const PHONE_TYPES: Record<string, string> = { HOME: 'Home', MOBILE: 'Mobile', OFFICE: 'Office' };

export function createGladlyBridge(deps: GladlyBridgeDeps): GladlyBridge {
  const now = deps.now ?? Date.now;
  const samePhone = deps.samePhone ?? ((a: string, b: string) => a.replace(/\D/g, '') === b.replace(/\D/g, ''));
  // Built once (settings read, token decrypted) and kept until the settings change (`reset`).
  let built: Promise<ReturnType<typeof createGladlyApiClient> | null> | null = null;
  function client() {
    const next = (built ??= (async () => {
      const api = (await deps.settings.get()).gladlyApi;
      if (!api) return null;
      const token = await deps.vault.getSecret(GLADLY_SECRET);
      if (!token) return null;
      return createGladlyApiClient({ host: api.host, email: api.email, token, fetch: deps.fetch });
    })());
    // A failed read is not kept: the next call reads again.
    next.catch(() => {
      if (built === next) built = null;
    });
    return next;
  }

  /** Recent profile reads by customer id (a failed read is not kept). */
  const profiles = new Map<string, { at: number; profile: Promise<GladlyProfile | null> }>();
  function profileOf(customerId: string): Promise<GladlyProfile | null> {
    const kept = profiles.get(customerId);
    if (kept && now() - kept.at < PROFILE_REUSE_MS) return kept.profile;
    const profile = client().then((api) => (api ? api.getProfile(customerId) : null));
    profiles.set(customerId, { at: now(), profile });
    profile.catch(() => profiles.delete(customerId));
    for (const [id, entry] of profiles) if (now() - entry.at >= PROFILE_REUSE_MS) profiles.delete(id);
    return profile;
  }

  /** The API's emails and phones, in the shape the panel's reading has. */
  function fromProfile(profile: GladlyProfile): Identity {
    const emails = new Map<string, Identity['emails'][number]>();
    for (const email of profile.emails)
      emails.set(email.original.trim().toLowerCase(), { value: email.original, source: 'api' });
    const phones: Identity['phones'] = [];
    for (const phone of profile.phones) {
      const value = phone.normalized || phone.original;
      if (!phones.some((p) => samePhone(p.value, value)))
        phones.push({ value, type: PHONE_TYPES[phone.type ?? ''] ?? 'Other', source: 'api' });
    }
    return {
      gladlyCustomerId: profile.id,
      ...(profile.name ? { name: profile.name } : {}),
      emails: [...emails.values()],
      phones,
    };
  }

  return {
    timeline: client,
    reset() {
      built = null;
      profiles.clear();
    },
    async identityFor(customerId) {
      const profile = await profileOf(customerId);
      return profile ? fromProfile(profile) : null;
    },
    async confirmIdentity(customerId, identity) {
      const profile = await profileOf(customerId);
      if (!profile) return identity;
      // The API's record first; what only the panel shows is added (a mismatch changes the lookup).
      const api = fromProfile(profile);
      const emails = [...api.emails];
      for (const email of identity.emails)
        if (!emails.some((e) => e.value.trim().toLowerCase() === email.value.trim().toLowerCase())) emails.push(email);
      const phones = [...api.phones];
      for (const phone of identity.phones) if (!phones.some((p) => samePhone(p.value, phone.value))) phones.push(phone);
      return { ...identity, gladlyCustomerId: profile.id, name: profile.name || identity.name, emails, phones };
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
