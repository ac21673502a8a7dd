/**
 * The people both sandboxes agree on. The Gladly look-alike shows them in its Customer Details
 * panel; the BigCommerce sandbox seeds the records described in `bigcommerce`. Tests, the demo
 * and the benchmark pick scenarios from here by key, so keep keys and values stable.
 */
export interface PersonaPhone {
  /** As an agent typed it into Gladly. */
  number: string;
  type: 'Mobile' | 'Home' | 'Office' | 'Other';
}

export interface Persona {
  /** Gladly customer id (the `/customer/{id}` part of the URL). */
  gladlyId: string;
  conversationId: string;
  name: string;
  emails: string[];
  phones: PersonaPhone[];
  address?: string;
  /** What the BigCommerce sandbox holds for this person (the seed must honour it). */
  bigcommerce: string;
}

export const STORES = {
  main: { hash: 'abc123', name: 'Cooper & Co Outfitters', currency: 'USD', timezone: 'America/Chicago' },
  europe: { hash: 'eu7x9k', name: 'Cooper & Co Europe', currency: 'EUR', timezone: 'Europe/Berlin' },
} as const;

export const personas = {
  jane: {
    gladlyId: 'XRJvp8lSS5aD2RucjY5zkw',
    conversationId: 'Qm3vT1aZr8yKc0pLw2HnEg',
    name: 'Jane Cooper',
    emails: ['jane.cooper@example.com'],
    phones: [{ number: '650 123 4569', type: 'Mobile' }],
    address: '1200 Market St, San Francisco, CA 94102, US',
    bigcommerce:
      'main store: one registered customer (email jane.cooper@example.com, phone "+1 650-123-4569", 3 addresses, ' +
      'store credit 25.00, group "VIP", notes). 13 orders: 9 account orders (one of them billed to ' +
      'janie.c@work.example, found only by customer_id) and 4 guest orders (customer_id 0) billed to ' +
      'jane.cooper@example.com. Among the 10 newest: 6 with items_shipped > 0 (one partially shipped), ' +
      'both tracking_link and generated_tracking_link kinds, one custom line item (product_id 0), ' +
      'one cancellable order with payment_status "authorized" and one "captured" awaiting fulfilment.',
  },
  guest: {
    gladlyId: 'GuestOnlyQ7x2Lm',
    conversationId: 'GuestConv5sLq0w',
    name: 'Gary Guest',
    emails: ['gary.guest@example.net'],
    phones: [],
    bigcommerce: 'main store: no customer record; 3 guest orders billed to gary.guest@example.net.',
  },
  phoneOnly: {
    gladlyId: 'PhoneOnly5hTq9w',
    conversationId: 'PhoneConv2kRt7y',
    name: 'Priya Patel',
    emails: [],
    phones: [{ number: '(415) 555-0142', type: 'Mobile' }],
    bigcommerce: 'main store: customer priya.patel@example.org with phone stored as "4155550142"; 2 orders.',
  },
  notFound: {
    gladlyId: 'NoMatch8kPz3v',
    conversationId: 'NoMatchConv1xQ',
    name: 'Nora Nobody',
    emails: ['nora.nobody@example.com'],
    phones: [{ number: '+44 20 7946 0958', type: 'Office' }],
    bigcommerce: 'nothing in any store.',
  },
  twoStores: {
    gladlyId: 'TwoStores2mRk8',
    conversationId: 'TwoStoresConv9p',
    name: 'Sam Lee',
    emails: ['sam.lee@example.com'],
    phones: [],
    bigcommerce: 'a customer in BOTH stores with this email: 3 orders in main (USD), 2 in europe (EUR).',
  },
  sharedPhone: {
    gladlyId: 'SharedPhn4vB7c',
    conversationId: 'SharedConv3mN8',
    name: 'Alex Morgan',
    emails: [],
    phones: [{ number: '212-555-0199', type: 'Home' }],
    bigcommerce:
      'main store: two customers share this phone (Alex Morgan "212-555-0199", Alexis Morgan "(212) 555-0199"): ' +
      'several matches, never auto-linked. 1 order each.',
  },
  multiEmail: {
    gladlyId: 'MultiMail6tW1d',
    conversationId: 'MultiConv7uE2',
    name: 'Chris Rivera',
    emails: ['chris.rivera@example.com', 'c.rivera@personal.example'],
    phones: [
      { number: '+1 (303) 555-0123', type: 'Mobile' },
      { number: '303.555.0188', type: 'Office' },
    ],
    bigcommerce:
      'main store: one customer c.rivera@personal.example (the second email), phone "303-555-0123"; 1 order.',
  },
  conflict: {
    gladlyId: 'Conflict3nH5s',
    conversationId: 'ConflictConv6z',
    name: 'Dana Whitfield',
    emails: ['dana.whitfield@example.com'],
    phones: [{ number: '312 555 0177', type: 'Mobile' }],
    bigcommerce:
      'main store: customer dana.whitfield@example.com whose phone is "+1 773 555 0100" (conflicts with Gladly\'s ' +
      'mobile when phone auto-linking is on); 2 orders.',
  },
  noIdentity: {
    gladlyId: 'NoIdentity1aZ0',
    conversationId: 'NoIdentConv4b',
    name: '',
    emails: [],
    phones: [],
    bigcommerce: 'not applicable.',
  },
} satisfies Record<string, Persona>;

export type PersonaKey = keyof typeof personas;

/** A Gladly customer id that was merged into Jane's: the REST API answers 301 with her id. */
export const MERGED_GLADLY_ID = 'MergedOld9qX4e';
export const MERGED_INTO = personas.jane.gladlyId;

/** Text in the conversation timeline and top bar that must never be taken as the customer's identity. */
export const DECOYS = {
  agentEmail: 'agent.smith@cooperco.example',
  timelineEmails: ['decoy.timeline@example.com', 'returns@cooperco.example'],
  timelinePhones: ['(999) 555-0123'],
};

export const GLADLY_API_USER = { email: 'agent.smith@cooperco.example', token: 'gladly-sandbox-api-token' };

/**
 * The organisation's agents in the look-alike (Gladly's `GET /api/v1/agents`): Agent Smith is the
 * one signed in on the look-alike's pages and assigned every persona's conversation.
 */
export const GLADLY_AGENTS = [
  { id: 'AgSmith7wQk2Lr0pZx', name: 'Agent Smith', emailAddress: 'agent.smith@cooperco.example' },
  { id: 'AgOrtiz3mNb8Vc1qYe', name: 'Ana Ortiz', emailAddress: 'ana.ortiz@cooperco.example' },
] as const;
export const SUPPORT_INBOX_ID = 'InboxSupport4hTq';
