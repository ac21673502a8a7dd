/**
 * One rate-limit governor per store: BigCommerce's quota is shared by every app on the store, so
 * when `X-Rate-Limit-Requests-Left` runs low we queue until the window resets rather than spend
 * the last requests (and other apps' share) down to 429s. Also caps concurrent requests per store.
 */

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export interface GovernorOptions extends Clock {
  /** Requests in flight at once for one store. */
  maxConcurrent?: number;
}

export interface RateLimitState {
  left: number | null;
  quota: number | null;
  resetAt: number | null;
}

/**
 * The widest round of one lookup is 14 requests (10 shipments, account and guest orders, images,
 * group): a lower cap would make a lookup wait behind its own requests, a whole round trip more.
 */
const DEFAULT_CONCURRENCY = 16;

/**
 * The longest the governor ever waits for a window to reset, whatever `X-Rate-Limit-Time-Reset-Ms`
 * says: BigCommerce's windows are 30 s or shorter, so a larger value is broken or hostile, and
 * believing it would hang every lookup of the store.
 */
export const MAX_RESET_WAIT_MS = 30_000;

/** Requests kept in reserve: max(5, 10% of the quota). */
export function reserveFor(quota: number | null): number {
  return Math.max(5, Math.ceil((quota ?? 0) / 10));
}

/** A non-negative number from a response header (Headers.get ignores letter case), or null. */
export function headerNumber(headers: Headers, name: string): number | null {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** What the request core needs from a governor (the team service's one keeps its state in a database). */
export interface RequestGovernor {
  /** Waits for a slot (an abort of `signal` ends the wait, unsent); call the returned function when done. */
  acquire(signal?: AbortSignal): Promise<() => void>;
  /**
   * A slot now, when one is free and nobody waits; else null (then `acquire`). Lets a request leave
   * in the same task that asked for it: a lookup's round 1 is built for every store in one go, and
   * an await per request would hold the first store's requests until the last store's are built.
   */
  tryAcquire?(): (() => void) | null;
  /** Learn the store's quota from a response's `X-Rate-Limit-*` headers. */
  observe(headers: Headers): void;
}

export class Governor implements RequestGovernor {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private waking = false;
  private left: number | null = null;
  private quota: number | null = null;
  private resetAt: number | null = null;
  private readonly maxConcurrent: number;

  constructor(private readonly clock: GovernorOptions) {
    this.maxConcurrent = clock.maxConcurrent ?? DEFAULT_CONCURRENCY;
  }

  /**
   * Waits for a slot; call the returned function when the request has finished. An abort of
   * `signal` (the request's own deadline) ends the wait: the request leaves the queue unsent and
   * the promise rejects with the signal's reason.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index < 0) return;
        this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.releaser());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
      this.pump();
    });
  }

  tryAcquire(): (() => void) | null {
    if (this.waiting.length > 0 || this.active >= this.maxConcurrent || this.lowOnQuota()) return null;
    this.take();
    return this.releaser();
  }

  /** Learn the store's quota from a response's `X-Rate-Limit-*` headers (any letter case). */
  observe(headers: Headers): void {
    const left = headerNumber(headers, 'X-Rate-Limit-Requests-Left');
    const quota = headerNumber(headers, 'X-Rate-Limit-Requests-Quota');
    const resetMs = headerNumber(headers, 'X-Rate-Limit-Time-Reset-Ms');
    const windowMs = headerNumber(headers, 'X-Rate-Limit-Time-Window-Ms');
    if (quota !== null) this.quota = quota;
    if (left !== null) this.left = left;
    // Never longer than the window the store announces, and never longer than MAX_RESET_WAIT_MS.
    const cap = Math.min(MAX_RESET_WAIT_MS, windowMs && windowMs > 0 ? windowMs : MAX_RESET_WAIT_MS);
    if (resetMs !== null) this.resetAt = this.clock.now() + Math.min(resetMs, cap);
    this.pump();
  }

  state(): RateLimitState {
    return { left: this.left, quota: this.quota, resetAt: this.resetAt };
  }

  /** Requests queued behind the concurrency cap or the quota reserve. */
  queued(): number {
    return this.waiting.length;
  }

  private lowOnQuota(): boolean {
    return (
      this.left !== null &&
      this.left <= reserveFor(this.quota) &&
      this.resetAt !== null &&
      this.clock.now() < this.resetAt
    );
  }

  private pump(): void {
    while (this.waiting.length > 0 && this.active < this.maxConcurrent) {
      if (this.lowOnQuota()) {
        this.wakeAtReset();
        return;
      }
      this.take();
      this.waiting.shift()!();
    }
  }

  /** A slot taken: counted against the window now, so parallel requests see each other. */
  private take(): void {
    if (this.left !== null) this.left -= 1;
    this.active += 1;
  }

  /** Frees the slot once, however often it is called. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.pump();
    };
  }

  private wakeAtReset(): void {
    if (this.waking || this.resetAt === null) return;
    this.waking = true;
    const target = this.resetAt;
    void this.clock.sleep(Math.max(0, target - this.clock.now())).then(() => {
      this.waking = false;
      // A new window (unless a later response moved the reset): full quota until told otherwise.
      if (this.resetAt === target) {
        this.left = this.quota;
        this.resetAt = null;
      }
      this.pump();
    });
  }
}

const governors = new Map<string, Governor>();

/** The governor every client of this store shares (created with the first caller's clock). */
export function governorFor(storeHash: string, options: GovernorOptions): Governor {
  let governor = governors.get(storeHash);
  if (!governor) {
    governor = new Governor(options);
    governors.set(storeHash, governor);
  }
  return governor;
}
