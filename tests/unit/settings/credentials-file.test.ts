import { describe, expect, it } from 'vitest';
import { parseCredentialsFile } from '../../../lib/settings/credentials-file';

const TOKEN = 'k3xq9v0a7bq2lmtoken00000000zz';
const SECRET = 'f00dfeedf00dfeedf00dfeed';

const standard = [
  `ACCESS TOKEN: ${TOKEN}`,
  'CLIENT NAME: Gladly sidebar',
  'API PATH: https://api.bigcommerce.com/stores/123456/v3/',
  'CLIENT ID: clientid987654321',
  `CLIENT SECRET: ${SECRET}`,
].join('\n');

describe('parseCredentialsFile', () => {
  it('reads the file BigCommerce downloads and keeps no client secret', () => {
    const result = parseCredentialsFile(standard);
    expect(result).toEqual({
      ok: true,
      credentials: { name: 'Gladly sidebar', clientId: 'clientid987654321', accessToken: TOKEN, storeHash: '123456' },
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('reads NAME instead of CLIENT NAME, another key order and CRLF line ends', () => {
    const text = [
      'CLIENT ID: abcid',
      `CLIENT SECRET: ${SECRET}`,
      'API PATH: https://api.bigcommerce.com/stores/zz9/v3/',
      'NAME: Support desk',
      `ACCESS TOKEN: ${TOKEN}`,
      '',
    ].join('\r\n');
    expect(parseCredentialsFile(text)).toEqual({
      ok: true,
      credentials: { name: 'Support desk', clientId: 'abcid', accessToken: TOKEN, storeHash: 'zz9' },
    });
  });

  it('names the missing line and never repeats the token in an error', () => {
    const result = parseCredentialsFile(`ACCESS TOKEN: ${TOKEN}\nCLIENT ID: abc\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('API PATH');
      expect(result.message).not.toContain(TOKEN);
    }
  });

  it('says so when the file is something else entirely', () => {
    const result = parseCredentialsFile('{"hello": "world"}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/does not look like a BigCommerce API credentials file/);
  });

  it('refuses an API path without a store hash', () => {
    const result = parseCredentialsFile(
      `ACCESS TOKEN: ${TOKEN}\nCLIENT ID: abc\nAPI PATH: https://api.bigcommerce.com/v3/\n`,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/no store hash/);
  });
});
