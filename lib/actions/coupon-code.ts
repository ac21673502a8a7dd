/**
 * Discount codes an agent can read out over the phone: no 0/O, 1/I/L look-alikes.
 * Uniform (rejection sampling, no modulo bias) from a cryptographic source.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `count` random bytes. */
export type RandomBytes = (count: number) => Uint8Array;

const cryptoBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

export function generateCouponCode(length = 10, randomBytes: RandomBytes = cryptoBytes): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (code.length === length) break;
    }
  }
  return code;
}

/** BigCommerce's rule for a coupon code (≤ 50; letters, digits, space, _ and -), or why not. */
export function couponCodeProblem(code: string): string | null {
  const c = code.trim();
  if (c.length === 0) return 'Enter a code.';
  if (c.length > 50) return 'A code is at most 50 characters.';
  if (!/^[A-Za-z0-9 _-]+$/.test(c)) return 'Use letters, digits, spaces, _ and - only.';
  return null;
}
