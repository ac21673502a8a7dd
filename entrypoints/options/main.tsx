import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsPage } from '../../components/options/OptionsPage';
import { OptionsApiError, createOptionsApi } from '../../components/options/api';
import { DEFAULT_SELECTORS } from '../../lib/gladly/selectors';
import { ReplySchema } from '../../lib/messages/common';
import type { TeamAdminOp } from '../../lib/messages/team';
import type { AnyOutgoing, OptionsMessageType, Outgoing, ReplyOf, TeamAdminReplies } from '../../lib/messages/protocol';
import type { TeamApi } from '../../components/options/TeamSection';
import { i18n } from '#i18n';
import './style.css';

let sequence = 0;

/**
 * One request to the background; resolves with the reply's data or throws its ErrorInfo. The
 * signatures are the one place a reply's data gets its type: the background's handler for each
 * type returns ReplyOf<K> (lib/background/handler.ts checks it), team/admin the answer of the
 * team service's route for its operation (TeamAdminReplies), and both ends are the same build.
 */
function send<R extends TeamAdminOp>(
  message: Outgoing<'team/admin'> & { request: R },
): Promise<TeamAdminReplies[R['op']]>;
function send<K extends OptionsMessageType>(message: Outgoing<K>): Promise<ReplyOf<K>>;
async function send(message: AnyOutgoing<OptionsMessageType>): Promise<unknown> {
  const requestId = `options-${Date.now().toString(36)}-${sequence++}`;
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ ...message, requestId });
  } catch {
    throw new OptionsApiError({ kind: 'unknown', message: i18n.t('options.noAnswer') });
  }
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new OptionsApiError({ kind: 'unknown', message: i18n.t('options.noAnswer') });
  if (!reply.data.ok) throw new OptionsApiError(reply.data.error);
  return reply.data.data;
}

const api = createOptionsApi(send);

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
  setMode: async (mode) => {
    await send({ type: 'team/set-mode', mode });
  },
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

// The tab's title and the page's language (screen readers pronounce by it) follow the catalog in use.
document.title = i18n.t('options.title');
document.documentElement.lang = i18n.t('sidebar.formatLocale');

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
