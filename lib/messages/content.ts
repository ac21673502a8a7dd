import { z } from 'zod';

/** Content script → background on start: which selectors to read Gladly with. */
export const ContentHelloSchema = z.object({ type: z.literal('content/hello') });

export interface ContentHelloReply {
  /** Admin overrides merged over the defaults by the content script. */
  selectors: Record<string, string>;
  /** False when no store is connected yet (the sidebar then shows how to connect one). */
  configured: boolean;
}

/** Background → content script: the keyboard shortcut or the toolbar button was pressed. */
export interface ToggleSidebarMessage {
  type: 'sidebar/toggle';
}

/** Content script → background: the sidebar was there and was shown or hidden. */
export interface ToggleSidebarReply {
  toggled: boolean;
}
