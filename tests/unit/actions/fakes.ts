import { vi } from 'vitest';
import { makeOrder } from '../../fixtures/fake-store-api';
import type { Order } from '../../../lib/core/model';
import type {
  ActionsApi,
  CouponInput,
  RefundItem,
  RefundPayment,
  RefundQuote,
  RefundRecord,
  StoreApi,
} from '../../../lib/core/store-ports';
import { fromMinor, toMinor } from '../../../lib/actions/money';
import { toStoreMoney } from '../../../lib/core/decimal';

/** A BigCommerceError look-alike (lib/bigcommerce/errors.ts is read by shape). */
export function bcError(kind: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { kind, ...extra });
}

export function testOrder(overrides: Partial<Order> = {}): Order {
  const order = makeOrder(100, { productIds: [1, 2] });
  return {
    ...order,
    lineItems: order.lineItems.map((line, i) => ({
      ...line,
      id: String(11 + i),
      name: i ? 'Sticker' : 'Mug',
      quantity: 2,
      refundableQuantity: 2,
      unitPrice: i ? '0.10' : '12.00',
      totalPrice: i ? '0.20' : '24.00',
    })),
    shippingDestinations: [{ id: 7, shippingMethod: 'Ground', shippingCost: '5.00' }],
    orderTotal: '29.20',
    staffNotes: 'VIP customer',
    ...overrides,
  };
}

/** An in-memory store that quotes by unit price and records every write it receives. */
export function fakeStore(initial: Order = testOrder()) {
  let order = structuredClone(initial);
  const refunds: RefundRecord[] = [];
  const coupons = new Set<string>(['TAKEN']);
  const calls: string[] = [];
  let nextRefundId = 1;

  // In thousandths, shown as BigCommerce's payloads read (2 dp, or 3 for KWD-like amounts).
  const totalOf = (items: RefundItem[]) =>
    toStoreMoney(
      fromMinor(
        items.reduce((sum, item) => {
          if (item.itemType === 'PRODUCT') {
            const line = order.lineItems.find((l) => Number(l.id) === item.itemId || l.id === String(item.itemId));
            return sum + toMinor(line?.unitPrice ?? '0', 3) * item.quantity;
          }
          return sum + toMinor(item.amount, 3);
        }, 0),
        3,
      ),
    );
  const methodsFor = (total: string): RefundPayment[][] => [
    [{ providerId: 'braintree', providerDescription: 'Braintree (Visa 4242)', amount: total, offline: false }],
    [{ providerId: 'storecredit', providerDescription: 'Store credit', amount: total, offline: false }],
  ];

  const actions: ActionsApi = {
    setOrderStatus: vi.fn(async (_id: string, statusId: number) => {
      calls.push(`status:${statusId}`);
      order = { ...order, statusId, status: statusId === 5 ? 'Cancelled' : order.status };
      return structuredClone(order);
    }),
    setStaffNotes: vi.fn(async (_id: string, notes: string) => {
      calls.push('notes');
      order = { ...order, staffNotes: notes };
    }),
    voidPayment: vi.fn(async () => {
      calls.push('void');
      order = { ...order, paymentStatus: 'void pending' };
    }),
    refundQuote: vi.fn(async (orderId: string, items: RefundItem[]): Promise<RefundQuote> => {
      calls.push('quote');
      const total = totalOf(items);
      return {
        orderId,
        totalRefundAmount: total,
        totalRefundTaxAmount: '0.00',
        adjustment: '0.00',
        taxInclusive: false,
        refundMethods: methodsFor(total),
      };
    }),
    createRefund: vi.fn(
      async (orderId: string, items: RefundItem[], payments: RefundPayment[]): Promise<RefundRecord> => {
        calls.push('refund');
        const record: RefundRecord = {
          id: String(nextRefundId++),
          orderId,
          createdAt: new Date(clock.now).toISOString(),
          totalAmount: totalOf(items),
          totalTax: '0.00',
          items: items.map((i) => ({
            itemType: i.itemType,
            itemId: i.itemId,
            quantity: i.itemType === 'PRODUCT' ? i.quantity : null,
            amount: i.itemType === 'PRODUCT' ? null : i.amount,
          })),
          payments: payments.map((p) => ({
            providerId: p.providerId,
            amount: p.amount,
            offline: p.offline,
            isDeclined: false,
            declinedMessage: '',
          })),
        };
        refunds.push(record);
        return record;
      },
    ),
    refunds: vi.fn(async () => {
      calls.push('refunds');
      return structuredClone(refunds);
    }),
    couponCodeExists: vi.fn(async (code: string) => coupons.has(code)),
    createCoupon: vi.fn(async (input: CouponInput) => {
      calls.push('coupon');
      coupons.add(input.code);
      return { id: String(50 + coupons.size), code: input.code };
    }),
  };
  const lookup = {
    orderById: vi.fn(async (id: string) => (id === order.id ? structuredClone(order) : null)),
  } as unknown as StoreApi;
  const clock = { now: Date.UTC(2026, 10, 24, 12) };
  return {
    actions,
    lookup,
    calls,
    refunds,
    clock,
    get order() {
      return order;
    },
    set order(value: Order) {
      order = value;
    },
  };
}
