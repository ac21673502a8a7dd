/**
 * The background's front door. Every message — one-shot (`runtime.sendMessage`) or over the
 * sidebar's port — passes the same three checks before any service sees it: the sender is this
 * extension on an allowed page (lib/background/senders.ts), the handler accepts that kind of
 * sender (money and settings: extension pages only), and the message matches its zod schema.
 * A thrown error becomes an ErrorInfo reply; nothing else of it leaves the background.
 */
import { i18n } from '../core/i18n';
import { visitMark } from '../core/visit-marks';
import type { ErrorInfo, Reply } from '../messages/common';
import type { HandlerContext, MessageHandler, TrustedSender } from './handler';
import { classifySender, type SenderLike, type SenderPolicy } from './senders';

export interface Router {
  /** For `runtime.onMessage`: resolves with the reply, or undefined for messages we ignore. */
  onMessage(message: unknown, sender: SenderLike): Promise<Reply | undefined>;
  /** For a port's messages: replies and streamed messages go back through `post`. */
  onPortMessage(message: unknown, sender: TrustedSender, post: (message: unknown) => void): Promise<void>;
}

export interface RouterOptions {
  policy: SenderPolicy;
  handlers: MessageHandler[];
  toErrorInfo(error: unknown): ErrorInfo;
  /** Where refusals are reported (never with message contents). */
  warn?(text: string): void;
}

const REQUEST_ID = /^[\w:.-]{1,64}$/;

export function createRouter(options: RouterOptions): Router {
  const byType = new Map<string, MessageHandler>();
  for (const handler of options.handlers) {
    if (byType.has(handler.type)) throw new Error(`Two handlers for message type ${handler.type}`);
    byType.set(handler.type, handler);
  }
  const warn = options.warn ?? (() => undefined);

  async function dispatch(message: unknown, sender: TrustedSender, emit: HandlerContext['emit']): Promise<Reply> {
    visitMark('visit:message');
    const requestId = requestIdOf(message);
    const fail = (error: ErrorInfo): Reply => ({ type: 'reply', requestId, ok: false, error });
    const type = typeOf(message);
    const handler = type ? byType.get(type) : undefined;
    if (!handler) {
      warn(`Ignored a message of unknown type from ${sender.kind}`);
      return fail({ kind: 'bad-message', message: i18n.t('sidebarErrors.notUnderstood') });
    }
    if (
      !handler.from.includes(sender.kind) ||
      (sender.kind === 'extension-page' && handler.pages && !handler.pages.includes(sender.page))
    ) {
      warn(`Refused ${handler.type} from ${sender.kind}`);
      return fail({ kind: 'forbidden-sender', message: i18n.t('sidebarErrors.notAllowedHere') });
    }
    const parsed = handler.schema.safeParse(message);
    if (!parsed.success) {
      warn(`Refused a malformed ${handler.type}`);
      return fail({ kind: 'bad-message', message: i18n.t('sidebarErrors.malformed') });
    }
    try {
      const data = await handler.handle(parsed.data, { sender, emit });
      return { type: 'reply', requestId, ok: true, data: data ?? null };
    } catch (error) {
      return fail(options.toErrorInfo(error));
    }
  }

  return {
    async onMessage(message, rawSender) {
      const sender = classifySender(rawSender, options.policy);
      if (sender.kind === 'rejected') {
        warn(`Ignored a message: ${sender.reason}`);
        return undefined;
      }
      return dispatch(message, sender, () => undefined);
    },
    async onPortMessage(message, sender, post) {
      const reply = await dispatch(message, sender, post);
      post(reply);
    },
  };
}

function typeOf(message: unknown): string | undefined {
  const type = (message as { type?: unknown } | null)?.type;
  return typeof message === 'object' && typeof type === 'string' ? type : undefined;
}

function requestIdOf(message: unknown): string {
  const id = (message as { requestId?: unknown } | null)?.requestId;
  return typeof message === 'object' && typeof id === 'string' && REQUEST_ID.test(id) ? id : 'none';
}
