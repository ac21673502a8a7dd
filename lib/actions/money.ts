/**
 * Money as the actions need it: integer minor units (cents) inside, 2-dp strings outside, built
 * on lib/core/decimal.ts. Stricter than lib/core/decimal on one point: an amount with non-zero digits past the
 * cent is refused, never rounded — an action must move exactly what was shown.
 */
import type { Money } from '../core/model';
import { fromMinorUnits, isDecimal, toMinorUnits } from '../core/decimal';

/** "12.3400" → 1234. Throws on anything that is not an exact amount in cents. */
export function toMinor(amount: Money): number {
  const text = amount.trim();
  if (!isDecimal(text)) throw new RangeError(`Not an amount: "${amount}"`);
  const fraction = text.split('.')[1] ?? '';
  if (/[1-9]/.test(fraction.slice(2))) throw new RangeError(`More than 2 decimals: "${amount}"`);
  return toMinorUnits(text);
}

/** 1234 → "12.34" (always 2 decimals). */
export const fromMinor = (cents: number): Money => fromMinorUnits(cents);

/** An amount typed by a person: digits with at most 2 decimals, or null when it is not one. */
export function parseAmountInput(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return toMinor(t);
}

export const normalizeMoney = (amount: Money): Money => fromMinor(toMinor(amount));
export const sameMoney = (a: Money, b: Money): boolean => toMinor(a) === toMinor(b);
export const sumMoney = (amounts: Money[]): Money => fromMinor(amounts.reduce((sum, a) => sum + toMinor(a), 0));
export const formatMoney = (amount: Money, currency: string): string => `${normalizeMoney(amount)} ${currency}`;
