/**
 * Hand checks for what the content script receives, in place of zod (which would more than
 * double its bundle). tests/unit/messages/content-checks.test.ts holds them to the schemas in
 * ./content.ts. Type-only imports: nothing of zod reaches the content script.
 */
import type { TabMessage } from './content';

/** The most text the content script puts into Gladly's reply box at once. */
export const INSERT_TEXT_MAX = 2000;

/** A message from the background to a Gladly tab, or null for anything else. */
export function readTabMessage(raw: unknown): TabMessage | null {
  const { type, text } = (raw ?? {}) as { type?: unknown; text?: unknown };
  if (type === 'sidebar/toggle') return { type };
  const fits = typeof text === 'string' && !!text && text.length <= INSERT_TEXT_MAX;
  return type === 'gladly/insert-text' && fits ? { type, text } : null;
}

/**
 * The admin's selector overrides from the background's answer to content/hello: a Reply envelope
 * (lib/messages/common.ts) whose data is a ContentHelloReply. The values are not checked here:
 * mergeSelectors keeps only strings for known keys. Null when it refused or answered otherwise.
 */
export function helloSelectors(raw: unknown): Record<string, unknown> | null {
  const reply = (raw ?? {}) as { type?: unknown; ok?: unknown; data?: { selectors?: unknown } | null };
  const selectors = reply.type === 'reply' && reply.ok === true ? reply.data?.selectors : null;
  return typeof selectors === 'object' ? (selectors as Record<string, unknown> | null) : null;
}
