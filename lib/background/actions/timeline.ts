/**
 * Every action and its outcome on the customer's Gladly timeline (a Customer Activity), posted
 * from the extension's background after the answer — in team mode too, where the Gladly API token
 * stays in the extension. Best effort: a post never changes the action's reply, never delays it,
 * and the audit entry says whether it went through (lib/actions/timeline.ts does the posting).
 */
import type { GladlyApiClient } from '../../gladly/api-client';
import type { ErrorInfo } from '../../messages/common';
import type { CancelRefundResult, Reconciled, RefundResult } from '../../messages/actions';
import {
  describePost,
  postToTimeline,
  type PostResult,
  type TimelineAction,
  type TimelineEvent,
  type TimelineOutcome,
} from '../../actions/timeline';
import { infoOf } from '../../actions/errors';
import { formatMoney } from '../../sidebar/format';
import type { HandlerContext, MessageHandler } from '../handler';

export interface TimelineDeps {
  /** The Gladly API client, or null when the Gladly API is not connected. */
  gladly(): Promise<Pick<GladlyApiClient, 'postActivity'> | null>;
  /** The store's name as agents know it (falls back to the connection id). */
  storeName(connectionId: string): Promise<string | undefined>;
  agentFor?(tabId?: number): string | undefined;
  /** Adds the post's outcome to the action's audit entry (standalone; the team service keeps its own). */
  annotate?(actionId: string, line: string): Promise<void>;
  now?: () => number;
  /** Tests wait for the best-effort post here. */
  onPosted?(event: TimelineEvent, result: PostResult): void;
}

/** Message type → the timeline's action (actions/status: the reconciled action's own). */
const ACTIONS: Record<string, TimelineAction> = {
  'actions/cancel': 'cancel',
  'actions/cancel-refund': 'cancelRefund',
  'actions/refund': 'refund',
  'actions/coupon-create': 'coupon',
};

interface ActionMessage {
  type: string;
  connectionId: string;
  orderId: string;
  actionId?: string;
  reason?: string;
  gladlyCustomerId?: string;
}

type Answer = { ok: true; reply: unknown } | { ok: false; error: ErrorInfo };

/** What to post for one answer; null when nothing happened worth a card (busy, nothing reconciled). */
export function timelineFacts(
  message: ActionMessage,
  answer: Answer,
): Omit<TimelineEvent, 'storeName' | 'agent' | 'at'> | null {
  const base = { orderNumber: message.orderId, ...(message.reason ? { reason: message.reason } : {}) };
  const reconciled = answer.ok ? (answer.reply as { reconciled?: Reconciled | null } | null)?.reconciled : null;
  if (message.type === 'actions/status' || reconciled) {
    if (!reconciled?.actionId) return null;
    const outcome: TimelineOutcome = reconciled.refundedNotCancelled
      ? 'refunded-not-cancelled'
      : reconciled.outcome === 'done'
        ? 'found-done'
        : 'found-not-done';
    return { ...base, actionId: reconciled.actionId, action: reconciled.action, outcome, detail: reconciled.message };
  }
  const action = ACTIONS[message.type];
  if (!action || !message.actionId) return null;
  const event = { ...base, actionId: message.actionId, action };
  if (!answer.ok) {
    // Busy: another action holds the order, nothing was sent. Anything else is worth a card.
    if (answer.error.kind === 'busy') return null;
    const outcome: TimelineOutcome = answer.error.kind === 'timeout' ? 'unknown' : 'failed';
    return { ...event, outcome, detail: answer.error.message };
  }
  if (action === 'refund' || action === 'cancelRefund') {
    const reply = answer.reply as RefundResult & Partial<CancelRefundResult>;
    const amount = formatMoney(reply.total, reply.currency);
    const detail = [`Refund ${reply.refundId}.`, reply.cancelError ?? '', ...reply.warnings].filter(Boolean).join(' ');
    return { ...event, outcome: reply.cancelled === false ? 'refunded-not-cancelled' : 'done', amount, detail };
  }
  if (action === 'coupon')
    return { ...event, outcome: 'done', detail: `Code ${(answer.reply as { code: string }).code}` };
  return { ...event, outcome: 'done' };
}

export function withTimeline(handlers: MessageHandler[], deps: TimelineDeps): MessageHandler[] {
  const now = deps.now ?? Date.now;

  async function post(message: ActionMessage, answer: Answer, context: HandlerContext): Promise<void> {
    const facts = timelineFacts(message, answer);
    if (!facts) return;
    const event: TimelineEvent = {
      ...facts,
      storeName: (await deps.storeName(message.connectionId).catch(() => undefined)) ?? message.connectionId,
      agent: deps.agentFor?.(context.sender.tabId) ?? 'unknown agent',
      at: new Date(now()).toISOString(),
    };
    const result = await postToTimeline(await deps.gladly().catch(() => null), message.gladlyCustomerId, event);
    const line = describePost(result);
    if (line) await deps.annotate?.(event.actionId, line).catch(() => undefined);
    deps.onPosted?.(event, result);
  }

  return handlers.map((handler) =>
    handler.type in ACTIONS || handler.type === 'actions/status'
      ? {
          ...handler,
          async handle(message, context) {
            const m = message as ActionMessage;
            try {
              const reply = await handler.handle(message, context);
              void post(m, { ok: true, reply }, context).catch(() => undefined);
              return reply;
            } catch (error) {
              void post(m, { ok: false, error: infoOf(error) }, context).catch(() => undefined);
              throw error;
            }
          },
        }
      : handler,
  );
}
