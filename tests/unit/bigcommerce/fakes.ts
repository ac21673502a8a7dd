/** A scripted fetch and a fake clock for the BigCommerce client tests. */
import { createClient, type ClientOptions, type FetchLike } from '../../../lib/bigcommerce/request';

export interface Call {
  url: string;
  method: string;
  headers: Headers;
  body: unknown;
  /** Fake-clock time when the request left. */
  at: number;
}

export type Reply =
  | { status?: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | 'network-error'
  | 'hang';

export interface FakeClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  sleeps: number[];
}

export function fakeClock(): FakeClock {
  let t = 1_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

export function fakeFetch(respond: (call: Call, index: number) => Reply | Promise<Reply>, clock?: FakeClock) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = new Headers(init.headers);
    const call: Call = {
      url,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      at: clock?.now() ?? 0,
    };
    calls.push(call);
    const reply = await respond(call, calls.length - 1);
    if (reply === 'network-error') throw new TypeError('fetch failed');
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const status = reply.status ?? 200;
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    return new Response(status === 204 ? null : text, { status, headers: reply.headers });
  };
  return { fetch, calls };
}

let counter = 0;
/** A fresh store hash per test, so tests never share a governor. */
export const freshHash = () => `test${(counter += 1)}x${Date.now().toString(36)}`;

export const TOKEN = 'secret-token-abc123XYZ';

/** A client on a scripted fetch and a fake clock (a fresh store, no jitter); `extra` overrides any option. */
export function fakeClient(
  respond: Parameters<typeof fakeFetch>[0],
  extra: Partial<ClientOptions> = {},
  clock: FakeClock = fakeClock(),
) {
  const fake = fakeFetch(respond, clock);
  const client = createClient({
    storeHash: freshHash(),
    accessToken: TOKEN,
    allowCustomBase: false,
    fetch: fake.fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...extra,
  });
  return { client, clock, calls: fake.calls };
}
