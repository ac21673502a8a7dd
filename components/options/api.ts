/**
 * What the options page needs from the background, as plain async calls; the entrypoint
 * implements it with runtime.sendMessage, tests with fakes. Components never talk to the
 * browser themselves.
 */
import type { ErrorInfo } from '../../lib/messages/common';
import type {
  ExportResult,
  ImportReply,
  SaveReply,
  SettingsTestConnection,
  SettingsView,
  TestConnectionResult,
  TestGladlyResult,
} from '../../lib/messages/options';
import type { Settings } from '../../lib/settings/schema';

export interface OptionsApi {
  get(): Promise<SettingsView>;
  save(request: { settings: Settings; secrets: Record<string, string>; gladlyApiToken?: string }): Promise<SaveReply>;
  testConnection(connection: SettingsTestConnection['connection'], token?: string): Promise<TestConnectionResult>;
  testGladly(gladlyApi: { host: string; email: string }, token?: string): Promise<TestGladlyResult>;
  exportSettings(): Promise<ExportResult>;
  importSettings(text: string): Promise<ImportReply>;
}

/** A refused request, carrying the background's plain-words ErrorInfo. */
export class OptionsApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'OptionsApiError';
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof OptionsApiError) return error.info.message;
  return 'The extension did not answer. Reload this page and try again.';
}
