import fc from 'fast-check';
import { describe, it } from 'vitest';
import { MAX_CREDENTIALS_FILE_BYTES, parseCredentialsFile } from '../../../lib/settings/credentials-file';

const RUNS = 10_000;

const token = fc.stringMatching(/^[a-z0-9]{20,40}$/);
/** Secrets carry a marker no other generated value can contain, so a leak is unmistakable. */
const secret = fc.stringMatching(/^[a-f0-9]{24,48}$/).map((s) => `SECRET${s}`);
const hash = fc.stringMatching(/^[a-z0-9]{1,32}$/);
const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._:-]{0,40}[A-Za-z0-9]$/).map((n) => n.replace(/\s+/g, ' '));
const apiPaths = [
  (h: string) => `https://api.bigcommerce.com/stores/${h}/v3/`,
  (h: string) => `https://api.bigcommerce.com/stores/${h}/v2/`,
  (h: string) => `https://api.bigcommerce.com/stores/${h}`,
];
const eol = fc.constantFrom('\n', '\r\n');
const pad = fc.constantFrom('', ' ', '  ', '\t');
const keyCase = fc.constantFrom<(k: string) => string>(
  (k) => k,
  (k) => k.toLowerCase(),
  (k) => k.replace(/ /g, '_'),
);
const extraKey = fc.constantFrom('ACCOUNT UUID', 'CREATED', 'STORE URL', 'SCOPES', 'NOTE');

interface Generated {
  text: string;
  name: string;
  clientId: string;
  accessToken: string;
  storeHash: string;
  secret: string;
}

/** A credentials file as BigCommerce writes it, then as people save and edit it. */
const file: fc.Arbitrary<Generated> = fc
  .record({
    g: fc.record({
      name,
      clientId: token,
      accessToken: token,
      hash,
      secret,
      nameKey: fc.constantFrom('CLIENT NAME', 'NAME', null),
      eol,
      bom: fc.boolean(),
      keyCase,
    }),
    pathForm: fc.nat(apiPaths.length - 1),
    extras: fc.array(fc.tuple(extraKey, fc.stringMatching(/^[A-Za-z0-9 ,]{0,30}$/)), { maxLength: 3 }),
    pads: fc.array(fc.tuple(pad, pad, pad), { minLength: 12, maxLength: 12 }),
    blank: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    order: fc.array(fc.nat(), { minLength: 12, maxLength: 12 }),
  })
  .map(({ g, pathForm, extras, pads, blank, order }) => {
    const path = apiPaths[pathForm]!(g.hash);
    const lines: Array<[string, string]> = [
      ['ACCESS TOKEN', g.accessToken],
      ['CLIENT ID', g.clientId],
      ['CLIENT SECRET', g.secret],
      ['API PATH', path],
      ...(g.nameKey ? [[g.nameKey, g.name] as [string, string]] : []),
      ...extras,
    ];
    const shuffled = lines.map((line, i) => ({ line, rank: order[i]! })).sort((a, b) => a.rank - b.rank);
    const text = shuffled
      .map(({ line: [key, value] }, i) => {
        const [p1, p2, p3] = pads[i]!;
        return `${p1}${g.keyCase(key)}${p2}:${p3}${value}${p3}${blank[i] ? g.eol : ''}`;
      })
      .join(g.eol);
    return {
      text: `${g.bom ? '\uFEFF' : ''}${text}${g.eol}`,
      name: g.nameKey ? g.name : '',
      clientId: g.clientId,
      accessToken: g.accessToken,
      storeHash: g.hash,
      secret: g.secret,
    };
  });

describe('credentials file parsing', () => {
  it('reads the fields whatever the key order, line endings, spacing, name key and extra lines', () => {
    fc.assert(
      fc.property(file, (f) => {
        const result = parseCredentialsFile(f.text);
        if (!result.ok) return false;
        const { credentials } = result;
        return (
          credentials.name === f.name &&
          credentials.clientId === f.clientId &&
          credentials.accessToken === f.accessToken &&
          credentials.storeHash === f.storeHash &&
          !JSON.stringify(result).includes(f.secret)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('a file missing a required line names the line and repeats no value from the file', () => {
    fc.assert(
      fc.property(file, fc.constantFrom('ACCESS TOKEN', 'CLIENT ID', 'API PATH'), (f, dropped) => {
        const kept = f.text
          .split(/\r?\n/)
          .filter((line) => line.replace(/_/g, ' ').trim().toUpperCase().split(/\s*:/)[0] !== dropped)
          .join('\n');
        const result = parseCredentialsFile(kept);
        return (
          !result.ok &&
          result.message.includes(dropped) &&
          !result.message.includes(f.accessToken) &&
          !result.message.includes(f.clientId) &&
          !result.message.includes(f.secret)
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('garbage gets a clear sentence, never a throw, never a value from the text', () => {
    const garbage = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.lorem({ maxCount: 30 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc
        .array(fc.tuple(fc.stringMatching(/^[A-Z][A-Z ]{0,12}$/), fc.string()), { maxLength: 6 })
        .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n')),
    );
    fc.assert(
      fc.property(garbage, (text) => {
        const result = parseCredentialsFile(text);
        if (result.ok) return false;
        const values = text
          .split(/\r\n|\r|\n/)
          .map((line) => line.slice(line.indexOf(':') + 1).trim())
          .filter((value) => value.length >= 6);
        return (
          result.message.length > 30 &&
          result.message.endsWith('.') &&
          values.every((value) => !result.message.includes(value))
        );
      }),
      { numRuns: RUNS },
    );
  });

  it('an oversized file is refused before it is read', () => {
    fc.assert(
      fc.property(file, fc.integer({ min: 1, max: 2000 }), (f, extra) => {
        const big = f.text + ' '.repeat(MAX_CREDENTIALS_FILE_BYTES - f.text.length + extra);
        const result = parseCredentialsFile(big);
        return !result.ok && !result.message.includes(f.accessToken);
      }),
      { numRuns: RUNS },
    );
  });
});
