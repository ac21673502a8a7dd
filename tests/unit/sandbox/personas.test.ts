import { beforeAll, describe, expect, it } from 'vitest';
import { createBigCommerceSandbox } from '../../../sandbox/bigcommerce/app';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import { sandboxClient, type SandboxClient } from '../../../sandbox/bigcommerce/test-client';
import { DECOYS, personas } from '../../../sandbox/personas';

type Json = Record<string, any>;

let main: SandboxClient;
let europe: SandboxClient;
beforeAll(() => {
  const sandbox = createBigCommerceSandbox();
  main = sandboxClient(sandbox.app, sandbox.stores[0]!);
  europe = sandboxClient(sandbox.app, sandbox.stores[1]!);
});

async function customersByEmail(client: SandboxClient, email: string): Promise<Json[]> {
  return (await client.get<Json>(`/v3/customers?email:in=${encodeURIComponent(email)}&include=addresses,storecredit`))
    .body.data;
}

async function orders(client: SandboxClient, query: string): Promise<Json[]> {
  const reply = await client.get<Json[]>(`/v2/orders?${query}&limit=250`);
  return reply.status === 204 ? [] : reply.body;
}

describe('persona: Jane Cooper', () => {
  it('is one registered customer with her phone, 3 addresses, 25.00 store credit, the VIP group and notes', async () => {
    const [jane, ...others] = await customersByEmail(main, 'jane.cooper@example.com');
    expect(others).toEqual([]);
    expect(jane).toMatchObject({
      id: SEED_IDS.main.customers.jane,
      phone: '+1 650-123-4569',
      address_count: 3,
      store_credit_amounts: [{ amount: 25 }],
    });
    expect(jane!.notes).not.toBe('');
    const group = await main.get<Json>(`/v2/customer_groups/${jane!.customer_group_id}`);
    expect(group.body.name).toBe('VIP');
  });

  it('has 13 orders: 9 on her account (one billed to another email) and 4 guest orders found by email', async () => {
    const byAccount = await orders(main, `customer_id=${SEED_IDS.main.customers.jane}`);
    const byEmail = await orders(main, 'email=jane.cooper@example.com');
    expect(byAccount).toHaveLength(9);
    expect(byAccount.filter((o) => o.billing_address.email === 'janie.c@work.example')).toHaveLength(1);
    const guests = byEmail.filter((o) => o.customer_id === 0);
    expect(guests).toHaveLength(4);
    const merged = new Map([...byAccount, ...byEmail].map((o) => [o.id, o]));
    expect(merged.size).toBe(13);
  });

  it(
    'among her 10 newest: 6 shipped (one partially), both tracking kinds, one custom line, one ' +
      'authorized and one captured awaiting fulfilment',
    async () => {
      const byAccount = await orders(main, `customer_id=${SEED_IDS.main.customers.jane}`);
      const byEmail = await orders(main, 'email=jane.cooper@example.com');
      const newest = [...new Map([...byAccount, ...byEmail].map((o) => [o.id, o])).values()]
        .sort((a, b) => Date.parse(b.date_created) - Date.parse(a.date_created))
        .slice(0, 10);
      const shipped = newest.filter((o) => o.items_shipped > 0);
      expect(shipped).toHaveLength(6);
      expect(shipped.filter((o) => o.items_shipped < o.items_total)).toHaveLength(1);

      const shipments = (
        await Promise.all(shipped.map((o) => main.get<Json[]>(`/v2/orders/${o.id}/shipments`)))
      ).flatMap((r) => r.body);
      expect(shipments.some((s) => s.tracking_link !== '' && s.generated_tracking_link === '')).toBe(true);
      expect(shipments.some((s) => s.tracking_link === '' && s.generated_tracking_link !== '')).toBe(true);

      const lines = (await Promise.all(newest.map((o) => main.get<Json[]>(`/v2/orders/${o.id}/products`)))).flatMap(
        (r) => r.body,
      );
      expect(lines.filter((p) => p.product_id === 0)).toHaveLength(1);

      const authorized = newest.filter((o) => o.payment_status === 'authorized');
      expect(authorized).toHaveLength(1);
      expect(authorized[0]!.id).toBe(SEED_IDS.main.orders.janeAuthorized);
      expect([5, 4, 2, 10].includes(authorized[0]!.status_id)).toBe(false);
      const capturedAwaiting = newest.filter((o) => o.payment_status === 'captured' && o.status_id === 11);
      expect(capturedAwaiting.map((o) => o.id)).toEqual([SEED_IDS.main.orders.janeCapturedAwaiting]);
    },
  );
});

