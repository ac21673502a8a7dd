/**
 * The dock's width and collapsed state, kept by the background for the content script, which
 * has no storage of its own (storage.local is out of use: see lib/core/move-out-of-local.ts).
 */
import type { z } from 'zod';
import type { KeyValueStore } from '../core/kv-store';
import { DockGetSchema, DockSetSchema, DockStateSchema, type DockStateMessage } from '../messages/content';
import type { MessageHandler } from './handler';

export const DOCK_KEY = 'dock';

export function createDockHandlers(store: KeyValueStore): MessageHandler[] {
  const get: MessageHandler<z.infer<typeof DockGetSchema>> = {
    type: 'dock/get',
    schema: DockGetSchema,
    from: ['content-script'],
    async handle(): Promise<DockStateMessage | null> {
      // Re-validated on the way out: an unreadable record is the default dock, not an error.
      const parsed = DockStateSchema.safeParse(await store.get<unknown>(DOCK_KEY));
      return parsed.success ? parsed.data : null;
    },
  };
  const set: MessageHandler<z.infer<typeof DockSetSchema>> = {
    type: 'dock/set',
    schema: DockSetSchema,
    from: ['content-script'],
    async handle(message) {
      await store.set(DOCK_KEY, message.state);
      return null;
    },
  };
  return [get, set] as MessageHandler[];
}
