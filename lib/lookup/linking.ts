/**
 * Linking a Gladly customer to a BigCommerce customer, with Gladly's own rules:
 * auto-link only when auto-linking is on for a field, exactly one customer matches, at least
 * one enabled field matches and no enabled field conflicts, and the agent has not unlinked
 * that pair before. Links and unlink marks persist (the background's IndexedDB store) and
 * survive restarts; what is read back is checked again, and anything unreadable counts as none.
 */
import { i18n } from '../core/i18n';
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { Customer } from '../core/model';
import { identityKey, type Identity } from '../messages/identity';
import type { KeyValueStore } from '../core/kv-store';

export interface AutoLinkFields {
  email: boolean;
  phone: boolean;
}

export type PhoneEquals = (a: string, b: string) => boolean;

export type LinkDecision =
  | { kind: 'auto-link'; customer: Customer; matchedOn: ('email' | 'phone')[] }
  | { kind: 'choose'; candidates: Customer[]; reason: string }
  | { kind: 'none' };

const normEmail = (email: string) => email.trim().toLowerCase();

/** Decide whether one store's search results may be auto-linked to this identity. */
export function decideLink(
  identity: Identity,
  candidates: Customer[],
  fields: AutoLinkFields,
  samePhone: PhoneEquals,
  wasUnlinked: (customerId: string) => boolean,
): LinkDecision {
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length > 1) {
    return { kind: 'choose', candidates, reason: i18n.t('sidebarLinking.several', [candidates.length]) };
  }
  const customer = candidates[0]!;
  if (!fields.email && !fields.phone) {
    return { kind: 'choose', candidates, reason: i18n.t('sidebarLinking.autoLinkOff') };
  }
  if (wasUnlinked(customer.id)) {
    return {
      kind: 'choose',
      candidates,
      reason: i18n.t('sidebarLinking.unlinkedBefore'),
    };
  }

  const emails = identity.emails.map((e) => normEmail(e.value));
  const phones = identity.phones.map((p) => p.value);
  const matchedOn: ('email' | 'phone')[] = [];
  const conflicts: string[] = [];

  if (fields.email && customer.email && emails.length > 0) {
    if (emails.includes(normEmail(customer.email))) matchedOn.push('email');
    else conflicts.push('email');
  }
  if (fields.phone && customer.phone && phones.length > 0) {
    if (phones.some((p) => samePhone(p, customer.phone))) matchedOn.push('phone');
    else conflicts.push('phone');
  }

  if (conflicts.length > 0) {
    return {
      kind: 'choose',
      candidates,
      reason:
        conflicts.length > 1
          ? i18n.t('sidebarLinking.bothDiffer')
          : i18n.t(conflicts[0] === 'email' ? 'sidebarLinking.emailDiffers' : 'sidebarLinking.phoneDiffers'),
    };
  }
  if (matchedOn.length === 0) {
    return {
      kind: 'choose',
      candidates,
      reason: i18n.t('sidebarLinking.noFieldMatches'),
    };
  }
  return { kind: 'auto-link', customer, matchedOn };
}

export interface StoredLink {
  customerId: string;
  linkedAt: number;
  by: 'auto' | 'agent';
}

const StoredLinkSchema = lazySchema(() =>
  z.object({
    customerId: z.string().min(1),
    linkedAt: z.number(),
    by: z.enum(['auto', 'agent']),
  }),
);
const LinkTableSchema = lazySchema(() => z.record(z.string(), z.record(z.string(), StoredLinkSchema)));
const UnlinkTableSchema = lazySchema(() => z.record(z.string(), z.record(z.string(), z.array(z.string()))));
type LinkTable = Record<string, Record<string, StoredLink>>;
type UnlinkTable = Record<string, Record<string, string[]>>;

const LINKS_KEY = 'links';
const UNLINKED_KEY = 'unlinkMarks';

export interface LinkStore {
  get(identity: Identity, connectionId: string): Promise<StoredLink | undefined>;
  link(identity: Identity, connectionId: string, customerId: string, by: StoredLink['by']): Promise<void>;
  /** Removes the link and marks the pair so it is never auto-linked again. */
  unlink(identity: Identity, connectionId: string): Promise<string | undefined>;
  wasUnlinked(identity: Identity, connectionId: string, customerId: string): Promise<boolean>;
  unlinkedIds(identity: Identity, connectionId: string): Promise<Set<string>>;
}

export function createLinkStore(store: KeyValueStore, now: () => number = Date.now): LinkStore {
  // Serialise read-modify-write so two quick links never overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readLinks = async (): Promise<LinkTable> => {
    const parsed = LinkTableSchema.safeParse((await store.get<unknown>(LINKS_KEY)) ?? {});
    return parsed.success ? parsed.data : {};
  };
  const readUnlinked = async (): Promise<UnlinkTable> => {
    const parsed = UnlinkTableSchema.safeParse((await store.get<unknown>(UNLINKED_KEY)) ?? {});
    return parsed.success ? parsed.data : {};
  };

  return {
    async get(identity, connectionId) {
      return (await readLinks())[identityKey(identity)]?.[connectionId];
    },
    link(identity, connectionId, customerId, by) {
      return exclusive(async () => {
        const key = identityKey(identity);
        const links = await readLinks();
        links[key] = { ...links[key], [connectionId]: { customerId, linkedAt: now(), by } };
        await store.set(LINKS_KEY, links);
        if (by === 'agent') {
          // An agent linking a customer on purpose lifts an earlier unlink mark for that pair.
          const marks = await readUnlinked();
          const ids = marks[key]?.[connectionId];
          if (ids?.includes(customerId)) {
            marks[key]![connectionId] = ids.filter((id) => id !== customerId);
            await store.set(UNLINKED_KEY, marks);
          }
        }
      });
    },
    unlink(identity, connectionId) {
      return exclusive(async () => {
        const key = identityKey(identity);
        const links = await readLinks();
        const existing = links[key]?.[connectionId];
        if (!existing) return undefined;
        delete links[key]![connectionId];
        if (Object.keys(links[key]!).length === 0) delete links[key];
        await store.set(LINKS_KEY, links);
        const marks = await readUnlinked();
        const ids = new Set(marks[key]?.[connectionId] ?? []);
        ids.add(existing.customerId);
        marks[key] = { ...marks[key], [connectionId]: [...ids] };
        await store.set(UNLINKED_KEY, marks);
        return existing.customerId;
      });
    },
    async wasUnlinked(identity, connectionId, customerId) {
      return (await readUnlinked())[identityKey(identity)]?.[connectionId]?.includes(customerId) ?? false;
    },
    async unlinkedIds(identity, connectionId) {
      return new Set((await readUnlinked())[identityKey(identity)]?.[connectionId] ?? []);
    },
  };
}
