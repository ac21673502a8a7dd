/**
 * The one shape every background service exposes: a message type, its zod schema, who may send
 * it, and what answering it does. The router (lib/background/router.ts) checks sender and schema
 * before `handle` ever runs, and turns a thrown error into an ErrorInfo reply.
 */
import type { ZodType } from 'zod';
import type { HandlerReply } from '../messages/protocol';

export type TrustedSender =
  | { kind: 'extension-page'; page: string; tabId?: number }
  | { kind: 'content-script'; tabId: number; url: string };

export interface HandlerContext {
  sender: TrustedSender;
  /** Streams extra messages to the asker (only over a port, e.g. lookup updates); a no-op otherwise. */
  emit(message: unknown): void;
}

export interface MessageHandler<T extends { type: string } = { type: string }> {
  type: T['type'];
  schema: ZodType<T>;
  /** Who may send it. Money-moving and settings messages: extension pages only. */
  from: ReadonlyArray<TrustedSender['kind']>;
  /** When set, only these extension pages (e.g. ['/options.html']). */
  pages?: readonly string[];
  /** Its reply data: the shape lib/messages/protocol.ts promises the sender for this type. */
  handle(message: T, context: HandlerContext): Promise<HandlerReply<T['type']>>;
}
