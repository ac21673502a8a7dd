import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { ZodType } from 'zod';
import { beforeAll, describe, it } from 'vitest';
import { BigCommerceError, parseBody } from '../../../lib/bigcommerce/errors';
import {
  CustomerListSchema,
  OrderListSchema,
  OrderProductSchema,
  OrderSchema,
  RefundListSchema,
  RefundQuoteSchema,
  ShipmentListSchema,
} from '../../../lib/bigcommerce/schemas';
import { toIsoInstant } from '../../../lib/bigcommerce/convert';
import {
  normalizeCustomer,
  normalizeLineItem,
  normalizeOrder,
  normalizeRefund,
  normalizeRefundQuote,
  normalizeShipment,
} from '../../../lib/bigcommerce/normalize';
import type { Customer, LineItem, Order, StoreRef } from '../../../lib/core/model';
import type { RefundQuote, RefundRecord } from '../../../lib/core/store-ports';
import type { Fulfillment } from '../../../lib/core/model';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { sandboxClient } from '../../../sandbox/bigcommerce/test-client';

const RUNS = 10_000;
const TIMEOUT = 60_000;
const REAL = '/work/shared/bigcommerce-real-payloads';
const real = (file: string): unknown => JSON.parse(readFileSync(`${REAL}/${file}`, 'utf8'));
const store: StoreRef = { connectionId: 'main', storeName: 'Main', storeHash: 'abc123', defaultCurrency: 'USD' };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---- invariants of the normalised model -------------------------------------------------------

// 2 decimals, or 3 where the third is not zero (three-decimal currencies such as KWD).
const MONEY = /^-?\d+\.\d{2}[1-9]?$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const LINE_STATUSES = ['Refunded', 'Partially refunded', 'Shipped', 'Partially shipped', 'Not shipped'];

/** Throws with the first broken invariant (so a failure says what went wrong). */
function must(condition: boolean, what: string): void {
  if (!condition) throw new Error(`invariant broken: ${what}`);
}
const isMoney = (value: unknown) => typeof value === 'string' && MONEY.test(value) && value !== '-0.00';
const isInstant = (value: unknown) =>
  typeof value === 'string' && ISO_INSTANT.test(value) && new Date(value).toISOString() === value;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;
const isId = (value: unknown) => typeof value === 'string' && /^-?\d+$/.test(value);

function checkCustomer(c: Customer): void {
  must(isId(c.id), `customer id ${c.id}`);
  must(isInstant(c.createdAt), `customer createdAt ${c.createdAt}`);
  must(c.storeCreditAmount === null || isMoney(c.storeCreditAmount), `store credit ${c.storeCreditAmount}`);
  must(isCount(c.addressCount), `address count ${c.addressCount}`);
  must(Number.isSafeInteger(c.customerGroupId), 'group id');
  must(c.name === [c.firstName, c.lastName].filter(Boolean).join(' '), 'name');
  for (const field of [c.email, c.phone, c.company, c.notes, c.firstName, c.lastName])
    must(typeof field === 'string', 'text field');
  must(c.acceptsMarketing === null || typeof c.acceptsMarketing === 'boolean', 'acceptsMarketing');
}

function checkLine(l: LineItem): void {
  must(isId(l.id), `line id ${l.id}`);
  must(isMoney(l.unitPrice) && isMoney(l.totalPrice), `line money ${l.unitPrice} ${l.totalPrice}`);
  must(isCount(l.quantity) && isCount(l.quantityShipped) && isCount(l.quantityRefunded), 'line quantities');
  must(
    l.refundableQuantity === Math.max(l.quantity - l.quantityRefunded, 0),
    `refundable ${l.refundableQuantity} of ${l.quantity} − ${l.quantityRefunded}`,
  );
  must(l.refundableQuantity >= 0 && l.refundableQuantity <= l.quantity, 'refundable range');
  must(LINE_STATUSES.includes(l.status), `line status ${l.status}`);
  must(['fulfilled', 'partial', 'unfulfilled'].includes(l.fulfillment_status), 'fulfillment status');
  must(l.orderAddressId === null || Number.isSafeInteger(l.orderAddressId), 'order address id');
}

