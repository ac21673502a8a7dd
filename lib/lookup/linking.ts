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
  /**
   * What `get` and `unlinkedIds` would answer, when it is already in memory (undefined: ask
   * them): a lookup then sends its first requests without waiting for a read.
   */
  peek?(identity: Identity, connectionId: string): KnownLink | undefined;
  /** What `get` and `unlinkedIds` answer, in one read (the team service: one query, not two). */
  read?(identity: Identity, connectionId: string): Promise<KnownLink>;
}

/** The stored link and the unlink marks of a pair, read: at once where the store can, else both side by side. */
export async function readLink(links: LinkStore, identity: Identity, connectionId: string): Promise<KnownLink> {
  if (links.read) return links.read(identity, connectionId);
  const [link, unlinked] = await Promise.all([
    links.get(identity, connectionId),
    links.unlinkedIds(identity, connectionId),
  ]);
  return { link, unlinked };
}

export interface KnownLink {
  link: StoredLink | undefined;
  unlinked: Set<string>;
}

/**
 * The worker's link store. Its two tables are read once and then kept in memory: the worker is
 * their only writer (pages change links through its messages), and every write goes through
 * here, replacing the copy only once the store has taken it.
 */
export function createLinkStore(
  store: KeyValueStore,
  now: () => number = Date.now,
): LinkStore & { peek: NonNullable<LinkStore['peek']>; warm(): void } {
  // Serialise read-modify-write so two quick links never overwrite each other.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  /** One table, read on first use (a failed read is tried again) and then kept in memory. */
  const table = <T extends object>(key: string, schema: z.ZodType<T>) => {
    let pending: Promise<T> | null = null;
    let known: T | undefined;
    const read = (): Promise<T> => {
      if (pending) return pending;
      const reading = store.get<unknown>(key).then((value) => {
        const parsed = schema.safeParse(value ?? {});
        const data = parsed.success ? parsed.data : ({} as T);
        if (pending === reading) known = data;
        return data;
      });
      pending = reading;
      reading.catch(() => {
        if (pending === reading) pending = null;
      });
      return reading;
    };
    return {
      read,
      known: () => known,
      /** Callers change what they read before writing it back: they change a copy. */
      copy: async (): Promise<T> => structuredClone(await read()),
      /** Memory follows only once the store has taken the write. */
      async write(next: T): Promise<void> {
        await store.set(key, next);
        known = next;
        pending = Promise.resolve(next);
      },
    };
  };
  const links = table<LinkTable>(LINKS_KEY, LinkTableSchema);
  const marks = table<UnlinkTable>(UNLINKED_KEY, UnlinkTableSchema);

  return {
    warm() {
      void links.read().catch(() => undefined);
      void marks.read().catch(() => undefined);
    },
    peek(identity, connectionId) {
      const [linkTable, markTable] = [links.known(), marks.known()];
      if (!linkTable || !markTable) return undefined;
      const key = identityKey(identity);
      const link = linkTable[key]?.[connectionId];
      return { link: link && { ...link }, unlinked: new Set(markTable[key]?.[connectionId] ?? []) };
    },
    async get(identity, connectionId) {
      return (await links.read())[identityKey(identity)]?.[connectionId];
    },
    link(identity, connectionId, customerId, by) {
      return exclusive(async () => {
        const key = identityKey(identity);
        const rows = await links.copy();
        rows[key] = { ...rows[key], [connectionId]: { customerId, linkedAt: now(), by } };
        await links.write(rows);
        if (by === 'agent') {
          // An agent linking a customer on purpose lifts an earlier unlink mark for that pair.
          const unlinked = await marks.copy();
          const ids = unlinked[key]?.[connectionId];
          if (ids?.includes(customerId)) {
            unlinked[key]![connectionId] = ids.filter((id) => id !== customerId);
            await marks.write(unlinked);
          }
        }
      });
    },
    unlink(identity, connectionId) {
      return exclusive(async () => {
        const key = identityKey(identity);
        const rows = await links.copy();
        const existing = rows[key]?.[connectionId];
        if (!existing) return undefined;
        delete rows[key]![connectionId];
        if (Object.keys(rows[key]!).length === 0) delete rows[key];
        await links.write(rows);
        const unlinked = await marks.copy();
        const ids = new Set(unlinked[key]?.[connectionId] ?? []);
        ids.add(existing.customerId);
        unlinked[key] = { ...unlinked[key], [connectionId]: [...ids] };
        await marks.write(unlinked);
        return existing.customerId;
      });
    },
    async wasUnlinked(identity, connectionId, customerId) {
      return (await marks.read())[identityKey(identity)]?.[connectionId]?.includes(customerId) ?? false;
    },
    async unlinkedIds(identity, connectionId) {
      return new Set((await marks.read())[identityKey(identity)]?.[connectionId] ?? []);
    },
  };
}
