/** What the sidebar may know about the settings: connections without any secret. */
import type { Settings } from '../settings/schema';
import type { ConfigPush, SidebarConnection } from '../messages/sidebar';

export function sidebarConfig(settings: Settings): ConfigPush {
  const connections: SidebarConnection[] = settings.connections
    .filter((c) => c.enabled && c.tokenHint !== null)
    .map((c) => ({
      id: c.id,
      name: c.name,
      storeHash: c.storeHash,
      searchQueryAttributes: c.searchQueryAttributes,
      searchResultsAttributes: c.searchResultsAttributes,
      actions: c.actions,
      reasons: settings.actionReasons,
    }));
  return { type: 'config', connections, configured: connections.length > 0 };
}
