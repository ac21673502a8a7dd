/**
 * The team client against a fake fetch standing in for the service: what goes out (route,
 * Authorization, X-Gladly-Agent, the message itself) and how every kind of answer reads —
 * streamed lookup updates, reply envelopes, the contract's error bodies, a dropped connection,
 * lines that are not JSON, and a money write whose reply never comes.
 */
import { describe, expect, it, vi } from 'vitest';
import { createTeamClient, TeamServiceError, type TeamEndpoint } from '../../../lib/team/client';
import { describeError } from '../../../lib/background/errors';

const ENDPOINT: TeamEndpoint = { serviceUrl: 'https://team.example.com', key: 'agent-key-0123456789abcdef' };
const REVOKED = 'This access key was revoked. Ask your admin for a new one.';

type Call = { url: string; init: RequestInit };

/** A fake service: answers each call with the given function. */
function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return answer(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

function ndjson(lines: unknown[], extra: string[] = []): Response {
  const text = [...lines.map((l) => JSON.stringify(l)), ...extra].join('\n') + '\n';
  return new Response(text, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
}

/** A stream that sends `first`, then breaks (the connection dropped). */
function breakingStream(first: unknown[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const line of first) controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      setTimeout(() => controller.error(new TypeError('network error')), 5);
    },
  });
  return new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
}

const errorBody = (status: number, error: unknown) =>
  new Response(JSON.stringify({ error }), { status, headers: { 'Content-Type': 'application/json' } });

const client = (fetch: typeof globalThis.fetch, endpoint: TeamEndpoint | null = ENDPOINT, timeoutMs?: number) =>
  createTeamClient({ fetch, endpoint: async () => endpoint, timeoutMs });

const update = (n: number, done: boolean) => ({
  type: 'lookup/update',
  requestId: 'r1',
  stores: [{ connectionId: 'acme', storeName: 'Acme', status: done ? 'linked' : 'loading', complete: done }],
  done,
});
const lookup = {
  type: 'lookup',
  requestId: 'r1',
  query: { kind: 'manual', attribute: 'email', value: 'jane@example.com' },
};
const refund = {
  type: 'actions/refund',
  requestId: 'r2',
  connectionId: 'acme',
  orderId: '101',
  actionId: 'act-12345678',
};

async function failure(promise: Promise<unknown>): Promise<TeamServiceError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TeamServiceError);
  return error as TeamServiceError;
}

