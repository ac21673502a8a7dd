import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CustomerListSchema,
  OrderListSchema,
  OrderProductSchema,
  OrderSchema,
  RefundEnvelopeSchema,
  RefundQuoteSchema,
  ShipmentListSchema,
} from '../../../lib/bigcommerce/schemas';
import {
  normalizeCustomer,
  normalizeLineItem,
  normalizeOrder,
  normalizeRefund,
  normalizeRefundQuote,
  normalizeShipment,
} from '../../../lib/bigcommerce/normalize';
import { toIsoInstant } from '../../../lib/bigcommerce/convert';
import type { StoreRef } from '../../../lib/core/model';

const REAL = '/work/shared/bigcommerce-real-payloads';
const real = (file: string): unknown => JSON.parse(readFileSync(`${REAL}/${file}`, 'utf8'));
const store: StoreRef = { connectionId: 'main', storeName: 'Main', storeHash: '4egmvz9lwd' };

describe('real BigCommerce payloads', () => {
  it('customers: one, two with the same email, none', () => {
    const one = CustomerListSchema.parse(real('v3-customers-one.json')).data.map((c) => normalizeCustomer(c, store));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({
      id: '3',
      email: 'primary@email.com',
      name: 'Bob Norman',
      company: 'Gladly',
      phone: '',
      notes: '',
      customerGroupId: 1,
      createdAt: '2024-03-29T18:42:56.000Z',
      acceptsMarketing: true,
      address: null,
      addressCount: 0,
      storeCreditAmount: null,
    });
    const two = CustomerListSchema.parse(real('v3-customers-two-same-email.json')).data;
    expect(two.map((c) => c.id)).toEqual([3, 4]);
    expect(CustomerListSchema.parse(real('v3-customers-none.json')).data).toEqual([]);
  });

  it('orders: 4-dp money to exact 2 dp, RFC 2822 dates to ISO, consignments as a link', () => {
    const orders = OrderListSchema.parse(real('v2-orders.json')).map((o) => normalizeOrder(o, store));
    expect(orders.map((o) => o.id)).toEqual(['106', '107', '109']);
    const first = orders[0]!;
    expect(first).toMatchObject({
      externalCustomerId: '3',
      isGuest: false,
      billingEmail: 'primary@email.com',
      createdAt: '2024-03-29T18:42:57.000Z',
      statusId: 3,
      status: 'Partially Shipped',
      subtotal: '273.90',
      orderTotal: '273.90',
      tax: '24.90',
      discount: '0.00',
      itemCount: 2,
      itemsShipped: 1,
      currencyCode: 'USD',
      paymentStatus: 'paid',
      staffNotes: 'Staff notes not visible to the customer',
      fulfillments: null,
      controlPanelUrl: 'https://store-4egmvz9lwd.mybigcommerce.com/manage/orders/106',
    });
    // Without the include, line items are not embedded.
    expect(first.lineItems).toEqual([]);
    expect(orders[2]!.orderTotal).toBe('341.95');
  });

  it('order products: event_date "", nulls and extra fields are fine', () => {
    const raw = real('v2-order-products.json') as unknown[];
    const lines = raw.map((p) => normalizeLineItem(OrderProductSchema.parse(p)));
    expect(lines[0]).toMatchObject({
      id: '11',
      productId: 77,
      variantId: 2,
      name: '[Sample] Fog Linen Chambray Towel - Beige Stripe',
      sku: 'SLCTBS-5596D19E',
      options: [
        { name: 'Size', value: 'S' },
        { name: 'Color', value: 'Silver' },
      ],
      quantity: 1,
      quantityShipped: 1,
      refundableQuantity: 1,
      unitPrice: '53.90',
      totalPrice: '53.90',
      status: 'Shipped',
      fulfillment_status: 'fulfilled',
      orderAddressId: 7,
      image: null,
    });
    expect(lines[1]).toMatchObject({ status: 'Not shipped', fulfillment_status: 'unfulfilled', unitPrice: '220.00' });
  });

  it('shipments: an empty custom tracking link falls back to the generated one', () => {
    const shipments = ShipmentListSchema.parse(real('v2-order-shipments.json')).map(normalizeShipment);
    expect(shipments).toHaveLength(4);
    expect(shipments[0]).toEqual({
      id: '5',
      trackingNumber: '731519400000',
      trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr=731519400000',
      shippingMethod: 'None',
      carrier: 'FedEx',
      createdAt: '2024-04-11T15:28:22.000Z',
      items: [{ orderProductId: '11', quantity: 1 }],
    });
    expect(shipments[3]!.items).toEqual([
      { orderProductId: '18', quantity: 1 },
      { orderProductId: '16', quantity: 1 },
    ]);
  });
});

const product = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  product_id: 70 + id,
  variant_id: null,
  order_address_id: 0,
  name: `Item ${id}`,
  sku: `SKU${id}`,
  quantity: 3,
  quantity_shipped: 0,
  quantity_refunded: 0,
  price_inc_tax: '10.0000',
  total_inc_tax: '30.0000',
  product_options: [],
  ...extra,
});

