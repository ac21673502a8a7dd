/** v3 order transactions: 200 with the list, 204 (no body) for an order nothing was paid on. */
import { fail } from '../errors';
import { pagination } from '../serialize';
import { orderTransactions } from '../transactions';
import { pathId, type SandboxApp } from './common';

/** The real API pages transactions by 50; the sandbox never has more than a few per order. */
const PER_PAGE = 50;

export function registerTransactions(app: SandboxApp): void {
  app.get('/v3/orders/:id/transactions', (c) => {
    const store = c.get('store');
    const id = pathId(c, 'id');
    const order = id === null ? undefined : store.orders.find((o) => o.id === id);
    if (!order) return fail(c, 404, `Order ${c.req.param('id') ?? ''} was not found.`);
    const data = orderTransactions(store, order);
    // The spec (and the notes) give 204 for an order without transactions.
    if (data.length === 0) return c.body(null, 204);
    const meta = { pagination: pagination(data.length, 1, PER_PAGE, data.length, new URLSearchParams()) };
    return c.json({ data, meta });
  });
}
