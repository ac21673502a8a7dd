import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SidebarClient } from '../../lib/sidebar/port';
import type { SidebarState, SidebarStore } from '../../lib/sidebar/store';
import { useSidebarStore } from '../../lib/sidebar/use-store';
import type { Locale } from '../../lib/sidebar/format';

/** What every sidebar component may reach: the store, the port's request, display settings. */
export interface SidebarContextValue {
  store: SidebarStore;
  request: SidebarClient['request'];
  /** undefined: the browser's locale. */
  locale?: Locale;
  now?: () => number;
}

export const SidebarContext = createContext<SidebarContextValue | null>(null);

export function useSidebar(): SidebarContextValue {
  const value = useContext(SidebarContext);
  if (!value) throw new Error('Sidebar components need a SidebarContext provider.');
  return value;
}

/** A slice of the sidebar state (see useSidebarStore: keep the selector's result stable). */
export function useSidebarState<T>(selector: (state: SidebarState) => T): T {
  return useSidebarStore(useSidebar().store, selector);
}
