/**
 * The baseline: a profile view fetched the way Gladly's own BigCommerce app does it
 * (/work/shared/gladly-notes.md, last section): the customer by primary email only, then that
 * customer's orders by customer id, then for every order one request for its products, one for
 * its shipments and one for its transactions. Each step's requests are sent in parallel — the
 * most generous reading of that app — and a step starts when the previous one has answered.
 */
import { z } from 'zod';

export type FetchLike = (
  url: string,
  init: { headers: Record<string, string> },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface BaselineStore {
  /** `${baseUrl}/stores/${hash}` */
  apiBase: string;
  accessToken: string;
}

export interface BaselineOutcome {
  requests: number;
  /** Steps that had to wait for the previous one (what the client saw; the log is the referee). */
  steps: number;
  customerFound: boolean;
  ordersFound: number;
  failures: number;
}

const CustomersSchema = z.object({ data: z.array(z.object({ id: z.number() }).passthrough()) }).passthrough();
const OrdersSchema = z.array(z.object({ id: z.number() }).passthrough());

/** The per-order paths of the last step (what "one request each" means). */
export function perOrderPaths(orderId: number): string[] {
  return [`/v2/orders/${orderId}/products`, `/v2/orders/${orderId}/shipments`, `/v3/orders/${orderId}/transactions`];
}

/** One baseline profile view in one store; `email` is the profile's primary email (none: nothing to look up). */
export async function runBaseline(
  fetchImpl: FetchLike,
  store: BaselineStore,
  email: string | undefined,
  orderLimit = 10,
): Promise<BaselineOutcome> {
  const outcome: BaselineOutcome = { requests: 0, steps: 0, customerFound: false, ordersFound: 0, failures: 0 };
  if (!email) return outcome; // phone-only profiles are never looked up by that app
  const get = async (path: string): Promise<unknown> => {
    outcome.requests++;
    const response = await fetchImpl(`${store.apiBase}${path}`, {
      headers: { 'X-Auth-Token': store.accessToken, Accept: 'application/json' },
    });
    const text = await response.text();
    if (response.status === 204) return [];
    if (response.status >= 400) {
      outcome.failures++;
      return null;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      outcome.failures++;
      return null;
    }
  };

  outcome.steps++;
  const customers = CustomersSchema.safeParse(await get(`/v3/customers?email:in=${encodeURIComponent(email)}`));
  const customer = customers.success ? customers.data.data[0] : undefined;
  if (!customer) return outcome;
  outcome.customerFound = true;

  outcome.steps++;
  const orders = OrdersSchema.safeParse(
    await get(`/v2/orders?customer_id=${customer.id}&sort=date_created:desc&limit=${orderLimit}`),
  );
  const ids = orders.success ? orders.data.map((o) => o.id) : [];
  outcome.ordersFound = ids.length;
  if (ids.length === 0) return outcome;

  outcome.steps++;
  await Promise.all(ids.flatMap(perOrderPaths).map((path) => get(path)));
  return outcome;
}
