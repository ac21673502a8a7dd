/**
 * Exact decimal money: strings in, strings out, BigInt inside. Never a float: "0.10" + "0.20" is
 * "0.30" here, not 0.30000000000000004.
 */
import type { Money } from './model';

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

interface Scaled {
  units: bigint;
  scale: number;
}

/** True for a plain decimal string such as "19.99", "-5", "336.3200". */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

function parse(value: Money): Scaled {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new RangeError(`Not a decimal amount: "${value}"`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}` || '0');
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

function render(units: bigint, scale: number): Money {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Round half away from zero to `scale` places (money rounding, as BigCommerce's 4-dp values need). */
function roundTo(value: Scaled, scale: number): bigint {
  if (value.scale <= scale) return rescale(value, scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  const magnitude = value.units < 0n ? -value.units : value.units;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) quotient += 1n;
  return value.units < 0n ? -quotient : quotient;
}

function combine(a: Money, b: Money, op: (x: bigint, y: bigint) => bigint): Money {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(2, x.scale, y.scale);
  return render(op(rescale(x, scale), rescale(y, scale)), scale);
}

/** a + b, exactly (at least 2 decimal places). */
export function add(a: Money, b: Money): Money {
  return combine(a, b, (x, y) => x + y);
}

/** a - b, exactly (at least 2 decimal places). */
export function subtract(a: Money, b: Money): Money {
  return combine(a, b, (x, y) => x - y);
}

/** Sum of any number of amounts ("0.00" for none). */
export function sum(values: Money[]): Money {
  return values.reduce((total, value) => add(total, value), '0.00');
}

/** -1, 0 or 1, comparing the amounts' values ("1.5" equals "1.50"). */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const diff = rescale(x, scale) - rescale(y, scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** Exactly 2 decimal places, rounding half away from zero: "336.3200" → "336.32", "1.005" → "1.01". */
export function toFixed2(value: Money): Money {
  return render(roundTo(parse(value), 2), 2);
}

/** Exactly `scale` decimal places, rounding half away from zero: toFixedN("12.3456", 3) → "12.346". */
export function toFixedN(value: Money, scale: number): Money {
  return render(roundTo(parse(value), scale), scale);
}

/**
 * Money as the store may hold it in any currency: rounded to 3 places (the largest ISO 4217
 * exponent in use: KWD, BHD, OMR…), shown with at least 2. "336.3200" → "336.32", "12.3450" → "12.345".
 */
export function toStoreMoney(value: Money): Money {
  const fixed = toFixedN(value, 3);
  return fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
}

/** Integer minor units of an amount at `scale` places (2: cents), rounded first: "19.99" → 1999. */
export function toMinorUnits(value: Money, scale = 2): number {
  const units = roundTo(parse(value), scale);
  if (units > BigInt(Number.MAX_SAFE_INTEGER) || units < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('Amount too large');
  }
  return Number(units);
}

/** An amount from integer minor units at `scale` places: 1999 → "19.99". */
export function fromMinorUnits(units: number, scale = 2): Money {
  if (!Number.isSafeInteger(units)) throw new RangeError('Minor units must be a safe integer');
  return render(BigInt(units), scale);
}

/**
 * An amount a JSON number carried (v3 refunds), without float drift. JavaScript prints a double as
 * the shortest text that reads back as the same double, which is the text BigCommerce sent for any
 * amount of up to 15 significant digits; that text is then rounded exactly.
 */
export function fromJsonNumber(value: number): Money {
  if (!Number.isFinite(value)) throw new RangeError('Amount is not a finite number');
  const text = String(value);
  if (!isDecimal(text)) throw new RangeError(`Amount out of range: ${text}`);
  return toFixed2(text);
}
