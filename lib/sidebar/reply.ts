/**
 * Puts text into Gladly's reply box: the sidebar asks the background (`gladly/insert-text`, see
 * lib/background/tab-service.ts), which relays it to the content script's reply-box writer
 * (lib/gladly/reply-box.ts). Every "Insert into reply" button goes through here.
 */
import type { SidebarClient } from './port';

export type InsertOutcome = 'inserted' | 'no-reply-box' | 'failed';

export async function insertIntoReply(request: SidebarClient['request'], text: string): Promise<InsertOutcome> {
  try {
    const reply = (await request({ type: 'gladly/insert-text', text })) as { inserted?: boolean } | null;
    return reply?.inserted ? 'inserted' : 'no-reply-box';
  } catch {
    return 'failed';
  }
}

/** What the agent reads after trying (the copy fallback is named for what is being inserted). */
export function insertOutcomeText(outcome: InsertOutcome, what: string): string {
  switch (outcome) {
    case 'inserted':
      return 'Inserted into the reply.';
    case 'no-reply-box':
      return `Gladly's reply box was not found: copy the ${what} instead.`;
    case 'failed':
      return `Could not insert it here: copy the ${what} instead.`;
  }
}
