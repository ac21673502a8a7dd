/**
 * The options page's team-mode messages: Connect (tries the address and key with `GET /v1/me`,
 * then seals the key and saves the address), switch modes (nothing either mode holds is lost),
 * and the admin routes of the contract, called by the background with the sealed key. The page
 * hands a key over once and never gets it back; no reply carries a key or a store token.
 */
import type { KeyValueStore } from '../core/kv-store';
import type { MessageHandler } from './handler';
import {
  TeamAdminSchema,
  TeamConnectSchema,
  TeamMeSchema,
  TeamSetModeSchema,
  type TeamAdmin,
  type TeamAdminOp,
  type TeamConnect,
  type TeamMe,
  type TeamSetMode,
} from '../messages/team';
import type { SettingsStore } from '../settings/storage';
import { teamOf, type Settings } from '../settings/schema';
import type { Vault } from '../settings/vault';
import { TeamServiceError, type TeamClient, type TeamProfile } from '../team/client';
import { saveTeamProfile } from '../team/profile';

export interface TeamOptionsDeps {
  settings: SettingsStore;
  vault: Vault;
  local: KeyValueStore;
  client: TeamClient;
  isE2E: boolean;
  /** The profile changed (Connect, refresh): e.g. tell open sidebars their stores. */
  onProfile?(profile: TeamProfile): void;
  now?: () => Date;
}

const OPTIONS_ONLY = { from: ['extension-page'] as const, pages: ['/options.html'] as const };

const configError = (message: string, field?: string) =>
  new TeamServiceError(field ? { kind: 'config', message, field } : { kind: 'config', message });

/**
 * The service's address as saved: https (plain http only to this machine, and only in the e2e
 * build), no user name, query or fragment, no trailing slash.
 */
export function checkServiceUrl(raw: string, isE2E: boolean): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw configError('Enter the team service address, e.g. https://team.example.com.', 'team.serviceUrl');
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(isE2E && url.protocol === 'http:' && loopback))
    throw configError('The team service address must start with https://.', 'team.serviceUrl');
  if (url.username || url.password || url.search || url.hash)
    throw configError('Enter only the address of the team service, without a query or a user name.', 'team.serviceUrl');
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Method and path of each admin operation (ids are path segments, hence encoded). */
function route(op: TeamAdminOp): { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; path: string; body?: unknown } {
  const id = 'id' in op ? encodeURIComponent(op.id) : '';
  switch (op.op) {
    case 'stores/list':
      return { method: 'GET', path: '/v1/admin/stores' };
    case 'stores/save':
      return { method: 'PUT', path: `/v1/admin/stores/${id}`, body: op.store };
    case 'stores/delete':
      return { method: 'DELETE', path: `/v1/admin/stores/${id}` };
    case 'stores/test':
      return { method: 'POST', path: `/v1/admin/stores/${id}/test` };
    case 'keys/list':
      return { method: 'GET', path: '/v1/admin/keys' };
    case 'keys/issue':
      return { method: 'POST', path: '/v1/admin/keys', body: { name: op.name, role: op.role } };
    case 'keys/revoke':
      return { method: 'DELETE', path: `/v1/admin/keys/${id}` };
    case 'audit/list':
      return { method: 'GET', path: '/v1/admin/audit' };
    case 'audit/csv':
      return { method: 'GET', path: '/v1/admin/audit?format=csv' };
  }
}

export function createTeamOptionsHandlers(deps: TeamOptionsDeps): MessageHandler[] {
  const now = deps.now ?? (() => new Date());

  async function saveTeam(current: Settings, team: NonNullable<Settings['team']>): Promise<void> {
    await deps.settings.save({ ...current, team: { ...team, keyHint: await deps.vault.hint('team-key') } });
  }

  const connect = typed<TeamConnect>({
    type: 'team/connect',
    schema: TeamConnectSchema,
    ...OPTIONS_ONLY,
    async handle(message): Promise<{ profile: TeamProfile }> {
      const [current, locks] = await Promise.all([deps.settings.get(), deps.settings.locks()]);
      const saved = teamOf(current);
      const serviceUrl =
        locks.team?.serviceUrl && saved.serviceUrl ? saved.serviceUrl : checkServiceUrl(message.serviceUrl, deps.isE2E);
      const key = message.key ?? (await deps.vault.getSecret('team-key'));
      if (!key) throw configError('Paste the access key your admin gave you.', 'team.key');
      // Nothing is saved unless the service accepts this address and key.
      const profile = await deps.client.me({ serviceUrl, key });
      if (message.key !== undefined) await deps.vault.setSecret('team-key', message.key);
      await saveTeamProfile(deps.local, serviceUrl, profile, now());
      await saveTeam(current, { mode: locks.team?.mode ? saved.mode : 'team', serviceUrl, keyHint: null });
      deps.onProfile?.(profile);
      return { profile };
    },
  });

  const setMode = typed<TeamSetMode>({
    type: 'team/set-mode',
    schema: TeamSetModeSchema,
    ...OPTIONS_ONLY,
    async handle({ mode }): Promise<null> {
      const [current, locks] = await Promise.all([deps.settings.get(), deps.settings.locks()]);
      if (locks.team?.mode) throw configError('The mode is set by your administrator.');
      const saved = teamOf(current);
      if (mode === 'team' && (saved.serviceUrl === null || (await deps.vault.hint('team-key')) === null))
        throw configError('Connect to a team service first (address and access key).', 'team.key');
      // Only the mode changes: standalone connections, tokens, the address and the key all stay.
      await saveTeam(current, { ...saved, mode });
      return null;
    },
  });

  const me = typed<TeamMe>({
    type: 'team/me',
    schema: TeamMeSchema,
    ...OPTIONS_ONLY,
    async handle(): Promise<{ profile: TeamProfile }> {
      const team = teamOf(await deps.settings.get());
      if (team.serviceUrl === null) throw configError('No team service is connected yet.');
      const profile = await deps.client.me();
      await saveTeamProfile(deps.local, team.serviceUrl, profile, now());
      deps.onProfile?.(profile);
      return { profile };
    },
  });

  const admin = typed<TeamAdmin>({
    type: 'team/admin',
    schema: TeamAdminSchema,
    ...OPTIONS_ONLY,
    async handle({ request }): Promise<unknown> {
      const { method, path, body } = route(request);
      if (request.op === 'audit/csv') {
        const csv = await deps.client.adminText(path);
        return { csv, filename: `team-audit-log-${now().toISOString().slice(0, 10)}.csv` };
      }
      return deps.client.admin(method, path, body);
    },
  });

  return [connect, setMode, me, admin];
}

/** The router checks each message against its own handler's schema, so erasing T here is safe. */
function typed<T extends { type: string }>(handler: MessageHandler<T>): MessageHandler {
  return handler as unknown as MessageHandler;
}
