import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { OptionsApiError, type OptionsApi } from '../../components/options/api';
import { DEFAULT_SELECTORS } from '../../lib/gladly/selectors';
import { ReplySchema } from '../../lib/messages/common';
import type { OptionsRequest } from '../../lib/messages/options';
import type { TeamAdmin, TeamConnect, TeamMe, TeamSetMode } from '../../lib/messages/team';
import type { TeamApi } from '../../components/options/TeamSection';
import './style.css';

const NO_ANSWER = 'The extension did not answer. Reload this page and try again.';
let sequence = 0;

/** One request to the background; resolves with the reply's data or throws its ErrorInfo. */
async function send<T>(
  message: DistributiveOmit<OptionsRequest | TeamConnect | TeamSetMode | TeamMe | TeamAdmin, 'requestId'>,
): Promise<T> {
  const requestId = `options-${Date.now().toString(36)}-${sequence++}`;
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ ...message, requestId });
  } catch {
    throw new OptionsApiError({ kind: 'unknown', message: NO_ANSWER });
  }
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new OptionsApiError({ kind: 'unknown', message: NO_ANSWER });
  if (!reply.data.ok) throw new OptionsApiError(reply.data.error);
  // The data's shape is the background handler's return type for this message (same build).
  return reply.data.data as T;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const api: OptionsApi = {
  get: () => send({ type: 'settings/get' }),
  save: (request) => send({ type: 'settings/save', ...request }),
  testConnection: (connection, token) => send({ type: 'settings/test-connection', connection, token }),
  testGladly: (gladlyApi, token) => send({ type: 'settings/test-gladly', gladlyApi, token }),
  exportSettings: () => send({ type: 'settings/export' }),
  importSettings: (text) => send({ type: 'settings/import', text }),
};

/** The team service's one origin, asked for at Connect (optional_host_permissions in the manifest). */
function originPattern(serviceUrl: string): string | null {
  try {
    return `${new URL(serviceUrl).origin}/*`;
  } catch {
    return null;
  }
}

const teamApi: TeamApi = {
  requestOrigin: (serviceUrl) => {
    const pattern = originPattern(serviceUrl);
    // The background refuses a bad address with a clear sentence; nothing to ask the browser for.
    if (!pattern) return Promise.resolve(true);
    return browser.permissions.request({ origins: [pattern] }).catch(() => false);
  },
  connect: (serviceUrl, key) => send({ type: 'team/connect', serviceUrl, key }),
  setMode: (mode) => send({ type: 'team/set-mode', mode }),
  me: () => send({ type: 'team/me' }),
  admin: (request) => send({ type: 'team/admin', request }),
};

async function currentShortcut(): Promise<string | null> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'toggle-sidebar')?.shortcut || null;
  } catch {
    return null;
  }
}

void currentShortcut().then((shortcut) => {
  render(
    <OptionsPage
      api={api}
      teamApi={teamApi}
      isE2E={__E2E__}
      defaultSelectors={DEFAULT_SELECTORS}
      shortcut={shortcut}
    />,
    document.getElementById('app')!,
  );
});
