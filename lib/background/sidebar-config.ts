/** What the sidebar may know about the settings: connections without any secret. */
import { isTeamMode, type Settings } from '../settings/schema';
import type { ConfigPush, SidebarConnection } from '../messages/sidebar';
import type { TeamProfile } from '../team/client';
import { teamSidebarConnections } from '../team/profile';

/** In team mode the stores are the team service's (its last `GET /v1/me`), not this browser's connections. */
export function sidebarConfig(settings: Settings, teamProfile: TeamProfile | null = null): ConfigPush {
  if (isTeamMode(settings)) {
    const connections = teamSidebarConnections(teamProfile);
    return { type: 'config', connections, configured: connections.length > 0 };
  }
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
