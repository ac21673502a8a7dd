/**
 * Money as integer minor units (cents) inside the sandbox; converted only at the edge:
 * v2 answers 4-decimal strings, v3 answers JSON numbers.
 */

/** 1234 → "12.3400" (v2 money). */
export function toV2Money(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}00`;
}

/** 1234 → 12.34 (v3 money; the number is produced from an exact decimal string). */
export function toV3Amount(cents: number): number {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return Number(`${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

/**
 * A client amount (JSON number or decimal string) → cents, without float arithmetic.
 * Returns null for anything that is not a plain decimal with at most 2 places.
 */
export function parseAmount(value: unknown): number | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return null;
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return null;
  const cents = Number(match[2]) * 100 + Number(fraction.padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** Integer division rounded half up, for tax on integer cents. */
export function roundDiv(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
