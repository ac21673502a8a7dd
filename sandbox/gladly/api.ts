/**
 * Gladly's REST API subset: customer profiles by id, search by email or phone, PATCH of name,
 * address and custom attributes; agents (list, by id) and a conversation by id (its assignee).
 * HTTP Basic auth (agent email + API token), 10 requests per second per method (429 beyond,
 * with Gladly's Ratelimit-* headers), merged ids answer 301.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { normalizePhone, type GladlyState, type Profile } from './state';

export const RATE_LIMIT_PER_SECOND = 10;
const MAX_RESULTS = 50;

export interface ApiOptions {
  state: () => GladlyState;
  apiUser: { email: string; token: string };
  onApiRequest?: (entry: {
    method: string;
    path: string;
    query: string;
    status: number;
    start: number;
    end: number;
  }) => void;
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

function errors(c: Context, status: 400 | 401 | 404 | 429, code: string, detail: string, attr?: string) {
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

  return api;
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
