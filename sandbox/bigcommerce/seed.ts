/**
 * The deterministic seed of both sandbox stores. Every persona's `bigcommerce` description in
 * sandbox/personas.ts holds here; SEED_IDS names the records tests and the benchmark need.
 */
import { STORES } from '../personas';
import { SEED_NOW, buildOrders, type BuildCounters, type OrderSpec } from './seed-builder';
import { catalogFor } from './seed-catalog';
import type { AddressRec, CouponRec, CustomerRec, GroupRec, StatusRec, StoreData } from './types';

export { SEED_NOW };
const DAY = 86_400_000;

const STATUS_TABLE: Array<[number, string, string]> = [
  [
    0,
    'Incomplete',
    'An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.',
  ],
  [1, 'Pending', 'Customer started the checkout process, but did not complete it.'],
  [2, 'Shipped', 'Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.'],
  [
    3,
    'Partially Shipped',
    'Only some items in the order have been shipped, due to some products being pre-order only or other reasons.',
  ],
  [4, 'Refunded', 'Seller has used the Refund action.'],
  [5, 'Cancelled', 'Seller has cancelled an order, due to a stock inconsistency or other reasons.'],
  [6, 'Declined', 'Seller has marked the order as declined for lack of manual payment, or other reasons.'],
  [7, 'Awaiting Payment', 'Customer has completed checkout process, but payment has yet to be confirmed.'],
  [8, 'Awaiting Pickup', 'Order has been pulled, and is awaiting customer pickup from a seller-specified location.'],
  [9, 'Awaiting Shipment', 'Order has been pulled and packaged, and is awaiting collection from a shipping provider.'],
  [10, 'Completed', 'Client has paid for their digital product and their file(s) are available for download.'],
  [11, 'Awaiting Fulfillment', 'Customer has completed the checkout process and payment has been confirmed.'],
  [12, 'Manual Verification Required', 'Order on hold while some aspect needs to be manually confirmed.'],
  [
    13,
    'Disputed',
    'Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.',
  ],
  [14, 'Partially Refunded', 'Seller has partially refunded the order.'],
];

function statuses(customLabels: Record<number, string>): StatusRec[] {
  return STATUS_TABLE.map(([id, label, description]) => ({
    id,
    system_label: label,
    custom_label: customLabels[id] ?? label,
    system_description: description,
  }));
}

// ---- customers ----

interface AddressLine {
  first?: string;
  last?: string;
  company?: string;
  street: string;
  street2?: string;
  city: string;
  state: string;
  zip: string;
  cc: string;
  country: string;
  phone?: string;
  type?: 'residential' | 'commercial';
}

interface CustomerLine {
  first: string;
  last: string;
  email: string;
  phone: string;
  company?: string;
  notes?: string;
  group?: number;
  credit?: number;
  addresses: AddressLine[];
  daysAgo: number;
}

function makeCustomers(lines: CustomerLine[], firstId: number, firstAddressId: number): CustomerRec[] {
  let addressId = firstAddressId;
  return lines.map((line, index) => {
    const id = firstId + index;
    const addresses: AddressRec[] = line.addresses.map((a) => ({
      id: addressId++,
      customer_id: id,
      first_name: a.first ?? line.first,
      last_name: a.last ?? line.last,
      company: a.company ?? line.company ?? '',
      address1: a.street,
      address2: a.street2 ?? '',
      city: a.city,
      state_or_province: a.state,
      postal_code: a.zip,
      country_code: a.cc,
      country: a.country,
      phone: a.phone ?? line.phone,
      address_type: a.type ?? 'residential',
    }));
    const created = SEED_NOW - line.daysAgo * DAY;
    return {
      id,
      email: line.email,
      first_name: line.first,
      last_name: line.last,
      company: line.company ?? '',
      phone: line.phone,
      notes: line.notes ?? '',
      customer_group_id: line.group ?? 0,
      created,
      modified: created + 40 * DAY,
      registration_ip_address: `203.0.113.${(id * 7) % 250}`,
      addresses,
      storeCreditCents: line.credit ?? 0,
    };
  });
}

const US = { cc: 'US', country: 'United States' };
const DE = { cc: 'DE', country: 'Germany' };

