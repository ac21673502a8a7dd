import { beforeEach, describe, expect, it } from 'vitest';
import { createGladlyApp, resetGladlyState } from '../../../sandbox/gladly/app';
import {
  GLADLY_AGENTS,
  GLADLY_API_USER,
  MERGED_GLADLY_ID,
  MERGED_INTO,
  personas,
  SUPPORT_INBOX_ID,
} from '../../../sandbox/personas';

const requests: Array<{ method: string; path: string; status: number }> = [];
const app = createGladlyApp({ apiUser: GLADLY_API_USER, onApiRequest: (entry) => requests.push(entry) });
const auth = {
  Authorization: `Basic ${Buffer.from(`${GLADLY_API_USER.email}:${GLADLY_API_USER.token}`).toString('base64')}`,
};
const profilePath = (id: string) => `/api/v1/customer-profiles/${id}`;

beforeEach(() => {
  resetGladlyState(app);
  requests.length = 0;
});

describe('the look-alike Gladly REST API', () => {
  it("answers a conversation (its assigned agent) and agents in Gladly's shapes, 404 and 401 as Gladly does", async () => {
    const conversation = await app.request(`/api/v1/conversations/${personas.jane.conversationId}`, { headers: auth });
    expect(conversation.status).toBe(200);
    expect(await conversation.json()).toMatchObject({
      id: personas.jane.conversationId,
      customerId: personas.jane.gladlyId,
      agentId: GLADLY_AGENTS[0].id,
      inboxId: SUPPORT_INBOX_ID,
      status: 'OPEN',
    });
    const agent = await app.request(`/api/v1/agents/${GLADLY_AGENTS[0].id}`, { headers: auth });
    expect(await agent.json()).toEqual({ ...GLADLY_AGENTS[0] });
    const list = await app.request('/api/v1/agents', { headers: auth });
    expect(((await list.json()) as unknown[]).length).toBe(GLADLY_AGENTS.length);
    const missing = await app.request('/api/v1/conversations/Nope', { headers: auth });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ errors: [{ code: 'not_exist', detail: 'conversation does not exist' }] });
    expect((await app.request('/api/v1/agents/Nope', { headers: auth })).status).toBe(404);
    expect((await app.request(`/api/v1/agents/${GLADLY_AGENTS[0].id}`)).status).toBe(401);
  });

  it('allows 10 requests per second per method, then answers 429 with the rate-limit headers', async () => {
    const statuses: number[] = [];
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 11; i++) {
      const response = await app.request(profilePath(personas.jane.gladlyId), { headers: auth });
      statuses.push(response.status);
      remaining.push(response.headers.get('Ratelimit-Remaining-Second'));
      expect(response.headers.get('Ratelimit-Limit-Second')).toBe('10');
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    expect(remaining).toEqual(['9', '8', '7', '6', '5', '4', '3', '2', '1', '0', '0']);
    // Another method has its own budget.
    const patch = await app.request(profilePath(personas.jane.gladlyId), {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"name":"J"}',
    });
    expect(patch.status).toBe(204);
    // A second later the budget is back.
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await app.request(profilePath(personas.jane.gladlyId), { headers: auth })).status).toBe(200);
  });

  it('asks for credentials', async () => {
    expect((await app.request(profilePath(personas.jane.gladlyId))).status).toBe(401);
    const wrong = { Authorization: `Basic ${Buffer.from(`${GLADLY_API_USER.email}:nope`).toString('base64')}` };
    const response = await app.request(profilePath(personas.jane.gladlyId), { headers: wrong });
    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toContain('Basic');
    expect(requests.map((r) => r.status)).toEqual([401, 401]);
  });

  it('answers a merged id with 301 and the new id in errors[].meta, an unknown id with 404', async () => {
    const merged = await app.request(profilePath(MERGED_GLADLY_ID), { headers: auth });
    expect(merged.status).toBe(301);
    expect(JSON.stringify(await merged.json())).toContain(MERGED_INTO);
    expect((await app.request(profilePath('Nobody42'), { headers: auth })).status).toBe(404);
  });

  it('searches one identifier per call', async () => {
    expect((await app.request('/api/v1/customer-profiles', { headers: auth })).status).toBe(400);
    expect(
      (await app.request('/api/v1/customer-profiles?email=a@b.c&phoneNumber=%2B1', { headers: auth })).status,
    ).toBe(400);
    const phone = await app.request('/api/v1/customer-profiles?phoneNumber=%2B12125550199', { headers: auth });
    expect(((await phone.json()) as Array<{ id: string }>).map((p) => p.id)).toEqual([personas.sharedPhone.gladlyId]);
  });

  it('keeps PATCHed values until reset, and refuses fields it does not update', async () => {
    const patch = (body: unknown) =>
      app.request(profilePath(personas.conflict.gladlyId), {
        method: 'PATCH',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await patch({ emails: [{ original: 'x@y.z' }] })).status).toBe(400);
    expect((await patch({ customAttributes: { tier: 'gold' } })).status).toBe(204);
    const read = async () =>
      (await (await app.request(profilePath(personas.conflict.gladlyId), { headers: auth })).json()) as {
        customAttributes: Record<string, string>;
      };
    expect((await read()).customAttributes).toEqual({ tier: 'gold' });
    resetGladlyState(app);
    expect((await read()).customAttributes).toEqual({});
  });
});
