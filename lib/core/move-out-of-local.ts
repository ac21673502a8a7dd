/**
 * One-time move of everything the extension kept in `storage.local` (where content scripts can
 * read and write it) into the background's own IndexedDB store, deleting it from storage.local.
 * Once done, a mark in the new store says so and storage.local is never read again: whatever a
 * content script writes there afterwards changes nothing.
 */
import type { KeyValueStore } from './kv-store';

export const MOVED_MARK = 'storage.movedFromLocal';

export interface LocalAreaLike {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

export async function moveOutOfLocal(
  area: LocalAreaLike,
  target: KeyValueStore,
  now: () => Date = () => new Date(),
): Promise<{ moved: string[] }> {
  if ((await target.get(MOVED_MARK)) !== undefined) return { moved: [] };
  const items = await area.get(null);
  const moved: string[] = [];
  for (const [key, value] of Object.entries(items)) {
    // A key already in the new store (a move cut short earlier) keeps the newer value.
    if ((await target.get(key)) === undefined) await target.set(key, value);
    moved.push(key);
  }
  if (moved.length > 0) await area.remove(moved);
  await target.set(MOVED_MARK, { at: now().toISOString(), keys: moved.length });
  return { moved };
}

/** A store whose every call waits for `ready` (the move) first, so nothing reads half-moved state. */
export function afterReady(store: KeyValueStore, ready: Promise<unknown>): KeyValueStore {
  return {
    async get<T>(key: string) {
      await ready;
      return store.get<T>(key);
    },
    async set(key, value) {
      await ready;
      await store.set(key, value);
    },
    async remove(key) {
      await ready;
      await store.remove(key);
    },
  };
}
