/** Per-key token bucket (per process): a burst of `burst` requests, refilled at `perSecond`. */
export interface RateLimiter {
  /** True when the key may make a request now. */
  take(keyId: string): boolean;
}

export function createRateLimiter(options: { burst: number; perSecond: number; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(keyId) {
      const t = now();
      // Forget idle keys (a full bucket is the same as no bucket), so guessed keys cannot grow the map.
      if (buckets.size > 10_000)
        for (const [id, b] of buckets)
          if (b.tokens + ((t - b.at) / 1000) * options.perSecond >= options.burst) buckets.delete(id);
      const bucket = buckets.get(keyId) ?? { tokens: options.burst, at: t };
      bucket.tokens = Math.min(options.burst, bucket.tokens + ((t - bucket.at) / 1000) * options.perSecond);
      bucket.at = t;
      buckets.set(keyId, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
  };
}
