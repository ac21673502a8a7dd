/**
 * Gladly's REST API subset: customer profiles by id, search by email or phone, PATCH of name,
 * address and custom attributes; agents (list, by id) and a conversation by id (its assignee);
 * Customer Activities posted to a customer's timeline (`POST /customers/{customerId}/conversation-items`).
 * HTTP Basic auth (agent email + API token), 10 requests per second per method (429 beyond,
 * with Gladly's Ratelimit-* headers), merged ids answer 301. The activities' shapes and limits
 * follow Gladly's OpenAPI description (gladly/openapi.yaml in konfig-sdks/openapi-examples):
 * ConversationsCreateCustomerItemRequest1 and its responses.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { RequestLogEntry } from '../bigcommerce/types';
import { normalizePhone, type ActivityItem, type GladlyState, type Profile } from './state';

export const RATE_LIMIT_PER_SECOND = 10;
const MAX_RESULTS = 50;
/** "Limited to events no older than 1 year" (occurredAt). */
const OLDEST_ACTIVITY_MS = 365 * 24 * 60 * 60 * 1000;
/** The id Gladly gives the API user's agent profile (the item's initiator). */
export const API_AGENT_ID = 'ApiUser0sandbox00000001';

/** One REST API request as the shared request log records it (the log adds the service). */
export type ApiRequestEntry = Pick<RequestLogEntry, 'method' | 'path' | 'query' | 'status' | 'start' | 'end'>;

export interface ApiOptions {
  state: () => GladlyState;
  apiUser: { email: string; token: string };
  onApiRequest?: (entry: ApiRequestEntry) => void;
  /** Injected latency (ms) before each answer. */
  latencyMs?: () => number;
}

const PatchSchema = z
  .object({
    name: z.string().max(500).optional(),
    address: z.string().max(1000).optional(),
    customAttributes: z.record(z.string(), z.string().max(2000)).optional(),
  })
  .strict();

/** Gladly's answer for a profile merged into another: 301 naming the surviving id (undefined when not merged). */
function mergedAnswer(c: Context, mergedInto: string | undefined): Response | undefined {
  if (!mergedInto) return undefined;
  return c.json(
    {
      errors: [
        {
          code: 'merged',
          detail: 'This customer profile was merged into another one',
          meta: { customerId: mergedInto },
        },
      ],
    },
    301,
  );
}

type ErrorStatus = 400 | 401 | 404 | 409 | 429;

function errors(c: Context, status: ErrorStatus, code: string, detail: string, attr?: string) {
  return c.json({ errors: [{ ...(attr ? { attr } : {}), code, detail }] }, status);
}