describe('forwarding a message to the team service', () => {
  it('posts the message with the key in the Authorization header and the agent as reported by the page', async () => {
    const { fetch, calls } = fakeFetch(() => ndjson([update(1, true)]));
    await client(fetch).forward(lookup, { emit: () => undefined, agent: 'Zoë Agent <zoe@acme.com>' });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://team.example.com/v1/messages');
    expect(call?.init.method).toBe('POST');
    const headers = call?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe(`Bearer ${ENDPOINT.key}`);
    expect(headers['Content-Type']).toBe('application/json');
    // Latin-1 only in a header: the ë is encoded, not dropped.
    expect(headers['X-Gladly-Agent']).toBe('Zo%C3%AB Agent <zoe@acme.com>');
    expect(JSON.parse(String(call?.init.body))).toEqual(lookup);
    // The key is never in the address or the body.
    expect(call?.url).not.toContain(ENDPOINT.key);
    expect(String(call?.init.body)).not.toContain(ENDPOINT.key);
  });

  it('re-posts each lookup update as it arrives, in order, and ends with the done one', async () => {
    const { fetch } = fakeFetch(() => ndjson([update(1, false), update(2, true)]));
    const emitted: unknown[] = [];
    const data = await client(fetch).forward(lookup, { emit: (m) => emitted.push(m) });
    expect(data).toBeNull();
    expect(emitted).toEqual([update(1, false), update(2, true)]);
  });

  it('emits the first update before the stream has ended', async () => {
    let finish: () => void = () => undefined;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`${JSON.stringify(update(1, false))}\n`));
        finish = () => {
          controller.enqueue(encoder.encode(`${JSON.stringify(update(2, true))}\n`));
          controller.close();
        };
      },
    });
    const { fetch } = fakeFetch(
      () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } }),
    );
    const emitted: unknown[] = [];
    const forwarding = client(fetch).forward(lookup, { emit: (m) => emitted.push(m) });
    await vi.waitFor(() => expect(emitted).toHaveLength(1));
    finish();
    await forwarding;
    expect(emitted).toHaveLength(2);
  });

  it('answers a non-lookup message with its reply envelope data', async () => {
    const { fetch } = fakeFetch(() =>
      ndjson([{ type: 'reply', requestId: 'r2', ok: true, data: { refundId: 'RF-1', amount: '12.00' } }]),
    );
    expect(await client(fetch).forward(refund, { emit: () => undefined })).toEqual({
      refundId: 'RF-1',
      amount: '12.00',
    });
  });

  it('turns a refusing reply envelope into the same ErrorInfo the sidebar shows today', async () => {
    const info = { kind: 'busy', message: 'Another action is running on this order.' };
    const { fetch } = fakeFetch(() => ndjson([{ type: 'reply', requestId: 'r2', ok: false, error: info }]));
    const error = await failure(client(fetch).forward(refund, { emit: () => undefined }));
    expect(describeError(error)).toEqual(info);
  });

  it('shows the contract’s own sentence for a revoked key (401)', async () => {
    const { fetch } = fakeFetch(() => errorBody(401, { kind: 'auth', message: REVOKED }));
    const error = await failure(client(fetch).forward(lookup, { emit: () => undefined }));
    expect(describeError(error)).toEqual({ kind: 'auth', message: REVOKED, status: 401 });
  });

  it.each([
    [401, 'auth'],
    [403, 'forbidden-sender'],
    [429, 'rate-limited'],
    [502, 'unavailable'],
  ] as const)('reads a %i without an ErrorInfo body (a proxy answered) as %s', async (status, kind) => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status }));
    const error = await failure(client(fetch).forward(lookup, { emit: () => undefined }));
    expect(error.info.kind).toBe(kind);
    expect(error.info.message).not.toContain('html');
  });

  it('reads a network failure on a lookup as offline', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(client(fetch).forward(lookup, { emit: () => undefined }));
    expect(error.info.kind).toBe('offline');
  });

  it('reads a network failure on a refund as outcome unknown (the write may have happened), never a plain failure', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(client(fetch).forward(refund, { emit: () => undefined }));
    // 'timeout' is what the sidebar's dialogs read as "lost": outcome unknown, then "Check what happened".
    expect(error.info.kind).toBe('timeout');
    expect(error.info.message).toMatch(/not known whether this went through/);
  });

  it('reads a refund whose stream breaks before the reply as outcome unknown', async () => {
    const { fetch } = fakeFetch(() => breakingStream([]));
    const error = await failure(client(fetch).forward(refund, { emit: () => undefined }));
    expect(error.info.kind).toBe('timeout');
  });

  it('reads a refund answered by a 502 from a proxy (no ErrorInfo) as outcome unknown', async () => {
    const { fetch } = fakeFetch(() => new Response('bad gateway', { status: 502 }));
    expect((await failure(client(fetch).forward(refund, { emit: () => undefined }))).info.kind).toBe('timeout');
  });

  it('reads a lookup stream cut before its done update as unavailable, keeping what arrived', async () => {
    const { fetch } = fakeFetch(() => breakingStream([update(1, false)]));
    const emitted: unknown[] = [];
    const error = await failure(client(fetch).forward(lookup, { emit: (m) => emitted.push(m) }));
    expect(error.info.kind).toBe('unavailable');
    expect(emitted).toHaveLength(1);
  });

  it('reads a line that is not JSON as malformed', async () => {
    const { fetch } = fakeFetch(() => ndjson([update(1, false)], ['{"type":"lookup/upd']));
    const error = await failure(client(fetch).forward(lookup, { emit: () => undefined }));
    expect(error.info.kind).toBe('malformed');
  });

  it('refuses an update for another request and a 200 that is not NDJSON', async () => {
    const other = { ...update(1, true), requestId: 'someone-else' };
    const first = fakeFetch(() => ndjson([other]));
    expect((await failure(client(first.fetch).forward(lookup, { emit: () => undefined }))).info.kind).toBe('malformed');
    const second = fakeFetch(() => new Response('{}', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect((await failure(client(second.fetch).forward(lookup, { emit: () => undefined }))).info.kind).toBe(
      'malformed',
    );
  });

  it('gives up on a service that stops sending, without waiting forever', async () => {
    const body = new ReadableStream<Uint8Array>({ start() {} });
    const { fetch } = fakeFetch(
      (call) =>
        new Promise<Response>((resolve, reject) => {
          call.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          void body;
        }),
    );
    const error = await failure(client(fetch, ENDPOINT, 50).forward(lookup, { emit: () => undefined }));
    expect(error.info.kind).toBe('unavailable');
  });

  it('says team mode is not connected when no address or key is saved, and sends nothing', async () => {
    const { fetch, calls } = fakeFetch(() => ndjson([]));
    const error = await failure(client(fetch, null).forward(lookup, { emit: () => undefined }));
    expect(error.info.kind).toBe('config');
    expect(calls).toHaveLength(0);
  });
});

describe('GET /v1/me and the admin routes', () => {
  it('reads the role, name and stores, with each store’s action switches', async () => {
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(
          JSON.stringify({
            role: 'admin',
            name: 'Ada (admin)',
            stores: [
              {
                id: 'acme',
                name: 'Acme US',
                enabled: true,
                actions: { enabled: true, cancel: true, refund: true, partialRefund: false, discount: true },
              },
            ],
          }),
          { status: 200, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    const other = { serviceUrl: 'https://other.example.com', key: 'other-key-0123456789' };
    const profile = await client(fetch).me(other);
    expect(profile.role).toBe('admin');
    expect(profile.stores[0]?.actions.partialRefund).toBe(false);
    // The address and key being tried, not the saved ones.
    expect(calls[0]?.url).toBe('https://other.example.com/v1/me');
    expect((calls[0]?.init.headers as Record<string, string> | undefined)?.Authorization).toBe(`Bearer ${other.key}`);
  });

  it('refuses a /v1/me answer without a role as malformed', async () => {
    const { fetch } = fakeFetch(() => new Response(JSON.stringify({ name: 'x', stores: [] }), { status: 200 }));
    expect((await failure(client(fetch).me())).info.kind).toBe('malformed');
  });

  it('passes a 403 for an agent key on an admin route through as the service said it', async () => {
    const info = { kind: 'forbidden-sender', message: 'Only an admin key can do that.' };
    const { fetch, calls } = fakeFetch(() => errorBody(403, info));
    const error = await failure(client(fetch).admin('GET', '/v1/admin/keys'));
    expect(error.info).toEqual({ ...info, status: 403 });
    expect(calls[0]?.init.method).toBe('GET');
  });
});
