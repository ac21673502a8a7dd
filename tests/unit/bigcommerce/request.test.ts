import { describe, expect, it } from 'vitest';
import { storeBaseUrl } from '../../../lib/bigcommerce/request';
import { BigCommerceError, toErrorInfo } from '../../../lib/bigcommerce/errors';
import { fakeClient, TOKEN, type Reply } from './fakes';

const GET = { method: 'GET', path: '/v2/orders', scope: 'store_v2_orders_read_only' } as const;
const POST = { method: 'POST', path: '/v2/coupons', body: { code: 'X' }, scope: 'store_v2_marketing' } as const;

async function failure(promise: Promise<unknown>): Promise<BigCommerceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BigCommerceError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('base URL', () => {
  it('uses production unless the build allows a loopback sandbox', () => {
    expect(storeBaseUrl({ storeHash: 'abc123', allowCustomBase: false })).toBe(
      'https://api.bigcommerce.com/stores/abc123',
    );
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'http://127.0.0.1:4010', allowCustomBase: false })).toBe(
      'https://api.bigcommerce.com/stores/abc123',
    );
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'http://127.0.0.1:4010/', allowCustomBase: true })).toBe(
      'http://127.0.0.1:4010/stores/abc123',
    );
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'http://localhost:4010', allowCustomBase: true })).toBe(
      'http://localhost:4010/stores/abc123',
    );
    // A token must never go to another host, even in the e2e build.
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'http://evil.example:4010', allowCustomBase: true })).toBe(
      'https://api.bigcommerce.com/stores/abc123',
    );
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'not a url', allowCustomBase: true })).toBe(
      'https://api.bigcommerce.com/stores/abc123',
    );
  });

  it('accepts a loopback sandbox over https (HTTP/2) as well, under the same rules', () => {
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'https://127.0.0.1:4010', allowCustomBase: true })).toBe(
      'https://127.0.0.1:4010/stores/abc123',
    );
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'https://localhost:4010/', allowCustomBase: true })).toBe(
      'https://localhost:4010/stores/abc123',
    );
    // Production builds never honour it.
    expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: 'https://127.0.0.1:4010', allowCustomBase: false })).toBe(
      'https://api.bigcommerce.com/stores/abc123',
    );
    // Only loopback hosts, only http and https.
    for (const base of [
      'https://evil.example:4010',
      'https://127.0.0.1.evil.example',
      'ftp://127.0.0.1:4010',
      'ws://127.0.0.1:4010',
      'file:///stores',
    ]) {
      expect(storeBaseUrl({ storeHash: 'abc123', apiBaseUrl: base, allowCustomBase: true }), base).toBe(
        'https://api.bigcommerce.com/stores/abc123',
      );
    }
  });
});

describe('requests', () => {
  it('sends the token, JSON accept, and a content type only with a body', async () => {
    const { client, calls } = fakeClient(() => ({ status: 200, body: [] }));
    await client.send({ ...GET, query: { 'email:in': 'a@x.com,b@x.com', limit: 10 } });
    await client.send(POST);
    expect(calls[0]!.url).toMatch(
      /^https:\/\/api\.bigcommerce\.com\/stores\/test\w+\/v2\/orders\?email:in=a%40x\.com,b%40x\.com&limit=10$/,
    );
    expect(calls[0]!.headers.get('x-auth-token')).toBe(TOKEN);
    expect(calls[0]!.headers.get('accept')).toBe('application/json');
    expect(calls[0]!.headers.get('content-type')).toBeNull();
    expect(calls[1]!.headers.get('content-type')).toBe('application/json');
    expect(calls[1]!.body).toEqual({ code: 'X' });
  });

  it('encodes a plus sign so a phone keeps it', async () => {
    const { client, calls } = fakeClient(() => ({ status: 200, body: { data: [] } }));
    await client.send({ ...GET, query: { 'phone:in': '+1 650-123-4569' } });
    expect(new URL(calls[0]!.url).searchParams.get('phone:in')).toBe('+1 650-123-4569');
  });

  it('returns an empty body for 204', async () => {
    const { client } = fakeClient(() => ({ status: 204 }));
    await expect(client.send(GET)).resolves.toEqual({ status: 204, body: undefined });
  });
});

