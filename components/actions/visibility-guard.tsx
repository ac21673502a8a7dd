/**
 * The clickjacking guard for money confirmations. The sidebar is an iframe inside a page the
 * extension does not control: that page can cover the iframe with a decoy, fade it or transform
 * it, and trick a click onto Confirm. IntersectionObserver v2 (`trackVisibility`) is the
 * browser's own answer to exactly this: `isVisible` is true only while nothing is drawn over the
 * target and no opacity, transform or filter (in this frame or any frame around it) alters it.
 * The page cannot fake it. Confirm is enabled only while the dialog reports visible.
 *
 * The dialog is observed, not its Confirm button: a disabled button is drawn faded (opacity),
 * which would itself read as "not visible" and keep it disabled for ever. Browsers without v2
 * (Firefox) get no guard: there is nothing trustworthy to ask, so nothing is blocked there.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

export type Visibility = 'unsupported' | 'checking' | 'visible' | 'covered';

export function tracksVisibility(): boolean {
  return (
    typeof IntersectionObserver === 'function' &&
    typeof IntersectionObserverEntry === 'function' &&
    'isVisible' in IntersectionObserverEntry.prototype
  );
}

/** What the browser reports about an element's visibility to the agent, re-checked every 100 ms at most. */
export function useVisibility(ref: RefObject<HTMLElement | null>): Visibility {
  const [state, setState] = useState<Visibility>(() => (tracksVisibility() ? 'checking' : 'unsupported'));
  useEffect(() => {
    const target = ref.current;
    if (!tracksVisibility() || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries[entries.length - 1] as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (last) setState(last.isVisible === true ? 'visible' : 'covered');
      },
      // delay ≥ 100 is what trackVisibility requires; it also bounds how stale an answer can be.
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [ref]);
  return state;
}

export interface ConfirmGuard {
  /** True while Confirm must stay disabled (not yet known to be visible, or covered). */
  blocked: boolean;
}

export const ConfirmGuardContext = createContext<ConfirmGuard>({ blocked: false });

/**
 * Wraps a dialog's Confirm button (inside the Modal, which provides the guard):
 * `<Guarded>{(blocked) => <button disabled={… || blocked}>Confirm</button>}</Guarded>`.
 */
export function Guarded({ children }: { children: (blocked: boolean) => ComponentChildren }) {
  return <>{children(useContext(ConfirmGuardContext).blocked)}</>;
}
