/**
 * The protocol in one map: each request type → the request the sender writes and the data of the
 * ok reply it gets back (the way @webext-core/messaging's ProtocolMap does it). The background's
 * handlers are checked against it (lib/background/handler.ts) and every sender calls through a
 * `Sender` typed by it, so a handler that returns, or a component that expects, the wrong shape
 * fails the type check. The zod schemas (one per message, checked by the router) stay the
 * receiving side's guard; this map is the compile-time contract between the two ends.
 */
import type { AuditEntry } from '../actions/audit-log';
import type {
  ActionStatusRequestSchema,
  ActionStatusResult,
  AuditListRequestSchema,
  CancelRefundRequestSchema,
  CancelRefundResult,
  CancelRequestSchema,
  CancelResult,
  CouponCodeCheckResult,
  CouponCodeCheckSchema,
  CouponCreateResult,
  CouponCreateSchema,
  RefundQuoteRequestSchema,
  RefundQuoteResult,
  RefundRequestSchema,
  RefundResult,
} from './actions';
import type { ContentHello, ContentHelloReply, DockGetSchema, DockSetSchema, DockStateMessage } from './content';
import type { LifetimeReply, LifetimeRequest, MoreOrdersReply, MoreOrdersRequest } from './history';
import type { IdentityChanged } from './identity';
import type {
  TeamAdmin,
  TeamAdminOp,
  TeamAuditEntry,
  TeamConnect,
  TeamKey,
  TeamMe,
  TeamServiceStore,
  TeamSetMode,
  TeamStoreTestResult,
} from './team';
import type { TeamProfile } from '../team/client';
import type { LinkRequestSchema, LookupRequestSchema, UnlinkRequestSchema } from './lookup';
import type {
  ExportResult,
  ImportReply,
  SaveReply,
  SettingsExport,
  SettingsGet,
  SettingsImport,
  SettingsSave,
  SettingsTestConnection,
  SettingsTestGladly,
  SettingsView,
  TestConnectionResult,
  TestGladlyResult,
} from './options';
import type { InsertText, InsertTextReply, OpenOptions } from './sidebar';
import type { z } from 'zod';

interface Message<Request extends { type: string }, Reply> {
  request: Request;
  reply: Reply;
}

export interface ProtocolMap {
  // Content script → background (runtime.sendMessage)
  'content/hello': Message<ContentHello, ContentHelloReply>;
  'identity/changed': Message<IdentityChanged, null>;
  'dock/get': Message<z.infer<typeof DockGetSchema>, DockStateMessage | null>;
  'dock/set': Message<z.infer<typeof DockSetSchema>, null>;
  // Options page → background (runtime.sendMessage)
  'settings/get': Message<SettingsGet, SettingsView>;
  'settings/save': Message<SettingsSave, SaveReply>;
  'settings/test-connection': Message<SettingsTestConnection, TestConnectionResult>;
  'settings/test-gladly': Message<SettingsTestGladly, TestGladlyResult>;
  'settings/export': Message<SettingsExport, ExportResult>;
  'settings/import': Message<SettingsImport, ImportReply>;
  'audit/list': Message<z.infer<typeof AuditListRequestSchema>, AuditListResult>;
  // Options page → background, team mode (the background calls the team service)
  'team/connect': Message<TeamConnect, { profile: TeamProfile }>;
  'team/set-mode': Message<TeamSetMode, null>;
  'team/me': Message<TeamMe, { profile: TeamProfile }>;
  // What the team service's admin route answered, as it sent it; the reply per operation is TeamAdminReplies.
  'team/admin': Message<TeamAdmin, unknown>;
  // Sidebar → background (over the port). A lookup's data comes as lookup/update; its reply is null.
  lookup: Message<z.infer<typeof LookupRequestSchema>, null>;
  link: Message<z.infer<typeof LinkRequestSchema>, { customerId: string }>;
  unlink: Message<z.infer<typeof UnlinkRequestSchema>, { customerId: string | null }>;
  lifetime: Message<LifetimeRequest, LifetimeReply>;
  'orders/more': Message<MoreOrdersRequest, MoreOrdersReply>;
  'open-options': Message<OpenOptions, null>;
  'gladly/insert-text': Message<InsertText, InsertTextReply | null>;
  'actions/cancel': Message<z.infer<typeof CancelRequestSchema>, CancelResult>;
  'actions/cancel-refund': Message<z.infer<typeof CancelRefundRequestSchema>, CancelRefundResult>;
  'actions/refund-quote': Message<z.infer<typeof RefundQuoteRequestSchema>, RefundQuoteResult>;
  'actions/refund': Message<z.infer<typeof RefundRequestSchema>, RefundResult>;
  'actions/coupon-code-check': Message<z.infer<typeof CouponCodeCheckSchema>, CouponCodeCheckResult>;
  'actions/coupon-create': Message<z.infer<typeof CouponCreateSchema>, CouponCreateResult>;
  'actions/status': Message<z.infer<typeof ActionStatusRequestSchema>, ActionStatusResult>;
}

/** team/admin's reply data per operation: what each admin route of team-service/app.ts answers. */
export interface TeamAdminReplies {
  'stores/list': { stores: TeamServiceStore[] };
  'stores/save': { store: TeamServiceStore };
  'stores/delete': { deleted: true };
  'stores/test': TeamStoreTestResult;
  'keys/list': { keys: TeamKey[] };
  'keys/issue': { id: string; key: string };
  'keys/revoke': { revoked: true };
  'audit/list': { entries: TeamAuditEntry[] };
  'audit/csv': { csv: string; filename: string };
}

/** Sends one team/admin operation; resolves with that operation's reply data. */
export type TeamAdminSender = <R extends TeamAdminOp>(request: R) => Promise<TeamAdminReplies[R['op']]>;

/** Reply data of audit/list: newest first. */
export interface AuditListResult {
  entries: AuditEntry[];
}

export type MessageType = keyof ProtocolMap;
export type RequestOf<K extends MessageType> = ProtocolMap[K]['request'];
export type ReplyOf<K extends MessageType> = ProtocolMap[K]['reply'];

/** The reply a handler for `type` must give; `unknown` for a type the map does not know. */
export type HandlerReply<Type extends string> = Type extends MessageType ? ReplyOf<Type> : unknown;

/** What a sender writes: the request without its requestId (the transport adds one when missing). */
export type Outgoing<K extends MessageType> = { type: K } & Omit<RequestOf<K>, 'type' | 'requestId'> & {
    requestId?: string;
  };

/** Any one of the requests of these types (a union, one member per type). */
export type AnyOutgoing<K extends MessageType> = K extends MessageType ? Outgoing<K> : never;

/** Sends one request of the allowed types; resolves with its reply data, rejects with its ErrorInfo. */
export type Sender<Allowed extends MessageType = MessageType> = <K extends Allowed>(
  message: Outgoing<K>,
) => Promise<ReplyOf<K>>;

/** The messages each page may send, by who sends them (the router's `from`/`pages` say the same). */
export type OptionsMessageType =
  | 'settings/get'
  | 'settings/save'
  | 'settings/test-connection'
  | 'settings/test-gladly'
  | 'settings/export'
  | 'settings/import'
  | 'audit/list'
  | 'team/connect'
  | 'team/set-mode'
  | 'team/me'
  | 'team/admin';
export type ActionMessageType = Extract<MessageType, `actions/${string}`>;
export type SidebarMessageType =
  | 'lookup'
  | 'link'
  | 'unlink'
  | 'lifetime'
  | 'orders/more'
  | 'open-options'
  | 'gladly/insert-text'
  | ActionMessageType;
