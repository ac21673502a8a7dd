/**
 * Phone numbers as people type and stores keep them. BigCommerce matches `phone:in` on the stored
 * text, so a search sends the common spellings of one number; comparing two numbers parses both.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';

/** Fewer digits than this are never taken as a phone number (a fragment must not match). */
const MIN_DIGITS = 7;

const digitsOf = (text: string) => text.replace(/\D/g, '');

function parse(text: string, defaultCountry: CountryCode): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(text.trim(), defaultCountry);
  return parsed && parsed.isPossible() ? parsed : null;
}

/**
 * The phone as typed, its digits, E.164 and the national and international spellings stores
 * commonly hold ("650-123-4569", "(650) 123-4569", "+1 650-123-4569", …). No duplicates, typed first.
 */
export function phoneVariants(typed: string, defaultCountry: CountryCode = 'US'): string[] {
  const key = `${defaultCountry} ${typed}`;
  let variants = recentVariants.get(key);
  if (!variants) {
    variants = spellingsOf(typed, defaultCountry);
    // Every store of a lookup asks for the same phone's spellings: parsed once (a few ms when the worker is busy).
    if (recentVariants.size >= RECENT_VARIANTS) recentVariants.delete(recentVariants.keys().next().value!);
    recentVariants.set(key, variants);
  }
  return [...variants];
}

const RECENT_VARIANTS = 32;
const recentVariants = new Map<string, string[]>();

function spellingsOf(typed: string, defaultCountry: CountryCode): string[] {
  const trimmed = typed.trim();
  const variants = [trimmed];
  const digits = digitsOf(trimmed);
  if (digits.length >= MIN_DIGITS) variants.push(digits);
  const parsed = parse(trimmed, defaultCountry);
  if (parsed) {
    const national = String(parsed.nationalNumber);
    const code = String(parsed.countryCallingCode);
    variants.push(parsed.number, national, `${code}${national}`, parsed.formatNational(), parsed.formatInternational());
    if (national.length === 10 && code === '1') {
      // North American numbers: the separators people and checkout forms actually use.
      const [a, b, c] = [national.slice(0, 3), national.slice(3, 6), national.slice(6)];
      variants.push(
        `${a}-${b}-${c}`,
        `${a} ${b} ${c}`,
        `${a}.${b}.${c}`,
        `(${a}) ${b}-${c}`,
        `(${a})${b}-${c}`,
        `+1 ${a}-${b}-${c}`,
        `+1 (${a}) ${b}-${c}`,
        `1-${a}-${b}-${c}`,
      );
    }
  }
  return [...new Set(variants.filter(Boolean))];
}

/** True when both texts are the same phone number in any format; never on a few digits. */
export function samePhone(a: string, b: string, defaultCountry: CountryCode = 'US'): boolean {
  const x = parse(a, defaultCountry);
  const y = parse(b, defaultCountry);
  if (x && y) return x.number === y.number;
  if (x || y) return false;
  // Neither is a number libphonenumber can read: only an exact match of many digits counts.
  const dx = digitsOf(a);
  return dx.length > MIN_DIGITS && dx === digitsOf(b);
}

/**
 * One way to show a phone everywhere: international ("+1 650 123 4569"), read in the country of
 * the customer's address when it has no country code; as stored when it is not a number.
 */
export function formatPhone(stored: string, country?: string): string {
  const home = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : 'US';
  const parsed = parse(stored, home);
  return parsed ? parsed.formatInternational() : stored.trim();
}
