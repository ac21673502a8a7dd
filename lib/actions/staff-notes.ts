/** The line a successful action adds to the order's staff notes. */
import { formatMoney } from './money';

export type NoteFacts =
  | { action: 'cancel'; agent: string; reason?: string }
  | { action: 'refund'; agent: string; amount: string; currency: string; reason?: string }
  | { action: 'cancelRefund'; agent: string; amount: string; currency: string; reason?: string }
  | { action: 'coupon'; agent: string; code: string; describe: string };

export function staffNoteLine(facts: NoteFacts): string {
  const by = `via Gladly sidebar by ${facts.agent}`;
  if (facts.action === 'coupon') return `Discount code ${facts.code} (${facts.describe}) created ${by}`;
  const what =
    facts.action === 'refund'
      ? `Refunded ${formatMoney(facts.amount, facts.currency)} ${by}`
      : facts.action === 'cancelRefund'
        ? `Cancelled and refunded ${formatMoney(facts.amount, facts.currency)} ${by}`
        : `Cancelled ${by}`;
  const reason = facts.reason?.trim().replace(/\s+/g, ' ');
  return reason ? `${what}. Reason: ${reason}` : what;
}

/** Existing notes plus one line (no leading blank line when there were none). */
export function appendNote(existing: string, line: string): string {
  return existing.trim() === '' ? line : `${existing}\n${line}`;
}
