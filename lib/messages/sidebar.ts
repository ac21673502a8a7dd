import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import type { ActionSwitches, SearchQueryAttribute, SearchResultsAttribute } from '../settings/schema';
import { INSERT_TEXT_MAX } from './content-checks';
import type { TabInsertTextReply } from './content';
import { IdentitySchema } from './identity';

/** The port name the sidebar opens to the background (`browser.runtime.connect({ name })`). */
export { SIDEBAR_PORT } from './sidebar-checks';

/** What the sidebar may know about a store connection (never a token). */
export interface SidebarConnection {
  id: string;
  name: string;
  storeHash: string;
  searchQueryAttributes: SearchQueryAttribute[];
  searchResultsAttributes: SearchResultsAttribute[];
  actions: ActionSwitches;
  /** The reason picklist for cancels and refunds (settings `actionReasons`). */
  reasons?: string[];
}

/** Background → sidebar, on connect and whenever settings change. */
export const ConfigPushSchema = lazySchema(() =>
  z.object({
    type: z.literal('config'),
    connections: z.array(z.custom<SidebarConnection>((v) => typeof v === 'object' && v !== null)),
    /** False when no store is connected yet; absent: derived from `connections`. */
    configured: z.boolean().optional(),
  }),
);
export type ConfigPush = z.infer<typeof ConfigPushSchema>;

/** Background → sidebar: the customer the agent is looking at in this tab (null: none yet / navigating). */
export const IdentityPushSchema = lazySchema(() =>
  z.object({
    type: z.literal('identity'),
    customerId: z.string().optional(),
    identity: IdentitySchema.nullable(),
  }),
);
export type IdentityPush = z.infer<typeof IdentityPushSchema>;

/** Sidebar → background: open the options page (extension pages can't always do it from an iframe). */
export const OpenOptionsSchema = lazySchema(() =>
  z.object({ type: z.literal('open-options'), requestId: z.string().min(1).max(64) }),
);
export type OpenOptions = z.infer<typeof OpenOptionsSchema>;

/** Sidebar → background: put this text into the Gladly tab's reply box (relayed as a TabInsertTextMessage). */
export const InsertTextSchema = lazySchema(() =>
  z.object({
    type: z.literal('gladly/insert-text'),
    requestId: z.string().min(1).max(64),
    text: z.string().min(1).max(INSERT_TEXT_MAX),
  }),
);
export type InsertText = z.infer<typeof InsertTextSchema>;

/** The content script's answer, passed on; null when the tab did not answer. */
export type InsertTextReply = TabInsertTextReply;
