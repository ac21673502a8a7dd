/**
 * Watches the sidebar frame and notes when what an agent waits for became visible: the profile,
 * the orders, then everything (tracking numbers, images, no "Loading…"). Times are epoch ms
 * (`performance.timeOrigin + performance.now()` in the page), comparable across frames and with
 * the sandbox's request log. Hooks used are the sidebar's own roles, labels and texts.
 */
import type { Frame, Page } from 'playwright-core';

export interface ProbeSpec {
  /** What the store answers for this person: a linked profile per store, guest orders, or nothing. */
  kind: 'linked' | 'guest' | 'not-found';
  /** linked: how many profiles (one per store holding the customer). */
  profiles: number;
  /** Texts that must all be on screen for the profile to count (e.g. the store's email). */
  profileTexts: string[];
  /** Order numbers ("#123" is how the sidebar shows them); all must be on screen. */
  orderNumbers: string[];
  /** First tracking numbers of shipped orders; all must be on screen for "complete". */
  trackingNumbers: string[];
  /** Open the newest order once orders show (as an agent would) so its line-item images load. */
  expandFirstOrder: boolean;
}

export interface ProbeTimes {
  profile: number | null;
  /** The profile (or guest note) and the first of the expected orders on screen. */
  orders: number | null;
  /** Every expected order on screen (some only arrive with a later round trip). */
  allOrders: number | null;
  complete: number | null;
  /** Images on screen when complete, and how many had loaded. */
  images: number;
  imagesLoaded: number;
  expanded: boolean;
  /** What was missing at the last check (for a readable failure). */
  missing: string[];
}

interface ProbeWindow {
  __bcProbe?: { times: ProbeTimes; stop(): void };
}

/**
 * tsx (esbuild, keepNames) wraps named inner functions in `__name(...)`, a helper that exists in
 * Node but not in the page a function is sent to: define a harmless stand-in there first.
 */
export async function allowNamedFunctions(target: Frame | Page): Promise<void> {
  await target.evaluate('globalThis.__name ??= (fn) => fn; undefined');
}

