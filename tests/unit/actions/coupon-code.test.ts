import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, couponCodeProblem, generateCouponCode } from '../../../lib/actions/coupon-code';

describe('coupon codes', () => {
  it('never uses look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(generateCouponCode()).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it('skips bytes that would bias the draw', () => {
    // 248.. are above the largest multiple of 31 below 256: they must be skipped, not wrapped.
    const bytes = [250, 255, 0, 1, 30];
    const code = generateCouponCode(3, (n) => Uint8Array.from({ length: n }, (_, i) => bytes[i] ?? 0));
    expect(code).toBe(`${CODE_ALPHABET[0]}${CODE_ALPHABET[1]}${CODE_ALPHABET[30]}`);
  });

  it('follows BigCommerce code rules', () => {
    expect(couponCodeProblem('SAVE-10 now_')).toBeNull();
    expect(couponCodeProblem('')).not.toBeNull();
    expect(couponCodeProblem('a'.repeat(51))).not.toBeNull();
    expect(couponCodeProblem('10%OFF')).not.toBeNull();
  });
});
