/** v2 orders, their sub-resources and statuses. Empty v2 lists answer 204 with no body. */
import { z } from 'zod';
import { parseDateParam } from '../dates';
import { toV3Amount } from '../money';
import { fail } from '../errors';
import {
  v2Consignments,
  v2Order,
  v2OrderProduct,
  v2Shipment,
  v2ShippingAddress,
  type OrderInclude,
} from '../serialize';
import type { OrderRec, StoreData } from '../types';
import {
  intParam,
  jsonBody,
  listParam,
  origin,
  pathId,
  query,
  type RouteDeps,
  type SandboxApp,
  type SandboxContext,
} from './common';

const SORT_FIELDS: Record<string, (o: OrderRec) => number> = {
  id: (o) => o.id,
  customer_id: (o) => o.customer_id,
  date_created: (o) => o.created,
  date_modified: (o) => o.modified,
  status_id: (o) => o.status_id,
  channel_id: () => 1,
  external_id: () => 0,
};

function parseInclude(params: URLSearchParams): OrderInclude {
  const include = new Set(listParam(params, 'include') ?? []);
  return {
    consignments: include.has('consignments') || include.has('consignments.line_items'),
    lineItems: include.has('consignments.line_items'),
    objectStructure: params.get('consignment_structure') === 'object',
  };
}

function findOrder(store: StoreData, c: SandboxContext): OrderRec | undefined {
  const id = pathId(c, 'id');
  return id === null ? undefined : store.orders.find((o) => o.id === id);
}

/** A v2 list: bare array, or 204 with no body when empty; page/limit like the real API. */
function v2List(c: SandboxContext, items: unknown[]): Response {
  const params = query(c);
  const page = intParam(params, 'page');
  const limit = intParam(params, 'limit');
  if (page === null || page === 0 || limit === null || limit === 0)
    return fail(c, 400, 'The page and limit parameters must be positive integers.');
  const size = Math.min(limit ?? 50, 250);
  const slice = items.slice(((page ?? 1) - 1) * size, (page ?? 1) * size);
  return slice.length === 0 ? c.body(null, 204) : c.json(slice);
}

const UpdateOrderSchema = z.object({
  status_id: z.number().int().optional(),
  staff_notes: z.string().max(65535).optional(),
  customer_message: z.string().max(65535).optional(),
});

/**
 * The orders a v2 list or count filter selects (the filters both share), or the 400 a bad
 * parameter gets. Incomplete orders (status 0) are left out unless `withIncomplete`.
 */
function filterOrders(
  c: SandboxContext,
  store: StoreData,
  params: URLSearchParams,
  withIncomplete: boolean,
): OrderRec[] | Response {
  const ints: Record<string, number | undefined> = {};
  for (const name of ['customer_id', 'status_id', 'min_id', 'max_id']) {
    const value = intParam(params, name);
    if (value === null) return fail(c, 400, `The ${name} parameter must be an integer.`);
    ints[name] = value;
  }
  const dates: Record<string, number | undefined> = {};
  for (const name of ['min_date_created', 'max_date_created', 'min_date_modified', 'max_date_modified']) {
    const raw = params.get(name);
    if (raw === null) continue;
    const value = parseDateParam(raw);
    if (value === null) return fail(c, 400, `The ${name} parameter must be an RFC 2822 or ISO 8601 date.`);
    dates[name] = value;
  }
  const email = params.get('email')?.trim().toLowerCase();
  return store.orders.filter(
    (o) =>
      (ints.status_id === undefined ? withIncomplete || o.status_id !== 0 : o.status_id === ints.status_id) &&
      // The email filter matches the billing email, ignoring case, so guest orders are found too.
      (email === undefined || o.billing.email.toLowerCase() === email) &&
      (ints.customer_id === undefined || o.customer_id === ints.customer_id) &&
      (ints.min_id === undefined || o.id >= ints.min_id) &&
      (ints.max_id === undefined || o.id <= ints.max_id) &&
      (dates.min_date_created === undefined || o.created >= dates.min_date_created) &&
      (dates.max_date_created === undefined || o.created <= dates.max_date_created) &&
      (dates.min_date_modified === undefined || o.modified >= dates.min_date_modified) &&
      (dates.max_date_modified === undefined || o.modified <= dates.max_date_modified),
  );
}

