/**
 * One quota governor per store across every replica: the store's `X-Rate-Limit-*` state is a
 * row, and each request spends one of its requests in an atomic UPDATE before it is sent. When
 * what is left reaches the reserve (lib/bigcommerce/governor.ts reserveFor: the same rule as the
 * extension), requests wait for the window to reset instead of pushing the store into 429s.
 * Concurrency per store is still capped per process by the extension's own Governor.
 */
import { Governor, headerNumber, MAX_RESET_WAIT_MS, type RequestGovernor } from '../lib/bigcommerce/governor';
import type { Queryable } from './db/db';

export interface GovernorClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: GovernorClock = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
/** How often a waiting request looks at the row again (another replica may have learnt a reset). */
const POLL_CAP_MS = 250;

export function createDbGovernor(db: Queryable, storeHash: string, clock: GovernorClock = realClock): RequestGovernor {
  const local = new Governor({ now: clock.now, sleep: clock.sleep });
  let ensured: Promise<unknown> | null = null;
  const ensureRow = () => {
    if (!ensured) {
      ensured = db.query('INSERT INTO store_quota (store_hash) VALUES ($1) ON CONFLICT DO NOTHING', [storeHash]);
      // A failed insert is tried again by the next request.
      ensured.catch(() => {
        ensured = null;
      });
    }
    return ensured;
  };

  /** Spends one request if the window allows it; otherwise says when to look again. */
  async function spend(): Promise<number | null> {
    await ensureRow();
    const now = clock.now();
    const rows = await db.query<{ requests_left: number | null }>(
      `UPDATE store_quota SET
         -- A window that has reset starts again from the full quota.
         requests_left = CASE WHEN reset_at IS NOT NULL AND reset_at <= $2 THEN quota - 1
                              WHEN requests_left IS NULL THEN NULL ELSE requests_left - 1 END,
         reset_at = CASE WHEN reset_at IS NOT NULL AND reset_at <= $2 THEN NULL ELSE reset_at END
       WHERE store_hash = $1
         -- The reserve is reserveFor(quota): max(5, 10 % of the quota).
         AND (requests_left IS NULL OR reset_at IS NULL OR reset_at <= $2
              OR requests_left > GREATEST(5, CEIL(COALESCE(quota, 0) / 10.0)))
       RETURNING requests_left`,
      [storeHash, now],
    );
    if (rows.length > 0) return null;
    const [row] = await db.query<{ reset_at: number | null }>(
      'SELECT reset_at FROM store_quota WHERE store_hash = $1',
      [storeHash],
    );
    const resetAt = row?.reset_at === null || row?.reset_at === undefined ? now : Number(row.reset_at);
    return Math.max(10, Math.min(POLL_CAP_MS, resetAt - now));
  }

  return {
    async acquire(signal) {
      const release = await local.acquire(signal);
      try {
        for (;;) {
          // The request's own deadline (or its caller's abort) ends the wait: it leaves unsent.
          if (signal?.aborted) throw signal.reason;
          const wait = await spend();
          if (wait === null) return release;
          await clock.sleep(wait);
        }
      } catch (error) {
        release();
        throw error;
      }
    },
    observe(headers) {
      const left = headerNumber(headers, 'X-Rate-Limit-Requests-Left');
      const quota = headerNumber(headers, 'X-Rate-Limit-Requests-Quota');
      const resetMs = headerNumber(headers, 'X-Rate-Limit-Time-Reset-Ms');
      if (left === null && quota === null && resetMs === null) return;
      const windowMs = headerNumber(headers, 'X-Rate-Limit-Time-Window-Ms');
      // As the extension's governor: never longer than the announced window, nor MAX_RESET_WAIT_MS.
      const cap = Math.min(MAX_RESET_WAIT_MS, windowMs && windowMs > 0 ? windowMs : MAX_RESET_WAIT_MS);
      const resetAt = resetMs === null ? null : clock.now() + Math.min(resetMs, cap);
      // Answers arrive out of order: within one window (the same reset time, ±1 s) keep the lower
      // count (what others spent since is already taken off); another reset time means another
      // window (or a stored one that was wrong), whose count wins.
      void db
        .query(
          `UPDATE store_quota SET
             quota = COALESCE($2, quota),
             requests_left = CASE WHEN $3::integer IS NULL THEN requests_left
                                  WHEN requests_left IS NULL OR reset_at IS NULL OR abs($4::bigint - reset_at) > 1000 THEN $3::integer
                                  ELSE LEAST(requests_left, $3::integer) END,
             reset_at = CASE WHEN $4::bigint IS NULL THEN reset_at
                             WHEN reset_at IS NULL OR abs($4::bigint - reset_at) > 1000 THEN $4::bigint
                             ELSE reset_at END
           WHERE store_hash = $1`,
          [storeHash, quota, left, resetAt],
        )
        .catch(() => undefined);
    },
  };
}