function checkOrder(o: Order): void {
  must(isId(o.id) && o.orderNumber === o.id, `order id ${o.id}`);
  must(isInstant(o.createdAt), `order createdAt ${o.createdAt}`);
  for (const [name, value] of Object.entries({
    subtotal: o.subtotal,
    shippingCost: o.shippingCost,
    tax: o.tax,
    discount: o.discount,
    orderTotal: o.orderTotal,
  })) {
    must(isMoney(value), `order ${name} ${value}`);
  }
  must(o.isGuest === (o.externalCustomerId === ''), 'guest flag');
  must(isCount(o.itemCount) && isCount(o.itemsShipped), 'item counts');
  must(new Set(o.lineItems.map((l) => l.id)).size === o.lineItems.length, 'each line once');
  o.lineItems.forEach(checkLine);
  for (const d of o.shippingDestinations)
    must(isMoney(d.shippingCost) && Number.isSafeInteger(d.id), 'shipping destination');
  must(o.controlPanelUrl === `https://store-abc123.mybigcommerce.com/manage/orders/${o.id}`, 'control panel url');
}

function checkShipment(s: Fulfillment): void {
  must(isId(s.id), 'shipment id');
  must(isInstant(s.createdAt), `shipment createdAt ${s.createdAt}`);
  for (const item of s.items) must(isId(item.orderProductId) && isCount(item.quantity), 'shipment item');
}

function checkRefund(r: RefundRecord): void {
  must(isId(r.id) && isId(r.orderId), 'refund ids');
  must(isInstant(r.createdAt), `refund created ${r.createdAt}`);
  must(isMoney(r.totalAmount) && isMoney(r.totalTax), `refund totals ${r.totalAmount} ${r.totalTax}`);
  for (const item of r.items)
    must(
      (item.amount === null || isMoney(item.amount)) && (item.quantity === null || isCount(item.quantity)),
      'refund item',
    );
  for (const p of r.payments) must(isMoney(p.amount) && typeof p.isDeclined === 'boolean', 'refund payment');
}

function checkQuote(q: RefundQuote): void {
  must(isId(q.orderId), 'quote order id');
  must(isMoney(q.totalRefundAmount) && isMoney(q.totalRefundTaxAmount) && isMoney(q.adjustment), 'quote money');
  for (const method of q.refundMethods)
    for (const p of method) must(isMoney(p.amount) && typeof p.offline === 'boolean', 'quote payment');
}

// ---- the client's parse + normalise path, per payload kind -------------------------------------

interface Subject {
  name: string;
  bases: Json[];
  /** parseBody + normalise, then the invariants; throws whatever the path throws. */
  run(body: unknown): void;
}

const through =
  <T, R>(schema: ZodType<T>, what: string, normalise: (raw: T) => R[], check: (value: R) => void) =>
  (body: unknown) => {
    for (const value of normalise(parseBody(schema, body, what))) check(value);
  };

const subjects: Subject[] = [
  {
    name: 'customers',
    bases: [],
    run: through(
      CustomerListSchema,
      'customers',
      (raw) => raw.data.map((c) => normalizeCustomer(c, store)),
      checkCustomer,
    ),
  },
  {
    name: 'order lists',
    bases: [],
    run: through(OrderListSchema, 'orders', (raw) => raw.map((o) => normalizeOrder(o, store)), checkOrder),
  },
  {
    name: 'one order',
    bases: [],
    run: through(OrderSchema, 'an order', (raw) => [normalizeOrder(raw, store)], checkOrder),
  },
  {
    name: 'order products',
    bases: [],
    run: through(OrderProductSchema, 'order products', (raw) => [normalizeLineItem(raw)], checkLine),
  },
  {
    name: 'shipments',
    bases: [],
    run: through(ShipmentListSchema, 'shipments', (raw) => raw.map(normalizeShipment), checkShipment),
  },
  {
    name: 'refunds',
    bases: [],
    run: through(RefundListSchema, 'refunds', (raw) => raw.data.map(normalizeRefund), checkRefund),
  },
  {
    name: 'refund quotes',
    bases: [],
    run: through(RefundQuoteSchema, 'a refund quote', (raw) => [normalizeRefundQuote(raw.data)], checkQuote),
  },
];
const subject = (name: string) => subjects.find((s) => s.name === name)!;

/** Either a normalised value that keeps every invariant, or a typed 'malformed' error: nothing else. */
function outcome(s: Subject, body: unknown): 'ok' | 'malformed' {
  try {
    s.run(body);
    return 'ok';
  } catch (error) {
    if (error instanceof BigCommerceError && error.kind === 'malformed') return 'malformed';
    throw error;
  }
}

// ---- base payloads: recorded from the real API, and sandbox-shaped ones -------------------------

