/**
 * What the options page needs from the background, as plain async calls built over one `send`
 * typed by the protocol map (lib/messages/protocol.ts): the entrypoint gives it
 * runtime.sendMessage, tests give fakes. Components never talk to the browser themselves.
 */
import { i18n } from '#i18n';
import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from '../../lib/actions/audit-log';
import type { ErrorInfo } from '../../lib/messages/common';
import type { SettingsTestConnection } from '../../lib/messages/options';
import type { OptionsMessageType, ReplyOf, Sender } from '../../lib/messages/protocol';
import type { Settings } from '../../lib/settings/schema';
import { translateSentence } from './sentences';

export interface OptionsApi {
  get(): Promise<ReplyOf<'settings/get'>>;
  save(request: {
    settings: Settings;
    secrets: Record<string, string>;
    gladlyApiToken?: string;
  }): Promise<ReplyOf<'settings/save'>>;
  testConnection(
    connection: SettingsTestConnection['connection'],
    token?: string,
  ): Promise<ReplyOf<'settings/test-connection'>>;
  testGladly(gladlyApi: { host: string; email: string }, token?: string): Promise<ReplyOf<'settings/test-gladly'>>;
  exportSettings(): Promise<ReplyOf<'settings/export'>>;
  importSettings(text: string): Promise<ReplyOf<'settings/import'>>;
  /** The audit log, newest first. */
  auditLog(): Promise<AuditEntry[]>;
}

/** A refused request, carrying the background's plain-words ErrorInfo. */
export class OptionsApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'OptionsApiError';
  }
}

const AuditEntriesSchema = z.array(AuditEntrySchema);

/** The options page's calls, each one request of the options protocol. */
export function createOptionsApi(send: Sender<OptionsMessageType>): OptionsApi {
  return {
    get: () => send({ type: 'settings/get' }),
    save: (request) => send({ type: 'settings/save', ...request }),
    testConnection: (connection, token) => send({ type: 'settings/test-connection', connection, token }),
    testGladly: (gladlyApi, token) => send({ type: 'settings/test-gladly', gladlyApi, token }),
    exportSettings: () => send({ type: 'settings/export' }),
    importSettings: (text) => send({ type: 'settings/import', text }),
    async auditLog() {
      const { entries } = await send({ type: 'audit/list' });
      // The log is read from storage: an entry a newer version wrote must not break the table.
      const parsed = AuditEntriesSchema.safeParse(entries);
      if (!parsed.success) throw new Error(i18n.t('optionsAudit.unreadable'));
      return parsed.data;
    },
  };
}

export function messageOf(error: unknown): string {
  // The background speaks English; the page says what it knows in its own language.
  if (error instanceof OptionsApiError) return translateSentence(error.info.message);
  return i18n.t('options.noAnswer');
}
