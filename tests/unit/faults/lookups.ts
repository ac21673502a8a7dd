/**
 * The reads a lookup makes, each as a scenario that reaches that endpoint in the faulty store
 * (main, abc123) while the healthy store (europe, eu7x9k) answers normally: the real lookup over
 * both stores, as lib/background/lookup-service.ts wires it.
 */
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { personas } from '../../../sandbox/personas';
import type { Identity } from '../../../lib/messages/identity';
import type { LookupQuery, StoreLookup } from '../../../lib/messages/lookup';
import { FAULTY, HEALTHY, connect, type Product, type Transport } from './harness';

/** What the agent should be left with when this endpoint fails. */
export type Role =
  | 'required' // the store shows an error with Retry
  | 'tracking' // the store keeps its data, without tracking, with a notice and Retry
  | 'images' // the store keeps its data, with placeholder thumbnails
  | 'group'; // the store keeps its data, without the group name

export interface ReadRow {
  endpoint: string;
  /** Regex on the path after /stores/{hash} (the sandbox matches faults on the path only). */
  path: string;
  role: Role;
  /** A v2 list: 204 is BigCommerce's "nothing", not a fault. */
  emptyIsValid?: boolean;
  /** A 404 means the record does not exist (the store shows "not found"). */
  notFoundIsAbsent?: boolean;
  query: LookupQuery;
  /** Agent links stored before the lookup (connection id → customer id). */
  links: Record<string, string>;
}

const GLADLY_ID = 'FaultMatrixCustomer01';
const jane = personas.jane;
const identity = (emails: string[], phones: string[]): Identity => ({
  gladlyCustomerId: GLADLY_ID,
  name: jane.name,
  emails: emails.map((value) => ({ value, source: 'panel' as const })),
  phones: phones.map((value) => ({ value, type: 'Mobile', source: 'panel' as const })),
});

// The healthy store always has Sam linked by an agent, so it has a customer and orders to show.
const healthyLink = { europe: String(SEED_IDS.europe.customers.sam) };
const janeLinked = { ...healthyLink, main: String(SEED_IDS.main.customers.jane) };

export const READ_ROWS: ReadRow[] = [
  {
    endpoint: 'GET customers by email',
    path: '^/v3/customers$',
    role: 'required',
    query: { kind: 'identity', identity: identity(jane.emails, []) },
    links: healthyLink,
  },
  {
    endpoint: 'GET customers by phone',
    path: '^/v3/customers$',
    role: 'required',
    query: { kind: 'identity', identity: identity([], [jane.phones[0]!.number]) },
    links: healthyLink,
  },
  {
    endpoint: 'GET customer by id',
    path: '^/v3/customers$',
    role: 'required',
    query: { kind: 'identity', identity: identity([], []) },
    links: janeLinked,
  },
  {
    endpoint: 'GET orders by email',
    path: '^/v2/orders$',
    role: 'required',
    emptyIsValid: true,
    query: { kind: 'identity', identity: identity(jane.emails, []) },
    links: healthyLink,
  },
  {
    endpoint: 'GET orders by customer id',
    path: '^/v2/orders$',
    role: 'required',
    emptyIsValid: true,
    query: { kind: 'identity', identity: identity([], []) },
    links: janeLinked,
  },
  {
    endpoint: 'GET order by id',
    path: '^/v2/orders/\\d+$',
    role: 'required',
    notFoundIsAbsent: true,
    query: { kind: 'manual', attribute: 'orderNumber', value: String(SEED_IDS.main.orders.janeCapturedAwaiting) },
    links: {},
  },
  {
    endpoint: 'GET shipments',
    path: '^/v2/orders/\\d+/shipments$',
    role: 'tracking',
    emptyIsValid: true,
    query: { kind: 'identity', identity: identity([], []) },
    links: janeLinked,
  },
  {
    endpoint: 'GET catalog products (thumbnails)',
    path: '^/v3/catalog/products$',
    role: 'images',
    query: { kind: 'identity', identity: identity([], []) },
    links: janeLinked,
  },
  {
    endpoint: 'GET customer group',
    path: '^/v2/customer_groups/\\d+$',
    role: 'group',
    query: { kind: 'identity', identity: identity([], []) },
    links: janeLinked,
  },
];

export interface LookupRun {
  /** The last update: one entry per store, main first. */
  stores: StoreLookup[];
  done: boolean;
  updates: number;
}

/** One lookup over both stores with fresh links and an empty cache. */
export async function runRow(product: Product, transport: Transport, row: ReadRow): Promise<LookupRun> {
  const links = product.linking.createLinkStore(product.kv.memoryStore());
  const who = row.query.kind === 'identity' ? row.query.identity : identity([], []);
  for (const [connectionId, customerId] of Object.entries(row.links))
    await links.link(who, connectionId, customerId, 'agent');
  const autoLink = { email: true, phone: true };
  const connections = [
    { id: 'main', hash: FAULTY },
    { id: 'europe', hash: HEALTHY },
  ].map(({ id, hash }) => ({
    id,
    name: transport.stores.find((s) => s.hash === hash)!.name,
    autoLink,
    searchBy: autoLink,
    api: connect(product, transport, hash, id).lookup,
  }));
  const run: LookupRun = { stores: [], done: false, updates: 0 };
  await product.lookup.runLookup(
    row.query,
    connections,
    {
      links,
      cache: product.cache.createLookupCache(null),
      samePhone: product.phone.samePhone,
      toErrorInfo: product.errors.describeError,
    },
    (stores, done) => {
      run.stores = stores;
      run.done = done;
      run.updates += 1;
    },
  );
  return run;
}

/** What a store showed, in a form two runs can be compared by. */
export function summary(store: StoreLookup | undefined) {
  return {
    status: store?.status,
    customer: store?.customer?.id ?? null,
    candidates: (store?.candidates ?? []).map((c) => c.id),
    orders: (store?.orders ?? []).map((o) => o.id),
  };
}
