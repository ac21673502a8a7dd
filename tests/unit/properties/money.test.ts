import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, compare, subtract, sum, toFixed2 } from '../../../lib/core/decimal';

const RUNS = 10_000;

/** A decimal string with its exact value as integer units at `scale` places. */
interface Amount {
  text: string;
  units: bigint;
  scale: number;
}

/** The same value spelled the ways amounts arrive: "+", leading zeros, trailing zeros, "5.", spaces. */
const amount: fc.Arbitrary<Amount> = fc
  .record({
    units: fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }),
    scale: fc.integer({ min: 0, max: 6 }),
    plus: fc.boolean(),
    leadingZeros: fc.integer({ min: 0, max: 3 }),
    trailingZeros: fc.integer({ min: 0, max: 3 }),
    dotOnly: fc.boolean(),
    pad: fc.constantFrom('', ' ', '  '),
  })
  .map(({ units, scale, plus, leadingZeros, trailingZeros, dotOnly, pad }) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    const whole = '0'.repeat(leadingZeros) + digits.slice(0, digits.length - scale);
    const fraction = digits.slice(digits.length - scale) + '0'.repeat(trailingZeros);
    const body = fraction ? `${whole}.${fraction}` : dotOnly ? `${whole}.` : whole;
    const sign = negative ? '-' : plus ? '+' : '';
    return {
      text: `${pad}${sign}${body}${pad}`,
      units: units * 10n ** BigInt(trailingZeros),
      scale: scale + trailingZeros,
    };
  });

const at = (a: Amount, scale: number) => a.units * 10n ** BigInt(scale - a.scale);

/** The exact value of a result string, read without lib/core/decimal.ts. */
function valueOf(text: string): Amount {
  const match = /^(-?)(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new Error(`not a plain decimal result: ${text}`);
  const units = BigInt(match[2]! + match[3]!);
  return { text, units: match[1] ? -units : units, scale: match[3]!.length };
}

const sameValue = (result: string, units: bigint, scale: number) => {
  const r = valueOf(result);
  const common = Math.max(r.scale, scale);
  return at(r, common) === units * 10n ** BigInt(common - scale);
};

describe('money agrees with BigInt arithmetic on minor units', () => {
  it('add', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const scale = Math.max(2, a.scale, b.scale);
        const result = add(a.text, b.text);
        expect(sameValue(result, at(a, scale) + at(b, scale), scale)).toBe(true);
        expect(valueOf(result).scale).toBe(scale);
        expect(result.startsWith('-0.') && /^-0\.0+$/.test(result)).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('subtract', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const scale = Math.max(2, a.scale, b.scale);
        const result = subtract(a.text, b.text);
        expect(sameValue(result, at(a, scale) - at(b, scale), scale)).toBe(true);
        expect(compare(add(result, b.text), a.text)).toBe(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('compare', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const scale = Math.max(a.scale, b.scale);
        const x = at(a, scale);
        const y = at(b, scale);
        expect(compare(a.text, b.text)).toBe(x < y ? -1 : x > y ? 1 : 0);
        expect(compare(b.text, a.text)).toBe(y < x ? -1 : y > x ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('sum of many equals the BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 8 }), (list) => {
        const scale = Math.max(2, ...list.map((a) => a.scale));
        const expected = list.reduce((total, a) => total + at(a, scale), 0n);
        expect(sameValue(sum(list.map((a) => a.text)), expected, scale)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('toFixed2 rounds half away from zero, exactly', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const result = toFixed2(a.text);
        expect(result).toMatch(/^-?\d+\.\d{2}$/);
        const magnitude = a.units < 0n ? -a.units : a.units;
        let cents: bigint;
        if (a.scale <= 2) cents = magnitude * 10n ** BigInt(2 - a.scale);
        else {
          const divisor = 10n ** BigInt(a.scale - 2);
          cents = magnitude / divisor + ((magnitude % divisor) * 2n >= divisor ? 1n : 0n);
        }
        expect(valueOf(result).units).toBe(a.units < 0n ? -cents : cents);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses text that is not a decimal amount, with a RangeError', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const plain = /^\s*[+-]?\d+(?:\.\d*)?\s*$/.test(text);
        if (plain) {
          expect(() => add(text, '0')).not.toThrow();
        } else {
          expect(() => add(text, '0')).toThrow(RangeError);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