beforeAll(async () => {
  const sandbox = createBigCommerceSandbox();
  const client = sandboxClient(sandbox.app, sandbox.stores[0]!);
  const get = async (path: string) => (await client.get<Json>(path)).body;

  const customers = [
    real('v3-customers-one.json'),
    real('v3-customers-two-same-email.json'),
    await get('/v3/customers?limit=12&include=addresses,storecredit'),
  ];
  subject('customers').bases = customers.flatMap((list) =>
    (list as { data: Json[] }).data.length
      ? (list as { data: Json[] }).data.map((c) => ({ data: [c] }))
      : [list as Json],
  );

  const sandboxOrders = (await get(
    '/v2/orders?limit=30&include=consignments.line_items&consignment_structure=object',
  )) as Json[];
  const orders = [...(real('v2-orders.json') as Json[]), ...sandboxOrders];
  subject('one order').bases = orders;
  subject('order lists').bases = orders.map((o) => [o]);

  const products = [...(real('v2-order-products.json') as Json[])];
  const shipments: Json[] = [(real('v2-order-shipments.json') as Json[]).slice(0, 2)];
  for (const order of sandboxOrders.slice(0, 12)) {
    const id = (order as { id: number }).id;
    products.push(...((await get(`/v2/orders/${id}/products`)) as Json[]));
    const list = (await get(`/v2/orders/${id}/shipments`)) as Json[] | null;
    if (list?.length) shipments.push(list);
  }
  subject('order products').bases = products;
  subject('shipments').bases = shipments;

  const refunds = (await get('/v3/orders/payment_actions/refunds')) as { data: Json[] };
  subject('refunds').bases = refunds.data.length
    ? refunds.data.map((r) => ({ data: [r] }))
    : [refunds as unknown as Json];

  const quoteOrder = sandboxOrders.find((o) =>
    Array.isArray((o as { consignments?: { shipping?: Json[] } }).consignments?.shipping),
  )!;
  const quoteLine = (quoteOrder as { consignments: { shipping: Array<{ line_items: Array<{ id: number }> }> } })
    .consignments.shipping[0]!.line_items[0]!;
  const quote = await client.request<Json>(
    'POST',
    `/v3/orders/${(quoteOrder as { id: number }).id}/payment_actions/refund_quotes`,
    {
      body: { items: [{ item_type: 'PRODUCT', item_id: quoteLine.id, quantity: 1 }] },
    },
  );
  subject('refund quotes').bases = [quote.body];

  for (const s of subjects) {
    if (s.bases.length === 0) throw new Error(`no base payloads for ${s.name}`);
    // The unmutated payloads themselves must come through whole.
    for (const base of s.bases)
      if (outcome(s, base) !== 'ok') throw new Error(`a real/sandbox ${s.name} payload was refused`);
  }
});

// ---- mutations: drop, null, retype, replace --------------------------------------------------

type Path = Array<string | number>;

function pathsOf(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (prefix.length) out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const key of Object.keys(value)) pathsOf(value[key]!, [...prefix, key], out);
  return out;
}

const ODD_STRINGS = [
  '',
  ' ',
  '0',
  '-0',
  '12.3456',
  '-12.5',
  '1e3',
  'NaN',
  'Infinity',
  '1,000.00',
  '$5.00',
  '.5',
  '5.',
  '+3.10',
  '00012.00',
  '99999999999999999999999.9999',
  'Fri, 29 Mar 2024 18:42:57 +0000',
  'Mon, 31 Feb 2024 25:61:00 +0000',
  '29 Mar 2024 18:42 GMT',
  '2024-03-29T18:42:56Z',
  '2024-03-29 18:42:56',
  '2024-02-30T00:00:00Z',
  '0000-01-01',
  '2024-13-01',
  'not a date',
  '2024-03-29T18:42:56+05:30',
  'Sat, 01 Jan 0001 00:00:00 +0000',
  'Tue, 31 Dec 9999 23:59:59 -2359',
  '42',
  '-1',
  '9007199254740993',
  'null',
  '[]',
  '{}',
];
const ODD_NUMBERS = [
  0,
  -0,
  1,
  -1,
  1.5,
  0.1 + 0.2,
  1e21,
  -1e-7,
  1e-10,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 31),
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  336.32,
  12.345,
];

const replacement: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<Json>(...ODD_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom<Json>(...ODD_NUMBERS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.constantFrom<Json>(true, false, [], {}, [{}], { url: 'https://x', resource: '/x' }) },
);