describe('errors a person understands', () => {
  it('401: the token was refused, and the token appears nowhere', async () => {
    const { client } = fakeClient(() => ({ status: 401, body: { title: `bad token ${TOKEN}` } }));
    const error = await failure(client.send(GET));
    expect(error.kind).toBe('auth');
    const info = toErrorInfo(error);
    expect(JSON.stringify(info)).not.toContain(TOKEN);
    expect(info).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('403 names the scope the call needs', async () => {
    const { client } = fakeClient(() => ({ status: 403, body: { status: 403, title: 'You do not have permission' } }));
    const error = await failure(client.send(POST));
    expect(error.kind).toBe('scope');
    expect(error.scope).toBe('store_v2_marketing');
    expect(error.message).toContain('Marketing: modify');
    expect(toErrorInfo(error)).toMatchObject({ kind: 'scope', scope: 'store_v2_marketing' });
  });

  it('404 is not-found', async () => {
    const { client } = fakeClient(() => ({
      status: 404,
      body: [{ status: 404, message: 'The requested resource was not found.' }],
    }));
    expect((await failure(client.send(GET))).kind).toBe('not-found');
  });

  const validationCases: Array<[string, unknown, string, string | undefined]> = [
    ['v2 array', [{ status: 400, message: 'The field code is invalid.' }], 'The field code is invalid.', undefined],
    [
      'v3 errors map',
      { status: 422, title: 'Input is invalid', type: 'x', errors: { 'email:in': 'must be an email' } },
      'must be an email',
      'email:in',
    ],
    [
      'wrapped refund data[]',
      { data: [{ status: 422, title: 'Unable to provide store credit for a guest customer.', type: 'x' }] },
      'Unable to provide store credit for a guest customer.',
      undefined,
    ],
    [
      'promotions errors[]',
      { errors: [{ status: 422, title: 'Code already exists' }] },
      'Code already exists',
      undefined,
    ],
  ];
  it.each(validationCases)('422 keeps BigCommerce’s own message (%s)', async (_, body, message, field) => {
    const { client } = fakeClient(() => ({ status: 422, body }));
    const error = await failure(client.send(POST));
    expect(error.kind).toBe('validation');
    expect(error.message).toContain(message);
    expect(error.field).toBe(field);
  });

  it('5xx is unavailable, and a 500 is not retried', async () => {
    const { client, calls } = fakeClient(() => ({ status: 500, text: '<html>oops</html>' }));
    const error = await failure(client.send(GET));
    expect(error.kind).toBe('unavailable');
    expect(error.message).not.toContain('oops');
    expect(calls).toHaveLength(1);
  });

  it('a 200 that is not JSON is malformed', async () => {
    const { client } = fakeClient(() => ({ status: 200, text: '<html>' }));
    expect((await failure(client.send(GET))).kind).toBe('malformed');
  });

  it('a GET that never answers times out (no retry); a write that times out says it was sent', async () => {
    const { client, calls } = fakeClient(() => 'hang', { timeoutMs: 20 });
    const read = await failure(client.send(GET));
    expect(read.kind).toBe('timeout');
    expect(read.sent).toBeUndefined();
    const write = await failure(client.send(POST));
    expect(write.kind).toBe('timeout');
    expect(write.sent).toBe(true);
    expect(write.message).toMatch(/may or may not/);
    expect(calls).toHaveLength(2);
  });

  it.each([500, 502, 504])(
    'a write answered %i after reaching the store says it was sent (outcome unknown), and is not resent',
    async (status) => {
      const { client, calls } = fakeClient(() => ({ status, text: '<html>Bad gateway</html>' }));
      const write = await failure(client.send(POST));
      expect(write.kind).toBe('unavailable');
      expect(write.sent).toBe(true);
      expect(write.message).toMatch(/may or may not/);
      expect(write.message).not.toContain('Bad gateway');
      expect(calls).toHaveLength(1);
      // The same status to a GET is only a failure.
      expect((await failure(client.send(GET))).sent).toBeUndefined();
    },
  );

  it('a 503 to a write is outcome unknown unless Retry-After says the store turned it away', async () => {
    const bare = fakeClient(() => ({ status: 503, body: {} }));
    expect((await failure(bare.client.send(POST))).sent).toBe(true);
    for (const header of ['Retry-After', 'X-Retry-After']) {
      const refused = fakeClient(() => ({ status: 503, body: {}, headers: { [header]: '2' } }));
      const error = await failure(refused.client.send(POST));
      expect(error.kind).toBe('unavailable');
      expect(error.sent).toBeUndefined();
      expect(refused.calls).toHaveLength(1);
    }
  });

  it('a quote (a POST that changes nothing) that times out or gets a 5xx is a plain failure, never "sent"', async () => {
    const QUOTE = { ...POST, path: '/v3/orders/1/payment_actions/refund_quotes', changesNothing: true } as const;
    const slow = fakeClient(() => 'hang', { timeoutMs: 20 });
    const timedOut = await failure(slow.client.send(QUOTE));
    expect(timedOut.kind).toBe('timeout');
    expect(timedOut.sent).toBeUndefined();
    expect(timedOut.message).not.toMatch(/may or may not/);
    const broken = fakeClient(() => ({ status: 502, body: {} }));
    expect((await failure(broken.client.send(QUOTE))).sent).toBeUndefined();
    const garbled = fakeClient(() => ({ status: 200, text: '<html>' }));
    expect((await failure(garbled.client.send(QUOTE))).sent).toBeUndefined();
  });

  it('non-BigCommerce errors become a generic sentence', () => {
    expect(toErrorInfo(new Error(`boom ${TOKEN}`))).toEqual({
      kind: 'unknown',
      message: expect.not.stringContaining(TOKEN),
    });
  });
});

describe('retries', () => {
  it('retries a GET on 503 at most 3 times, backing off in between', async () => {
    const { client, calls, clock } = fakeClient(() => ({ status: 503 }));
    const error = await failure(client.send(GET));
    expect(error.kind).toBe('unavailable');
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[1]!).toBeGreaterThan(clock.sleeps[0]!);
    expect(client.requestCount()).toBe(3);
  });

  it.each([502, 504])('recovers after a %i', async (status) => {
    const { client, calls } = fakeClient((_, i) => (i === 0 ? { status } : { status: 200, body: [{ id: 1 }] }));
    await expect(client.send(GET)).resolves.toMatchObject({ status: 200 });
    expect(calls).toHaveLength(2);
  });

  it('retries a GET after a network error, then reports offline', async () => {
    const { client, calls } = fakeClient(() => 'network-error');
    expect((await failure(client.send(GET))).kind).toBe('offline');
    expect(calls).toHaveLength(3);
  });

  it.each<[string, Reply]>([
    ['503', { status: 503 }],
    ['429', { status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '100' } }],
    ['a network error', 'network-error'],
  ])('never retries a POST or PUT (%s)', async (_, reply) => {
    const { client, calls } = fakeClient(() => reply);
    await failure(client.send(POST));
    await failure(
      client.send({ method: 'PUT', path: '/v2/orders/1', body: { status_id: 5 }, scope: 'store_v2_orders' }),
    );
    expect(calls).toHaveLength(2);
  });

  it('on 429 waits the longer of the reset time and X-Retry-After (lowercase headers too)', async () => {
    const { client, clock } = fakeClient((_, i) =>
      i === 0
        ? { status: 429, headers: { 'x-rate-limit-time-reset-ms': '1500', 'x-retry-after': '3' } }
        : { status: 200, body: [] },
    );
    await client.send(GET);
    expect(clock.sleeps).toContain(3000);
  });

  it('uses the reset time when it is the longer wait', async () => {
    const { client, clock } = fakeClient((_, i) =>
      i === 0
        ? { status: 429, headers: { 'X-Rate-Limit-Time-Reset-Ms': '4200', 'X-Retry-After': '1' } }
        : { status: 200, body: [] },
    );
    await client.send(GET);
    expect(clock.sleeps).toContain(4200);
  });

  it('gives up at once when the wait would pass the 20 s budget', async () => {
    const { client, calls, clock } = fakeClient(() => ({
      status: 429,
      headers: { 'X-Rate-Limit-Time-Reset-Ms': '25000' },
    }));
    const error = await failure(client.send(GET));
    expect(error.kind).toBe('rate-limited');
    expect(calls).toHaveLength(1);
    expect(clock.sleeps.filter((ms) => ms >= 25000)).toEqual([]);
  });

  it('keeps every try inside 20 s in all', async () => {
    const { client, calls, clock } = fakeClient(() => ({
      status: 429,
      headers: { 'X-Rate-Limit-Time-Reset-Ms': '9000' },
    }));
    const started = clock.now();
    await failure(client.send(GET));
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(clock.now() - started).toBeLessThanOrEqual(20_000);
  });

  it('backs off with jitter within the cap', async () => {
    const sleeps: number[][] = [];
    for (const r of [0, 0.999]) {
      const { client, clock } = fakeClient(() => ({ status: 503 }), { random: () => r });
      await failure(client.send(GET));
      sleeps.push(clock.sleeps);
    }
    expect(sleeps[0]).not.toEqual(sleeps[1]);
    for (const ms of sleeps.flat()) expect(ms).toBeLessThanOrEqual(4000);
  });
});