const FILLER_FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Drew',
  'Emerson',
  'Finley',
  'Gray',
  'Harper',
  'Indy',
  'Jordan',
  'Kai',
  'Logan',
  'Micah',
  'Noel',
  'Oakley',
  'Parker',
  'Quinn',
  'Reese',
  'Sawyer',
  'Tatum',
];
const FILLER_LAST = [
  'Nguyen',
  'Okafor',
  'Silva',
  'Kowalski',
  'Haddad',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Ibarra',
  'Fischer',
  'Osei',
  'Romano',
  'Petrov',
  'Dubois',
  'Larsen',
  'Mensah',
  'Novak',
  'Castillo',
  'Brennan',
  'Yilmaz',
];
const CITIES: Array<[string, string, string]> = [
  ['Chicago', 'Illinois', '60601'],
  ['Denver', 'Colorado', '80202'],
  ['Seattle', 'Washington', '98101'],
  ['Boston', 'Massachusetts', '02108'],
  ['Atlanta', 'Georgia', '30303'],
];
const PHONE_FORMATS = [
  (n: string) => `(555) 201-${n}`,
  (n: string) => `555.201.${n}`,
  (n: string) => `+1 555 201 ${n}`,
  (n: string) => `555201${n}`,
  () => '',
];

function fillerCustomers(count: number, offset: number, domain: string, german: boolean): CustomerLine[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const first = FILLER_FIRST[n % FILLER_FIRST.length]!;
    const last = FILLER_LAST[(n * 7) % FILLER_LAST.length]!;
    const [city, state, zip] = german
      ? (['Berlin', 'Berlin', `101${String(n).padStart(2, '0')}`] as const)
      : CITIES[n % CITIES.length]!;
    const suffix = String(100 + n).padStart(4, '0');
    return {
      first,
      last,
      email: `${first}.${last}${n}@${domain}`.toLowerCase(),
      phone: german ? (n % 2 === 0 ? `+49 30 5550${suffix}` : '') : PHONE_FORMATS[n % PHONE_FORMATS.length]!(suffix),
      group: n % 4 === 0 ? 2 : 0,
      credit: n % 6 === 0 ? 1000 + n * 50 : 0,
      notes: n % 5 === 0 ? 'Prefers email contact.' : '',
      addresses: [
        { street: `${200 + n * 3} ${german ? 'Torstraße' : 'Lake Shore Dr'}`, city, state, zip, ...(german ? DE : US) },
      ],
      daysAgo: 500 - n * 11,
    };
  });
}

const MAIN_CUSTOMERS: CustomerLine[] = [
  {
    first: 'Jane',
    last: 'Cooper',
    email: 'jane.cooper@example.com',
    phone: '+1 650-123-4569',
    notes: 'VIP since 2023. Prefers SMS updates; leave parcels with the front desk.',
    group: 1,
    credit: 2500,
    daysAgo: 720,
    addresses: [
      { street: '1200 Market St', street2: 'Apt 5B', city: 'San Francisco', state: 'California', zip: '94102', ...US },
      {
        street: '500 Howard St',
        company: 'Cooper Design Studio',
        city: 'San Francisco',
        state: 'California',
        zip: '94105',
        type: 'commercial',
        ...US,
      },
      { street: '42 Ocean View Rd', city: 'Carmel-by-the-Sea', state: 'California', zip: '93921', ...US },
    ],
  },
  {
    first: 'Priya',
    last: 'Patel',
    email: 'priya.patel@example.org',
    phone: '4155550142',
    daysAgo: 300,
    addresses: [{ street: '88 Valencia St', city: 'San Francisco', state: 'California', zip: '94103', ...US }],
  },
  {
    first: 'Sam',
    last: 'Lee',
    email: 'sam.lee@example.com',
    phone: '',
    daysAgo: 410,
    addresses: [{ street: '19 Pearl St', city: 'New York', state: 'New York', zip: '10004', ...US }],
  },
  {
    first: 'Alex',
    last: 'Morgan',
    email: 'alex.morgan@example.com',
    phone: '212-555-0199',
    daysAgo: 260,
    addresses: [{ street: '350 W 42nd St', city: 'New York', state: 'New York', zip: '10036', ...US }],
  },
  {
    first: 'Alexis',
    last: 'Morgan',
    email: 'alexis.morgan@example.com',
    phone: '(212) 555-0199',
    daysAgo: 255,
    addresses: [{ street: '350 W 42nd St', city: 'New York', state: 'New York', zip: '10036', ...US }],
  },
  {
    first: 'Chris',
    last: 'Rivera',
    email: 'c.rivera@personal.example',
    phone: '303-555-0123',
    daysAgo: 180,
    addresses: [{ street: '1600 Glenarm Pl', city: 'Denver', state: 'Colorado', zip: '80202', ...US }],
  },
  {
    first: 'Dana',
    last: 'Whitfield',
    email: 'dana.whitfield@example.com',
    phone: '+1 773 555 0100',
    company: 'Whitfield Outdoor Club',
    daysAgo: 150,
    addresses: [{ street: '2400 N Clark St', city: 'Chicago', state: 'Illinois', zip: '60614', ...US }],
  },
  {
    first: 'Marcus',
    last: 'Bell',
    email: 'marcus.bell@example.com',
    phone: '(555) 301-0110',
    group: 2,
    daysAgo: 640,
    addresses: [{ street: '9 Elm Row', city: 'Madison', state: 'Wisconsin', zip: '53703', ...US }],
  },
  {
    first: 'Olivia',
    last: 'Hart',
    email: 'olivia.hart@example.com',
    phone: '555-301-0120',
    company: 'Hart Event Gifts',
    notes: 'Corporate gifting: ships to many recipients.',
    group: 1,
    daysAgo: 520,
    addresses: Array.from({ length: 12 }, (_, i) => ({
      first: ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jon', 'Kit', 'Lou'][i]!,
      last: 'Recipient',
      street: `${10 + i * 12} Maple St`,
      city: CITIES[i % CITIES.length]![0],
      state: CITIES[i % CITIES.length]![1],
      zip: CITIES[i % CITIES.length]![2],
      ...US,
    })),
  },
  ...fillerCustomers(21, 0, 'example.com', false),
];

