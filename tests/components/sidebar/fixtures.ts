/**
 * Sidebar fixtures shaped like the sandbox's people (sandbox/personas.ts): Jane Cooper in the main
 * store (USD), Sam Lee in the European store (EUR), Gary Guest's guest orders.
 */
import type { Customer, Order } from '../../../lib/core/model';
import type { Identity } from '../../../lib/messages/identity';
import type { StoreLookup } from '../../../lib/messages/lookup';
import type { SidebarConnection } from '../../../lib/messages/sidebar';
import { makeCustomer, makeOrder } from '../../fixtures/fake-store-api';

const actionsOff = { enabled: false, cancel: true, refund: true, partialRefund: true, discount: true };

export const mainConnection: SidebarConnection = {
  id: 'main',
  name: 'Cooper & Co Outfitters',
  storeHash: 'abc123',
  searchQueryAttributes: [
    { attribute: 'email', label: 'Email address' },
    { attribute: 'phone', label: 'Phone' },
  ],
  searchResultsAttributes: [
    { attribute: 'name', label: 'Name' },
    { attribute: 'email', label: 'Email' },
  ],
  actions: { ...actionsOff, enabled: true },
};

export const europeConnection: SidebarConnection = {
  id: 'europe',
  name: 'Cooper & Co Europe',
  storeHash: 'eu7x9k',
  searchQueryAttributes: [{ attribute: 'phone', label: 'Mobile' }],
  searchResultsAttributes: [
    { attribute: 'phone', label: 'Telephone' },
    { attribute: 'loyaltyTier', label: 'Tier' },
    { attribute: 'externalCustomerId', label: 'BC id' },
  ],
  actions: actionsOff,
};

export const janeIdentity: Identity = {
  gladlyCustomerId: 'XRJvp8lSS5aD2RucjY5zkw',
  name: 'Jane Cooper',
  emails: [{ value: 'jane.cooper@example.com', source: 'panel' }],
  phones: [{ value: '650 123 4569', type: 'Mobile', source: 'panel' }],
};

export const garyIdentity: Identity = {
  gladlyCustomerId: 'GuestOnlyQ7x2Lm',
  name: 'Gary Guest',
  emails: [{ value: 'gary.guest@example.net', source: 'panel' }],
  phones: [],
};

export const noContactIdentity: Identity = { gladlyCustomerId: 'NoIdentity1aZ0', name: '', emails: [], phones: [] };

export const jane: Customer = makeCustomer({
  id: '11',
  company: 'Cooper Design Studio',
  address: {
    firstName: 'Jane',
    lastName: 'Cooper',
    company: '',
    street1: '1200 Market St',
    street2: '',
    city: 'San Francisco',
    state: 'CA',
    zip: '94102',
    country: 'United States',
    countryCode: 'US',
    phone: '',
  },
  addressCount: 3,
  acceptsMarketing: true,
  customerGroupId: 2,
  customerGroupName: 'VIP',
  notes: 'Prefers email over phone.',
  storeCreditAmount: '25.00',
  storeCreditCurrency: 'USD',
});

/** Jane's orders, newest first: a shipped one with tracking and a discount, a guest one, ... */
export function janeOrders(): Order[] {
  const shipped = makeOrder(112, {
    externalCustomerId: '11',
    status: 'Shipped',
    statusId: 2,
    discount: '5.00',
    subtotal: '129.00',
    orderTotal: '1336.32',
    itemCount: 3,
    itemsShipped: 3,
    productIds: [201, 202],
    firstTrackingNumber: '1Z999AA10123456784',
    firstTrackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    controlPanelUrl: 'https://store-abc123.mybigcommerce.com/manage/orders/112',
    fulfillments: [
      {
        id: 's1',
        trackingNumber: '1Z999AA10123456784',
        trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
        shippingMethod: 'UPS Ground',
        carrier: 'UPS',
        createdAt: '2026-10-24T15:00:00.000Z',
        items: [{ orderProductId: '112-0', quantity: 2 }],
      },
    ],
  });
  shipped.lineItems[0] = {
    ...shipped.lineItems[0]!,
    name: 'Merino Wool Crew Sweater — Heather Charcoal, Extra Long Name That Must Not Break The Layout',
    sku: 'MWS-CHAR-L',
    options: [
      { name: 'Size', value: 'L' },
      { name: 'Colour', value: 'Charcoal' },
    ],
    quantity: 2,
    quantityShipped: 2,
    quantityRefunded: 1,
    unitPrice: '59.50',
    image: 'https://cdn11.bigcommerce.com/s-abc123/products/201/images/1/sweater.jpg',
  };
  const guest = makeOrder(111, {
    externalCustomerId: '',
    isGuest: true,
    status: 'Awaiting Fulfillment',
    statusId: 11,
    orderTotal: '42.00',
  });
  const cancelled = makeOrder(110, { externalCustomerId: '11', status: 'Cancelled', statusId: 5, orderTotal: '18.25' });
  const older = Array.from({ length: 9 }, (_, i) =>
    makeOrder(100 + i, { externalCustomerId: '11', statusId: 10, status: 'Completed' }),
  );
  return [shipped, guest, cancelled, ...older.reverse()];
}

export function linkedStore(overrides: Partial<StoreLookup> = {}): StoreLookup {
  return {
    connectionId: 'main',
    storeName: 'Cooper & Co Outfitters',
    status: 'linked',
    customer: jane,
    orders: janeOrders(),
    autoLinked: true,
    complete: true,
    fetchedAt: Date.UTC(2026, 10, 24, 12, 0, 0),
    stale: false,
    ...overrides,
  };
}

export const NOW = Date.UTC(2026, 10, 24, 12, 3, 0);
