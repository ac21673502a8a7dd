import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import { INSERT_TEXT_MAX } from './content-checks';

/**
 * The content script's messages. The content script itself stays free of zod (it is measured):
 * it checks what it receives with the tiny hand checks in ./content-checks.ts, which the tests
 * hold to these schemas.
 */

/** Content script → background on start: which selectors to read Gladly with. */
export const ContentHelloSchema = lazySchema(() => z.object({ type: z.literal('content/hello') }));
export type ContentHello = z.infer<typeof ContentHelloSchema>;

export interface ContentHelloReply {
  /** Admin overrides merged over the defaults by the content script. */
  selectors: Record<string, string>;
  /** False when no store is connected yet (the sidebar then shows how to connect one). */
  configured: boolean;
}

/** Background → content script: the keyboard shortcut or the toolbar button was pressed. */
export const ToggleSidebarSchema = lazySchema(() => z.object({ type: z.literal('sidebar/toggle') }));
export type ToggleSidebarMessage = z.infer<typeof ToggleSidebarSchema>;

/** Content script → background: the sidebar was there and was shown or hidden. */
export interface ToggleSidebarReply {
  toggled: boolean;
}

/** Background → content script: put the agent's text (e.g. a new discount code) into the reply box. */
export const TabInsertTextSchema = lazySchema(() =>
  z.object({
    type: z.literal('gladly/insert-text'),
    text: z.string().min(1).max(INSERT_TEXT_MAX),
  }),
);
export type TabInsertTextMessage = z.infer<typeof TabInsertTextSchema>;

/** What the content script answers a TabInsertTextMessage with. */
export interface TabInsertTextReply {
  /** False: no reply box was found (the agent is not composing a reply). */
  inserted: boolean;
}

/** Everything the background sends a Gladly tab. */
export const TabMessageSchema = lazySchema(() =>
  z.discriminatedUnion('type', [ToggleSidebarSchema, TabInsertTextSchema]),
);
export type TabMessage = z.infer<typeof TabMessageSchema>;

/** The sidebar's dock as each agent left it (width in CSS px, or collapsed to a slim tab). */
export const DockStateSchema = lazySchema(() =>
  z.object({
    width: z.number().int().min(100).max(4000),
    collapsed: z.boolean(),
  }),
);
export type DockStateMessage = z.infer<typeof DockStateSchema>;

/** Content script → background: the saved dock state (it keeps no storage of its own). */
export const DockGetSchema = lazySchema(() => z.object({ type: z.literal('dock/get') }));
/** Content script → background: the agent resized or collapsed the dock. */
export const DockSetSchema = lazySchema(() => z.object({ type: z.literal('dock/set'), state: DockStateSchema }));
