import fc from 'fast-check';
import { describe, it } from 'vitest';
import { phoneVariants, samePhone } from '../../../lib/core/phone';

const RUNS = 10_000;
// libphonenumber parses every case: give the runs room on a busy machine.
const TIMEOUT = 60_000;

const digit = (from: number) => fc.integer({ min: from, max: 9 }).map(String);
const digitsOf = (n: number, from = 0) => fc.array(digit(from), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** A North American number: area code and exchange never start with 0 or 1. */
const nanp = fc
  .tuple(digit(2), digitsOf(2), digit(2), digitsOf(2), digitsOf(4))
  .map(([a, b, c, d, e]) => ({ area: a + b, exchange: c + d, line: e }));

/** The ways agents, customers and checkout forms write one US number. */
const usFormats: Array<(n: { area: string; exchange: string; line: string }) => string> = [
  (n) => `${n.area}${n.exchange}${n.line}`,
  (n) => `${n.area}-${n.exchange}-${n.line}`,
  (n) => `${n.area} ${n.exchange} ${n.line}`,
  (n) => `${n.area}.${n.exchange}.${n.line}`,
  (n) => `(${n.area}) ${n.exchange}-${n.line}`,
  (n) => `(${n.area})${n.exchange}-${n.line}`,
  (n) => `+1 ${n.area}-${n.exchange}-${n.line}`,
  (n) => `+1 (${n.area}) ${n.exchange}-${n.line}`,
  (n) => `+1${n.area}${n.exchange}${n.line}`,
  (n) => `1-${n.area}-${n.exchange}-${n.line}`,
  (n) => `1 ${n.area} ${n.exchange} ${n.line}`,
  (n) => `  ${n.area} ${n.exchange} ${n.line}  `,
];
const usFormat = fc.integer({ min: 0, max: usFormats.length - 1 }).map((i) => usFormats[i]!);

/** International numbers written with their country code, e.g. UK mobiles and Paris landlines. */
const international = fc.oneof(
  digitsOf(9).map((rest) => ({ e164: `+447${rest}` })),
  digitsOf(8).map((rest) => ({ e164: `+331${rest}` })),
);
const intlFormats: Array<(e164: string) => string> = [
  (e) => e,
  (e) => `${e.slice(0, 3)} ${e.slice(3, 7)} ${e.slice(7)}`,
  (e) => `${e.slice(0, 3)}.${e.slice(3, 6)}.${e.slice(6)}`,
  (e) => `${e.slice(0, 3)}-${e.slice(3)}`,
];

describe('phone numbers', () => {
  it(
    'one US number in any two formats is the same phone, and every spelling yields its E.164 form',
    () => {
      fc.assert(
        fc.property(nanp, usFormat, usFormat, (n, f, g) => {
          const variants = phoneVariants(f(n));
          return (
            samePhone(f(n), g(n)) &&
            variants.includes(`+1${n.area}${n.exchange}${n.line}`) &&
            variants.includes(`${n.area}-${n.exchange}-${n.line}`)
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'one international number in any two formats is the same phone',
    () => {
      fc.assert(
        fc.property(international, fc.nat(intlFormats.length - 1), fc.nat(intlFormats.length - 1), (n, i, j) => {
          const a = intlFormats[i]!(n.e164);
          const b = intlFormats[j]!(n.e164);
          return samePhone(a, b) && phoneVariants(a).includes(n.e164);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'two different numbers never match, whatever their formats',
    () => {
      fc.assert(
        fc.property(nanp, nanp, usFormat, usFormat, (n, m, f, g) => {
          fc.pre(`${n.area}${n.exchange}${n.line}` !== `${m.area}${m.exchange}${m.line}`);
          return !samePhone(f(n), g(m));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'text with fewer than 7 digits never matches anything, not even itself',
    () => {
      const fewDigits = fc
        .tuple(fc.string({ maxLength: 20 }), fc.array(fc.constantFrom(...'0123456789'), { maxLength: 6 }))
        .map(([text, digits]) => {
          const letters = text.replace(/\d/g, '');
          let out = '';
          for (let i = 0; i < Math.max(letters.length, digits.length); i++)
            out += (digits[i] ?? '') + (letters[i] ?? '');
          return out;
        });
      const anything = fc.oneof(
        fewDigits,
        nanp.map((n) => `${n.area}${n.exchange}${n.line}`),
        fc.string(),
        fc.constantFrom('+1 650 FLOWERS', '1-800-FLOWERS', '+47 1234', '+290 1234'),
      );
      fc.assert(
        fc.property(
          fc.oneof(
            fewDigits,
            fc.constantFrom('1-800-FLOWERS', '+1 650 FLOWERS', '+47 12345', '+290 1234', '+683 4002'),
          ),
          anything,
          (short, other) => {
            fc.pre(short.replace(/\D/g, '').length < 7);
            return !samePhone(short, other) && !samePhone(other, short) && !samePhone(short, short);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on any text and never offers a variant with fewer than 7 digits besides the typed text',
    () => {
      fc.assert(
        fc.property(fc.string(), fc.string(), (a, b) => {
          const same = samePhone(a, b);
          const variants = phoneVariants(a);
          return (
            typeof same === 'boolean' &&
            (a.trim() === '' ? variants.length === 0 : variants[0] === a.trim()) &&
            variants.slice(1).every((variant) => variant.replace(/\D/g, '').length >= 7) &&
            new Set(variants).size === variants.length
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
