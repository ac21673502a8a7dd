/**
 * The worker's warm-up of a lookup's reading (lib/background/lookup-warm-up.ts): in the first
 * lookup's wait for the store, the lookup's own parsing runs over made-up answers, so the real
 * ones read warm. It must run that very code (the schemas it builds are the ones a lookup needs),
 * send nothing, and run once per worker, never in the task that sends the requests.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLookupWarmUp, warmUpLookupParsing } from '../../../lib/background/lookup-warm-up';
import { samePhone } from '../../../lib/core/phone';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** Counts the zod schemas built while `work` runs (zod's construction hook, as zod/compile uses it). */
async function schemasBuilt(work: () => Promise<unknown>): Promise<number> {
  let built = 0;
  const zodGlobal = globalThis as { __zod_globalConfig?: { postProcessor?: (schema: unknown) => void } };
  zodGlobal.__zod_globalConfig ??= {};
  const config = zodGlobal.__zod_globalConfig;
  config.postProcessor = () => {
    built += 1;
  };
  try {
    await work();
    return built;
  } finally {
    config.postProcessor = undefined;
  }
}

describe('warmUpLookupParsing', () => {
  it("reads a made-up answer of each of round 1's kinds through the lookup's code, and sends nothing", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network in a warm-up')));
    vi.stubGlobal('fetch', fetch);
    let reading: Awaited<ReturnType<typeof warmUpLookupParsing>> | undefined;
    // The first run builds the order and customer schemas a lookup parses with; a second run, like
    // the real answers after it, builds none.
    const first = await schemasBuilt(async () => {
      reading = await warmUpLookupParsing(samePhone);
    });
    expect(first).toBeGreaterThan(20);
    expect(await schemasBuilt(() => warmUpLookupParsing(samePhone))).toBe(0);
    expect(reading).toEqual({
      orders: 10,
      lineItems: 20,
      customers: 2,
      phoneDisplay: '+1 650 123 4569',
      samePhone: true,
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('createLookupWarmUp', () => {
  it('runs once per worker, after the task that asked (the one sending the requests)', async () => {
    vi.useFakeTimers();
    const run = vi.fn(() => Promise.resolve());
    const warmUp = createLookupWarmUp(samePhone, run);
    warmUp();
    warmUp();
    expect(run).not.toHaveBeenCalled();
    await vi.runAllTimersAsync();
    warmUp();
    await vi.runAllTimersAsync();
    expect(run).toHaveBeenCalledTimes(1);
    expect(run).toHaveBeenCalledWith(samePhone);
  });

  it('a failing warm-up changes nothing (the first answers then read cold, as before)', async () => {
    vi.useFakeTimers();
    const run = vi.fn(() => Promise.reject(new Error('sample no longer parses')));
    createLookupWarmUp(samePhone, run)();
    await vi.runAllTimersAsync();
    expect(run).toHaveBeenCalledTimes(1);
  });
});
