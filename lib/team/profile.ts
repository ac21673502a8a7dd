/**
 * What the extension last learnt from the team service's `GET /v1/me` (role, name, stores —
 * never a secret), kept in storage.local so the sidebar knows its stores at once, and still
 * sends the next lookup after the service became unreachable or the key was revoked (the
 * service's refusal is then what the agent sees, in plain words).
 */
import type { KeyValueStore } from '../core/kv-store';
import type { SidebarConnection } from '../messages/sidebar';
import { newConnection } from '../settings/schema';
import type { TeamProfile } from './client';

export const TEAM_PROFILE_KEY = 'team.profile';

export interface SavedTeamProfile extends TeamProfile {
  /** The service it came from: a profile of another service is not used. */
  serviceUrl: string;
  /** ISO 8601 instant of the answer. */
  at: string;
}

export async function readTeamProfile(local: KeyValueStore, serviceUrl: string): Promise<SavedTeamProfile | null> {
  const saved = await local.get<SavedTeamProfile>(TEAM_PROFILE_KEY);
  return saved && saved.serviceUrl === serviceUrl && Array.isArray(saved.stores) ? saved : null;
}

export async function saveTeamProfile(
  local: KeyValueStore,
  serviceUrl: string,
  profile: TeamProfile,
  at = new Date(),
): Promise<SavedTeamProfile> {
  const saved: SavedTeamProfile = { ...profile, serviceUrl, at: at.toISOString() };
  await local.set(TEAM_PROFILE_KEY, saved);
  return saved;
}

/** The sidebar's connections in team mode: the service's enabled stores, with the standalone defaults for search columns. */
export function teamSidebarConnections(profile: TeamProfile | null): SidebarConnection[] {
  if (!profile) return [];
  return profile.stores
    .filter((store) => store.enabled)
    .map((store) => {
      const defaults = newConnection(store.id);
      return {
        id: store.id,
        name: store.name,
        storeHash: '',
        searchQueryAttributes: defaults.searchQueryAttributes,
        searchResultsAttributes: defaults.searchResultsAttributes,
        actions: store.actions,
      };
    });
}
