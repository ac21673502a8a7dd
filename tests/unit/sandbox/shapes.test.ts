import { beforeEach, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { sandboxClient, type SandboxClient } from '../../../sandbox/bigcommerce/test-client';

type Json = Record<string, any>;
const MONEY = /^-?\d+\.\d{4}$/;
const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let client: SandboxClient;
beforeEach(() => {
  const sandbox = createBigCommerceSandbox();
  client = sandboxClient(sandbox.app, sandbox.stores[0]!);
});

describe('envelopes and types', () => {
  it('answers v3 collections as {data, meta.pagination} with ISO dates', async () => {
    const reply = await client.get<Json>('/v3/customers?email:in=jane.cooper@example.com');
    expect(reply.status).toBe(200);
    expect(reply.body.data).toHaveLength(1);
    expect(reply.body.data[0].date_created).toMatch(ISO);
    expect(reply.body.meta.pagination).toMatchObject({ total: 1, count: 1, current_page: 1, total_pages: 1 });
  });

  it('answers an empty v3 collection with 200 and data: []', async () => {
    const reply = await client.get<Json>('/v3/customers?email:in=nora.nobody@example.com');
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual([]);
    expect(reply.body.meta.pagination.total).toBe(0);
  });

  it('answers v2 lists as bare arrays with 4-decimal money strings and RFC 2822 dates', async () => {
    const reply = await client.get<Json[]>('/v2/orders?limit=5');
    expect(Array.isArray(reply.body)).toBe(true);
    const order = reply.body[0]!;
    expect(order.total_inc_tax).toMatch(MONEY);
    expect(order.subtotal_ex_tax).toMatch(MONEY);
    expect(order.date_created).toMatch(RFC2822);
  });

  it('answers 204 with no body for every empty v2 list', async () => {
    const empties = [
      '/v2/orders?email=nora.nobody@example.com',
      `/v2/orders/${SEED_IDS.main.orders.janeCapturedAwaiting}/shipments`,
      `/v2/orders/${SEED_IDS.main.orders.janeCapturedAwaiting}/coupons`,
      '/v2/coupons?code=NO-SUCH-CODE',
      '/v2/orders?page=99',
    ];
    for (const path of empties) {
      const reply = await client.get(path);
      expect({ path, status: reply.status, text: reply.text }).toEqual({ path, status: 204, text: '' });
    }
  });

  it('keeps consignments as a link object unless line items are included, then embeds the products', async () => {
    const id = SEED_IDS.main.orders.janePartiallyShipped;
    const plain = await client.get<Json>(`/v2/orders/${id}`);
    expect(plain.body.consignments).toEqual({
      url: expect.stringContaining(`/orders/${id}/consignments`),
      resource: `/orders/${id}/consignments`,
    });
    expect(plain.body.products.resource).toBe(`/orders/${id}/products`);

    const embedded = await client.get<Json>(
      `/v2/orders/${id}?include=consignments.line_items&consignment_structure=object`,
    );
    const shipping = embedded.body.consignments.shipping;
    const lineItems = shipping.flatMap((s: Json) => s.line_items);
    const products = await client.get<Json[]>(`/v2/orders/${id}/products`);
    expect(lineItems.map((p: Json) => p.id).sort()).toEqual(products.body.map((p) => p.id).sort());
    expect(lineItems[0].price_inc_tax).toMatch(MONEY);
  });

  it('embeds line items for every order of a list call', async () => {
    const reply = await client.get<Json[]>(
      '/v2/orders?email=jane.cooper@example.com&sort=date_created:desc&limit=10' +
        '&include=consignments.line_items&consignment_structure=object',
    );
    for (const order of reply.body) {
      const items = order.consignments.shipping.flatMap((s: Json) => s.line_items);
      expect(items.reduce((n: number, p: Json) => n + p.quantity, 0)).toBe(order.items_total);
    }
  });

  it("answers errors in each API family's own shape", async () => {
    const v2 = await client.get('/v2/orders/999999');
    expect(v2.status).toBe(404);
    expect(v2.body).toEqual([{ status: 404, message: expect.any(String) }]);
    const groups = await client.get<Json>('/v2/customer_groups/999');
    expect(groups.body.errors[0]).toMatchObject({ status: 404 });
    const v3 = await client.get<Json>('/v3/customers?include=bogus');
    expect(v3.status).toBe(422);
    expect(v3.body).toMatchObject({
      status: 422,
      title: expect.any(String),
      type: expect.any(String),
      errors: expect.any(Object),
    });
  });

  it('serves v2 store, time, order statuses and customer groups as bare objects/arrays', async () => {
    const store = await client.get<Json>('/v2/store');
    expect(store.body).toMatchObject({
      id: 'abc123',
      name: 'Cooper & Co Outfitters',
      currency: 'USD',
      decimal_places: 2,
    });
    const time = await client.get<Json>('/v2/time');
    expect(Number.isInteger(time.body.time)).toBe(true);
    const statuses = await client.get<Json[]>('/v2/order_statuses');
    expect(statuses.body.find((s) => s.id === 5)).toMatchObject({ system_label: 'Cancelled' });
    // Merchants may relabel statuses: the sandbox's main store renamed "Awaiting Shipment".
    expect(statuses.body.find((s) => s.id === 9)).toMatchObject({
      system_label: 'Awaiting Shipment',
      custom_label: 'Packed, awaiting courier',
    });
    const group = await client.get<Json>(`/v2/customer_groups/${SEED_IDS.main.groups.vip}`);
    expect(group.body).toMatchObject({ id: 1, name: 'VIP' });
  });
});

describe('filters, includes and pagination', () => {
  it('finds customers by email (any case), by id and by a list', async () => {
    const one = await client.get<Json>('/v3/customers?email:in=JANE.COOPER@example.com');
    expect(one.body.data.map((c: Json) => c.id)).toEqual([SEED_IDS.main.customers.jane]);
    const two = await client.get<Json>('/v3/customers?email:in=jane.cooper@example.com,priya.patel@example.org');
    expect(two.body.data).toHaveLength(2);
    const byId = await client.get<Json>(`/v3/customers?id:in=${SEED_IDS.main.customers.dana}`);
    expect(byId.body.data[0].email).toBe('dana.whitfield@example.com');
  });

  it('matches phone:in only on the exact stored string, and accepts a comma list', async () => {
    expect((await client.get<Json>('/v3/customers?phone:in=4155550142')).body.data).toHaveLength(1);
    expect(
      (await client.get<Json>('/v3/customers?phone:in=' + encodeURIComponent('(415) 555-0142'))).body.data,
    ).toHaveLength(0);
    const list = await client.get<Json>('/v3/customers?phone:in=' + encodeURIComponent('212-555-0199,(212) 555-0199'));
    expect(list.body.data.map((c: Json) => c.first_name).sort()).toEqual(['Alex', 'Alexis']);
  });

  it('adds addresses (at most 10, with the true count) and store credit only when included', async () => {
    const bare = await client.get<Json>(`/v3/customers?id:in=${SEED_IDS.main.customers.jane}`);
    expect(bare.body.data[0].addresses).toBeUndefined();
    expect(bare.body.data[0].store_credit_amounts).toBeUndefined();
    const full = await client.get<Json>(
      `/v3/customers?id:in=${SEED_IDS.main.customers.jane},${SEED_IDS.main.customers.olivia}&include=addresses,storecredit`,
    );
    const jane = full.body.data.find((c: Json) => c.id === SEED_IDS.main.customers.jane);
    const olivia = full.body.data.find((c: Json) => c.id === SEED_IDS.main.customers.olivia);
    expect(jane.addresses).toHaveLength(3);
    expect(jane.store_credit_amounts).toEqual([{ amount: 25 }]);
    expect(olivia.addresses).toHaveLength(10);
    expect(olivia.address_count).toBe(12);
    const rest = await client.get<Json>(`/v3/customers/addresses?customer_id:in=${SEED_IDS.main.customers.olivia}`);
    expect(rest.body.data).toHaveLength(12);
  });

  it('pages customers with page/limit and reports it in meta.pagination', async () => {
    const first = await client.get<Json>('/v3/customers?limit=7&page=1');
    const second = await client.get<Json>('/v3/customers?limit=7&page=2');
    expect(first.body.data).toHaveLength(7);
    expect(first.body.meta.pagination).toMatchObject({ per_page: 7, current_page: 1, total: 30, total_pages: 5 });
    expect(first.body.meta.pagination.links.next).toContain('page=2');
    const ids = new Set([...first.body.data, ...second.body.data].map((c: Json) => c.id));
    expect(ids.size).toBe(14);
  });

  it('pages v2 orders with page/limit and sorts by date_created:desc', async () => {
    const first = await client.get<Json[]>('/v2/orders?sort=date_created:desc&limit=20&page=1');
    const second = await client.get<Json[]>('/v2/orders?sort=date_created:desc&limit=20&page=2');
    const dates = [...first.body, ...second.body].map((o) => Date.parse(o.date_created));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(new Set([...first.body, ...second.body].map((o) => o.id)).size).toBe(40);
    const defaultOrder = await client.get<Json[]>('/v2/orders?limit=5');
    expect(defaultOrder.body.map((o) => o.id)).toEqual([...defaultOrder.body.map((o) => o.id)].sort((a, b) => a - b));
  });

  it('filters orders by customer_id and leaves incomplete orders out unless asked for', async () => {
    const byCustomer = await client.get<Json[]>(`/v2/orders?customer_id=${SEED_IDS.main.customers.priya}`);
    expect(byCustomer.body.map((o) => o.customer_id)).toEqual([
      SEED_IDS.main.customers.priya,
      SEED_IDS.main.customers.priya,
    ]);
    const all = await client.get<Json[]>('/v2/orders?limit=250');
    expect(all.body.some((o) => o.status_id === 0)).toBe(false);
    const incomplete = await client.get<Json[]>('/v2/orders?status_id=0');
    expect(incomplete.body.length).toBeGreaterThan(0);
    expect(incomplete.body.every((o) => o.status_id === 0)).toBe(true);
  });

  it('answers catalog products by id:in with the primary image and only the fields asked for', async () => {
    const reply = await client.get<Json>(
      '/v3/catalog/products?id:in=101,107&include=primary_image&include_fields=name,sku',
    );
    expect(reply.body.data).toHaveLength(2);
    const product = reply.body.data[0];
    expect(Object.keys(product).sort()).toEqual(['id', 'name', 'primary_image', 'sku']);
    expect(product.primary_image.url_thumbnail).toMatch(/\/__sandbox\/images\/p101\.svg$/);
  });

  it('serves the product images it links to', async () => {
    const sandbox = createBigCommerceSandbox();
    const response = await sandbox.app.request('/__sandbox/images/p101.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(await response.text()).toContain('<svg');
  });
});
