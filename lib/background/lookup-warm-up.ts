/**
 * A worker's first lookup reads its answers with code run for the first time: the schemas built on
 * first use (lib/core/lazy-schema.ts), the normalising, libphonenumber's parsing and formatting.
 * Measured in real Chromium (`npm run bench`), reading Jane's three round-1 answers then took
 * ≈ 20 ms after their last byte arrived. The first lookup's requests leave, and the worker then has
 * nothing to do until the store answers (≈ 150 ms and more): in that wait, the same code reads a
 * made-up answer of each kind, through the store API the lookup uses over a client that answers
 * locally. Nothing leaves the worker; the real answers then read warm.
 */
import type { PhoneEquals } from '../lookup/linking';
import type { StoreRef } from '../core/model';
import { createStoreApi } from '../bigcommerce/store-api';
import type { ApiResponse, BigCommerceClient, RequestSpec } from '../bigcommerce/request';
import { withPhoneDisplays } from './phone-display';

const SAMPLE_STORE: StoreRef = { connectionId: 'warm-up', storeName: 'Sample store', storeHash: 'sample' };
const SAMPLE_PHONE = '650 123 4569';

/** What the warm-up read (for the tests: it really ran the lookup's code). */
export interface WarmUpReading {
  orders: number;
  lineItems: number;
  customers: number;
  phoneDisplay: string;
  samePhone: boolean;
}

/** Reads a made-up answer of each kind a lookup's first round gets, as a lookup would. */
export async function warmUpLookupParsing(samePhone: PhoneEquals): Promise<WarmUpReading> {
  const api = createStoreApi(localClient(), SAMPLE_STORE);
  const [orders, byEmail, byPhone] = await Promise.all([
    api.ordersByEmail('sample.customer@example.com', 10),
    api.customersByEmail(['sample.customer@example.com']),
    api.customersByPhone([SAMPLE_PHONE]),
  ]);
  const matches = byPhone.filter((c) => samePhone(SAMPLE_PHONE, c.phone));
  const update = withPhoneDisplays({
    type: 'lookup/update',
    stores: [{ connectionId: 'warm-up', storeName: 'Sample store', status: 'linked', customer: byEmail[0] }],
  });
  return {
    orders: orders.length,
    lineItems: orders.reduce((n, o) => n + o.lineItems.length, 0),
    customers: byEmail.length + matches.length,
    phoneDisplay: update.stores[0]?.customer?.phoneDisplay ?? '',
    samePhone: matches.length > 0,
  };
}

/**
 * The warm-up for the background: call it whenever a lookup's requests have left; the first call
 * runs the warm-up once, after the current task, and every later call does nothing.
 */
export function createLookupWarmUp(
  samePhone: PhoneEquals,
  run: (samePhone: PhoneEquals) => Promise<unknown> = warmUpLookupParsing,
): () => void {
  let started = false;
  return () => {
    if (started) return;
    started = true;
    // A failure only means the first real answers read cold, as they did before.
    setTimeout(() => void run(samePhone).catch(() => undefined), 0);
  };
}

/** A client that answers the lookup's reads with made-up payloads shaped like the store's. */
function localClient(): BigCommerceClient {
  const answer = async (spec: RequestSpec): Promise<ApiResponse> => ({
    status: 200,
    body: spec.path === '/v2/orders' ? sampleOrders() : { data: [sampleCustomer()] },
  });
  return { storeHash: SAMPLE_STORE.storeHash, raw: answer, send: answer, requestCount: () => 0 };
}

function sampleCustomer() {
  return {
    id: 1,
    email: 'sample.customer@example.com',
    first_name: 'Sample',
    last_name: 'Customer',
    company: 'Sample Company',
    phone: SAMPLE_PHONE,
    notes: '',
    customer_group_id: 1,
    date_created: '2025-10-01T12:00:00Z',
    address_count: 1,
    addresses: [
      {
        first_name: 'Sample',
        last_name: 'Customer',
        company: '',
        address1: '1 Sample Street',
        address2: '',
        city: 'San Francisco',
        state_or_province: 'California',
        postal_code: '94102',
        country: 'United States',
        country_code: 'US',
        phone: '',
      },
    ],
    store_credit_amounts: [{ amount: 0 }],
    accepts_product_review_abandoned_cart_emails: true,
  };
}

/** Ten v2 orders with their line items embedded (`include=consignments.line_items`). */
function sampleOrders() {
  return Array.from({ length: 10 }, (_, i) => {
    const shipped = i % 3 === 0;
    const lineItems = [1, 2].map((n) => ({
      id: i * 10 + n,
      product_id: 100 + n,
      variant_id: n,
      order_address_id: i + 1,
      name: `Sample product ${n}`,
      sku: `SAMPLE-${n}`,
      quantity: 1,
      quantity_shipped: shipped ? 1 : 0,
      quantity_refunded: 0,
      price_inc_tax: '24.5000',
      total_inc_tax: '24.5000',
      product_options: [{ display_name: 'Size', display_value: 'M' }],
    }));
    return {
      id: 200 - i,
      customer_id: i === 1 ? 0 : 1,
      date_created: `Tue, ${String(20 - i).padStart(2, '0')} Oct 2026 10:00:00 +0000`,
      status_id: shipped ? 2 : 11,
      status: shipped ? 'Shipped' : 'Awaiting Fulfillment',
      custom_status: shipped ? 'Shipped' : 'Awaiting Fulfillment',
      subtotal_inc_tax: '49.0000',
      shipping_cost_inc_tax: '5.0000',
      total_tax: '4.4100',
      total_inc_tax: '58.4100',
      discount_amount: '0.0000',
      coupon_discount: '0.0000',
      items_total: 2,
      items_shipped: shipped ? 2 : 0,
      payment_method: 'Credit Card',
      payment_status: 'captured',
      currency_code: 'USD',
      staff_notes: '',
      billing_address: { email: 'sample.customer@example.com' },
      consignments: {
        shipping: [{ id: i + 1, shipping_method: 'Ground', cost_inc_tax: '5.0000', line_items: lineItems }],
        pickups: [],
        downloads: [],
      },
    };
  });
}
