import { describe, expect, it } from 'vitest';
import { createClient } from '../../../lib/bigcommerce/request';
import { Governor, MAX_RESET_WAIT_MS, reserveFor } from '../../../lib/bigcommerce/governor';
import { BigCommerceError } from '../../../lib/bigcommerce/errors';
import { fakeClient, fakeClock, fakeFetch, freshHash, TOKEN } from './fakes';

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
    const { client, clock, calls } = fakeClient((_, i) => ({
      status: 200,
      body: {},
      headers: quotaHeaders(i === 0 ? 12 : 149, 2500),
    }));
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
    const { client, clock } = fakeClient(() => ({ status: 200, body: {}, headers: quotaHeaders(100, 9000) }));
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
    let inFlight = 0;
    let most = 0;
    const { client } = fakeClient(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { status: 200, body: {} };
    });
    await Promise.all(Array.from({ length: 40 }, () => client.send(GET)));
    expect(most).toBe(16);
  });

  it("sends a request in the task that asked for it while a slot is free (a lookup's first store does not wait for the second's to be built); behind a full store it waits its turn", async () => {
    const clock = fakeClock();
    const replies: Array<() => void> = [];
    const { client, calls } = fakeClient(
      () => new Promise((resolve) => replies.push(() => resolve({ status: 200, body: {} }))),
      { governor: new Governor({ now: clock.now, sleep: clock.sleep, maxConcurrent: 2 }) },
      clock,
    );
    const sent = [client.send(GET), client.send(GET)];
    // No await yet: both went out synchronously.
    expect(calls).toHaveLength(2);
    const third = client.send(GET);
    expect(calls).toHaveLength(2);
    replies[0]!();
    await sent[0];
    await Promise.resolve();
    expect(calls).toHaveLength(3);
    replies[1]!();
    replies[2]!();
    await Promise.all([sent[1], third]);
  });

  it('takes no slot at once while the quota is low or others wait, and counts the one it takes', () => {
    const clock = fakeClock();
    const governor = new Governor({ now: clock.now, sleep: clock.sleep, maxConcurrent: 50 });
    governor.observe(new Headers(quotaHeaders(16, 1000)));
    const first = governor.tryAcquire();
    expect(first).not.toBeNull();
    // 16 left, 1 spent: 15 = the reserve.
    expect(governor.state().left).toBe(15);
    expect(governor.tryAcquire()).toBeNull();
    first!();
    first!(); // released once, however often called
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

describe('rate-limit governor against a hostile or broken reset header', () => {
  const hostile = (resetMs: string, windowMs = '') => ({
    'x-rate-limit-requests-left': '0',
    'x-rate-limit-requests-quota': '150',
    'x-rate-limit-time-reset-ms': resetMs,
    'x-rate-limit-time-window-ms': windowMs,
  });

  it('waits at most 30 s, however long X-Rate-Limit-Time-Reset-Ms says', async () => {
    const { client, clock, calls } = fakeClient(
      (_, i) => ({ status: 200, body: {}, headers: i === 0 ? hostile('999999999999') : quotaHeaders(149, 30000) }),
      { timeoutMs: 60_000 },
    );
    await client.send(GET);
    await client.send(GET);
    expect(MAX_RESET_WAIT_MS).toBe(30_000);
    expect(clock.sleeps).toEqual([30_000]);
    expect(calls).toHaveLength(2);
  });

  it('waits at most the window the store announces, when that is shorter', async () => {
    const clock = fakeClock();
    const governor = new Governor({ now: clock.now, sleep: clock.sleep });
    governor.observe(new Headers(hostile('86400000', '5000')));
    const release = await governor.acquire();
    release();
    expect(clock.sleeps).toEqual([5000]);
  });

  it("a request's own deadline covers its wait in the queue: it ends unsent, and the store's queue moves on", async () => {
    // A real clock whose waits never end, as a broken header would make them without the cap.
    const { fetch, calls } = fakeFetch((_, i) => ({
      status: 200,
      body: {},
      headers: i === 0 ? hostile('20000') : quotaHeaders(149, 30000),
    }));
    const client = createClient({
      storeHash: freshHash(),
      accessToken: TOKEN,
      allowCustomBase: false,
      fetch,
      sleep: () => new Promise<void>(() => undefined),
      timeoutMs: 50,
    });
    await client.send(GET);
    const started = Date.now();
    const write = await client
      .send({ method: 'POST', path: '/v2/coupons', body: { code: 'X' }, scope: 'store_v2_marketing' })
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(write).toBeInstanceOf(BigCommerceError);
    expect(write).toMatchObject({ kind: 'rate-limited', message: expect.stringMatching(/not sent/) });
    // Never left, so its outcome is known: nothing was made.
    expect((write as BigCommerceError).sent).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('aborting a request ends its queued wait', async () => {
    const clock = fakeClock();
    const governor = new Governor({ now: clock.now, sleep: () => new Promise<void>(() => undefined) });
    governor.observe(new Headers(hostile('10000')));
    const controller = new AbortController();
    const waiting = governor.acquire(controller.signal);
    expect(governor.queued()).toBe(1);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(governor.queued()).toBe(0);
  });
});
