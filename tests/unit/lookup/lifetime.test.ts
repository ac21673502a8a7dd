import { describe, expect, it } from 'vitest';
import { lifetimeOf, totalsOf } from '../../../lib/lookup/lifetime';
import type { HistoryApi, OrderFilter, OrderTotal } from '../../../lib/core/store-ports';

const order = (id: number, total: string, overrides: Partial<OrderTotal> = {}): OrderTotal => ({
  id: String(id),
  statusId: 10,
  total,
  refunded: '0.00',
  currency: 'USD',
  ...overrides,
});

/** A store whose customer 7 has `account` orders, and whose email finds `billed` orders. */
function history(account: OrderTotal[], billed: OrderTotal[]) {
  const calls: string[] = [];
  const of = (f: OrderFilter) => ('customerId' in f ? account : billed);
  const api: HistoryApi = {
    async orderTotals(f, page) {
      calls.push(`totals:${'customerId' in f ? 'id' : 'email'}:${page}`);
      return of(f).slice((page - 1) * 250, page * 250);
    },
    async orderCount(f) {
      calls.push(`count:${'customerId' in f ? 'id' : 'email'}`);
      return of(f).length;
    },
    async ordersBefore() {
      return [];
    },
  };
  return { api, calls };
}

describe('lifetime totals', () => {
  it('needs one request per source below 250 orders, and never the count', async () => {
    const { api, calls } = history([order(1, '100.00'), order(2, '50.00')], [order(2, '50.00'), order(3, '30.00')]);
    const totals = await lifetimeOf(api, { customerId: '7', email: 'jane@example.com' });
    expect(calls.sort()).toEqual(['totals:email:1', 'totals:id:1']);
    // Order 2 is found both ways and counted once.
    expect(totals).toEqual([{ currency: 'USD', orders: 3, spend: '180.00', average: '60.00' }]);
  });

  it('asks the count only when the first page is full, then every other page at once', async () => {
    const many = Array.from({ length: 600 }, (_, i) => order(i + 1, '10.00'));
    const { api, calls } = history(many, []);
    const [totals] = await lifetimeOf(api, { customerId: '7', email: '' });
    expect(calls).toEqual(['totals:id:1', 'count:id', 'totals:id:2', 'totals:id:3']);
    expect(totals).toEqual({ currency: 'USD', orders: 600, spend: '6000.00', average: '10.00' });
  });

  it('leaves out cancelled and declined orders, subtracts refunds, and keeps currencies apart', () => {
    expect(
      totalsOf([
        order(1, '100.00', { refunded: '25.00' }),
        order(2, '80.00', { statusId: 5 }),
        order(3, '80.00', { statusId: 6 }),
        order(4, '10.00'),
        order(5, '20.00', { currency: 'EUR' }),
      ]),
    ).toEqual([
      { currency: 'USD', orders: 2, spend: '85.00', average: '42.50' },
      { currency: 'EUR', orders: 1, spend: '20.00', average: '20.00' },
    ]);
  });
});
