/**
 * Follows the agent from customer to customer in Gladly's single-page app and reports who the
 * current customer is.
 *
 * The content script runs in an isolated world: patching `history` there does not see the page's
 * own pushState calls. So the URL is compared on every DOM mutation, on popstate, on the
 * Navigation API's events where the browser has them, and on a cheap timer.
 *
 * Gladly keeps the old customer's panel on screen for a moment after the URL changed. On a
 * customer change the watcher emits null at once, remembers the panel that was showing, and
 * accepts a panel for the new customer only when it is not that old panel (neither the same
 * render nor, unless the panel was re-rendered in between, the same contact data) and it has
 * stayed unchanged for `settleMs`.
 *
 * `onCandidate` hears of such a panel the moment it is first seen (and again whenever it changes
 * while settling), before it is trusted: enough to start an idempotent lookup early, never to show
 * anything. A panel judged stale is never a candidate.
 *
 * `onPreview` hears of a candidate that is a fresh render after a skeleton, carries contact data
 * none of the previous customer's panels had, and stayed unchanged for `previewMs`: good enough to
 * show (its profile and orders land one round trip after Gladly's panel), not to write anything —
 * the background holds a previewed lookup's writes until `onIdentity` trusts the same identity. A
 * panel replacing the old one without a skeleton is never previewed: it waits the settle window.
 */
import type { Identity } from '../messages/identity';
import { readPanel, type PanelSnapshot } from './identity';
import { parseGladlyRoute } from './routes';
import type { GladlySelectors } from './selectors';

export interface WatchGladlyOptions {
  window: Window;
  selectors: GladlySelectors;
  signal: AbortSignal;
  onIdentity(identity: Identity | null, customerId?: string): void;
  /** A new customer's panel, seen but not yet trusted (still settling): only for starting work early. */
  onCandidate?(identity: Identity, customerId: string): void;
  /** A fresh render of a new customer's panel, unchanged for `previewMs`: may be shown, not yet trusted. */
  onPreview?(identity: Identity, customerId: string): void;
  /** How long a fresh panel must stay unchanged before it is previewed (ms). */
  previewMs?: number;
  /** How often the URL is compared when nothing else happened (ms). */
  pollMs?: number;
  /** How long a new panel must stay unchanged before it is trusted (ms). */
  settleMs?: number;
}

interface Seen {
  /** Whose panel it was: a panel of the customer in the URL is never stale for that customer. */
  customerId: string | undefined;
  key: string;
  fingerprint: string;
}

interface NavigationLike extends EventTarget {}

