/**
 * Gladly's REST API (the optional subset the extension uses), for the background only: the
 * API token is added to one header here and never appears in an error or a log line.
 */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { ErrorKind } from '../messages/common';

const EmailSchema = lazySchema(() =>
  z.object({
    original: z.string(),
    normalized: z.string().optional(),
    primary: z.boolean().optional(),
  }),
);

const PhoneSchema = lazySchema(() =>
  z.object({
    original: z.string(),
    normalized: z.string().optional(),
    extension: z.string().optional(),
    regionCode: z.string().optional(),
    primary: z.boolean().optional(),
    smsPreference: z.string().optional(),
    /** HOME | MOBILE | OFFICE; absent means OTHER. */
    type: z.string().optional(),
  }),
);

export const GladlyProfileSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    address: z.string().optional(),
    emails: z.array(EmailSchema).default([]),
    phones: z.array(PhoneSchema).default([]),
    customAttributes: z.record(z.string(), z.unknown()).default({}),
    externalCustomerIds: z.record(z.string(), z.unknown()).default({}),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  }),
);
export type GladlyProfile = z.infer<typeof GladlyProfileSchema>;

/** Gladly's Agent (`GET /api/v1/agents/{agentId}`). */
export const GladlyAgentSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    name: z.string().optional(),
    emailAddress: z.string().optional(),
  }),
);
export type GladlyAgent = z.infer<typeof GladlyAgentSchema>;

/** The part of Gladly's Conversation (`GET /api/v1/conversations/{id}`) the extension reads. */
export const GladlyConversationSchema = lazySchema(() =>
  z.object({
    id: z.string().min(1),
    customerId: z.string().optional(),
    /** The assigned agent; absent while the conversation is unassigned. */
    agentId: z.string().optional(),
    inboxId: z.string().optional(),
    status: z.string().optional(),
  }),
);
export type GladlyConversation = z.infer<typeof GladlyConversationSchema>;

const ErrorBodySchema = lazySchema(() =>
  z.object({
    errors: z
      .array(
        z.object({
          attr: z.string().optional(),
          code: z.string().optional(),
          detail: z.string().optional(),
          meta: z.record(z.string(), z.unknown()).optional(),
        }),
      )
      .default([]),
  }),
);

