import { describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/bigcommerce/request';
import { Governor, reserveFor } from '../../../lib/bigcommerce/governor';
import { fakeClock, fakeFetch, freshHash, TOKEN } from './fakes';

const GET = { method: 'GET', path: '/v2/store', scope: 'store_v2_information_read_only' } as const;

const quotaHeaders = (left: number, resetMs: number) => ({
  'x-rate-limit-requests-left': String(left),
  'x-rate-limit-requests-quota': '150',
  'x-rate-limit-time-reset-ms': String(resetMs),
  'x-rate-limit-time-window-ms': '30000',
});

describe('rate-limit governor', () => {
  it('keeps a reserve of max(5, 10% of the quota)', () => {
    expect(reserveFor(150)).toBe(15);
    expect(reserveFor(450)).toBe(45);
    expect(reserveFor(20)).toBe(5);
    expect(reserveFor(null)).toBe(5);
  });

  it('queues requests until the window resets when few requests are left, instead of spending them to a 429', async () => {
    const clock = fakeClock();
    const { fetch, calls } = fakeFetch(
      (_, i) => ({ status: 200, body: {}, headers: quotaHeaders(i === 0 ? 12 : 149, 2500) }),
      clock,
    );
    const client = createClient({
      storeHash: freshHash(),
      accessToken: TOKEN,
      allowCustomBase: false,
      fetch,
      now: clock.now,
      sleep: clock.sleep,
    });
    await client.send(GET);
    const before = clock.now();
    await client.send(GET);
    expect(clock.sleeps).toEqual([2500]);
    expect(calls[1]!.at - before).toBe(2500);
    // A full window again: no more waiting.
    await client.send(GET);
    expect(clock.sleeps).toEqual([2500]);
  });

  it('does not wait while plenty of requests are left', async () => {
    const clock = fakeClock();
    const { fetch } = fakeFetch(() => ({ status: 200, body: {}, headers: quotaHeaders(100, 9000) }), clock);
    const client = createClient({
      storeHash: freshHash(),
      accessToken: TOKEN,
      allowCustomBase: false,
      fetch,
      now: clock.now,
      sleep: clock.sleep,
    });
    for (let i = 0; i < 5; i += 1) await client.send(GET);
    expect(clock.sleeps).toEqual([]);
  });

  it('is shared by every client of the same store', async () => {
    const clock = fakeClock();
    const hash = freshHash();
    const { fetch, calls } = fakeFetch(
      (_, i) => ({ status: 200, body: {}, headers: quotaHeaders(i === 0 ? 3 : 149, 4000) }),
      clock,
    );
    const options = {
      storeHash: hash,
      accessToken: TOKEN,
      allowCustomBase: false,
      fetch,
      now: clock.now,
      sleep: clock.sleep,
    };
    await createClient(options).send(GET);
    await createClient(options).send(GET);
    expect(clock.sleeps).toEqual([4000]);
    expect(calls).toHaveLength(2);
    // Another store is not held back.
    await createClient({ ...options, storeHash: freshHash() }).send(GET);
    expect(clock.sleeps).toEqual([4000]);
  });

  it('caps requests in flight per store at 16, above the widest round of one lookup (14)', async () => {
    const clock = fakeClock();
    let inFlight = 0;
    let most = 0;
    const { fetch } = fakeFetch(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { status: 200, body: {} };
    }, clock);
    const client = createClient({
      storeHash: freshHash(),
      accessToken: TOKEN,
      allowCustomBase: false,
      fetch,
      now: clock.now,
      sleep: clock.sleep,
    });
    await Promise.all(Array.from({ length: 40 }, () => client.send(GET)));
    expect(most).toBe(16);
  });

  it('counts requests already sent against what is left', async () => {
    const clock = fakeClock();
    const governor = new Governor({ now: clock.now, sleep: clock.sleep, maxConcurrent: 50 });
    governor.observe(new Headers(quotaHeaders(17, 1000)));
    const releases = await Promise.all([governor.acquire(), governor.acquire()]);
    // 17 left, 2 spent: 15 = the reserve, so the third waits for the reset.
    const third = governor.acquire();
    await Promise.resolve();
    expect(clock.sleeps).toEqual([1000]);
    releases.forEach((release) => release());
    (await third)();
  });
});
