/** A synthetic customer's orders for the render benchmark: N orders × M lines, every field filled. */
import type { Fulfillment, LineItem, Order } from '../../lib/core/model';

const STORE = { connectionId: 'bench', storeName: 'Bench Store', storeHash: 'bench1' };

/** A tiny inline image, so the benchmark measures rendering and never the network. */
const IMAGE = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" ' +
    'width="40" height="40"><rect width="40" height="40" fill="#8ab"/></svg>',
)}`;

function line(orderId: number, index: number): LineItem {
  const cents = 1000 + ((orderId * 37 + index * 11) % 9000);
  const price = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return {
    id: `${orderId}-${index}`,
    productId: 1000 + index,
    variantId: 5000 + index,
    name: `Merino wool crew-neck sweater, heavyweight knit, style ${index + 1}`,
    sku: `SWT-${orderId}-${String(index).padStart(3, '0')}`,
    options: [
      { name: 'Size', value: ['S', 'M', 'L', 'XL'][index % 4]! },
      { name: 'Colour', value: ['Navy', 'Oat', 'Forest'][index % 3]! },
    ],
    quantity: 1 + (index % 3),
    quantityShipped: index % 2,
    quantityRefunded: 0,
    refundableQuantity: 1 + (index % 3),
    unitPrice: price,
    totalPrice: price,
    status: index % 2 ? 'Shipped' : 'Not shipped',
    fulfillment_status: index % 2 ? 'fulfilled' : 'unfulfilled',
    image: index % 5 === 4 ? null : IMAGE,
    orderAddressId: 1,
  };
}

export function syntheticOrders(orders: number, lines: number): Order[] {
  return Array.from({ length: orders }, (_, o) => {
    const id = 100 + o;
    const lineItems = Array.from({ length: lines }, (_, i) => line(id, i));
    const fulfillments: Fulfillment[] = [
      {
        id: `s${id}`,
        trackingNumber: `1Z999AA1${String(id).padStart(10, '0')}`,
        trackingUrl: `https://example.com/track/${id}`,
        shippingMethod: 'UPS Ground',
        carrier: 'ups',
        createdAt: new Date(Date.UTC(2026, 8, 1) + o * 86_400_000).toISOString(),
        items: lineItems
          .filter((l) => l.quantityShipped > 0)
          .map((l) => ({ orderProductId: l.id, quantity: l.quantityShipped })),
      },
    ];
    return {
      id: String(id),
      orderNumber: String(id),
      store: STORE,
      externalCustomerId: '1',
      isGuest: o % 4 === 3,
      billingEmail: 'bench@example.com',
      createdAt: new Date(Date.UTC(2026, 8, 1) + o * 86_400_000).toISOString(),
      currencyCode: 'USD',
      status: 'Partially Shipped',
      statusId: 3,
      paymentStatus: 'captured',
      paymentMethod: 'Credit Card',
      subtotal: '500.00',
      shippingCost: '9.95',
      tax: '41.25',
      discount: '5.00',
      orderTotal: '546.20',
      itemCount: lineItems.reduce((n, l) => n + l.quantity, 0),
      itemsShipped: lineItems.reduce((n, l) => n + l.quantityShipped, 0),
      lineItems,
      shippingDestinations: [{ id: 1, shippingMethod: 'UPS Ground', shippingCost: '9.95' }],
      fulfillments,
      firstTrackingNumber: fulfillments[0]!.trackingNumber,
      firstTrackingUrl: fulfillments[0]!.trackingUrl,
      staffNotes: '',
      controlPanelUrl: `https://store-bench1.mybigcommerce.com/manage/orders/${id}`,
    };
  });
}
