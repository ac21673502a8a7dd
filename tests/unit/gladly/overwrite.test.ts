import { describe, expect, it } from 'vitest';
import { overwritePatch } from '../../../lib/gladly/overwrite';
import type { GladlyProfile } from '../../../lib/gladly/api-client';
import { makeCustomer } from '../../fixtures/customers';

const profile = (overrides: Partial<GladlyProfile> = {}): GladlyProfile => ({
  id: 'g1',
  name: 'Jane Cooper',
  address: '',
  emails: [],
  phones: [],
  customAttributes: {},
  externalCustomerIds: {},
  ...overrides,
});

describe('overwritePatch', () => {
  it('is null when Gladly already shows the store’s values', () => {
    const customer = makeCustomer({ company: 'Cooper & Co' });
    expect(
      overwritePatch(profile({ customAttributes: { bcCompany: 'Cooper & Co' } }), customer, [
        { field: 'company', attribute: 'bcCompany' },
      ]),
    ).toBeNull();
  });

  it('never blanks a Gladly value the store does not have', () => {
    const customer = makeCustomer({ name: '', company: '' });
    expect(
      overwritePatch(profile({ name: 'J. Cooper', customAttributes: { bcCompany: 'Old' } }), customer, [
        { field: 'company', attribute: 'bcCompany' },
      ]),
    ).toBeNull();
  });

  it('sends only the fields that differ', () => {
    const customer = makeCustomer({ name: 'Jane Cooper', storeCreditAmount: '12.50', storeCreditCurrency: 'USD' });
    expect(
      overwritePatch(profile(), customer, [
        { field: 'storeCreditAmount', attribute: 'credit' },
        { field: 'id', attribute: 'bcId' },
      ]),
    ).toEqual({ customAttributes: { credit: '12.50 USD', bcId: '1' } });
  });
});