export function createApi(options: ApiOptions): Hono {
  const api = new Hono();

  api.use('*', async (c, next) => {
    const start = Date.now();
    const url = new URL(c.req.url);
    const delay = options.latencyMs?.() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    await next();
    options.onApiRequest?.({
      method: c.req.method,
      path: url.pathname,
      query: url.search.slice(1),
      status: c.res.status,
      start,
      end: Date.now(),
    });
  });

  api.use('*', async (c, next) => {
    if (!authorized(c.req.header('Authorization'), options.apiUser)) {
      c.header('WWW-Authenticate', 'Basic realm="Gladly"');
      return errors(c, 401, 'unauthorized', 'Invalid credentials');
    }
    // Per organisation and method, over the last second.
    const now = Date.now();
    const rate = options.state().rate;
    const recent = (rate.get(c.req.method) ?? []).filter((t) => now - t < 1000);
    c.header('Ratelimit-Limit-Second', String(RATE_LIMIT_PER_SECOND));
    if (recent.length >= RATE_LIMIT_PER_SECOND) {
      rate.set(c.req.method, recent);
      c.header('Ratelimit-Remaining-Second', '0');
      return errors(c, 429, 'rate_limited', 'Too many requests');
    }
    recent.push(now);
    rate.set(c.req.method, recent);
    c.header('Ratelimit-Remaining-Second', String(RATE_LIMIT_PER_SECOND - recent.length));
    await next();
  });

  api.get('/customer-profiles', (c) => {
    const email = c.req.query('email');
    const phoneNumber = c.req.query('phoneNumber');
    if ((email === undefined) === (phoneNumber === undefined)) {
      return errors(
        c,
        400,
        'invalid',
        'Search by exactly one of email or phoneNumber',
        email === undefined ? 'email' : 'phoneNumber',
      );
    }
    const profiles = [...options.state().profiles.values()];
    const found =
      email !== undefined
        ? profiles.filter((p) => p.emails.some((e) => e.normalized === email.trim().toLowerCase()))
        : profiles.filter((p) => p.phones.some((ph) => ph.normalized === normalizePhone(phoneNumber ?? '').normalized));
    return c.json(found.slice(0, MAX_RESULTS).map(toJson));
  });

  api.get('/customer-profiles/:id', (c) => {
    const id = c.req.param('id');
    const state = options.state();
    const merged = mergedAnswer(c, state.merged.get(id));
    if (merged) return merged;
    const profile = state.profiles.get(id);
    return profile ? c.json(toJson(profile)) : errors(c, 404, 'not_exist', 'Customer profile does not exist');
  });

  // Agents and conversations (Gladly's Agents and Conversations APIs): who works a conversation.
  api.get('/agents', (c) => c.json([...options.state().agents.values()]));

  api.get('/agents/:agentId', (c) => {
    const agent = options.state().agents.get(c.req.param('agentId'));
    return agent ? c.json(agent) : errors(c, 404, 'not_exist', `agent ${c.req.param('agentId')} does not exist`);
  });

  api.get('/conversations/:conversationId', (c) => {
    const conversation = options.state().conversations.get(c.req.param('conversationId'));
    return conversation ? c.json(conversation) : errors(c, 404, 'not_exist', 'conversation does not exist');
  });

  api.patch('/customer-profiles/:id', async (c) => {
    const id = c.req.param('id');
    const state = options.state();
    const merged = mergedAnswer(c, state.merged.get(id));
    if (merged) return merged;
    const profile = state.profiles.get(id);
    if (!profile) return errors(c, 404, 'not_exist', 'Customer profile does not exist');
    const body = PatchSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      const issue = body.error.issues[0];
      return errors(c, 400, 'invalid', issue?.message ?? 'Invalid body', issue?.path.join('.') || undefined);
    }
    const { name, address, customAttributes } = body.data;
    if (name !== undefined) profile.name = name;
    if (address !== undefined) profile.address = address;
    if (customAttributes) profile.customAttributes = { ...profile.customAttributes, ...customAttributes };
    profile.updatedAt = new Date().toISOString();
    return c.body(null, 204);
  });

  api.post('/customers/:customerId/conversation-items', async (c) => {
    const customerId = c.req.param('customerId');
    const state = options.state();
    const mergedInto = state.merged.get(customerId);
    if (mergedInto) {
      // Unlike the profile routes, this one names the move as "moved" with old/new and a Location.
      c.header('Location', new URL(`../../customers/${mergedInto}/conversation-items`, c.req.url).toString());
      return c.json(
        {
          errors: [
            {
              attr: 'customer id',
              code: 'moved',
              detail: `the customer id has changed from [${customerId}] to [${mergedInto}]`,
              meta: { old: customerId, new: mergedInto },
            },
          ],
        },
        301,
      );
    }
    if (!state.profiles.has(customerId)) return errors(c, 404, 'not_exist', 'customer does not exist');
    const body = await c.req.json().catch(() => undefined);
    const problem = activityProblem(body, Date.now());
    if (problem) return errors(c, 400, problem.code, problem.detail, problem.attr);
    const input = body as ActivityInput;
    if (input.id !== undefined && state.activities.some((item) => item.id === input.id)) {
      return errors(c, 409, 'taken', 'conversation item already exists', 'newConversationItems');
    }
    const receivedAt = new Date().toISOString();
    const item: ActivityItem = {
      id: input.id ?? generatedId(),
      customerId,
      timestamp: input.content.occurredAt ?? receivedAt,
      content: { ...input.content, receivedAt },
    };
    state.activities.push(item);
    return c.json({ ...item, initiator: { id: API_AGENT_ID, type: 'AGENT' } }, 200);
  });

  return api;
}

