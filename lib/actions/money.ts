/**
 * Money as the actions need it: integer minor units inside, decimal strings outside, built on
 * lib/core/decimal.ts. The minor unit is the currency's own (ISO 4217 exponent: 2 for USD, 3 for
 * KWD and BHD, 0 for JPY); without a currency, 2. Stricter than lib/core/decimal on one point: an
 * amount with non-zero digits past the minor unit is refused, never rounded — an action must move
 * exactly what was shown.
 */
import type { Money } from '../core/model';
import { fromMinorUnits, isDecimal, toMinorUnits } from '../core/decimal';

const exponents = new Map<string, number>();

/** The ISO 4217 exponent of a currency (2 when the code is unknown): USD 2, KWD 3, JPY 0. */
export function currencyExponent(currency: string): number {
  const code = currency.trim().toUpperCase();
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
        .maximumFractionDigits;
    } catch {
      exponent = 2;
    }
    exponent = Math.min(3, Math.max(0, exponent ?? 2));
    exponents.set(code, exponent);
  }
  return exponent;
}

/** "12.3400" → 1234 (exponent 2). Throws on anything that is not an exact amount in minor units. */
export function toMinor(amount: Money, exponent = 2): number {
  const text = amount.trim();
  if (!isDecimal(text)) throw new RangeError(`Not an amount: "${amount}"`);
  const fraction = text.split('.')[1] ?? '';
  if (/[1-9]/.test(fraction.slice(exponent))) throw new RangeError(`More than ${exponent} decimals: "${amount}"`);
  return toMinorUnits(text, exponent);
}

/** 1234 → "12.34" (exactly `exponent` decimals). */
export const fromMinor = (units: number, exponent = 2): Money => fromMinorUnits(units, exponent);

/** An amount typed by a person: digits with at most `exponent` decimals, or null when it is not one. */
export function parseAmountInput(text: string, exponent = 2): number | null {
  const t = text.trim();
  const pattern = exponent > 0 ? new RegExp(`^\\d+(\\.\\d{1,${exponent}})?$`) : /^\d+$/;
  if (!pattern.test(t)) return null;
  return toMinor(t, exponent);
}

/** An example amount for a message: "4.50", "4.500", "450". */
export const exampleAmount = (exponent = 2): string => fromMinor(45 * 10 ** Math.max(0, exponent - 1), exponent);

export const normalizeMoney = (amount: Money, exponent = 2): Money => fromMinor(toMinor(amount, exponent), exponent);
export const sameMoney = (a: Money, b: Money, exponent = 2): boolean => toMinor(a, exponent) === toMinor(b, exponent);
export const sumMoney = (amounts: Money[], exponent = 2): Money =>
  fromMinor(
    amounts.reduce((sum, a) => sum + toMinor(a, exponent), 0),
    exponent,
  );
/** "12.345 KWD", "1500 JPY", "24.00 USD": the currency's own number of decimals. */
export const formatMoney = (amount: Money, currency: string): string =>
  `${normalizeMoney(amount, currencyExponent(currency))} ${currency}`;
