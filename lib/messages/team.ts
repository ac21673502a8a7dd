import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { AuditEntry } from '../actions/audit-log';
import type { ScopeProbe } from '../core/store-ports';
import { ConnectionIdSchema, ConnectionSchema, TeamModeSchema } from '../settings/schema';
import type { TeamProfile } from '../team/client';
import { RequestIdSchema } from './common';
import type { SettingsView } from './options';

/**
 * Options page → background: team mode. The page hands the access key over once (Connect) and
 * never sees it again; every admin call is made by the background with the sealed key.
 */

/** An access key as pasted: no spaces, a sane length. */
const AccessKeySchema = lazySchema(() =>
  z.string().trim().min(8).max(500).regex(/^\S+$/, 'An access key has no spaces'),
);

export const TeamConnectSchema = lazySchema(() =>
  z.object({
    type: z.literal('team/connect'),
    requestId: RequestIdSchema,
    serviceUrl: z.string().trim().min(1).max(300),
    /** Absent: try the saved key again (e.g. after the address moved). */
    key: AccessKeySchema.optional(),
  }),
);

export const TeamSetModeSchema = lazySchema(() =>
  z.object({
    type: z.literal('team/set-mode'),
    requestId: RequestIdSchema,
    mode: TeamModeSchema,
  }),
);

export const TeamMeSchema = lazySchema(() => z.object({ type: z.literal('team/me'), requestId: RequestIdSchema }));

/** A store as the admin edits it on the service: the extension's Connection fields, plus a write-only token. */
export const TeamStoreInputSchema = lazySchema(() =>
  ConnectionSchema.pick({
    name: true,
    storeHash: true,
    clientId: true,
    enabled: true,
    // Kept as the service has it (it honours one only when started with --allow-loopback-api: tests, demo).
    apiBaseUrl: true,
    searchQueryAttributes: true,
    searchResultsAttributes: true,
    autoLink: true,
    overwriteExistingValues: true,
    actions: true,
  }).extend({ accessToken: z.string().trim().min(1).max(500).regex(/^\S+$/).optional() }),
);

/** The admin routes of the contract, one operation per variant (the background maps each to its route). */
export const TeamAdminOpSchema = lazySchema(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('stores/list') }),
    z.object({ op: z.literal('stores/save'), id: ConnectionIdSchema, store: TeamStoreInputSchema }),
    z.object({ op: z.literal('stores/delete'), id: ConnectionIdSchema }),
    z.object({ op: z.literal('stores/test'), id: ConnectionIdSchema }),
    z.object({ op: z.literal('keys/list') }),
    z.object({
      op: z.literal('keys/issue'),
      name: z.string().trim().min(1).max(120),
      role: z.enum(['agent', 'admin']),
    }),
    z.object({ op: z.literal('keys/revoke'), id: z.string().min(1).max(100) }),
    z.object({ op: z.literal('audit/list') }),
    z.object({ op: z.literal('audit/csv') }),
  ]),
);

export const TeamAdminSchema = lazySchema(() =>
  z.object({
    type: z.literal('team/admin'),
    requestId: RequestIdSchema,
    request: TeamAdminOpSchema,
  }),
);

export type TeamConnect = z.infer<typeof TeamConnectSchema>;
export type TeamSetMode = z.infer<typeof TeamSetModeSchema>;
export type TeamMe = z.infer<typeof TeamMeSchema>;
export type TeamAdmin = z.infer<typeof TeamAdminSchema>;
export type TeamAdminOp = z.infer<typeof TeamAdminOpSchema>;
export type TeamStoreInput = z.infer<typeof TeamStoreInputSchema>;

export interface TeamConnectReply {
  profile: TeamProfile;
  view: SettingsView;
}

/** A store as the service lists it: never a token, only whether one is set. */
export type TeamServiceStore = Omit<TeamStoreInput, 'accessToken'> & { id: string; hasToken: boolean };

export interface TeamKey {
  id: string;
  name: string;
  role: 'agent' | 'admin';
  createdAt: string;
  revokedAt: string | null;
}

export type TeamAuditEntry = AuditEntry & { keyName?: string };

export interface TeamStoreTestResult {
  store: { name: string; currency: string; timezone: string };
  scopes: ScopeProbe[];
}