interface ActivityInput {
  id?: string;
  content: Omit<ActivityItem['content'], 'receivedAt'>;
}

const ACTIVITY_TYPES = ['EMAIL', 'ISSUE', 'SMS', 'SURVEY'];
const CONTENT_KEYS = new Set(['type', 'activityType', 'title', 'body', 'sourceName', 'link', 'occurredAt']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The first thing Gladly would refuse in a Customer Activity, in its own error vocabulary. */
function activityProblem(body: unknown, now: number): { attr: string; code: string; detail: string } | undefined {
  if (!isRecord(body)) return { attr: 'content', code: 'blank', detail: 'content cannot be blank' };
  const { id, content } = body;
  if (id !== undefined) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(id))
      return { attr: 'id', code: 'invalid', detail: 'id must be URL safe' };
    if (id.length > 50) return { attr: 'id', code: 'too_long', detail: 'id must be under 50 characters' };
  }
  if (!isRecord(content)) return { attr: 'content', code: 'blank', detail: 'content cannot be blank' };
  if (content.type === undefined) return { attr: 'content.type', code: 'blank', detail: 'type cannot be blank' };
  if (content.type !== 'CUSTOMER_ACTIVITY')
    return { attr: 'content.type', code: 'invalid', detail: 'type is not supported for this customer' };
  for (const key of Object.keys(content)) {
    if (!CONTENT_KEYS.has(key)) return { attr: `content.${key}`, code: 'invalid', detail: `unknown field ${key}` };
  }
  if (content.activityType === undefined)
    return { attr: 'content.activityType', code: 'blank', detail: 'activityType cannot be blank' };
  if (typeof content.activityType !== 'string' || !ACTIVITY_TYPES.includes(content.activityType))
    return {
      attr: 'content.activityType',
      code: 'invalid',
      detail: `activityType must be one of ${ACTIVITY_TYPES.join(', ')}`,
    };
  const limits: Array<[string, unknown, number]> = [
    ['title', content.title, 100],
    ['body', content.body, 25_000],
    ['sourceName', content.sourceName, 50],
  ];
  for (const [name, value, max] of limits) {
    if (value === undefined) continue;
    if (typeof value !== 'string')
      return { attr: `content.${name}`, code: 'invalid', detail: `${name} must be a string` };
    if (value.length > max)
      return { attr: `content.${name}`, code: 'too_long', detail: `${name} must be at most ${max} characters` };
  }
  if (content.link !== undefined) {
    const link = content.link;
    if (!isRecord(link) || (link.url !== undefined && typeof link.url !== 'string'))
      return { attr: 'content.link.url', code: 'invalid', detail: 'link url must be a string' };
    if (link.text !== undefined && (typeof link.text !== 'string' || link.text.length > 50))
      return { attr: 'content.link.text', code: 'too_long', detail: 'link text must be at most 50 characters' };
  }
  if (content.occurredAt !== undefined) {
    const at =
      typeof content.occurredAt === 'string' && RFC3339.test(content.occurredAt) ? Date.parse(content.occurredAt) : NaN;
    if (Number.isNaN(at)) return { attr: 'content.occurredAt', code: 'invalid', detail: 'occurredAt must be RFC 3339' };
    if (now - at > OLDEST_ACTIVITY_MS)
      return { attr: 'content.occurredAt', code: 'invalid', detail: 'occurredAt must be no older than 1 year' };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Gladly's ids: 22 URL-safe base64 characters. */
function generatedId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

function authorized(header: string | undefined, user: { email: string; token: string }): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded === `${user.email}:${user.token}`;
}

function toJson(profile: Profile) {
  return {
    id: profile.id,
    name: profile.name,
    address: profile.address,
    emails: profile.emails,
    phones: profile.phones,
    customAttributes: profile.customAttributes,
    externalCustomerIds: profile.externalCustomerIds,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}
