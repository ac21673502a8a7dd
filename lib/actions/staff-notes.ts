/** The line a successful action adds to the order's staff notes. */
import { formatMoney } from './money';

export type NoteFacts =
  | { action: 'cancel'; agent: string; reason?: string }
  | { action: 'refund'; agent: string; amount: string; currency: string }
  | { action: 'coupon'; agent: string; code: string; describe: string };

export function staffNoteLine(facts: NoteFacts): string {
  const by = `via Gladly sidebar by ${facts.agent}`;
  if (facts.action === 'refund') return `Refunded ${formatMoney(facts.amount, facts.currency)} ${by}`;
  if (facts.action === 'coupon') return `Discount code ${facts.code} (${facts.describe}) created ${by}`;
  const reason = facts.reason?.trim().replace(/\s+/g, ' ');
  return reason ? `Cancelled ${by}. Reason: ${reason}` : `Cancelled ${by}`;
}

/** Existing notes plus one line (no leading blank line when there were none). */
export function appendNote(existing: string, line: string): string {
  return existing.trim() === '' ? line : `${existing}\n${line}`;
}
