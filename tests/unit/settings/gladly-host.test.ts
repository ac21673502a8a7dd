import { describe, expect, it } from 'vitest';
import { GladlyApiSettingsSchema } from '../../../lib/settings/schema';
import { ManagedPolicySchema, readSettings } from '../../../lib/settings/storage';
import { isGladlyDomain } from '../../../lib/gladly/routes';

const api = (host: string) => ({ host, email: 'bot@acme.com', tokenHint: null });

describe('the Gladly API host (where the Gladly token is sent)', () => {
  it("accepts only https addresses on Gladly's domains", () => {
    for (const host of ['https://acme.gladly.com', 'https://acme.us-1.gladly.com/', 'https://acme.gladly.qa'])
      expect(GladlyApiSettingsSchema.safeParse(api(host)).success, host).toBe(true);
    for (const host of [
      'https://evil.example',
      'https://gladly.com.evil.example',
      'https://acme.gladly.community',
      'http://acme.gladly.com',
      'https://user:pw@acme.gladly.com',
      'https://gladly.com',
    ])
      expect(GladlyApiSettingsSchema.safeParse(api(host)).success, host).toBe(false);
  });

  it('loopback only in the e2e build', () => {
    expect(isGladlyDomain('http://127.0.0.1:4011', true)).toBe(true);
    expect(isGladlyDomain('http://127.0.0.1:4011', false)).toBe(false);
  });

  it('a stored or policy-pushed host elsewhere is refused when read back', () => {
    const stored = { version: 2, connections: [], selectors: {}, gladlyApi: api('https://evil.example') };
    expect(readSettings(stored)).toMatchObject({ kind: 'unreadable' });
    expect(
      ManagedPolicySchema.safeParse({ gladlyApi: { host: 'https://evil.example', email: 'a@b.co' } }).success,
    ).toBe(false);
  });
});