const EUROPE_CUSTOMERS: CustomerLine[] = [
  {
    first: 'Sam',
    last: 'Lee',
    email: 'sam.lee@example.com',
    phone: '+49 30 5550 0199',
    daysAgo: 200,
    addresses: [{ street: 'Oranienstraße 25', city: 'Berlin', state: 'Berlin', zip: '10999', ...DE }],
  },
  ...fillerCustomers(7, 30, 'example.de', true),
];

const GROUPS: GroupRec[] = [
  { id: 1, name: 'VIP', is_default: false, created: SEED_NOW - 900 * DAY },
  { id: 2, name: 'Wholesale', is_default: false, created: SEED_NOW - 800 * DAY },
];

// ---- orders ----

const GUESTS = {
  janeGuest: { email: 'jane.cooper@example.com', first: 'Jane', last: 'Cooper', phone: '650 123 4569' },
  gary: { email: 'gary.guest@example.net', first: 'Gary', last: 'Guest', phone: '(555) 410-2231' },
};

const FILLER_STATUSES = [10, 2, 11, 3, 9, 5, 4, 14, 1, 7, 6, 8, 12, 13, 0, 10, 2, 11, 10, 2];
const PAYS = ['card', 'card', 'paypal', 'card', 'cod', 'authorized'] as const;

