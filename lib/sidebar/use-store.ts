import { useSyncExternalStore } from 'preact/compat';
import type { SidebarState, SidebarStore } from './store';

/**
 * Read a slice of the sidebar store and re-render when it changes. Our own two-line binding
 * (zustand/vanilla + preact/compat) instead of zustand's React hook: no react alias needed.
 * The selector must return a value that stays the same (===) while nothing relevant changed.
 */
export function useSidebarStore<T>(store: SidebarStore, selector: (state: SidebarState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
