/**
 * Fault matrix, reads: every endpoint a lookup calls × every fault, through the real client and
 * the real lookup over two stores. The faulty store ends in an error in plain words (or keeps
 * its data when only tracking, thumbnails or the group name failed); the healthy store shows
 * exactly what it shows without the fault; a GET is retried within bounds, and only when that
 * can help.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, maxTries, type Fault } from './faults';
import {
  FAULTY,
  Tally,
  expectPlainInfo,
  faultedRequests,
  inProcess,
  loadProduct,
  onSocket,
  perCall,
  requestsEnded,
  settledLog,
  tokensOf,
  type Transport,
} from './harness';
import { READ_ROWS, runRow, summary, type LookupRun, type ReadRow } from './lookups';

let memory: Transport;
let socket: Transport;
const baselines = new Map<string, LookupRun>();
const tally = new Tally();

beforeAll(async () => {
  memory = inProcess();
  socket = await onSocket();
  const product = await loadProduct();
  for (const row of READ_ROWS) {
    memory.control.reset();
    baselines.set(row.endpoint, await runRow(product, memory, row));
  }
});

afterAll(async () => {
  await socket?.close();
  console.info(tally.line('lookups'));
});

describe('the scenarios reach what they test when nothing fails', () => {
  it.each(READ_ROWS)('$endpoint', (row) => {
    const [main, europe] = baselines.get(row.endpoint)!.stores;
    expect(main?.status).not.toBe('error');
    expect(europe?.status).not.toBe('error');
    if (row.query.kind === 'identity') {
      // The healthy store always has a customer and orders to keep showing.
      expect(europe?.status).toBe('linked');
      expect(europe?.orders?.length).toBeGreaterThan(0);
    }
    if (row.role === 'tracking') expect(main?.orders?.some((o) => (o.fulfillments ?? []).length > 0)).toBe(true);
    if (row.role === 'images') expect(main?.orders?.some((o) => o.lineItems.some((l) => l.image))).toBe(true);
    if (row.role === 'group') expect(main?.customer?.customerGroupName).toBeTruthy();
  });
});

function expectFaultyStore(row: ReadRow, fault: Fault, run: LookupRun, baseline: LookupRun, tokens: string[]): void {
  const main = run.stores[0]!;
  const before = baseline.stores[0]!;
  const empty = fault.success2xx === 'empty';

  if (row.role === 'required') {
    if (empty && row.emptyIsValid) {
      // BigCommerce's own "no orders": the customer is still shown, with no orders.
      expect(main.status).toBe(before.status);
      expect(main.error).toBeUndefined();
      expect(main.orders ?? []).toEqual([]);
      return;
    }
    if (fault.name === '404' && row.notFoundIsAbsent) {
      expect(main.status).toBe('not-found');
      expect(main.error).toBeUndefined();
      return;
    }
    expect(main.status).toBe('error');
    expect(main.complete).toBe(true);
    expect(main.error?.kind).toBe(fault.kind);
    expect(expectPlainInfo(main.error, tokens)).toEqual([]);
    return;
  }

  // Optional calls: the store keeps its customer and orders.
  expect(summary(main)).toEqual(summary(before));
  if (row.role === 'tracking') {
    for (const order of main.orders ?? []) {
      expect(order.fulfillments).toEqual([]);
      expect(order.firstTrackingNumber).toBeNull();
    }
    if (empty && row.emptyIsValid) {
      expect(main.error).toBeUndefined();
    } else {
      // Said beside the data (with Retry), so a missing tracking number is not read as "none".
      expect(main.error?.kind).toBe(fault.kind);
      expect(main.error?.message).toMatch(/^Tracking could not be loaded/);
      expect(expectPlainInfo(main.error, tokens)).toEqual([]);
    }
  }
  if (row.role === 'images') {
    expect(main.error).toBeUndefined();
    expect((main.orders ?? []).flatMap((o) => o.lineItems.map((l) => l.image)).every((image) => image === null)).toBe(
      true,
    );
  }
  if (row.role === 'group') {
    expect(main.error).toBeUndefined();
    expect(main.customer?.customerGroupName).toBeNull();
  }
}

describe.each(READ_ROWS)('lookup when $endpoint fails', (row) => {
  it.each(FAULTS)('$name', async (fault) => {
    const transport = fault.socket ? socket : memory;
    transport.control.reset();
    transport.control.clearLog();
    transport.control.addFault({ store: FAULTY, method: 'GET', path: row.path, ...fault.spec });
    const product = await loadProduct();

    const run = await runRow(product, transport, row);
    await requestsEnded();
    const baseline = baselines.get(row.endpoint)!;
    const tokens = tokensOf(transport);

    expect(run.done).toBe(true);
    expect(run.stores.every((s) => s.status !== 'loading')).toBe(true);
    expectFaultyStore(row, fault, run, baseline, tokens);

    // The healthy store shows exactly what it shows without the fault.
    expect(run.stores[1]!.error).toBeUndefined();
    expect(summary(run.stores[1])).toEqual(summary(baseline.stores[1]));

    // The fault was met, and each call was sent no more often than its kind allows.
    const faulted = faultedRequests(await settledLog(transport.control), {
      store: FAULTY,
      method: 'GET',
      path: row.path,
    });
    expect(faulted.length).toBeGreaterThan(0);
    const limit = maxTries(fault);
    const over = [...perCall(faulted)].filter(([, n]) => n > limit);
    expect(over).toEqual([]);
    if (fault.retryable) expect(Math.max(...perCall(faulted).values())).toBeGreaterThan(1);

    tally.cases += 1;
    tally.requests += faulted.length;
    tally.endpoints.add(row.endpoint);
    tally.faults.add(fault.name);
    tally.duplicates.push(...over.map(([call, n]) => `${call} ×${n}`));
  });
});
