/** The sidebar shows phones the background formatted (issue #16: no libphonenumber in its bundle). */
import { describe, expect, it } from 'vitest';
import { displayPhone, withPhoneDisplays } from '../../../lib/background/phone-display';
import type { LookupUpdate } from '../../../lib/messages/lookup';
import { makeCustomer } from '../../fixtures/customers';

describe('phones formatted for the sidebar', () => {
  it('reads a number without a country code in the address country, else the locale country', () => {
    expect(displayPhone('030 1234567', undefined, 'de')).toBe('+49 30 1234567');
    expect(displayPhone('650-123-4569', undefined, 'en-US')).toBe('+1 650 123 4569');
    expect(displayPhone('650-123-4569', 'US', 'de')).toBe('+1 650 123 4569');
    expect(displayPhone('020 7946 0958', 'GB', 'en-US')).toBe('+44 20 7946 0958');
    expect(displayPhone('ask at the desk', undefined, 'de')).toBe('ask at the desk');
  });

  it("adds the display phone to a lookup update's customer and candidates, and leaves the rest as sent", () => {
    const jane = makeCustomer({ id: '11', phone: '030 1234567' });
    const address = { firstName: '', lastName: '', company: '', street1: '', street2: '', city: '', state: '' };
    const alex = makeCustomer({
      id: '30',
      phone: '(212) 555-0199',
      address: { ...address, zip: '', country: 'United States', countryCode: 'US', phone: '' },
    });
    const update: LookupUpdate = {
      type: 'lookup/update',
      requestId: 'r1',
      done: true,
      stores: [
        { connectionId: 'main', storeName: 'Main', status: 'linked', customer: jane, orders: [], complete: true },
        { connectionId: 'eu', storeName: 'EU', status: 'candidates', candidates: [alex], complete: true },
        { connectionId: 'guest', storeName: 'Guest', status: 'guest', customer: null, orders: [], complete: true },
      ],
    };
    const sent = withPhoneDisplays(update, 'de');
    expect(sent.stores[0]!.customer).toEqual({ ...jane, phoneDisplay: '+49 30 1234567' });
    expect(sent.stores[1]!.candidates).toEqual([{ ...alex, phoneDisplay: '+1 212 555 0199' }]);
    expect(sent.stores[2]).toEqual(update.stores[2]);
    // The lookup's own objects (the cache's) are never changed.
    expect(jane.phoneDisplay).toBeUndefined();
    const config = { type: 'config', connections: [] };
    expect(withPhoneDisplays(config, 'de')).toBe(config);
  });
});
