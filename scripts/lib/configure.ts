/**
 * Connect the sandbox's stores in a freshly launched browser profile, the way an admin would:
 * from the extension's own options page, with the very `settings/save` message that page sends,
 * so the tokens go through the real background path (schema, vault). Shared by the e2e tests,
 * `npm run demo` and `npm run bench`.
 */
import { z } from 'zod';
import type { Page } from 'playwright-core';
import { SettingsSchema, type Settings } from '../../lib/settings/schema';
import type { SettingsGet, SettingsSave } from '../../lib/messages/options';
import type { LaunchedExtension } from './browser';
import {
  buildSandboxSave,
  savedMismatches,
  type ConnectOptions,
  type SandboxInfoLike,
  type SavedConnectionLike,
} from './sandbox-settings';

export type { ConnectOptions } from './sandbox-settings';

const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ kind: z.string(), message: z.string() }).passthrough() }),
]);

const SavedConnectionSchema = z
  .object({
    id: z.string(),
    storeHash: z.string(),
    enabled: z.boolean(),
    apiBaseUrl: z.string().optional(),
    tokenHint: z.string().nullable(),
    actions: z.object({ enabled: z.boolean() }).passthrough(),
  })
  .passthrough();

/** `settings/get` answers a SettingsView: `{ settings, locks, notices, isE2E }`. */
const ViewSchema = z.object({ settings: z.unknown(), isE2E: z.boolean() }).passthrough();

/** `settings/save` answers `{ saved: true, view }` or `{ saved: false, problems }`. */
const SaveReplySchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true) }).passthrough(),
  z.object({ saved: z.literal(false), problems: z.array(z.object({ path: z.string(), message: z.string() })) }),
]);

export async function connectSandboxStores(
  launched: LaunchedExtension,
  info: SandboxInfoLike,
  options: ConnectOptions = {},
): Promise<void> {
  const page = await launched.context.newPage();
  try {
    await page.goto(`chrome-extension://${launched.extensionId}/options.html`);
    await page.waitForLoadState('domcontentloaded');

    const view = ViewSchema.safeParse(await send(page, getMessage('configure-get')));
    if (!view.success)
      throw new Error(`settings/get answered something this script does not understand: ${view.error.message}`);
    if (!view.data.isE2E)
      throw new Error('This extension is the production build; it cannot reach the sandbox. Run `npm run build:e2e`.');
    const current = SettingsSchema.safeParse(view.data.settings);
    if (!current.success)
      throw new Error(`settings/get answered settings this script does not understand: ${current.error.message}`);
    const save = buildSandboxSave(current.data satisfies Settings, info, options);

    const message: SettingsSave = {
      type: 'settings/save',
      requestId: 'configure-save',
      settings: save.settings,
      secrets: save.secrets,
      ...(save.gladlyApiToken ? { gladlyApiToken: save.gladlyApiToken } : {}),
    };
    const saved = SaveReplySchema.safeParse(await send(page, message));
    if (!saved.success)
      throw new Error(`settings/save answered something this script does not understand: ${saved.error.message}`);
    if (!saved.data.saved) {
      const problems = saved.data.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
      throw new Error(`The extension refused the sandbox connections: ${problems}`);
    }

    const after = ViewSchema.safeParse(await send(page, getMessage('configure-check')));
    const connections = z
      .object({ connections: z.array(SavedConnectionSchema) })
      .passthrough()
      .safeParse(after.success ? after.data.settings : undefined);
    if (!connections.success)
      throw new Error(`After saving, settings/get answered something unexpected: ${connections.error.message}`);
    const problems = savedMismatches(connections.data.connections satisfies SavedConnectionLike[], save);
    if (problems.length > 0) throw new Error(`Connecting the sandbox stores did not take: ${problems.join('; ')}.`);
  } finally {
    await page.close().catch(() => undefined);
  }
}

function getMessage(requestId: string): SettingsGet {
  return { type: 'settings/get', requestId };
}

/**
 * One `runtime.sendMessage` from the options page; resolves with the reply's data or throws the
 * background's plain-words error. Retried briefly: right after launch the worker may still be
 * registering its listener. The message (it holds tokens) is never put into an error.
 */
async function send(page: Page, message: { type: string }): Promise<unknown> {
  let lastProblem = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await page.evaluate(async (msg) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      try {
        return { reply: await runtime.sendMessage(msg) };
      } catch (error) {
        return { failure: error instanceof Error ? error.message : String(error) };
      }
    }, message);
    if ('reply' in outcome) {
      const reply = ReplySchema.safeParse(outcome.reply);
      if (!reply.success)
        throw new Error(
          `The background gave no proper reply to ${String(message.type)} (is the options service wired in?).`,
        );
      if (!reply.data.ok)
        throw new Error(`${String(message.type)} was refused: ${reply.data.error.message} (${reply.data.error.kind})`);
      return reply.data.data;
    }
    lastProblem = outcome.failure ?? 'no answer';
    await page.waitForTimeout(300);
  }
  throw new Error(`Could not reach the extension's background for ${String(message.type)}: ${lastProblem}`);
}
