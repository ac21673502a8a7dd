/**
 * The scopes the options page tells an admin to give the API account, for every combination of
 * a connection's action switches (2^5 = 32): always the four reads; Orders "modify" instead of
 * read-only as soon as one order action is usable; Marketing "modify" only for discount codes.
 */
import { describe, expect, it } from 'vitest';
import { requiredScopes, scopeLabel } from '../../../lib/bigcommerce/scopes';
import type { ActionSwitches } from '../../../lib/settings/schema';

const KEYS = ['enabled', 'cancel', 'refund', 'partialRefund', 'discount'] as const;

function everyCombination(): ActionSwitches[] {
  return Array.from(
    { length: 2 ** KEYS.length },
    (_, bits) => Object.fromEntries(KEYS.map((key, i) => [key, Boolean(bits & (1 << i))])) as unknown as ActionSwitches,
  );
}

describe('requiredScopes', () => {
  const combinations = everyCombination();

  it('covers all 32 combinations of the switches', () => {
    expect(new Set(combinations.map((c) => JSON.stringify(c))).size).toBe(32);
  });

  it.each(combinations.map((actions) => [JSON.stringify(actions), actions] as const))('%s', (_, actions) => {
    const orderAction = actions.cancel || actions.refund || actions.partialRefund;
    const expected = [
      'store_v2_customers_read_only',
      actions.enabled && orderAction ? 'store_v2_orders' : 'store_v2_orders_read_only',
      'store_v2_products_read_only',
      'store_v2_information_read_only',
      ...(actions.enabled && actions.discount ? ['store_v2_marketing'] : []),
    ];
    expect(requiredScopes({ actions })).toEqual(expected);
  });

  it('with actions off asks for reads only, whatever the individual switches say', () => {
    for (const actions of combinations.filter((c) => !c.enabled)) {
      expect(requiredScopes({ actions }).map(scopeLabel)).toEqual([
        'Customers: read-only',
        'Orders: read-only',
        'Products: read-only',
        'Information & Settings: read-only',
      ]);
    }
  });
});