describe('orders fetched with consignments.line_items', () => {
  const raw = {
    ...(real('v2-orders.json') as Record<string, unknown>[])[0],
    customer_id: 0,
    discount_amount: '1.5000',
    coupon_discount: '2.2500',
    consignments: {
      shipping: [
        {
          id: 41,
          shipping_method: 'Free Shipping',
          cost_inc_tax: 6.2,
          line_items: [product(1, { quantity_shipped: 1 }), product(2, { quantity_refunded: 3, quantity_shipped: 0 })],
        },
        {
          id: 42,
          shipping_method: 'Express',
          cost_inc_tax: '12.5000',
          line_items: [product(3, { order_address_id: 42, quantity_shipped: 3, quantity_refunded: 1 })],
        },
      ],
      pickups: [{ id: 9, line_items: [product(4)] }],
      downloads: [{ recipient_email: 'x@example.com', line_items: { url: 'u', resource: '/r' } }],
      email: { gift_certificates: [] },
    },
  };
  const order = normalizeOrder(OrderSchema.parse(raw), store);

  it('takes line items from shipping and pickup consignments', () => {
    expect(order.lineItems.map((l) => l.id)).toEqual(['1', '2', '3', '4']);
    expect(order.lineItems.map((l) => l.orderAddressId)).toEqual([41, 41, 42, null]);
  });

  it('works out refundable quantities and line statuses', () => {
    const [partShipped, refunded, shippedPartRefunded] = order.lineItems;
    expect(partShipped).toMatchObject({
      refundableQuantity: 3,
      status: 'Partially shipped',
      fulfillment_status: 'partial',
    });
    expect(refunded).toMatchObject({ refundableQuantity: 0, status: 'Refunded', fulfillment_status: 'unfulfilled' });
    expect(shippedPartRefunded).toMatchObject({
      refundableQuantity: 2,
      status: 'Partially refunded',
      fulfillment_status: 'fulfilled',
    });
  });

  it('lists shipping destinations with exact costs, and marks a guest', () => {
    expect(order.shippingDestinations).toEqual([
      { id: 41, shippingMethod: 'Free Shipping', shippingCost: '6.20' },
      { id: 42, shippingMethod: 'Express', shippingCost: '12.50' },
    ]);
    expect(order.isGuest).toBe(true);
    expect(order.externalCustomerId).toBe('');
    expect(order.discount).toBe('3.75');
  });

  it('refuses an order whose money is not money', () => {
    expect(OrderSchema.safeParse({ ...raw, total_inc_tax: 'lots' }).success).toBe(false);
    expect(OrderSchema.safeParse({ ...raw, date_created: 'yesterday' }).success).toBe(false);
  });
});

describe('v3 refunds', () => {
  it('reads a quote: array-of-array methods, numbers without float drift', () => {
    const quote = normalizeRefundQuote(
      RefundQuoteSchema.parse({
        data: {
          order_id: 106,
          total_refund_amount: 119.35,
          total_refund_tax_amount: 10.85,
          rounding: 0,
          adjustment: -0.1 - 0.2,
          is_tax_included: true,
          order_level_refund_amount: 0,
          refund_methods: [
            [{ provider_id: 'storecredit', provider_description: 'Store Credit', amount: 119.35, offline: false }],
            [
              {
                provider_id: 'bankdeposit',
                provider_description: 'Bank Deposit',
                amount: 80.35,
                offline: true,
                offline_reason: 'x',
              },
              { provider_id: 'storecredit', provider_description: 'Store Credit', amount: 39, offline: false },
            ],
          ],
        },
        meta: {},
      }).data,
    );
    expect(quote).toEqual({
      orderId: '106',
      totalRefundAmount: '119.35',
      totalRefundTaxAmount: '10.85',
      adjustment: '-0.30',
      taxInclusive: true,
      refundMethods: [
        [{ providerId: 'storecredit', providerDescription: 'Store Credit', amount: '119.35', offline: false }],
        [
          { providerId: 'bankdeposit', providerDescription: 'Bank Deposit', amount: '80.35', offline: true },
          { providerId: 'storecredit', providerDescription: 'Store Credit', amount: '39.00', offline: false },
        ],
      ],
    });
  });

  it('reads a refund with declined payments', () => {
    const refund = normalizeRefund(
      RefundEnvelopeSchema.parse({
        data: {
          id: 7,
          order_id: 106,
          user_id: 1,
          created: '2026-11-20T10:00:00+00:00',
          reason: '',
          total_amount: 53.9,
          total_tax: 4.9,
          uses_merchant_override_values: false,
          items: [
            { item_type: 'PRODUCT', item_id: 11, quantity: 1, reason: null, requested_amount: null },
            { item_type: 'SHIPPING', item_id: 7, quantity: null, requested_amount: '5.00' },
          ],
          payments: [
            {
              id: 1,
              provider_id: 'braintree',
              amount: 53.9,
              offline: false,
              is_declined: true,
              declined_message: 'Gateway said no',
            },
          ],
        },
        meta: {},
      }).data,
    );
    expect(refund).toEqual({
      id: '7',
      orderId: '106',
      createdAt: '2026-11-20T10:00:00.000Z',
      totalAmount: '53.90',
      totalTax: '4.90',
      items: [
        { itemType: 'PRODUCT', itemId: 11, quantity: 1, amount: null },
        { itemType: 'SHIPPING', itemId: 7, quantity: null, amount: '5.00' },
      ],
      payments: [
        {
          providerId: 'braintree',
          amount: '53.90',
          offline: false,
          isDeclined: true,
          declinedMessage: 'Gateway said no',
        },
      ],
    });
  });
});

describe('dates', () => {
  it('turns RFC 2822 with any offset and ISO into ISO instants', () => {
    expect(toIsoInstant('Wed, 10 Jan 2018 21:05:30 +0000')).toBe('2018-01-10T21:05:30.000Z');
    expect(toIsoInstant('Wed, 10 Jan 2018 16:05:30 -0500')).toBe('2018-01-10T21:05:30.000Z');
    expect(toIsoInstant('2024-03-29T18:42:57+00:00')).toBe('2024-03-29T18:42:57.000Z');
    expect(toIsoInstant('')).toBeNull();
    expect(toIsoInstant('Wed, 10 Foo 2018 21:05:30 +0000')).toBeNull();
  });
});