function mainOrderSpecs(c: (email: string) => CustomerRec): OrderSpec[] {
  const jane = c('jane.cooper@example.com');
  const specs: OrderSpec[] = [
    // Jane: 13 orders; the 10 newest first.
    {
      key: 'janeCapturedAwaiting',
      customer: jane,
      daysAgo: 1,
      status: 11,
      lines: [
        [101, 1],
        [105, 2],
      ],
      pay: 'card',
    },
    { key: 'janeAuthorized', customer: jane, daysAgo: 3, status: 11, lines: [[108, 1]], pay: 'authorized' },
    {
      key: 'janePartiallyShipped',
      customer: jane,
      daysAgo: 6,
      status: 3,
      lines: [
        [107, 1],
        [104, 1],
        [110, 1],
      ],
      tracking: 'custom',
    },
    {
      key: 'janeGuestShipped',
      guest: GUESTS.janeGuest,
      daysAgo: 10,
      status: 2,
      lines: [[102, 2]],
      tracking: 'generated',
    },
    {
      key: 'janeCustomLine',
      customer: jane,
      daysAgo: 15,
      status: 10,
      lines: [
        [111, 1],
        [0, 1, 'Custom monogram engraving', 1500],
      ],
      tracking: 'generated',
      customerMessage: 'Please engrave "JC".',
    },
    {
      key: 'janeWorkEmail',
      customer: jane,
      billingEmail: 'janie.c@work.example',
      daysAgo: 21,
      status: 2,
      lines: [[103, 1]],
      tracking: 'custom',
      pay: 'paypal',
    },
    {
      key: 'janeGuestCompleted',
      guest: GUESTS.janeGuest,
      daysAgo: 30,
      status: 10,
      lines: [
        [106, 1],
        [104, 1],
      ],
      tracking: 'generated',
    },
    {
      key: 'janeCancelled',
      customer: jane,
      daysAgo: 40,
      status: 5,
      lines: [[112, 1]],
      pay: 'authorized',
      staffNotes: 'Cancelled at customer request (size).',
    },
    {
      key: 'janePartiallyRefunded',
      customer: jane,
      daysAgo: 55,
      status: 14,
      lines: [
        [109, 1],
        [105, 1],
      ],
      tracking: 'generated',
    },
    { key: 'janeGuestRefunded', guest: GUESTS.janeGuest, daysAgo: 70, status: 4, lines: [[110, 1]], ship: 'none' },
    { key: 'janeGuestOld', guest: GUESTS.janeGuest, daysAgo: 120, status: 10, lines: [[105, 3]] },
    { key: 'janeOldCad', customer: jane, daysAgo: 200, status: 10, lines: [[102, 1]], currency: 'CAD' },
    { key: 'janeOldest', customer: jane, daysAgo: 400, status: 2, lines: [[101, 1]] },
    // Gary: guest only.
    { key: 'garyNewest', guest: GUESTS.gary, daysAgo: 4, status: 11, lines: [[106, 2]], pay: 'card' },
    { guest: GUESTS.gary, daysAgo: 33, status: 2, lines: [[104, 1]], pay: 'paypal' },
    {
      guest: GUESTS.gary,
      daysAgo: 90,
      status: 10,
      lines: [
        [105, 1],
        [110, 1],
      ],
      pay: 'cod',
    },
    // Priya: 2 orders.
    { key: 'priyaNewest', customer: c('priya.patel@example.org'), daysAgo: 8, status: 9, lines: [[109, 1]] },
    {
      customer: c('priya.patel@example.org'),
      daysAgo: 95,
      status: 10,
      lines: [
        [102, 1],
        [105, 1],
      ],
    },
    // Sam (main): 3 USD orders.
    { key: 'samMainNewest', customer: c('sam.lee@example.com'), daysAgo: 12, status: 2, lines: [[107, 1]] },
    { customer: c('sam.lee@example.com'), daysAgo: 60, status: 10, lines: [[110, 2]] },
    { customer: c('sam.lee@example.com'), daysAgo: 150, status: 10, lines: [[103, 1]] },
    // Alex and Alexis Morgan: 1 each.
    { key: 'alexOrder', customer: c('alex.morgan@example.com'), daysAgo: 18, status: 2, lines: [[108, 1]] },
    { key: 'alexisOrder', customer: c('alexis.morgan@example.com'), daysAgo: 25, status: 10, lines: [[109, 1]] },
    // Chris: 1 order.
    { key: 'chrisOrder', customer: c('c.rivera@personal.example'), daysAgo: 14, status: 11, lines: [[101, 1]] },
    // Dana: 2 orders.
    {
      key: 'danaNewest',
      customer: c('dana.whitfield@example.com'),
      daysAgo: 9,
      status: 3,
      lines: [
        [112, 1],
        [106, 1],
      ],
    },
    { customer: c('dana.whitfield@example.com'), daysAgo: 45, status: 10, lines: [[104, 2]], couponCents: 500 },
  ];
  // Marcus Bell: exactly 10 orders.
  const marcus = c('marcus.bell@example.com');
  for (let i = 0; i < 10; i++) {
    specs.push({
      customer: marcus,
      daysAgo: 16 + i * 29,
      status: [10, 2, 10, 4, 10, 14, 2, 10, 5, 10][i]!,
      lines: [[101 + (i % 12), 1 + (i % 2)]],
      pay: PAYS[i % PAYS.length],
      secondAddress: i === 0,
    });
  }
  // Olivia Hart (corporate gifting): a multi-address order and 11 more, so more than 10 on one account.
  const olivia = c('olivia.hart@example.com');
  specs.push({
    key: 'oliviaMultiAddress',
    customer: olivia,
    daysAgo: 5,
    status: 11,
    lines: [
      [104, 2],
      [105, 2],
      [110, 1],
    ],
    secondAddress: true,
  });
  for (let i = 0; i < 11; i++) {
    specs.push({
      customer: olivia,
      daysAgo: 13 + i * 23,
      status: [10, 2, 10, 10, 3, 10, 2, 10, 13, 10, 10][i]!,
      lines: [
        [110, 3 + (i % 4)],
        [104, 2],
      ],
      pay: i % 3 === 0 ? 'paypal' : 'card',
      secondAddress: i % 4 === 1,
    });
  }
  // Fillers: customers 0..13 get 1..8 orders each, the rest none; plus guest shoppers.
  const fillers = MAIN_CUSTOMERS.slice(9, 23);
  let n = 0;
  fillers.forEach((customer, i) => {
    const count = 1 + ((i * 5) % 8);
    for (let k = 0; k < count; k++, n++) {
      const email = `${customer.first}.${customer.last}${i}@example.com`.toLowerCase();
      specs.push({
        customer: c(email),
        daysAgo: 2 + ((n * 37) % 700),
        status: FILLER_STATUSES[n % FILLER_STATUSES.length]!,
        lines: [
          [101 + (n % 12), 1 + (n % 3)],
          ...(n % 4 === 0 ? ([[101 + ((n + 5) % 12), 1]] as Array<[number, number]>) : []),
        ],
        pay: PAYS[n % PAYS.length],
        currency: n % 9 === 0 ? 'CAD' : n % 13 === 0 ? 'GBP' : 'USD',
        couponCents: n % 11 === 0 ? 1000 : undefined,
        secondAddress: n % 17 === 0,
      });
    }
  });
  for (let g = 0; g < 30; g++, n++) {
    specs.push({
      guest: {
        email: `shopper${g}@guest.example.net`,
        first: FILLER_FIRST[(g * 3) % 20]!,
        last: FILLER_LAST[(g * 11) % 20]!,
        phone: g % 2 ? `555-410-${1000 + g}` : '',
      },
      daysAgo: 3 + ((g * 53) % 650),
      status: FILLER_STATUSES[(g + 3) % FILLER_STATUSES.length]!,
      lines: [[101 + ((g * 5) % 12), 1]],
      pay: PAYS[(g + 1) % PAYS.length],
      currency: g % 7 === 0 ? 'GBP' : 'USD',
    });
  }
  return specs;
}

