/**
 * The first customer after Gladly loads would pay for the first render of a profile and ten order
 * rows: code run for the first time, styles matched and text laid out for the first time. Measured
 * in real Chromium (`npm run bench`), that first render took ≈ 25 ms and its layout ≈ 20 ms more
 * than the same render for the next customer. While the sidebar waits idle for that customer, it
 * renders a made-up one out of sight, lays it out and removes it, all in one task: nothing is
 * painted, announced or asked of the worker (its `request` refuses), and the real customer's render
 * then runs warm.
 */
import { render } from 'preact';
import type { Customer, LineItem, Order, StoreRef } from '../../lib/core/model';
import type { StoreLookup } from '../../lib/messages/lookup';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import type { SidebarStore } from '../../lib/sidebar/store';
import { SidebarContext, type SidebarContextValue } from './context';
import { StoreSection } from './StoreSection';

/** Renders a made-up customer with ten orders out of sight, lays it out and removes it again. */
export function warmUpRendering(store: SidebarStore, host: HTMLElement = document.body): void {
  // A customer already on screen (a cached revisit) has warmed everything itself.
  if (store.getState().stores.length > 0) return;
  const box = document.createElement('div');
  box.className = 'bc-app';
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  box.style.cssText = 'position:fixed;top:0;left:0;width:100%;visibility:hidden;pointer-events:none;z-index:-1';
  host.appendChild(box);
  const context: SidebarContextValue = {
    store,
    request: () => Promise.reject(new Error('The warm-up render asks nothing.')),
  };
  try {
    render(
      <SidebarContext.Provider value={context}>
        <StoreSection store={sampleLookup()} connection={SAMPLE_CONNECTION} showName={true} />
      </SidebarContext.Provider>,
      box,
    );
    // Style and layout now, in this task: the point of the exercise, and nothing gets painted.
    void box.offsetHeight;
  } finally {
    render(null, box);
    box.remove();
  }
}

const SAMPLE_STORE: StoreRef = { connectionId: 'warm-up', storeName: 'Sample store', storeHash: 'sample' };

const SAMPLE_CONNECTION: SidebarConnection = {
  id: 'warm-up',
  name: 'Sample store',
  storeHash: 'sample',
  searchQueryAttributes: [],
  searchResultsAttributes: [],
  actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
};

const DAY = 86_400_000;

/** One linked customer and ten orders, shaped like a real lookup (shipped, open, cancelled, refunded). */
function sampleLookup(): StoreLookup {
  const now = Date.now();
  const customer: Customer = {
    id: '1',
    store: SAMPLE_STORE,
    email: 'sample.customer@example.com',
    name: 'Sample Customer',
    firstName: 'Sample',
    lastName: 'Customer',
    phone: '6501234569',
    phoneDisplay: '+1 650 123 4569',
    company: 'Sample Company',
    createdAt: new Date(now - 400 * DAY).toISOString(),
    address: {
      firstName: 'Sample',
      lastName: 'Customer',
      company: '',
      street1: '1 Sample Street',
      street2: '',
      city: 'San Francisco',
      state: 'CA',
      zip: '94102',
      country: 'United States',
      countryCode: 'US',
      phone: '',
    },
    addressCount: 2,
    acceptsMarketing: true,
    customerGroupId: 1,
    customerGroupName: 'Retail',
    notes: 'Sample note.',
    storeCreditAmount: '0.00',
    storeCreditCurrency: 'USD',
  };
  const statuses: [number, string][] = [
    [2, 'Shipped'],
    [11, 'Awaiting Fulfillment'],
    [3, 'Partially Shipped'],
    [5, 'Cancelled'],
    [14, 'Partially Refunded'],
  ];
  const orders = Array.from({ length: 10 }, (_, i): Order => {
    const [statusId, status] = statuses[i % statuses.length]!;
    const shipped = statusId === 2 || statusId === 3;
    const lineItems = [0, 1].map(
      (n): LineItem => ({
        id: `${i}-${n}`,
        productId: 100 + n,
        variantId: null,
        name: `Sample product ${n + 1}`,
        sku: `SAMPLE-${n + 1}`,
        options: [{ name: 'Size', value: 'M' }],
        quantity: 1,
        quantityShipped: shipped ? 1 : 0,
        quantityRefunded: 0,
        refundableQuantity: 1,
        unitPrice: '24.50',
        totalPrice: '24.50',
        status: shipped ? 'Shipped' : 'Not shipped',
        fulfillment_status: shipped ? 'fulfilled' : 'unfulfilled',
        image: null,
        orderAddressId: 1,
      }),
    );
    return {
      id: String(200 - i),
      orderNumber: String(200 - i),
      store: SAMPLE_STORE,
      externalCustomerId: i === 1 ? '' : '1',
      isGuest: i === 1,
      billingEmail: customer.email,
      createdAt: new Date(now - (i * 9 + 1) * DAY).toISOString(),
      currencyCode: 'USD',
      status,
      statusId,
      paymentStatus: 'captured',
      paymentMethod: 'Credit Card',
      subtotal: '49.00',
      shippingCost: '5.00',
      tax: '4.41',
      discount: '0.00',
      orderTotal: '58.41',
      itemCount: 2,
      itemsShipped: shipped ? 2 : 0,
      lineItems,
      shippingDestinations: [{ id: 1, shippingMethod: 'Ground', shippingCost: '5.00' }],
      fulfillments: null,
      firstTrackingNumber: shipped ? '1Z999AA10123456784' : null,
      firstTrackingUrl: null,
      staffNotes: '',
      controlPanelUrl: null,
    };
  });
  return {
    connectionId: 'warm-up',
    storeName: 'Sample store',
    status: 'linked',
    customer,
    orders,
    autoLinked: true,
    complete: false,
  };
}
