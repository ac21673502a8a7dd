/** Per-store request quota in fixed windows, like BigCommerce's 150 requests per 30 s. */

export interface QuotaState {
  quota: number;
  windowMs: number;
  windowMsLeft: number;
  left: number;
  limited: boolean;
}

export class QuotaBook {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly settings: () => { quota: number; windowMs: number },
    private readonly now: () => number,
  ) {}

  /** Spends one request for the store (unless already spent) and answers the header values. */
  take(store: string): QuotaState {
    const { quota, windowMs } = this.settings();
    const now = this.now();
    let window = this.windows.get(store);
    if (!window || now >= window.start + windowMs) {
      window = { start: now, used: 0 };
      this.windows.set(store, window);
    }
    const limited = window.used >= quota;
    if (!limited) window.used += 1;
    return {
      quota,
      windowMs,
      windowMsLeft: Math.max(0, window.start + windowMs - now),
      left: Math.max(0, quota - window.used),
      limited,
    };
  }

  clear(): void {
    this.windows.clear();
  }
}

export function quotaHeaders(state: QuotaState): Record<string, string> {
  const headers: Record<string, string> = {
    'x-rate-limit-time-window-ms': String(state.windowMs),
    'x-rate-limit-time-reset-ms': String(state.windowMsLeft),
    'x-rate-limit-requests-quota': String(state.quota),
    'x-rate-limit-requests-left': String(state.left),
  };
  if (state.limited) headers['x-retry-after'] = String(Math.max(1, Math.ceil(state.windowMsLeft / 1000)));
  return headers;
}