/** Starts watching (replacing an earlier probe in this frame). Call just before navigating. */
export async function startProbe(frame: Frame, spec: ProbeSpec): Promise<void> {
  await allowNamedFunctions(frame);
  await frame.evaluate((s: ProbeSpec) => {
    const w = window as unknown as ProbeWindow;
    w.__bcProbe?.stop();
    const now = () => performance.timeOrigin + performance.now();
    const times: ProbeTimes = {
      profile: null,
      orders: null,
      allOrders: null,
      complete: null,
      images: 0,
      imagesLoaded: 0,
      expanded: false,
      missing: [],
    };
    const textOf = () => document.body?.innerText ?? '';
    // Opened on screen, not just clicked: the details render on Preact's next commit, and a check
    // in between (complete data in one update, e.g. a prefetched visit) would count them missing.
    const opened = () =>
      document.querySelector('section[aria-label="Recent orders"] button[aria-expanded="true"]') !== null;
    const profileShown = (text: string, missing: string[]) => {
      if (s.kind === 'linked') {
        const n = document.querySelectorAll('section[aria-label="Customer profile"]').length;
        if (n < s.profiles) missing.push(`profiles ${n}/${s.profiles}`);
      } else if (s.kind === 'guest') {
        if (!text.includes('No customer account')) missing.push('guest note');
      } else {
        // The whole-screen message, not one store's "…found in this store." beside another's data.
        const screen = /No customer or orders found (in any store|in (?!this store))/.test(text);
        const data = document.querySelector(
          'section[aria-label="Recent orders"], section[aria-label="Customer profile"]',
        );
        if (!screen || data) missing.push('"not found" screen');
      }
      for (const t of s.profileTexts) if (!text.includes(t)) missing.push(t);
    };
    const check = () => {
      const text = textOf();
      const missing: string[] = [];
      profileShown(text, missing);
      if (missing.length === 0 && times.profile === null) times.profile = now();
      const absent = s.orderNumbers.filter((number) => !text.includes(`#${number}`));
      const someOrders = s.orderNumbers.length === 0 || absent.length < s.orderNumbers.length;
      if (missing.length === 0 && someOrders && times.orders === null) times.orders = now();
      for (const number of absent) missing.push(`#${number}`);
      if (missing.length === 0 && times.allOrders === null) times.allOrders = now();
      if (times.orders !== null && s.expandFirstOrder && !times.expanded) {
        const toggle = document.querySelector<HTMLButtonElement>(
          'section[aria-label="Recent orders"] button[aria-expanded="false"]',
        );
        if (toggle) {
          toggle.click();
          times.expanded = true;
        }
      }
      for (const t of s.trackingNumbers) if (!text.includes(t)) missing.push(`tracking ${t}`);
      if (text.includes('Loading tracking and images')) missing.push('"Loading tracking and images…"');
      if (document.querySelector('[aria-busy="true"]')) missing.push('a loading skeleton');
      if (s.expandFirstOrder && s.orderNumbers.length > 0 && !opened()) missing.push('the newest order opened');
      const images = [...document.images];
      const loaded = images.filter((img) => img.complete && img.naturalWidth > 0).length;
      if (loaded < images.length) missing.push(`images ${loaded}/${images.length}`);
      times.missing = missing;
      if (missing.length === 0 && times.complete === null) {
        times.complete = now();
        times.images = images.length;
        times.imagesLoaded = loaded;
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    // Image loads are not mutations: the capturing listeners hear them. The timer is only a safety
    // net: every check reads the whole sidebar's innerText (a layout), and at 10 ms it took ≈ 60 ms
    // of the sidebar's main thread per visit, delaying the very renders it times.
    const timer = setInterval(check, 100);
    document.addEventListener('load', check, true);
    document.addEventListener('error', check, true);
    w.__bcProbe = {
      times,
      stop() {
        observer.disconnect();
        clearInterval(timer);
        document.removeEventListener('load', check, true);
        document.removeEventListener('error', check, true);
      },
    };
    check();
  }, spec);
}

export async function readProbe(frame: Frame): Promise<ProbeTimes | null> {
  return frame.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__bcProbe;
    return probe ? { ...probe.times, missing: [...probe.times.missing] } : null;
  });
}

export async function stopProbe(frame: Frame): Promise<void> {
  await frame.evaluate(() => (window as unknown as ProbeWindow).__bcProbe?.stop()).catch(() => undefined);
}

/** Polls until complete or the deadline; resolves with the last reading either way. */
export async function waitForProbe(page: Page, frame: Frame, timeoutMs: number): Promise<ProbeTimes> {
  const deadline = Date.now() + timeoutMs;
  let last: ProbeTimes | null = null;
  while (Date.now() < deadline) {
    last = await readProbe(frame);
    if (last?.complete !== null && last?.complete !== undefined) return last;
    await page.waitForTimeout(50);
  }
  return (
    last ?? {
      profile: null,
      orders: null,
      allOrders: null,
      complete: null,
      images: 0,
      imagesLoaded: 0,
      expanded: false,
      missing: ['the probe never ran'],
    }
  );
}

/** Navigates the Gladly look-alike in place (pushState, like Gladly); returns the epoch ms it started. */
export async function navigateGladly(page: Page, path: string): Promise<number> {
  return page.evaluate((p) => {
    const nav = (window as unknown as { gladlyNavigate?: (path: string) => void }).gladlyNavigate;
    const at = performance.timeOrigin + performance.now();
    if (nav) nav(p);
    else {
      // The look-alike's nav links do the same (pushState + popstate-free render).
      const link = document.querySelector<HTMLAnchorElement>(`a[data-conversation-link][href="${p}"]`);
      if (!link) throw new Error(`The Gladly look-alike has neither window.gladlyNavigate nor a link to ${p}`);
      link.click();
    }
    return at;
  }, path);
}
