import { beforeAll, describe, expect, it } from 'vitest';
import { createConnectionApis } from '../../lib/bigcommerce';
import type { ConnectionApis } from '../../lib/core/store-ports';
import { createBigCommerceSandbox } from '../../sandbox/bigcommerce/app';
import { ContractClient } from './contract-client';
import { explain, formatViolation } from './exception-match';
import { SPEC_EXCEPTIONS, UNDOCUMENTED_ROUTES } from './exceptions';
import { loadContractSpec } from './openapi';
import { sandboxRoutes } from './sandbox-routes';

// The extension's own BigCommerce client (lib/bigcommerce) against the spec: every request it
// makes in a lookup, a refund, a cancel and a coupon must be one the spec documents (or a listed
// exception). Its scope probe is left out: it sends deliberately invalid requests.

const sandbox = createBigCommerceSandbox({ quota: 1_000_000 });
let client: ContractClient;
let apis: ConnectionApis;

beforeAll(async () => {
  const spec = await loadContractSpec();
  client = new ContractClient(sandbox.app, spec, sandboxRoutes(sandbox.app), UNDOCUMENTED_ROUTES);
  const store = sandbox.stores[0];
  if (!store) throw new Error('the sandbox has no store');
  apis = createConnectionApis({
    storeHash: store.hash,
    accessToken: store.accessToken,
    apiBaseUrl: 'http://127.0.0.1:9',
    allowCustomBase: true,
    fetch: client.fetch,
    sleep: async () => {},
  });
});

function unexplained(): string[] {
  const problems = client.calls.flatMap((c) => (c.problem ? [`${c.request}: ${c.problem}`] : []));
  const { unexplained: left } = explain(
    client.calls.flatMap((c) => c.violations),
    SPEC_EXCEPTIONS,
  );
  return [...problems, ...left.map(formatViolation)];
}

describe("the extension's BigCommerce client speaks the spec", () => {
  it('in a lookup: customers by email and phone, orders, shipments, images, group name, store info', async () => {
    const [jane] = await apis.lookup.customersByEmail(['jane.cooper@example.com']);
    expect(jane, 'Jane is in the sandbox').toBeDefined();
    await apis.lookup.customersByPhone(['(415) 555-0142']);
    await apis.lookup.customerById(jane!.id);
    const orders = await apis.lookup.ordersByEmail('jane.cooper@example.com', 10);
    await apis.lookup.ordersByCustomerId(jane!.id, 10);
    await apis.lookup.ordersByEmail('nora.nobody@example.com', 10);
    const shipped = orders.find((o) => o.itemsShipped > 0);
    expect(shipped, 'Jane has a shipped order').toBeDefined();
    await apis.lookup.orderById(shipped!.id);
    await apis.lookup.shipments(shipped!.id);
    const productIds = orders.flatMap((o) => o.lineItems.map((l) => l.productId)).filter((id) => id > 0);
    await apis.lookup.productImages([...new Set(productIds)]);
    await apis.lookup.customerGroupName(jane!.customerGroupId);
    await apis.admin.storeInfo();
    expect(client.calls.length).toBeGreaterThan(8);
    expect(unexplained()).toEqual([]);
  });

  it('in actions: refund quote and refund, void and cancel, refund history, coupon check and creation', async () => {
    const orders = await apis.lookup.ordersByEmail('jane.cooper@example.com', 10);
    const captured = orders.find((o) => o.paymentStatus === 'captured');
    const authorized = orders.find((o) => o.paymentStatus === 'authorized');
    expect(captured, 'Jane has a captured order').toBeDefined();
    expect(authorized, 'Jane has an authorized order').toBeDefined();

    const line = captured!.lineItems[0]!;
    const items = [{ itemType: 'PRODUCT' as const, itemId: Number(line.id), quantity: 1 }];
    const quote = await apis.actions.refundQuote(captured!.id, items);
    await apis.actions.createRefund(captured!.id, items, quote.refundMethods[0] ?? []);
    await apis.actions.refunds(captured!.id);

    await apis.actions.voidPayment(authorized!.id);
    await apis.actions.setOrderStatus(authorized!.id, 5);
    await apis.actions.setStaffNotes(authorized!.id, 'Cancelled at the customer’s request');

    expect(await apis.actions.couponCodeExists('CLIENT-CONTRACT-10')).toBe(false);
    await apis.actions.createCoupon({
      code: 'CLIENT-CONTRACT-10',
      name: 'Support goodwill CLIENT-CONTRACT-10',
      type: 'fixed',
      amount: '10.00',
      minPurchase: null,
      expires: null,
      maxUses: 1,
    });
    expect(await apis.actions.couponCodeExists('CLIENT-CONTRACT-10')).toBe(true);
    expect(unexplained()).toEqual([]);
  });
});