export class GladlyApiError extends Error {
  override readonly name = 'GladlyApiError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface GladlyApiClientOptions {
  /** The organisation's agent app, e.g. https://acme.gladly.com */
  host: string;
  email: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface GladlyProfilePatch {
  name?: string;
  address?: string;
  /** Only the keys given change; others stay as they are. */
  customAttributes?: Record<string, string>;
}

/** A Customer Activity for a customer's timeline (Gladly: ConversationsCreateCustomerItemRequest1). */
export interface CustomerActivity {
  /** Our own id (URL safe, ≤ 50): a retry of the same post is refused as "taken", never shown twice. */
  id: string;
  /** Highlighted first line, ≤ 100 characters (longer is cut). */
  title: string;
  /** Plain text, ≤ 25 000 characters (longer is cut). */
  body: string;
  /** ≤ 50 characters. */
  sourceName: string;
  activityType: 'EMAIL' | 'ISSUE' | 'SMS' | 'SURVEY';
  /** RFC 3339; when the action happened (not when the post got through). */
  occurredAt?: string;
}

export interface GladlyApiClient {
  /** A merged profile's old id is followed once to the profile it was merged into (check `id`). */
  getProfile(id: string): Promise<GladlyProfile>;
  searchByEmail(email: string): Promise<GladlyProfile[]>;
  /** E.164, e.g. +16501234569. */
  searchByPhone(phoneNumber: string): Promise<GladlyProfile[]>;
  patchProfile(id: string, patch: GladlyProfilePatch): Promise<void>;
  getConversation(id: string): Promise<GladlyConversation>;
  getAgent(id: string): Promise<GladlyAgent>;
  /**
   * Posts to the customer's timeline. 'created', or 'already' when Gladly says the id is taken
   * (an earlier attempt got through). A merged customer's move (301) is followed once.
   */
  postActivity(customerId: string, activity: CustomerActivity): Promise<'created' | 'already'>;
}

export function createGladlyApiClient(options: GladlyApiClientOptions): GladlyApiClient {
  const base = apiBase(options.host);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const authorization = `Basic ${base64(`${options.email}:${options.token}`)}`;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function request(
    method: 'GET' | 'PATCH' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          Authorization: authorization,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        // A POST must not be replayed as a GET to a Location (what fetch does with a 301).
        ...(method === 'POST' ? { redirect: 'manual' as const } : {}),
        signal: controller.signal,
      });
    } catch {
      throw controller.signal.aborted
        ? new GladlyApiError('timeout', 'Gladly did not answer in time.')
        : new GladlyApiError(
            'offline',
            'Gladly could not be reached. Check the network connection and the Gladly address.',
          );
    } finally {
      clearTimeout(timer);
    }
    const text = await response.text().catch(() => '');
    let json: unknown = null;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    // A browser hides a manual redirect's status and body ("opaqueredirect"): call it a 301.
    return { status: response.type === 'opaqueredirect' ? 301 : response.status, json };
  }

  async function getProfileOnce(id: string, followMerge: boolean): Promise<GladlyProfile> {
    const { status, json } = await request('GET', `/customer-profiles/${encodeURIComponent(id)}`);
    if (status === 301 && followMerge) {
      const mergedInto = mergedId(json);
      if (!mergedInto)
        throw new GladlyApiError(
          'malformed',
          'Gladly says this customer was merged but not into which profile.',
          status,
        );
      return getProfileOnce(mergedInto, false);
    }
    if (status !== 200) throw errorFor(status, json, 'This Gladly customer was not found.');
    return parse(GladlyProfileSchema, json);
  }

  async function search(query: string): Promise<GladlyProfile[]> {
    const { status, json } = await request('GET', `/customer-profiles?${query}`);
    if (status !== 200) throw errorFor(status, json, 'Gladly found no such customers.');
    return parse(z.array(GladlyProfileSchema), json);
  }

  async function postActivityOnce(
    customerId: string,
    activity: CustomerActivity,
    followMove: boolean,
  ): Promise<'created' | 'already'> {
    const content: Record<string, unknown> = {
      type: 'CUSTOMER_ACTIVITY',
      activityType: activity.activityType,
      title: activity.title.slice(0, 100),
      body: activity.body.slice(0, 25_000),
      sourceName: activity.sourceName.slice(0, 50),
    };
    if (activity.occurredAt) content.occurredAt = activity.occurredAt;
    const { status, json } = await request('POST', `/customers/${encodeURIComponent(customerId)}/conversation-items`, {
      id: activity.id,
      content,
    });
    if (status === 200 || status === 201) return 'created';
    if (status === 409) return 'already';
    if (status === 301 && followMove) {
      // The body names the new id where it can be read; otherwise the profile's own 301 does.
      const movedTo = movedId(json) ?? (await getProfileOnce(customerId, true)).id;
      if (movedTo !== customerId) return postActivityOnce(movedTo, activity, false);
    }
    throw errorFor(status, json, 'This Gladly customer was not found.');
  }

  return {
    getProfile: (id) => getProfileOnce(id, true),
    postActivity: (customerId, activity) => postActivityOnce(customerId, activity, true),
    searchByEmail: (email) => search(new URLSearchParams({ email }).toString()),
    searchByPhone: (phoneNumber) => search(new URLSearchParams({ phoneNumber }).toString()),
    async getConversation(id) {
      const { status, json } = await request('GET', `/conversations/${encodeURIComponent(id)}`);
      if (status !== 200) throw errorFor(status, json, 'This Gladly conversation was not found.');
      return parse(GladlyConversationSchema, json);
    },
    async getAgent(id) {
      const { status, json } = await request('GET', `/agents/${encodeURIComponent(id)}`);
      if (status !== 200) throw errorFor(status, json, 'This Gladly agent was not found.');
      return parse(GladlyAgentSchema, json);
    },
    async patchProfile(id, patch) {
      const body: GladlyProfilePatch = {};
      if (patch.name !== undefined) body.name = patch.name;
      if (patch.address !== undefined) body.address = patch.address;
      if (patch.customAttributes !== undefined) body.customAttributes = patch.customAttributes;
      const { status, json } = await request('PATCH', `/customer-profiles/${encodeURIComponent(id)}`, body);
      if (status !== 200 && status !== 204) throw errorFor(status, json, 'This Gladly customer was not found.');
    },
  };
}

function apiBase(host: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new GladlyApiError('config', 'The Gladly address is not a valid URL (e.g. https://acme.gladly.com).');
  }
  const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
  // The token travels in a header: never over plain HTTP, except to the local sandbox in the e2e build.
  if (url.protocol !== 'https:' && !(loopback && __E2E__)) {
    throw new GladlyApiError('config', 'The Gladly address must start with https://.');
  }
  return `${url.origin}/api/v1`;
}

function mergedId(json: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  for (const error of parsed.data.errors) {
    for (const value of Object.values(error.meta ?? {})) {
      if (typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value)) return value;
    }
  }
  return undefined;
}

/** A conversation item's 301 names both ids: `meta: { old, new }`. */
function movedId(json: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const moved = parsed.data.errors[0]?.meta?.new;
  return typeof moved === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(moved) ? moved : undefined;
}

function errorFor(status: number, json: unknown, notFound: string): GladlyApiError {
  const parsed = ErrorBodySchema.safeParse(json);
  const detail = parsed.success
    ? parsed.data.errors
        .map((error) => error.detail)
        .filter(Boolean)
        .join(' ')
    : '';
  if (status === 401)
    return new GladlyApiError(
      'auth',
      'Gladly refused the API email and token. Check them in the options page.',
      status,
    );
  if (status === 403) return new GladlyApiError('scope', 'The Gladly API user is not allowed to do this.', status);
  if (status === 404) return new GladlyApiError('not-found', notFound, status);
  if (status === 429)
    return new GladlyApiError('rate-limited', 'Too many requests to Gladly: try again in a second.', status);
  if (status === 400 || status === 409 || status === 422) {
    return new GladlyApiError(
      'validation',
      detail ? `Gladly refused the change: ${detail.slice(0, 300)}` : 'Gladly refused the change.',
      status,
    );
  }
  if (status >= 500) return new GladlyApiError('unavailable', 'Gladly is unavailable right now.', status);
  return new GladlyApiError('unknown', `Gladly answered with an unexpected status (${status}).`, status);
}

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new GladlyApiError('malformed', 'Gladly answered with data in an unexpected shape.');
  return parsed.data;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
