/**
 * What an update re-renders. Each `lookup/update` arrives as a fresh copy (the real port clones
 * it); the sidebar keeps what did not change as the objects it shows (lib/sidebar/share-unchanged.ts),
 * so its memoised order rows render again only for the orders that changed.
 */
import { options, type VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreLookup } from '../../../lib/messages/lookup';
import { makeCustomer, makeOrder } from '../../fixtures/fake-store-api';
import { europeConnection, janeIdentity, linkedStore, mainConnection } from './fixtures';
import { renderSidebar } from './render';

/** Order rows rendered (the row component's own function ran), by order number. */
let rendered: string[] = [];
const previousDiffed = options.diffed;
beforeEach(() => {
  rendered = [];
  options.diffed = (vnode: VNode) => {
    const type = vnode.type as { name?: string };
    if (typeof vnode.type === 'function' && type.name === 'OrderRowView')
      rendered.push((vnode.props as unknown as { order: { orderNumber: string } }).order.orderNumber);
    previousDiffed?.(vnode);
  };
});
afterEach(() => {
  options.diffed = previousDiffed;
});

const europeStore = (): StoreLookup => ({
  connectionId: 'europe',
  storeName: 'Cooper & Co Europe',
  status: 'linked',
  customer: makeCustomer({ id: '501' }),
  orders: [makeOrder(5026, { externalCustomerId: '501' }), makeOrder(5021, { externalCustomerId: '501' })],
  complete: false,
});

describe('an update re-renders only what changed', () => {
  it("a second store's answer does not re-render the first store's rows; tracking re-renders only its order", async () => {
    const ui = renderSidebar();
    await ui.config([mainConnection, europeConnection]);
    await ui.identity(janeIdentity);
    const main = linkedStore({ complete: false });
    const loading: StoreLookup = {
      connectionId: 'europe',
      storeName: 'Cooper & Co Europe',
      status: 'loading',
      complete: false,
    };
    await ui.update(structuredClone([main, loading]), false);
    expect(rendered).toHaveLength(10);

    rendered = [];
    await ui.update(structuredClone([main, europeStore()]), false);
    expect(rendered.sort()).toEqual(['5021', '5026']);

    rendered = [];
    const tracked = structuredClone(main);
    tracked.orders![2] = { ...tracked.orders![2]!, firstTrackingNumber: '1Z999AA10123456784' };
    await ui.update(structuredClone([tracked, europeStore()]), true);
    expect(rendered).toEqual([tracked.orders![2]!.orderNumber]);
  });
});
