/**
 * Fault matrix, actions and admin: every call the actions and "Test connection" make × every
 * fault, through the real client. A write is sent exactly once whatever happens, fails with a
 * typed error in plain words, and says `sent: true` when its outcome is unknown (no answer, or
 * the connection broke). The GETs among them (refunds, coupon code, store info) may be retried
 * within bounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';
import type { ConnectionApis } from '../../../lib/core/store-ports';
import { FAULTS, maxTries, type Fault } from './faults';
import {
  FAULTY,
  Tally,
  connect,
  expectPlainInfo,
  faultedRequests,
  inProcess,
  loadProduct,
  onSocket,
  perCall,
  settledLog,
  tokensOf,
  type Transport,
} from './harness';

interface CallRow {
  endpoint: string;
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  call: (apis: ConnectionApis) => Promise<unknown>;
  /** The method reads the answer's body (a write that does not succeeds on any 2xx). */
  readsBody: boolean;
  /** A v2 list: 204 is BigCommerce's "nothing". */
  emptyIsValid?: boolean;
  /** A quote changes nothing: an unreadable answer to it is only unreadable. */
  changesNothing?: boolean;
}

const ORDER = String(SEED_IDS.main.orders.janeCapturedAwaiting);
const ONE_DOLLAR = [{ itemType: 'ORDER' as const, itemId: Number(ORDER), amount: '1.00' }];

const ROWS: CallRow[] = [
  {
    endpoint: 'PUT order status',
    method: 'PUT',
    path: '^/v2/orders/\\d+$',
    call: (a) => a.actions.setOrderStatus(ORDER, 5),
    readsBody: true,
  },
  {
    endpoint: 'PUT staff notes',
    method: 'PUT',
    path: '^/v2/orders/\\d+$',
    call: (a) => a.actions.setStaffNotes(ORDER, 'Called the customer.'),
    readsBody: false,
  },
  {
    endpoint: 'POST void',
    method: 'POST',
    path: '^/v3/orders/\\d+/payment_actions/void$',
    call: (a) => a.actions.voidPayment(ORDER),
    readsBody: false,
  },
  {
    endpoint: 'POST refund quote',
    method: 'POST',
    path: '^/v3/orders/\\d+/payment_actions/refund_quotes$',
    call: (a) => a.actions.refundQuote(ORDER, ONE_DOLLAR),
    readsBody: true,
    changesNothing: true,
  },
  {
    endpoint: 'POST refund',
    method: 'POST',
    path: '^/v3/orders/\\d+/payment_actions/refunds$',
    call: (a) =>
      a.actions.createRefund(ORDER, ONE_DOLLAR, [
        { providerId: 'custom', providerDescription: 'Refund externally', amount: '1.00', offline: true },
      ]),
    readsBody: true,
  },
  {
    endpoint: 'GET refunds',
    method: 'GET',
    path: '^/v3/orders/\\d+/payment_actions/refunds$',
    call: (a) => a.actions.refunds(ORDER),
    readsBody: true,
  },
  {
    endpoint: 'GET coupons?code',
    method: 'GET',
    path: '^/v2/coupons$',
    call: (a) => a.actions.couponCodeExists('SORRY10'),
    readsBody: true,
    emptyIsValid: true,
  },
  {
    endpoint: 'POST coupon',
    method: 'POST',
    path: '^/v2/coupons$',
    call: (a) =>
      a.actions.createCoupon({
        code: 'MATRIX10',
        name: 'Fault matrix 10%',
        type: 'percentage',
        amount: '10',
        minPurchase: null,
        expires: null,
        maxUses: 1,
      }),
    readsBody: true,
  },
  { endpoint: 'GET store info', method: 'GET', path: '^/v2/store$', call: (a) => a.admin.storeInfo(), readsBody: true },
];

type Expected = { ok: true } | { ok: false; kind: string; sent?: true };

function expected(row: CallRow, fault: Fault): Expected {
  const write = row.method !== 'GET';
  // A quote changes nothing: no answer or a 5xx is a plain failure, never "outcome unknown".
  const changes = write && !row.changesNothing;
  if (fault.success2xx === 'empty' && row.emptyIsValid) return { ok: true };
  if ((fault.success2xx === 'empty' || fault.success2xx === 'wrong-shape') && !row.readsBody) return { ok: true };
  // No answer, or a broken connection, after a write left: it may have happened.
  if (changes && fault.socket) return { ok: false, kind: 'timeout', sent: true };
  if (write && fault.socket) return { ok: false, kind: fault.name === 'timeout' ? 'timeout' : 'offline' };
  // A 5xx to a write that reached the store (503 with Retry-After aside): it may have happened too.
  if (changes && fault.outcomeUnknownForWrites) return { ok: false, kind: fault.kind, sent: true };
  // A 2xx to a write whose body cannot be read: it happened, and must not be redone blindly.
  if (changes && fault.success2xx) return { ok: false, kind: fault.kind, sent: true };
  return { ok: false, kind: fault.kind };
}

let memory: Transport;
let socket: Transport;
const tally = new Tally();

beforeAll(async () => {
  memory = inProcess();
  socket = await onSocket();
});

afterAll(async () => {
  await socket?.close();
  console.info(tally.line('actions and admin'));
});

describe('without a fault, each call reaches its endpoint exactly once', () => {
  it.each(ROWS)('$endpoint', async (row) => {
    memory.control.reset();
    memory.control.clearLog();
    const product = await loadProduct();
    const apis = connect(product, memory, FAULTY, 'main');
    // The store's own rules may refuse a call (a refund beyond what is refundable): what matters
    // here is that the row's method and path are the ones the call really uses.
    await row.call(apis).catch(() => undefined);
    expect(faultedRequests(memory.control.log(), { store: FAULTY, method: row.method, path: row.path }).length).toBe(1);
  });
});

describe.each(ROWS)('$endpoint', (row) => {
  it.each(FAULTS)('$name', async (fault) => {
    const transport = fault.socket ? socket : memory;
    transport.control.reset();
    transport.control.clearLog();
    transport.control.addFault({ store: FAULTY, method: row.method, path: row.path, ...fault.spec });
    const product = await loadProduct();
    const apis = connect(product, transport, FAULTY, 'main');

    const outcome = await row.call(apis).then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const want = expected(row, fault);
    if (want.ok) {
      expect(outcome).toEqual({ ok: true });
    } else {
      expect(outcome.ok).toBe(false);
      const error = outcome.ok ? undefined : outcome.error;
      expect(error).toBeInstanceOf(product.bigcommerce.BigCommerceError);
      expect(error).toMatchObject({ kind: want.kind });
      // `sent` only where the outcome is in doubt: an error status means BigCommerce refused it.
      expect((error as { sent?: boolean }).sent === true).toBe(want.sent === true);
      expect(expectPlainInfo(product.errors.describeError(error), tokensOf(transport))).toEqual([]);
    }

    const faulted = faultedRequests(await settledLog(transport.control), {
      store: FAULTY,
      method: row.method,
      path: row.path,
    });
    const calls = perCall(faulted);
    expect(faulted.length).toBeGreaterThan(0);
    // A write is never repeated; a GET at most as often as its fault allows.
    const limit = row.method === 'GET' ? maxTries(fault) : 1;
    const over = [...calls].filter(([, n]) => n > limit);
    expect(over).toEqual([]);
    if (row.method !== 'GET') expect(faulted).toHaveLength(1);

    tally.cases += 1;
    tally.requests += faulted.length;
    tally.endpoints.add(row.endpoint);
    tally.faults.add(fault.name);
    tally.duplicates.push(...over.map(([call, n]) => `${call} ×${n}`));
  });
});