export function watchGladly(options: WatchGladlyOptions): void {
  const { window: win, selectors, signal, onIdentity } = options;
  const pollMs = options.pollMs ?? 200;
  const settleMs = options.settleMs ?? 300;
  const previewMs = options.previewMs ?? 50;
  const doc = win.document;

  let href: string | null = null;
  let customerId: string | undefined;
  /** The previous customer's panels: never accepted for the current one. */
  let stale: Seen[] = [];
  /** The panel disappeared (skeleton) since the customer changed: what comes next is a new render. */
  let sawGap = true;
  /** At least one panel was accepted for the current customer. */
  let accepted: Seen | null = null;
  let candidate: { fingerprint: string; since: number } | null = null;
  /** The render last previewed for the current customer: each render is previewed once. */
  let previewed: string | null = null;
  let lastEmission: string | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let mutationTimer: ReturnType<typeof setTimeout> | undefined;
  /** Something in the page changed since the panel was last read. */
  let dirty = true;

  function emit(identity: Identity | null): void {
    const signature = JSON.stringify([customerId ?? null, identity]);
    if (signature === lastEmission) return;
    lastEmission = signature;
    onIdentity(identity, customerId);
  }

  function changeCustomer(next: string | undefined, first: boolean): void {
    // At start the panel on screen belongs to the URL; afterwards it is the one being left.
    const leaving = first ? null : readPanel(doc, selectors, customerId);
    // Nothing accepted since the last change (e.g. via /home): the older panels are still stale.
    const carried = accepted ? [accepted] : stale;
    // Whose panel is being left: the accepted customer's; this customer's own candidate when the
    // agent moves on before it was trusted (it may already be on screen as a preview: coming back
    // must find it theirs, not nobody's); else whoever it was seen as before.
    const owner = accepted
      ? accepted.customerId
      : leaving && candidate?.fingerprint === leaving.fingerprint
        ? customerId
        : stale.find((seen) => leaving && seen.fingerprint === leaving.fingerprint)?.customerId;
    stale = [
      ...carried,
      ...(leaving ? [{ customerId: owner, key: leaving.key, fingerprint: leaving.fingerprint }] : []),
    ].slice(-5);
    sawGap = leaving === null;
    accepted = null;
    candidate = null;
    previewed = null;
    customerId = next;
    emit(null);
  }

  function isStale(snapshot: PanelSnapshot): boolean {
    if (accepted) return false;
    const empty =
      snapshot.identity.emails.length === 0 && snapshot.identity.phones.length === 0 && !snapshot.identity.name;
    return stale.some(
      (seen) =>
        // Back to a customer seen before (e.g. via /home): their own panel is the right one.
        seen.customerId !== customerId &&
        // The very same render: the old panel is still there (an empty one after a gap is harmless).
        ((seen.fingerprint === snapshot.fingerprint && (!sawGap || !empty)) ||
          // The old contact data with no re-render in between: the old panel, partly updated.
          (!sawGap && seen.key === snapshot.key)),
    );
  }

  /** Safe to show before it settles: a fresh render (after a skeleton) with contact data no previous panel had. */
  function previewable(snapshot: PanelSnapshot): boolean {
    if (!options.onPreview || accepted || !sawGap) return false;
    const { emails, phones } = snapshot.identity;
    if (emails.length === 0 && phones.length === 0) return false;
    return !stale.some((seen) => seen.customerId !== customerId && seen.key === snapshot.key);
  }

  function check(): void {
    if (signal.aborted) return;
    dirty = false;
    const now = win.location.href;
    if (now !== href) {
      const first = href === null;
      href = now;
      const next = parseGladlyRoute(now).customerId;
      if (first || next !== customerId) changeCustomer(next, first);
    }
    if (customerId === undefined) return;

    const snapshot = readPanel(doc, selectors, customerId);
    if (!snapshot) {
      sawGap = true;
      candidate = null;
      return;
    }
    if (isStale(snapshot)) {
      candidate = null;
      return;
    }
    const time = Date.now();
    if (candidate?.fingerprint !== snapshot.fingerprint) {
      candidate = { fingerprint: snapshot.fingerprint, since: time };
      if (!accepted && settleMs > 0) options.onCandidate?.(snapshot.identity, customerId);
    }
    const waited = time - candidate.since;
    if (waited < settleMs) {
      let wait = settleMs - waited;
      if (previewed !== snapshot.fingerprint && previewable(snapshot)) {
        if (waited >= previewMs) {
          previewed = snapshot.fingerprint;
          options.onPreview?.(snapshot.identity, customerId);
        } else wait = previewMs - waited;
      }
      clearTimeout(settleTimer);
      settleTimer = setTimeout(check, wait);
      return;
    }
    accepted = { customerId, key: snapshot.key, fingerprint: snapshot.fingerprint };
    emit(snapshot.identity);
  }

  // Mutations come in bursts while React renders: check at the first mutation of a burst and once
  // more at its end. The first check sees a new panel the moment it is committed (React commits a
  // render at once), so the lookup starts and the settle window opens without waiting for the
  // burst to end; the one at the end catches what the burst changed after. A URL change is read at
  // once too, so the panel showing at the moment of navigation is the one remembered as stale.
  const Observer = (win as Window & typeof globalThis).MutationObserver;
  const observer = new Observer(() => {
    dirty = true;
    if (mutationTimer === undefined) {
      check();
      mutationTimer = setTimeout(() => {
        mutationTimer = undefined;
        check();
      }, 30);
    } else if (win.location.href !== href) check();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  // An agent editing the name changes the input's value, not the DOM.
  const onInput = () => check();
  doc.addEventListener('input', onInput, true);
  win.addEventListener('popstate', check);
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', check);
  // The timer only compares the URL unless the page changed: cheap enough to run all day.
  const poll = setInterval(() => {
    if (dirty || win.location.href !== href) check();
  }, pollMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(settleTimer);
      clearTimeout(mutationTimer);
      doc.removeEventListener('input', onInput, true);
      win.removeEventListener('popstate', check);
      navigation?.removeEventListener('currententrychange', check);
    },
    { once: true },
  );
  check();
}
