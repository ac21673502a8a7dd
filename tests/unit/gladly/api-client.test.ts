import { beforeEach, describe, expect, it } from 'vitest';
import { createGladlyApiClient, GladlyApiError, type GladlyApiClient } from '../../../lib/gladly/api-client';
import { createGladlyApp, resetGladlyState } from '../../../sandbox/gladly/app';
import { GLADLY_API_USER, MERGED_GLADLY_ID, MERGED_INTO, personas } from '../../../sandbox/personas';

const HOST = 'http://127.0.0.1:4999';
const log: Array<{ method: string; path: string; query: string; status: number }> = [];
const app = createGladlyApp({ apiUser: GLADLY_API_USER, onApiRequest: (entry) => log.push(entry) });
const inProcess: typeof fetch = (input, init) =>
  Promise.resolve(app.request(input instanceof Request ? input : String(input), init));

function client(overrides: Partial<Parameters<typeof createGladlyApiClient>[0]> = {}): GladlyApiClient {
  return createGladlyApiClient({ host: HOST, ...GLADLY_API_USER, fetch: inProcess, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<GladlyApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GladlyApiError) return error;
    throw error;
  }
  throw new Error('expected a GladlyApiError');
}

beforeEach(() => {
  resetGladlyState(app);
  log.length = 0;
});

