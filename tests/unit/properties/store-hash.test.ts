import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseStoreHash } from '../../../lib/settings/store-hash';

const RUNS = 10_000;

const hash = fc.stringMatching(/^[a-z0-9]{1,32}$/);
const upperSome = (text: string, mask: number) =>
  [...text].map((c, i) => ((mask >> (i % 30)) & 1 ? c.toUpperCase() : c)).join('');
const space = fc.constantFrom('', ' ', '\t', '  \n');

/** Every form an admin may paste for one store. */
const forms: Array<(h: string) => string> = [
  (h) => h,
  (h) => `store-${h}`,
  (h) => `https://api.bigcommerce.com/stores/${h}/v3/`,
  (h) => `https://api.bigcommerce.com/stores/${h}/v3`,
  (h) => `https://api.bigcommerce.com/stores/${h}/v2/orders?limit=5`,
  (h) => `https://api.bigcommerce.com/stores/${h}`,
  (h) => `https://api.bigcommerce.com/stores/${h}/`,
  (h) => `api.bigcommerce.com/stores/${h}/v3/`,
  (h) => `/stores/${h}/v3/`,
  (h) => `stores/${h}/v3`,
  (h) => `https://store-${h}.mybigcommerce.com/manage/dashboard`,
  (h) => `https://store-${h}.mybigcommerce.com/`,
  (h) => `store-${h}.mybigcommerce.com/manage/orders/106`,
  (h) => `https://store-${h}.mybigcommerce.com`,
];

describe('store hash parsing', () => {
  it('reads the hash from every accepted form, in any letter case and with spaces around', () => {
    fc.assert(
      fc.property(hash, fc.nat(forms.length - 1), fc.nat(), space, space, (h, form, mask, before, after) => {
        const result = parseStoreHash(`${before}${upperSome(forms[form]!(h), mask)}${after}`);
        return result.ok && result.hash === h && result.understoodAs.includes(h);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers any text with a hash or a sentence, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl(), fc.webPath()), (text) => {
        const result = parseStoreHash(text);
        return result.ok
          ? /^[a-z0-9]{1,32}$/.test(result.hash)
          : result.message.length > 20 && result.message.endsWith('.');
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses text that holds characters a hash cannot have and no address', () => {
    const notHash = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((t) => !/[/.]/.test(t) && /[^a-zA-Z0-9\s-]/.test(t.trim()));
    fc.assert(
      fc.property(notHash, (text) => {
        const result = parseStoreHash(text);
        return !result.ok && result.message.includes('abc123');
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a hash longer than 32 characters in every form', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9]{33,60}$/),
        fc.nat(forms.length - 1),
        (h, form) => !parseStoreHash(forms[form]!(h)).ok,
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses addresses that name no store', () => {
    const noStore = fc
      .oneof(
        fc.webUrl(),
        fc.webPath().map((p) => `https://api.bigcommerce.com${p}`),
      )
      .filter(
        (url) =>
          !/\/stores\/[a-z0-9]{1,32}(?:\/|$|[?#])/i.test(url) &&
          !/\/\/store-[a-z0-9]{1,32}\.mybigcommerce\.com/i.test(url),
      );
    fc.assert(
      fc.property(noStore, (url) => {
        const result = parseStoreHash(url);
        return !result.ok && result.message.length > 0;
      }),
      { numRuns: RUNS },
    );
  });
});
