/**
 * Every action and its outcome as a Customer Activity on the customer's Gladly timeline, so
 * agents see who refunded what where they already look. Posting is best effort: it never fails
 * the action, is retried once, and what happened is returned for the audit log.
 */
import type { CustomerActivity, GladlyApiClient } from '../gladly/api-client';

export type TimelineAction = 'cancel' | 'cancelRefund' | 'refund' | 'coupon';
/**
 * done; failed (nothing changed); unknown (no answer: reconciled later); refunded-not-cancelled
 * (cancel & refund: the money went back, the status change did not); found-done / found-not-done
 * (an unknown outcome, reconciled from the store).
 */
export type TimelineOutcome =
  | 'done'
  | 'failed'
  | 'unknown'
  | 'refunded-not-cancelled'
  | 'found-done'
  | 'found-not-done';

export interface TimelineEvent {
  /** The action's own id: with the outcome it makes the activity's id, so a repeat is never a second card. */
  actionId: string;
  action: TimelineAction;
  outcome: TimelineOutcome;
  storeName: string;
  orderNumber: string;
  agent: string;
  /** Already formatted for people, e.g. "$141.90". */
  amount?: string;
  reason?: string;
  /** A coupon's code, a refund's reference, an error in plain words. */
  detail?: string;
  /** ISO 8601: when the action happened. */
  at: string;
}

const VERB: Record<TimelineAction, string> = {
  cancel: 'cancelled',
  cancelRefund: 'cancelled and refunded',
  refund: 'refunded',
  coupon: 'discount code created',
};

export function activityTitle(event: TimelineEvent): string {
  const order = `Order #${event.orderNumber}`;
  const what = event.action === 'coupon' ? `Discount code for ${order}` : order;
  const amount = event.amount && event.action !== 'cancel' ? ` (${event.amount})` : '';
  switch (event.outcome) {
    case 'done':
      return event.action === 'coupon' ? `${what} created` : `${order} ${VERB[event.action]}${amount}`;
    case 'failed':
      return `${what}: ${actionNoun(event.action)} failed`;
    case 'unknown':
      return `${what}: ${actionNoun(event.action)} outcome unknown`;
    case 'refunded-not-cancelled':
      return `${order} refunded${amount}, but not cancelled`;
    case 'found-done':
      return `${what}: checked, the ${actionNoun(event.action)} went through`;
    case 'found-not-done':
      return `${what}: checked, the ${actionNoun(event.action)} did not happen`;
  }
}

function actionNoun(action: TimelineAction): string {
  return { cancel: 'cancel', cancelRefund: 'cancel & refund', refund: 'refund', coupon: 'discount code' }[action];
}

export function activityFor(event: TimelineEvent): CustomerActivity {
  const lines = [
    `${event.storeName} · by ${event.agent}`,
    event.reason ? `Reason: ${event.reason}` : '',
    event.outcome === 'unknown'
      ? 'BigCommerce did not answer in time. The sidebar checks the store before anything else is allowed.'
      : '',
    event.outcome === 'refunded-not-cancelled'
      ? 'The refund went through; changing the status to Cancelled did not. Finish the cancel from the sidebar.'
      : '',
    event.detail ?? '',
  ].filter(Boolean);
  return {
    id: activityId(event),
    title: activityTitle(event),
    body: lines.join('\n'),
    sourceName: 'BigCommerce',
    activityType: 'ISSUE',
    occurredAt: new Date(Date.parse(event.at) || Date.now()).toISOString(),
  };
}

/** URL safe, ≤ 50 characters, one per action and outcome. */
export function activityId(event: TimelineEvent): string {
  const action = `bc-${event.actionId.replace(/[^\w-]/g, '')}`.slice(0, 40);
  return `${action}-${OUTCOME_CODE[event.outcome]}`;
}

const OUTCOME_CODE: Record<TimelineOutcome, string> = {
  done: 'ok',
  failed: 'fail',
  unknown: 'unk',
  'refunded-not-cancelled': 'half',
  'found-done': 'rok',
  'found-not-done': 'rno',
};

export type PostResult =
  | { posted: true; attempts: number }
  | { posted: false; attempts: number; why: string }
  | { posted: false; attempts: 0; why: 'no-gladly-api' | 'no-customer' };

/**
 * Posts the event once and retries once on any failure. Never throws: the caller records the
 * result (the action itself already happened, or already failed, in the store).
 */
export async function postToTimeline(
  client: Pick<GladlyApiClient, 'postActivity'> | null,
  gladlyCustomerId: string | null | undefined,
  event: TimelineEvent,
): Promise<PostResult> {
  if (!client) return { posted: false, attempts: 0, why: 'no-gladly-api' };
  if (!gladlyCustomerId) return { posted: false, attempts: 0, why: 'no-customer' };
  const activity = activityFor(event);
  let why = '';
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      await client.postActivity(gladlyCustomerId, activity);
      return { posted: true, attempts: attempt };
    } catch (error) {
      why = error instanceof Error ? error.message : 'Gladly did not take the activity.';
    }
  }
  return { posted: false, attempts: 2, why };
}

/** One line for the audit log's detail. */
export function describePost(result: PostResult): string {
  if (result.posted)
    return result.attempts > 1 ? 'Posted to the Gladly timeline (second try).' : 'Posted to the Gladly timeline.';
  if (result.attempts === 0) return '';
  return `Not posted to the Gladly timeline after 2 tries: ${result.why}`;
}