describe('the Gladly API client against the look-alike', () => {
  it('reads a profile with normalised emails and E.164 phones', async () => {
    const profile = await client().getProfile(personas.jane.gladlyId);
    expect(profile).toMatchObject({
      id: personas.jane.gladlyId,
      name: 'Jane Cooper',
      address: personas.jane.address,
      emails: [{ original: 'jane.cooper@example.com', normalized: 'jane.cooper@example.com', primary: true }],
      phones: [{ original: '650 123 4569', normalized: '+16501234569', type: 'MOBILE', primary: true }],
    });
  });

  it('follows a merged customer once to the profile it was merged into', async () => {
    const profile = await client().getProfile(MERGED_GLADLY_ID);
    expect(profile.id).toBe(MERGED_INTO);
    expect(log.map((entry) => [entry.path, entry.status])).toEqual([
      [`/api/v1/customer-profiles/${MERGED_GLADLY_ID}`, 301],
      [`/api/v1/customer-profiles/${MERGED_INTO}`, 200],
    ]);
  });

  it('says plainly when a customer does not exist', async () => {
    const error = await failure(client().getProfile('NoSuchCustomer1'));
    expect(error.kind).toBe('not-found');
    expect(error.status).toBe(404);
  });

  it('reports refused credentials without ever repeating the token', async () => {
    const token = 'wrong-secret-token-123';
    const error = await failure(client({ token }).getProfile(personas.jane.gladlyId));
    expect(error.kind).toBe('auth');
    expect(error.message).not.toContain(token);
    expect(JSON.stringify(error)).not.toContain(token);
    expect(log.at(-1)?.status).toBe(401);
  });

  it('reports the rate limit as such', async () => {
    const api = client();
    const results = await Promise.allSettled(Array.from({ length: 11 }, () => api.getProfile(personas.guest.gladlyId)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatchObject({ kind: 'rate-limited', status: 429 });
  });

  it('searches by email (any case) and by phone number', async () => {
    const byEmail = await client().searchByEmail('C.Rivera@Personal.example');
    expect(byEmail.map((p) => p.id)).toEqual([personas.multiEmail.gladlyId]);
    const byPhone = await client().searchByPhone('+14155550142');
    expect(byPhone.map((p) => p.id)).toEqual([personas.phoneOnly.gladlyId]);
    expect(await client().searchByEmail('nobody@nowhere.example')).toEqual([]);
    expect(log.map((entry) => entry.query)).toContain('phoneNumber=%2B14155550142');
  });

  it('updates the name and address, which the agent app then shows', async () => {
    await client().patchProfile(personas.guest.gladlyId, {
      name: 'Gary G. Guest',
      address: '1 Main St, Austin, TX 78701, US',
    });
    expect(await client().getProfile(personas.guest.gladlyId)).toMatchObject({
      name: 'Gary G. Guest',
      address: '1 Main St, Austin, TX 78701, US',
    });
    const page = await (
      await app.request(`/customer/${personas.guest.gladlyId}/conversation/${personas.guest.conversationId}?skeleton=0`)
    ).text();
    expect(page).toContain('value="Gary G. Guest"');
    const missing = await failure(client().patchProfile('NoSuchCustomer1', { name: 'X' }));
    expect(missing.kind).toBe('not-found');
  });

  it('refuses to send the token over plain HTTP to a non-local host', () => {
    expect(() => client({ host: 'http://acme.gladly.com' })).toThrowError(expect.objectContaining({ kind: 'config' }));
    expect(() => client({ host: 'not a url' })).toThrowError(expect.objectContaining({ kind: 'config' }));
  });

  it('calls the organisation API over https with Basic auth', async () => {
    const seen: Array<{ url: string; auth: string | null }> = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push({ url: String(input), auth: new Headers(init?.headers).get('Authorization') });
      return new Response(JSON.stringify([]), { status: 200 });
    };
    await client({ host: 'https://acme.gladly.com/home', fetch: spy }).searchByEmail('a@b.example');
    expect(seen).toEqual([
      {
        url: 'https://acme.gladly.com/api/v1/customer-profiles?email=a%40b.example',
        auth: `Basic ${btoa(`${GLADLY_API_USER.email}:${GLADLY_API_USER.token}`)}`,
      },
    ]);
  });

  it('turns an unexpected shape, a network failure and a server error into typed errors', async () => {
    const answer =
      (body: string, status = 200): typeof fetch =>
      async () =>
        new Response(body, { status });
    expect((await failure(client({ fetch: answer('{"id": 5}') }).getProfile('x'))).kind).toBe('malformed');
    expect((await failure(client({ fetch: answer('<html>') }).getProfile('x'))).kind).toBe('malformed');
    expect((await failure(client({ fetch: answer('', 503) }).getProfile('x'))).kind).toBe('unavailable');
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect((await failure(client({ fetch: offline }).getProfile('x'))).kind).toBe('offline');
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    expect((await failure(client({ fetch: hanging, timeoutMs: 20 }).getProfile('x'))).kind).toBe('timeout');
  });
});

describe('postActivity: a Customer Activity on the Gladly timeline', () => {
  const activity = {
    id: 'bc-act-1',
    title: 'Order #101 cancelled',
    body: 'Reason: Ordered by mistake',
    sourceName: 'BigCommerce',
    activityType: 'ISSUE' as const,
  };
  const timeline = async (id: string) =>
    ((await (await app.request(`/_app/view?path=/customer/${id}`)).json()) as { timeline: string }).timeline;

  it('posts it once: a repeat of the same id is "already", not a second card', async () => {
    expect(await client().postActivity(personas.jane.gladlyId, activity)).toBe('created');
    expect(await client().postActivity(personas.jane.gladlyId, activity)).toBe('already');
    expect((await timeline(personas.jane.gladlyId)).match(/data-activity-id="bc-act-1"/g)).toHaveLength(1);
    expect(log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
      `POST /api/v1/customers/${personas.jane.gladlyId}/conversation-items 200`,
      `POST /api/v1/customers/${personas.jane.gladlyId}/conversation-items 409`,
    ]);
  });

  it('cuts fields to Gladly limits instead of being refused', async () => {
    const long = { ...activity, id: 'bc-act-long', title: 'T'.repeat(300), sourceName: 'S'.repeat(80) };
    expect(await client().postActivity(personas.jane.gladlyId, long)).toBe('created');
  });

  it("follows a merged customer's move to the surviving profile", async () => {
    expect(await client().postActivity(MERGED_GLADLY_ID, activity)).toBe('created');
    expect(await timeline(MERGED_INTO)).toContain('bc-act-1');
  });

  it('says why it failed, without the token', async () => {
    const unknown = await failure(client().postActivity('Nobody42', activity));
    expect(unknown.kind).toBe('not-found');
    const denied = await failure(client({ token: 'wrong-token-123' }).postActivity(personas.jane.gladlyId, activity));
    expect(denied.kind).toBe('auth');
    expect(denied.message).not.toContain('wrong-token-123');
  });
});
