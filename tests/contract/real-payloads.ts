import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { realPayloadDir } from './shared-dir';

// Which request produced each recorded body (see the folder's SOURCE.txt), so it can be
// validated against that request's operation.

export interface RealPayload {
  file: string;
  method: string;
  url: string;
  status: number;
}

export const REAL_PAYLOADS: readonly RealPayload[] = [
  { file: 'v3-customers-one.json', method: 'GET', url: '/v3/customers?email:in=primary@email.com', status: 200 },
  {
    file: 'v3-customers-two-same-email.json',
    method: 'GET',
    url: '/v3/customers?email:in=primary@email.com',
    status: 200,
  },
  { file: 'v3-customers-none.json', method: 'GET', url: '/v3/customers?email:in=nobody@example.com', status: 200 },
  { file: 'v2-orders.json', method: 'GET', url: '/v2/orders?customer_id=3', status: 200 },
  { file: 'v2-order-products.json', method: 'GET', url: '/v2/orders/106/products', status: 200 },
  { file: 'v2-order-shipments.json', method: 'GET', url: '/v2/orders/106/shipments', status: 200 },
  { file: 'v3-order-transactions.json', method: 'GET', url: '/v3/orders/106/transactions', status: 200 },
];

export function readRealPayload(file: string): string {
  return readFileSync(resolve(realPayloadDir(), file), 'utf8');
}
