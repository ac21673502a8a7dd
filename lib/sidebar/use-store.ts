import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { SidebarState, SidebarStore } from './store';

/**
 * Read a slice of the sidebar store and re-render when it changes: zustand/vanilla bound with
 * preact/hooks alone. (preact/compat's useSyncExternalStore would bring all of compat, whose
 * global vnode hook then runs on every element the sidebar renders.)
 * The selector must return a value that stays the same (===) while nothing relevant changed.
 */
export function useSidebarStore<T>(store: SidebarStore, selector: (state: SidebarState) => T): T {
  const value = selector(store.getState());
  // What this render showed, for the subscription to compare with (selectors are inline arrows).
  const shown = useRef({ selector, value });
  shown.current = { selector, value };
  const [, rerender] = useState(0);
  useLayoutEffect(() => {
    const check = () => {
      const { selector, value } = shown.current;
      if (!Object.is(selector(store.getState()), value)) rerender((n) => n + 1);
    };
    // The store may have changed between this render and the subscription.
    check();
    return store.subscribe(check);
  }, [store]);
  return value;
}
