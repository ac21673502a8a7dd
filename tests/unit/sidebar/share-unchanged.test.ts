/**
 * lib/sidebar/share-unchanged.ts: an update's fresh copy keeps, as the very same objects, every
 * part the sidebar already shows unchanged, so memoised rows skip them.
 */
import { describe, expect, it } from 'vitest';
import { shareUnchanged } from '../../../lib/sidebar/share-unchanged';

const order = (id: string, tracking: string | null = null) => ({
  id,
  total: '10.00',
  lineItems: [{ id: `${id}-1`, name: 'Sock', options: [{ name: 'Size', value: 'M' }] }],
  firstTrackingNumber: tracking,
});
const store = (orders: ReturnType<typeof order>[], connectionId = 'main') => ({
  connectionId,
  status: 'linked',
  customer: { id: '1', email: 'jane@example.com' },
  orders,
});

describe('shareUnchanged', () => {
  it('gives back the previous value itself when the new one is a deep-equal copy', () => {
    const before = [store([order('3'), order('2'), order('1')])];
    expect(shareUnchanged(before, structuredClone(before))).toBe(before);
  });

  it('keeps the unchanged orders and the customer, and takes the changed order and every container of it anew', () => {
    const before = store([order('3'), order('2'), order('1')]);
    const next = structuredClone(before);
    next.orders[1] = order('2', '1Z999');
    const shared = shareUnchanged(before, next);
    expect(shared).not.toBe(before);
    expect(shared).toEqual(next);
    expect(shared.customer).toBe(before.customer);
    expect(shared.orders).not.toBe(before.orders);
    expect(shared.orders[0]).toBe(before.orders[0]);
    expect(shared.orders[1]).not.toBe(before.orders[1]);
    expect(shared.orders[1]!.lineItems).toBe(before.orders[1]!.lineItems);
    expect(shared.orders[2]).toBe(before.orders[2]);
  });

  it('recognises list elements by id, so an order added above the others leaves them as they were', () => {
    const before = store([order('3'), order('2')]);
    const next = structuredClone(before);
    next.orders.unshift(order('4'));
    const shared = shareUnchanged(before, next);
    expect(shared.orders.map((o) => o.id)).toEqual(['4', '3', '2']);
    expect(shared.orders[1]).toBe(before.orders[0]);
    expect(shared.orders[2]).toBe(before.orders[1]);
  });

  it('stores are recognised by their connection; another store arriving leaves the first as it was', () => {
    const main = store([order('3')]);
    const before = [main];
    const next = [structuredClone(main), store([order('9')], 'europe')];
    const shared = shareUnchanged(before, next);
    expect(shared).toHaveLength(2);
    expect(shared[0]).toBe(main);
  });

  it('a field added, removed or changed to another type is a change', () => {
    const before = { id: '1', note: 'x', count: 1 };
    expect(shareUnchanged(before, { id: '1', note: 'x', count: 1, extra: undefined })).not.toBe(before);
    expect(shareUnchanged(before, { id: '1', note: 'x' })).not.toBe(before);
    expect(shareUnchanged(before, { id: '1', note: 'x', count: '1' })).toEqual({ id: '1', note: 'x', count: '1' });
    expect(shareUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(shareUnchanged(null, before)).toBe(before);
  });
});
