/**
 * Hand checks for what the sidebar receives from the background, in place of zod (≈ 25 kB gzip,
 * more than a third of the sidebar's bundle). Each reads exactly what its schema accepts and gives
 * what the schema's parse gives (unknown keys dropped); tests/unit/messages/sidebar-checks.test.ts
 * holds them to the schemas in ./common.ts, ./lookup.ts, ./sidebar.ts and ./identity.ts.
 * Type-only imports: nothing of zod reaches the sidebar.
 */
import type { ErrorInfo, Reply } from './common';
import { ERROR_KINDS, type ErrorKind } from './error-kinds';
import type { Identity } from './identity';
import type { LookupUpdate, StoreLookup } from './lookup';
import type { ConfigPush, IdentityPush, SidebarConnection } from './sidebar';

export type { ErrorInfo };

/** The port the sidebar opens to the background (./sidebar.ts re-exports it). */
export const SIDEBAR_PORT = 'sidebar';

const KINDS: ReadonlySet<string> = new Set(ERROR_KINDS);

type Fields = Record<string, unknown>;

/** An object zod's z.object reads (not null, not an array). */
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max = Number.POSITIVE_INFINITY): v is string => typeof v === 'string' && v.length <= max;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRequestId = (v: unknown): v is string => isString(v, 64) && v.length >= 1;

/** Every item read by `read` (holes too, as zod does), or null when one fails. */
function readArray<T>(v: unknown, read: (item: unknown) => T | null, max = Number.POSITIVE_INFINITY): T[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: T[] = [];
  for (let i = 0; i < v.length; i++) {
    const item = read(v[i]);
    if (item === null) return null;
    out.push(item);
  }
  return out;
}

/** An optional field: absent stays absent; present must pass `ok`. */
function optional(from: Fields, key: string, ok: (v: unknown) => boolean): Fields | null {
  if (from[key] === undefined) return {};
  return ok(from[key]) ? { [key]: from[key] } : null;
}

export function readErrorInfo(raw: unknown): ErrorInfo | null {
  if (!isFields(raw) || typeof raw.kind !== 'string' || !KINDS.has(raw.kind) || !isString(raw.message)) return null;
  const scope = optional(raw, 'scope', (v) => isString(v));
  const field = optional(raw, 'field', (v) => isString(v));
  const status = optional(raw, 'status', isNumber);
  if (!scope || !field || !status) return null;
  return { kind: raw.kind as ErrorKind, message: raw.message, ...scope, ...field, ...status } as ErrorInfo;
}

/** zod's safeParse shape over readErrorInfo, for the action dialogs (components/actions/shared.ts). */
export const ErrorInfoSchema = {
  safeParse(raw: unknown): { success: true; data: ErrorInfo } | { success: false } {
    const data = readErrorInfo(raw);
    return data ? { success: true, data } : { success: false };
  },
};

/** The Gladly customer id an action is posted under (./actions.ts's GladlyCustomerIdSchema). */
export function readGladlyCustomerId(raw: unknown): string | null {
  return typeof raw === 'string' && /^[\w-]{1,100}$/.test(raw) ? raw : null;
}

/** zod's safeParse shape over readGladlyCustomerId, for the action dialogs (components/actions/timeline-request.ts). */
export const GladlyCustomerIdSchema = {
  safeParse(raw: unknown): { success: true; data: string } | { success: false } {
    const data = readGladlyCustomerId(raw);
    return data === null ? { success: false } : { success: true, data };
  },
};

export function readReply(raw: unknown): Reply | null {
  if (!isFields(raw) || raw.type !== 'reply' || !isRequestId(raw.requestId)) return null;
  // zod's z.unknown() still wants the key (its value may be anything, undefined too).
  if (raw.ok === true)
    return 'data' in raw ? { type: 'reply', requestId: raw.requestId, ok: true, data: raw.data } : null;
  if (raw.ok !== false) return null;
  const error = readErrorInfo(raw.error);
  return error ? { type: 'reply', requestId: raw.requestId, ok: false, error } : null;
}

const readStore = (v: unknown): StoreLookup | null =>
  isFields(v) && typeof v.connectionId === 'string' && typeof v.status === 'string'
    ? (v as unknown as StoreLookup)
    : null;

function readStats(v: unknown): LookupUpdate['stats'] | null {
  if (!isFields(v) || !isNumber(v.requests) || !isNumber(v.roundTrips) || !isNumber(v.ms)) return null;
  if (typeof v.fromCache !== 'boolean') return null;
  return { requests: v.requests, roundTrips: v.roundTrips, ms: v.ms, fromCache: v.fromCache };
}

export function readLookupUpdate(raw: unknown): LookupUpdate | null {
  if (!isFields(raw) || raw.type !== 'lookup/update' || !isRequestId(raw.requestId)) return null;
  const stores = readArray(raw.stores, readStore);
  if (!stores || typeof raw.done !== 'boolean') return null;
  const update: LookupUpdate = { type: 'lookup/update', requestId: raw.requestId, stores, done: raw.done };
  if (raw.stats === undefined) return update;
  const stats = readStats(raw.stats);
  return stats ? { ...update, stats } : null;
}

export function readConfigPush(raw: unknown): ConfigPush | null {
  if (!isFields(raw) || raw.type !== 'config') return null;
  const connections = readArray(raw.connections, (v) => (typeof v === 'object' && v !== null ? v : null));
  const configured = optional(raw, 'configured', (v) => typeof v === 'boolean');
  if (!connections || !configured) return null;
  return { type: 'config', connections: connections as SidebarConnection[], ...configured } as ConfigPush;
}

const isSource = (v: unknown) => v === 'panel' || v === 'api';

function readEmail(v: unknown): Identity['emails'][number] | null {
  return isFields(v) && isString(v.value, 320) && isSource(v.source)
    ? { value: v.value, source: v.source as 'panel' | 'api' }
    : null;
}

function readPhone(v: unknown): Identity['phones'][number] | null {
  if (!isFields(v) || !isString(v.value, 60) || !isSource(v.source)) return null;
  const type = optional(v, 'type', (t) => isString(t, 40));
  return type ? ({ value: v.value, ...type, source: v.source } as Identity['phones'][number]) : null;
}

export function readIdentity(raw: unknown): Identity | null {
  if (!isFields(raw)) return null;
  const gladlyCustomerId = optional(raw, 'gladlyCustomerId', (v) => isString(v, 100));
  const name = optional(raw, 'name', (v) => isString(v, 300));
  const emails = readArray(raw.emails, readEmail, 50);
  const phones = readArray(raw.phones, readPhone, 50);
  if (!gladlyCustomerId || !name || !emails || !phones) return null;
  return { ...gladlyCustomerId, ...name, emails, phones } as Identity;
}

export function readIdentityPush(raw: unknown): IdentityPush | null {
  if (!isFields(raw) || raw.type !== 'identity') return null;
  const customerId = optional(raw, 'customerId', (v) => isString(v));
  const identity = raw.identity === null ? null : readIdentity(raw.identity);
  if (!customerId || (identity === null && raw.identity !== null)) return null;
  return { type: 'identity', ...customerId, identity } as IdentityPush;
}