type Op = { kind: 'drop' } | { kind: 'null' } | { kind: 'retype' } | { kind: 'replace'; value: Json };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: 'drop' }),
  fc.constant<Op>({ kind: 'null' }),
  fc.constant<Op>({ kind: 'retype' }),
  replacement.map((value): Op => ({ kind: 'replace', value })),
);

function retype(value: Json): Json {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value.length;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return { ...value } as Json;
  if (value && typeof value === 'object') return Object.values(value);
  return 0;
}

const pathCache = new WeakMap<object, Path[]>();
const cachedPaths = (base: Json): Path[] => {
  if (base === null || typeof base !== 'object') return [];
  let paths = pathCache.get(base);
  if (!paths) pathCache.set(base, (paths = pathsOf(base)));
  return paths;
};

/** The base with the mutations applied at paths of the original (one gone by then is skipped). */
function mutate(base: Json, mutations: Array<{ at: number; op: Op }>): Json {
  const paths = cachedPaths(base);
  const first = mutations[0]!.op;
  if (paths.length === 0) return first.kind === 'replace' ? first.value : null;
  const copy = structuredClone(base);
  for (const m of mutations) {
    const path = paths[m.at % paths.length]!;
    let parent = copy as Record<string | number, Json> | null;
    for (const key of path.slice(0, -1))
      parent = parent && typeof parent === 'object' ? (parent[key] as Record<string | number, Json>) : null;
    const key = path[path.length - 1]!;
    if (!parent || typeof parent !== 'object' || !(key in parent)) continue;
    if (m.op.kind === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.op.kind === 'null') parent[key] = null;
    else if (m.op.kind === 'retype') parent[key] = retype(parent[key]!);
    else parent[key] = m.op.value;
  }
  return copy;
}

const mutations = fc.array(fc.record({ at: fc.nat(), op }), { minLength: 1, maxLength: 4 });

describe('BigCommerce payloads through parseBody + normalise', () => {
  for (const s of subjects) {
    it(
      `${s.name}: mutated real and sandbox payloads give valid data or a 'malformed' error`,
      () => {
        const seen = { ok: 0, malformed: 0 };
        fc.assert(
          fc.property(fc.nat(), mutations, (baseIndex, list) => {
            seen[outcome(s, mutate(s.bases[baseIndex % s.bases.length]!, list))]++;
          }),
          { numRuns: RUNS },
        );
        // Both sides must really be exercised, or the property proves little.
        must(seen.ok > RUNS / 20 && seen.malformed > RUNS / 20, `${s.name}: ${JSON.stringify(seen)}`);
      },
      TIMEOUT,
    );
  }

  it(
    "arbitrary JSON through every payload kind: valid data or a 'malformed' error",
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), fc.nat(subjects.length - 1), (body, index) => {
          outcome(subjects[index]!, body);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it("dates in both of BigCommerce's formats become the exact instant; days that do not exist are refused", () => {
    const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const two = (n: number) => String(n).padStart(2, '0');
    const when = fc.record({
      year: fc.oneof(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 9998 })),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 1, max: 31 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
      rfc: fc.boolean(),
    });
    fc.assert(
      fc.property(when, (w) => {
        // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
        const utc = (year: number, month: number, day: number, h = 0, m = 0, sec = 0) => {
          const date = new Date(0);
          date.setUTCFullYear(year, month, day);
          date.setUTCHours(h, m, sec);
          return date.getTime();
        };
        const daysInMonth = new Date(utc(w.year, w.month + 1, 0)).getUTCDate();
        const sign = w.offset < 0 ? '-' : '+';
        const abs = Math.abs(w.offset);
        const local = utc(w.year, w.month, Math.min(w.day, daysInMonth), w.hour, w.minute, w.second);
        const weekday = WEEKDAYS[new Date(local).getUTCDay()]!;
        const year = String(w.year).padStart(4, '0');
        const text = w.rfc
          ? `${weekday}, ${two(w.day)} ${MONTHS[w.month]} ${year} ${two(w.hour)}:${two(w.minute)}:${two(w.second)} ` +
            `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`
          : `${year}-${two(w.month + 1)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}` +
            `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
        const result = toIsoInstant(text);
        if (w.day > daysInMonth) return result === null;
        return result === new Date(local - w.offset * 60_000).toISOString();
      }),
      { numRuns: RUNS },
    );
  });
});
