/**
 * Puts text into Gladly's reply box: the sidebar asks the background (`gladly/insert-text`, see
 * lib/background/tab-service.ts), which relays it to the content script's reply-box writer
 * (lib/gladly/reply-box.ts). Every "Insert into reply" button goes through here.
 */
import { i18n } from '#i18n';
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
      return i18n.t('sidebar.inserted');
    case 'no-reply-box':
      return i18n.t('sidebar.noReplyBox', [what]);
    case 'failed':
      return i18n.t('sidebar.insertFailed', [what]);
  }
}