function europeOrderSpecs(c: (email: string) => CustomerRec): OrderSpec[] {
  const sam = c('sam.lee@example.com');
  const specs: OrderSpec[] = [
    { key: 'samEuropeNewest', customer: sam, daysAgo: 7, status: 2, lines: [[101, 1]], tracking: 'generated' },
    { customer: sam, daysAgo: 80, status: 10, lines: [[106, 2]] },
  ];
  const fillers = EUROPE_CUSTOMERS.slice(1);
  let n = 0;
  fillers.forEach((customer, i) => {
    for (let k = 0; k < 3; k++, n++) {
      specs.push({
        customer: c(`${customer.first}.${customer.last}${i + 30}@example.de`.toLowerCase()),
        daysAgo: 4 + ((n * 41) % 500),
        status: FILLER_STATUSES[(n + 5) % FILLER_STATUSES.length]!,
        lines: [[101 + ((n * 7) % 12), 1 + (n % 2)]],
        pay: PAYS[n % PAYS.length],
        currency: n % 5 === 0 ? 'GBP' : 'EUR',
      });
    }
  });
  for (let g = 0; g < 6; g++) {
    specs.push({
      guest: { email: `kunde${g}@gast.example.de`, first: FILLER_FIRST[g]!, last: FILLER_LAST[g]! },
      daysAgo: 6 + g * 47,
      status: FILLER_STATUSES[g + 1]!,
      lines: [[103 + g, 1]],
      pay: 'card',
    });
  }
  return specs;
}

// ---- stores ----

export interface SeedResult {
  data: StoreData;
  keys: Record<string, number>;
}

function coupons(now: number): CouponRec[] {
  return [
    {
      id: 1,
      name: 'Welcome 10 off',
      code: 'WELCOME10',
      type: 'per_total_discount',
      amount: '10.0000',
      min_purchase: '50.0000',
      expires: '',
      enabled: true,
      applies_to: { entity: 'categories', ids: [0] },
      max_uses: 0,
      max_uses_per_customer: 1,
      num_uses: 14,
      created: now - 400 * DAY,
      restricted_to: {},
      shipping_methods: [],
    },
  ];
}