describe('the other personas', () => {
  it('Gary Guest: no customer record, 3 guest orders', async () => {
    expect(await customersByEmail(main, 'gary.guest@example.net')).toEqual([]);
    const found = await orders(main, 'email=gary.guest@example.net');
    expect(found.map((o) => o.customer_id)).toEqual([0, 0, 0]);
  });

  it('Priya Patel: found by the stored phone "4155550142" only, 2 orders', async () => {
    const reply = await main.get<Json>('/v3/customers?phone:in=4155550142');
    expect(reply.body.data.map((c: Json) => c.email)).toEqual(['priya.patel@example.org']);
    expect(await orders(main, `customer_id=${reply.body.data[0].id}`)).toHaveLength(2);
  });

  it('Nora Nobody and the decoys: nothing in any store', async () => {
    for (const client of [main, europe]) {
      for (const email of [...personas.notFound.emails, DECOYS.agentEmail, ...DECOYS.timelineEmails]) {
        expect(await customersByEmail(client, email)).toEqual([]);
        expect(await orders(client, `email=${encodeURIComponent(email)}`)).toEqual([]);
      }
    }
    const all = (await main.get<Json>('/v3/customers?limit=250')).body.data as Json[];
    const digits = (s: string) => s.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    for (const phone of ['+44 20 7946 0958', '312 555 0177', '(999) 555-0123']) {
      expect(all.some((c) => digits(c.phone) === digits(phone))).toBe(false);
    }
  });

  it('Sam Lee: a customer in both stores, 3 USD orders in main and 2 EUR orders in europe', async () => {
    const [mainSam] = await customersByEmail(main, 'sam.lee@example.com');
    const [euSam] = await customersByEmail(europe, 'sam.lee@example.com');
    const mainOrders = await orders(main, `customer_id=${mainSam!.id}`);
    const euOrders = await orders(europe, `customer_id=${euSam!.id}`);
    expect(mainOrders.map((o) => o.currency_code)).toEqual(['USD', 'USD', 'USD']);
    expect(euOrders.map((o) => o.currency_code)).toEqual(['EUR', 'EUR']);
  });

  it('Alex and Alexis Morgan share a phone in two formats, 1 order each', async () => {
    const alex = (await main.get<Json>('/v3/customers?phone:in=212-555-0199')).body.data;
    const alexis = (await main.get<Json>(`/v3/customers?phone:in=${encodeURIComponent('(212) 555-0199')}`)).body.data;
    expect(alex.map((c: Json) => c.first_name)).toEqual(['Alex']);
    expect(alexis.map((c: Json) => c.first_name)).toEqual(['Alexis']);
    expect(await orders(main, `customer_id=${alex[0].id}`)).toHaveLength(1);
    expect(await orders(main, `customer_id=${alexis[0].id}`)).toHaveLength(1);
  });

  it('Chris Rivera: only the second email is a customer (phone "303-555-0123"), 1 order', async () => {
    expect(await customersByEmail(main, 'chris.rivera@example.com')).toEqual([]);
    const [chris] = await customersByEmail(main, 'c.rivera@personal.example');
    expect(chris!.phone).toBe('303-555-0123');
    expect(await orders(main, `customer_id=${chris!.id}`)).toHaveLength(1);
  });

  it('Dana Whitfield: phone "+1 773 555 0100" (not Gladly\'s), 2 orders', async () => {
    const [dana] = await customersByEmail(main, 'dana.whitfield@example.com');
    expect(dana!.phone).toBe('+1 773 555 0100');
    expect(await orders(main, `customer_id=${dana!.id}`)).toHaveLength(2);
  });
});

describe('seed breadth', () => {
  it('holds at least 30 customers and 150 orders over every status and several currencies', async () => {
    const mainCustomers = (await main.get<Json>('/v3/customers?limit=1')).body.meta.pagination.total;
    const euCustomers = (await europe.get<Json>('/v3/customers?limit=1')).body.meta.pagination.total;
    expect(mainCustomers + euCustomers).toBeGreaterThanOrEqual(30);
    const all = [
      ...(await orders(main, 'sort=id:asc')),
      ...(await orders(main, 'status_id=0')),
      ...(await orders(europe, 'sort=id:asc')),
      ...(await orders(europe, 'status_id=0')),
    ];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((o) => o.status_id)).size).toBe(15);
    expect(new Set(all.map((o) => o.currency_code)).size).toBeGreaterThanOrEqual(3);
  });

  it('has customers with 0, 1, 10 and more than 10 orders', async () => {
    const counts = new Map<number, number>();
    for (const o of await orders(main, 'sort=id:asc')) counts.set(o.customer_id, (counts.get(o.customer_id) ?? 0) + 1);
    for (const o of await orders(main, 'status_id=0')) counts.set(o.customer_id, (counts.get(o.customer_id) ?? 0) + 1);
    const customers = (await main.get<Json>('/v3/customers?limit=250')).body.data as Json[];
    const perCustomer = customers.map((c) => counts.get(c.id) ?? 0);
    expect(perCustomer).toContain(0);
    expect(perCustomer).toContain(1);
    expect(perCustomer).toContain(10);
    expect(perCustomer.some((n) => n > 10)).toBe(true);
  });
});
