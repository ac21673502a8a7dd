import { describe, expect, it } from 'vitest';
import { createGladlyApp } from '../../../sandbox/gladly/app';
import { GLADLY_API_USER, personas } from '../../../sandbox/personas';
import { createGladlyBridge, GLADLY_SECRET } from '../../../lib/background/gladly-bridge';
import { DEFAULT_SETTINGS, newConnection, type Settings } from '../../../lib/settings/schema';
import type { Identity } from '../../../lib/messages/identity';
import { makeCustomer } from '../../fixtures/customers';

const HOST = 'http://127.0.0.1:4011';

function setup(options: { gladlyApi?: boolean; overwrite?: boolean } = {}) {
  const app = createGladlyApp({ apiUser: GLADLY_API_USER });
  const requests: string[] = [];
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    gladlyApi: options.gladlyApi === false ? null : { host: HOST, email: GLADLY_API_USER.email, tokenHint: 'oken' },
  };
  const connection = {
    ...newConnection('main'),
    name: 'Main',
    storeHash: 'abc123',
    overwriteExistingValues: options.overwrite ?? true,
    overwriteAttributes: [
      { field: 'company' as const, attribute: 'bcCompany' },
      { field: 'customerGroupName' as const, attribute: 'bcGroup' },
    ],
  };
  const bridge = createGladlyBridge({
    settings: { get: async () => settings },
    vault: { getSecret: async (name) => (name === GLADLY_SECRET ? GLADLY_API_USER.token : null) },
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(init?.method ?? 'GET');
      return app.request(String(input), init);
    }) as typeof fetch,
  });
  const profile = async (id: string) =>
    (await (
      await app.request(`${HOST}/api/v1/customer-profiles/${id}`, {
        headers: { Authorization: `Basic ${btoa(`${GLADLY_API_USER.email}:${GLADLY_API_USER.token}`)}` },
      })
    ).json()) as {
      name: string;
      address: string;
      emails: { original: string }[];
      customAttributes: Record<string, string>;
    };
  return { bridge, connection, profile, requests };
}

const chrisFromPanel: Identity = {
  gladlyCustomerId: personas.multiEmail.gladlyId,
  name: 'Chris Rivera',
  emails: [{ value: 'chris.rivera@example.com', source: 'panel' }],
  phones: [],
};

describe('the Gladly REST API bridge', () => {
  it("completes the panel's identity with Gladly's own record (every email and phone)", async () => {
    const { bridge } = setup();
    const confirmed = await bridge.confirmIdentity(personas.multiEmail.gladlyId, chrisFromPanel);
    expect(confirmed.emails.map((e) => e.value.toLowerCase()).sort()).toEqual([
      'c.rivera@personal.example',
      'chris.rivera@example.com',
    ]);
    expect(confirmed.phones.length).toBe(2);
    expect(confirmed.phones.every((p) => p.source === 'api')).toBe(true);
  });

  it('leaves the identity as read when no Gladly API connection is set', async () => {
    const { bridge } = setup({ gladlyApi: false });
    expect(await bridge.confirmIdentity(personas.multiEmail.gladlyId, chrisFromPanel)).toEqual(chrisFromPanel);
  });

  it("with Overwrite Existing Values on, replaces Gladly's name and address with the store's, never its emails", async () => {
    const { bridge, connection, profile } = setup({ overwrite: true });
    const customer = makeCustomer({
      name: 'Christopher Rivera',
      email: 'someone.else@example.com',
      address: {
        firstName: '',
        lastName: '',
        company: '',
        street1: '9 Elm St',
        street2: '',
        city: 'Denver',
        state: 'CO',
        zip: '80202',
        country: 'United States',
        countryCode: 'US',
        phone: '',
      },
    });
    const before = await profile(personas.multiEmail.gladlyId);
    await bridge.overwriteFromStore(chrisFromPanel, connection, customer);
    const after = await profile(personas.multiEmail.gladlyId);
    expect(after.name).toBe('Christopher Rivera');
    expect(after.address).toBe('9 Elm St, Denver, CO, 80202, US');
    expect(after.emails).toEqual(before.emails);
  });

  it('changes nothing in Gladly with Overwrite Existing Values off', async () => {
    const { bridge, connection, profile } = setup({ overwrite: false });
    const before = await profile(personas.multiEmail.gladlyId);
    await bridge.overwriteFromStore(chrisFromPanel, connection, makeCustomer({ name: 'Somebody Else' }));
    expect(await profile(personas.multiEmail.gladlyId)).toEqual(before);
  });

  it('writes only what differs, mapped custom attributes included, and nothing on a visit where all matches', async () => {
    const { bridge, connection, profile, requests } = setup({ overwrite: true });
    const customer = makeCustomer({ name: 'Christopher Rivera', company: 'Rivera Design', customerGroupName: 'VIP' });
    expect(await bridge.overwriteFromStore(chrisFromPanel, connection, customer)).toBe('written');
    const after = await profile(personas.multiEmail.gladlyId);
    expect(after.name).toBe('Christopher Rivera');
    expect(after.customAttributes).toMatchObject({ bcCompany: 'Rivera Design', bcGroup: 'VIP' });
    requests.length = 0;
    // The next visit reads the profile and, with nothing changed, writes nothing.
    expect(await bridge.overwriteFromStore(chrisFromPanel, connection, customer)).toBe('unchanged');
    expect(requests).toEqual(['GET']);
    // A value that changed in the store is written on the next visit, alone.
    requests.length = 0;
    expect(await bridge.overwriteFromStore(chrisFromPanel, connection, { ...customer, company: 'Rivera Studio' })).toBe(
      'written',
    );
    expect(requests).toEqual(['GET', 'PATCH']);
    expect((await profile(personas.multiEmail.gladlyId)).customAttributes.bcCompany).toBe('Rivera Studio');
  });
});