function buildStore(
  meta: StoreData['meta'],
  customerLines: CustomerLine[],
  firstCustomerId: number,
  specsFor: (c: (email: string) => CustomerRec) => OrderSpec[],
  firstOrderId: number,
  taxRatePct: number,
  customLabels: Record<number, string>,
): SeedResult {
  const customers = makeCustomers(customerLines, firstCustomerId, firstCustomerId * 10);
  const byEmail = (email: string): CustomerRec => {
    const found = customers.find((x) => x.email === email);
    if (!found) throw new Error(`seed: no customer ${email}`);
    return found;
  };
  const products = catalogFor(meta.currency === 'EUR' ? 'EUR' : 'USD');
  const counters: BuildCounters = {
    orderProduct: firstOrderId * 10,
    orderAddress: firstOrderId * 5,
    shipment: firstOrderId,
    refund: 1,
    refundPayment: 1,
  };
  const { orders, refunds, keys } = buildOrders(
    specsFor(byEmail),
    firstOrderId,
    { products, currency: meta.currency, taxRatePct },
    counters,
  );
  return {
    data: {
      meta,
      customers,
      groups: GROUPS.map((g) => ({ ...g })),
      products,
      orders,
      refunds,
      coupons: coupons(SEED_NOW),
      promotions: [],
      statuses: statuses(customLabels),
      nextId: {
        refund: counters.refund,
        refundPayment: counters.refundPayment,
        coupon: 2,
        promotion: 1,
        promotionCode: 1,
      },
    },
    keys,
  };
}

/** A fresh copy of both stores' seed (call again to reset). */
export function buildSeed(): { main: SeedResult; europe: SeedResult } {
  return {
    main: buildStore(
      { ...STORES.main, currencySymbol: '$', domain: 'cooperco.example' },
      MAIN_CUSTOMERS,
      1,
      mainOrderSpecs,
      100,
      10,
      { 9: 'Packed, awaiting courier' },
    ),
    europe: buildStore(
      { ...STORES.europe, currencySymbol: '€', domain: 'eu.cooperco.example' },
      EUROPE_CUSTOMERS,
      501,
      europeOrderSpecs,
      5000,
      19,
      { 10: 'Delivered' },
    ),
  };
}

const seedOnce = buildSeed();

const MAIN_ORDER_KEYS = [
  'janeCapturedAwaiting',
  'janeAuthorized',
  'janePartiallyShipped',
  'janeGuestShipped',
  'janeCustomLine',
  'janeWorkEmail',
  'janeGuestCompleted',
  'janeCancelled',
  'janePartiallyRefunded',
  'janeGuestRefunded',
  'janeGuestOld',
  'janeOldCad',
  'janeOldest',
  'garyNewest',
  'priyaNewest',
  'samMainNewest',
  'alexOrder',
  'alexisOrder',
  'chrisOrder',
  'danaNewest',
  'oliviaMultiAddress',
] as const;

/** The labelled orders, typed so a renamed label fails at compile time, a missing one at load. */
function labelled<K extends string>(keys: Record<string, number>, names: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) {
    const id = keys[name];
    if (id === undefined) throw new Error(`seed: no order labelled ${name}`);
    out[name] = id;
  }
  return out;
}

/** Ids the tests, the demo and the benchmark rely on. */
export const SEED_IDS = {
  main: {
    hash: STORES.main.hash,
    customers: {
      jane: seedOnce.main.data.customers.find((x) => x.email === 'jane.cooper@example.com')!.id,
      priya: seedOnce.main.data.customers.find((x) => x.email === 'priya.patel@example.org')!.id,
      sam: seedOnce.main.data.customers.find((x) => x.email === 'sam.lee@example.com')!.id,
      alex: seedOnce.main.data.customers.find((x) => x.email === 'alex.morgan@example.com')!.id,
      alexis: seedOnce.main.data.customers.find((x) => x.email === 'alexis.morgan@example.com')!.id,
      chris: seedOnce.main.data.customers.find((x) => x.email === 'c.rivera@personal.example')!.id,
      dana: seedOnce.main.data.customers.find((x) => x.email === 'dana.whitfield@example.com')!.id,
      marcus: seedOnce.main.data.customers.find((x) => x.email === 'marcus.bell@example.com')!.id,
      olivia: seedOnce.main.data.customers.find((x) => x.email === 'olivia.hart@example.com')!.id,
    },
    orders: labelled(seedOnce.main.keys, MAIN_ORDER_KEYS),
    groups: { vip: 1, wholesale: 2 },
  },
  europe: {
    hash: STORES.europe.hash,
    customers: { sam: seedOnce.europe.data.customers.find((x) => x.email === 'sam.lee@example.com')!.id },
    orders: labelled(seedOnce.europe.keys, ['samEuropeNewest'] as const),
  },
} as const;