export function registerOrders(app: SandboxApp, deps: RouteDeps): void {
  // Registered before /v2/orders/:id, which would otherwise answer 404 for "count".
  app.get('/v2/orders/count', (c) => {
    const store = c.get('store');
    // Like the real API (its example's total includes its 15 Incomplete orders), every status counts.
    const orders = filterOrders(c, store, query(c), true);
    if (orders instanceof Response) return orders;
    return c.json({
      statuses: store.statuses.map((s, index) => ({
        id: s.id,
        name: s.system_label,
        system_label: s.system_label,
        custom_label: s.custom_label,
        system_description: s.system_description,
        count: orders.filter((o) => o.status_id === s.id).length,
        sort_order: index,
      })),
      count: orders.length,
    });
  });

  app.get('/v2/orders', (c) => {
    const store = c.get('store');
    const params = query(c);
    const filtered = filterOrders(c, store, params, false);
    if (filtered instanceof Response) return filtered;
    let orders = filtered;
    const sort = params.get('sort');
    if (sort) {
      // The spec's enum lists bare names; its description (and real clients) append :asc/:desc.
      const [field, direction = 'asc'] = sort.split(':');
      const key = SORT_FIELDS[field ?? ''];
      if (!key || (direction !== 'asc' && direction !== 'desc'))
        return fail(c, 400, 'The sort parameter is not valid.');
      const sign = direction === 'desc' ? -1 : 1;
      orders = [...orders].sort((a, b) => sign * (key(a) - key(b)) || sign * (a.id - b.id));
    }
    const include = parseInclude(params);
    const base = origin(c);
    return v2List(
      c,
      orders.map((o) => v2Order(store, o, base, include)),
    );
  });

  app.get('/v2/orders/:id', (c) => {
    const store = c.get('store');
    const order = findOrder(store, c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    return c.json(v2Order(store, order, origin(c), parseInclude(query(c))));
  });

  app.put('/v2/orders/:id', async (c) => {
    const store = c.get('store');
    const order = findOrder(store, c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    const parsed = UpdateOrderSchema.safeParse(await jsonBody(c));
    if (!parsed.success) return fail(c, 400, 'The request body is not valid JSON for an order update.');
    const { status_id: statusId, staff_notes: staffNotes, customer_message: customerMessage } = parsed.data;
    if (statusId !== undefined && !store.statuses.some((s) => s.id === statusId)) {
      return fail(c, 400, `The status_id ${statusId} is not a valid order status.`);
    }
    if (statusId !== undefined) order.status_id = statusId;
    if (staffNotes !== undefined) order.staff_notes = staffNotes;
    if (customerMessage !== undefined) order.customer_message = customerMessage;
    order.modified = deps.now();
    return c.json(v2Order(store, order, origin(c), parseInclude(query(c))));
  });

  // Deliberately refused: the real API archives (one or every order); the client must never call these.
  const refuse = (c: SandboxContext) =>
    fail(c, 405, 'Archiving orders is disabled in the sandbox: DELETE is not allowed.');
  app.delete('/v2/orders', refuse);
  app.delete('/v2/orders/:id', refuse);

  app.get('/v2/orders/:id/products', (c) => {
    const order = findOrder(c.get('store'), c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    return v2List(
      c,
      order.products.map((p) => v2OrderProduct(order, p)),
    );
  });

  app.get('/v2/orders/:id/shipments', (c) => {
    const order = findOrder(c.get('store'), c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    return v2List(
      c,
      order.shipments.map((s) => v2Shipment(order, s)),
    );
  });

  app.get('/v2/orders/:id/shipping_addresses', (c) => {
    const store = c.get('store');
    const order = findOrder(store, c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    return v2List(
      c,
      order.addresses.map((a) => v2ShippingAddress(order, a, origin(c), store.meta.hash)),
    );
  });

  app.get('/v2/orders/:id/consignments', (c) => {
    const store = c.get('store');
    const order = findOrder(store, c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    const include = new Set(listParam(query(c), 'include') ?? []);
    return c.json(v2Consignments(order, origin(c), store.meta.hash, include.has('consignments.line_items')));
  });

  app.get('/v2/orders/:id/coupons', (c) => {
    const order = findOrder(c.get('store'), c);
    if (!order) return fail(c, 404, 'The requested resource was not found.');
    return v2List(
      c,
      order.coupons.map((x) => ({
        id: x.id,
        coupon_id: x.coupon_id,
        order_id: order.id,
        code: x.code,
        amount: x.amount,
        type: x.type,
        discount: toV3Amount(x.discountCents),
      })),
    );
  });

  app.get('/v2/order_statuses', (c) =>
    c.json(
      c.get('store').statuses.map((s, index) => ({
        id: s.id,
        name: s.custom_label,
        system_label: s.system_label,
        custom_label: s.custom_label,
        system_description: s.system_description,
        order: index,
      })),
    ),
  );
}
