import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { ScopeProbe } from '../core/store-ports';
import { ConnectionSchema, GladlyApiSettingsSchema, type DraftProblem, type Settings } from '../settings/schema';
import type { SettingsLocks, SettingsNotice } from '../settings/schema';
import { RequestIdSchema } from './common';

/** Options page → background, over `runtime.sendMessage`; every reply is a Reply (lib/messages/common.ts). */

/** A typed token: long enough to be one, no whitespace inside. */
const TokenSchema = lazySchema(() => z.string().trim().min(1).max(500).regex(/^\S+$/, 'A token has no spaces'));

export const SettingsGetSchema = lazySchema(() =>
  z.object({ type: z.literal('settings/get'), requestId: RequestIdSchema }),
);

export const SettingsSaveSchema = lazySchema(() =>
  z.object({
    type: z.literal('settings/save'),
    requestId: RequestIdSchema,
    /** Checked in full by the background (validateDraft), not here, so the reply can name each field. */
    settings: z.custom<Settings>((value) => typeof value === 'object' && value !== null),
    /** New access tokens, by connection id; a connection not listed keeps its saved token. */
    secrets: z.record(z.string().max(64), TokenSchema).optional(),
    gladlyApiToken: TokenSchema.optional(),
  }),
);

export const SettingsTestConnectionSchema = lazySchema(() =>
  z.object({
    type: z.literal('settings/test-connection'),
    requestId: RequestIdSchema,
    /** The connection as typed (maybe unsaved); only the id, store hash, API base and actions are used. */
    connection: ConnectionSchema.pick({ id: true, storeHash: true, apiBaseUrl: true, actions: true }).extend({
      storeHash: z.string().max(300),
    }),
    /** A token typed but not saved yet; otherwise the saved one is used. */
    token: TokenSchema.optional(),
  }),
);

export const SettingsTestGladlySchema = lazySchema(() =>
  z.object({
    type: z.literal('settings/test-gladly'),
    requestId: RequestIdSchema,
    gladlyApi: GladlyApiSettingsSchema.pick({ host: true, email: true }),
    token: TokenSchema.optional(),
  }),
);

export const SettingsExportSchema = lazySchema(() =>
  z.object({ type: z.literal('settings/export'), requestId: RequestIdSchema }),
);

export const SettingsImportSchema = lazySchema(() =>
  z.object({
    type: z.literal('settings/import'),
    requestId: RequestIdSchema,
    text: z.string().max(1_000_000),
  }),
);

export type SettingsGet = z.infer<typeof SettingsGetSchema>;
export type SettingsSave = z.infer<typeof SettingsSaveSchema>;
export type SettingsTestConnection = z.infer<typeof SettingsTestConnectionSchema>;
export type SettingsTestGladly = z.infer<typeof SettingsTestGladlySchema>;
export type SettingsExport = z.infer<typeof SettingsExportSchema>;
export type SettingsImport = z.infer<typeof SettingsImportSchema>;
export type OptionsRequest =
  | SettingsGet
  | SettingsSave
  | SettingsTestConnection
  | SettingsTestGladly
  | SettingsExport
  | SettingsImport;

/** Reply data of settings/get and settings/save: token hints only, never a token. */
export interface SettingsView {
  settings: Settings;
  locks: SettingsLocks;
  notices: SettingsNotice[];
  /** The e2e build: the page shows "API base URL". */
  isE2E: boolean;
}

export interface TestConnectionResult {
  store: { name: string; currency: string; timezone: string };
  scopes: ScopeProbe[];
}

export interface TestGladlyResult {
  /** e.g. the agent's name as Gladly knows it. */
  detail: string;
}

export interface ExportResult {
  json: string;
  filename: string;
}

export interface ImportReply {
  settings: Settings;
  /** Sentences for the admin (migrated from an older version, secrets removed, tokens to enter). */
  notes: string[];
}

/** Reply data of settings/save: saved, or nothing saved and every field to fix. */
export type SaveReply = { saved: true; view: SettingsView } | { saved: false; problems: DraftProblem[] };
