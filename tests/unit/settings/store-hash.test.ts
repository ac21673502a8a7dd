import { describe, expect, it } from 'vitest';
import { parseStoreHash } from '../../../lib/settings/store-hash';

describe('parseStoreHash', () => {
  it.each([
    ['abc123', 'abc123', 'Store hash abc123'],
    ['  store-abc123 ', 'abc123', 'Store hash abc123 (from “store-abc123”)'],
    ['ABC123', 'abc123', 'Store hash abc123'],
    ['https://api.bigcommerce.com/stores/abc123/v3/', 'abc123', 'Store hash abc123 (from the API path)'],
    ['api.bigcommerce.com/stores/x9y8z7/v2', 'x9y8z7', 'Store hash x9y8z7 (from the API path)'],
    [
      'https://store-abc123.mybigcommerce.com/manage/orders',
      'abc123',
      'Store hash abc123 (from the control-panel address)',
    ],
    ['https://store-q1w2e3.mybigcommerce.com/manage', 'q1w2e3', 'Store hash q1w2e3 (from the control-panel address)'],
  ])('reads %j as %s', (input, hash, understoodAs) => {
    expect(parseStoreHash(input)).toEqual({ ok: true, hash, understoodAs });
  });

  it.each([
    ['', /missing/],
    ['abc 123', /letters and digits/],
    ['store-', /letters and digits/],
    ['https://example.com/shop', /does not contain a store hash/],
    ['http://[bad', /could not be read/],
  ])('refuses %j with a plain message', (input, message) => {
    const result = parseStoreHash(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
