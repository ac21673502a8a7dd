/**
 * Two team services on one database behave as one: a colleague's repeat lookup comes from the
 * shared cache; the same refund confirmed through both (one actionId, or two at once) happens
 * once in the store; an unlink through one stops auto-linking through the other.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../sandbox/bigcommerce/seed';
import type { SandboxHandle } from '../../sandbox/server';
import {
  BACKENDS,
  createTestDatabase,
  jane,
  mainStoreInput,
  startReplicas,
  startTestSandbox,
  teamClient,
  type ServiceProcess,
  type TestDatabase,
} from './harness';

const ORDERS = SEED_IDS.main.orders;
const isRefundPost = (e: { method: string; path: string; status: number }) =>
  e.method === 'POST' && /^\/v3\/orders\/\d+\/payment_actions\/refunds$/.test(e.path);

describe.each(BACKENDS)('two team services on one database (%s)', (backend) => {
  let sandbox: SandboxHandle;
  let database: TestDatabase;
  let processes: ServiceProcess[];
  let ann: [ReturnType<typeof teamClient>, ReturnType<typeof teamClient>];
  let bo: [ReturnType<typeof teamClient>, ReturnType<typeof teamClient>];
  let admin: ReturnType<typeof teamClient>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    database = await createTestDatabase(backend);
    const started = await startReplicas(database);
    processes = started.processes;
    expect(started.adminKey).toMatch(/^tsk_/);
    admin = teamClient(started.urls[0], started.adminKey!);
    expect((await admin.json('PUT', '/v1/admin/stores/main', mainStoreInput(sandbox))).status).toBe(200);
    const annKey = (await admin.json('POST', '/v1/admin/keys', { name: 'Ann Agent', role: 'agent' })).body.key;
    const boKey = (await admin.json('POST', '/v1/admin/keys', { name: 'Bo Agent', role: 'agent' })).body.key;
    ann = [
      teamClient(started.urls[0], annKey, 'ann@cooperco.example'),
      teamClient(started.urls[1], annKey, 'ann@cooperco.example'),
    ];
    bo = [
      teamClient(started.urls[0], boKey, 'bo@cooperco.example'),
      teamClient(started.urls[1], boKey, 'bo@cooperco.example'),
    ];
  }, 180_000);

  afterAll(async () => {
    for (const p of processes ?? []) await p.stop();
    await database?.drop();
    await sandbox?.close();
  });

  beforeEach(() => {
    sandbox.control.configure({ latencyMs: 0, jitterMs: 0 });
    sandbox.control.clearLog();
  });

  const lookupJane = (client: ReturnType<typeof teamClient>, requestId: string, refresh = false) =>
    client.message({
      type: 'lookup',
      requestId,
      query: { kind: 'identity', identity: jane },
      ...(refresh ? { refresh: true } : {}),
    });
  const last = (lines: any[]) => lines.filter((l) => l.type === 'lookup/update').at(-1);

  it("answers a colleague's repeat lookup through the other service from the shared cache, with 0 store requests", async () => {
    const first = await lookupJane(ann[0], 'ann-1');
    expect(first.status).toBe(200);
    expect(last(first.lines)).toMatchObject({ type: 'lookup/update', requestId: 'ann-1', done: true });
    expect(last(first.lines).stores[0]).toMatchObject({ status: 'linked', customer: { name: 'Jane Cooper' } });
    // Every line is in the order the background posts them to the sidebar: updates, then the reply.
    expect(first.lines.at(-1)).toEqual({ type: 'reply', requestId: 'ann-1', ok: true, data: null });
    expect(sandbox.control.log().filter((e) => e.service === 'bigcommerce').length).toBeGreaterThan(0);

    sandbox.control.clearLog();
    const repeat = await lookupJane(bo[1], 'bo-1');
    expect(last(repeat.lines)).toMatchObject({ requestId: 'bo-1', done: true, stats: { fromCache: true } });
    expect(last(repeat.lines).stores[0]).toMatchObject({ status: 'linked', customer: { name: 'Jane Cooper' } });
    expect(sandbox.control.log().filter((e) => e.service === 'bigcommerce')).toEqual([]);
  });

  it('shares one set of store requests between concurrent lookups of one identity in a service', async () => {
    const query = { kind: 'manual', attribute: 'email', value: 'gary.guest@example.net' };
    sandbox.control.configure({ latencyMs: 150 });
    const [a, b] = await Promise.all([
      ann[0].message({ type: 'lookup', requestId: 'g-a', query }),
      bo[0].message({ type: 'lookup', requestId: 'g-b', query }),
    ]);
    expect(last(a.lines)).toMatchObject({ requestId: 'g-a', done: true });
    expect(last(b.lines)).toMatchObject({ requestId: 'g-b', done: true });
    expect(last(b.lines).stores).toEqual(last(a.lines).stores);
    // Without sharing, each asker would search the store's customers itself.
    const searches = sandbox.control.log().filter((e) => e.path === '/v3/customers');
    expect(searches).toHaveLength(1);
  });

  async function quoteCustom(client: ReturnType<typeof teamClient>, orderId: number, amount: string) {
    const selection = { lines: [], shipping: [], customAmount: amount };
    const quote = await client.message({
      type: 'actions/refund-quote',
      requestId: 'q1',
      connectionId: 'main',
      orderId: String(orderId),
      selection,
    });
    expect(quote.lines[0]).toMatchObject({ type: 'reply', ok: true });
    const { quote: q } = quote.lines[0].data;
    const method = q.refundMethods.find((m: any[]) => m.every((p) => p.providerId === 'custom')) ?? q.refundMethods[0];
    return { selection, payments: method, expectedTotal: q.totalRefundAmount };
  }

  it('sends one refund when the same actionId is confirmed through both services at once', async () => {
    const orderId = ORDERS.janeCapturedAwaiting;
    const refund = {
      type: 'actions/refund',
      requestId: 'r1',
      connectionId: 'main',
      orderId: String(orderId),
      actionId: 'same-refund-0001',
      ...(await quoteCustom(ann[0], orderId, '5.00')),
    };
    sandbox.control.clearLog();
    sandbox.control.configure({ latencyMs: 150 });
    const [one, two] = await Promise.all([ann[0].message(refund), ann[1].message(refund)]);
    expect(sandbox.control.log().filter(isRefundPost)).toHaveLength(1);
    // Both get the one answer: the same refund.
    expect(one.lines[0]).toMatchObject({ ok: true, data: { total: '5.00' } });
    expect(two.lines[0]).toMatchObject({ ok: true, data: { refundId: one.lines[0].data.refundId } });
    // Sent again later (a retry): the first answer again, nothing sent.
    const again = await ann[1].message(refund);
    expect(again.lines[0].data.refundId).toBe(one.lines[0].data.refundId);
    expect(sandbox.control.log().filter(isRefundPost)).toHaveLength(1);
  });

  it('sends one refund when two agents confirm the same order through the two services at once', async () => {
    const orderId = ORDERS.garyNewest;
    const plan = await quoteCustom(ann[0], orderId, '3.00');
    sandbox.control.clearLog();
    sandbox.control.configure({ latencyMs: 150 });
    const [a, b] = await Promise.all([
      ann[0].message({
        type: 'actions/refund',
        requestId: 'ra',
        connectionId: 'main',
        orderId: String(orderId),
        actionId: 'ann-refund-0001',
        ...plan,
      }),
      bo[1].message({
        type: 'actions/refund',
        requestId: 'rb',
        connectionId: 'main',
        orderId: String(orderId),
        actionId: 'bo-refund-00001',
        ...plan,
      }),
    ]);
    expect(sandbox.control.log().filter(isRefundPost)).toHaveLength(1);
    const replies = [a.lines[0], b.lines[0]];
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect(replies.find((r) => !r.ok).error).toMatchObject({ kind: 'busy' });

    // The audit has it once, with the key's name as the agent and the page's report beside it.
    const audit = await admin.json('GET', '/v1/admin/audit');
    const refunds = audit.body.entries.filter(
      (e: any) => e.orderId === String(orderId) && e.action === 'refund' && e.result === 'succeeded',
    );
    expect(refunds).toHaveLength(1);
    const who = replies[0].ok ? ['Ann Agent', 'ann@cooperco.example'] : ['Bo Agent', 'bo@cooperco.example'];
    expect(refunds[0]).toMatchObject({ agent: who[0], keyName: who[0], reportedAgent: who[1], amount: '3.00' });
  });

  it("keeps both services together within the store's quota: many lookups, no 429 from the store", async () => {
    sandbox.control.configure({ quota: 40, windowMs: 3000 });
    // One small request teaches the shared governor this quota (a real store's does not change).
    await ann[0].message({
      type: 'lookup',
      requestId: 'warm',
      query: { kind: 'manual', attribute: 'email', value: 'nobody@example.com' },
    });
    sandbox.control.clearLog();
    // Three waves of one lookup through each service (within a service the same query would be shared).
    const results = [];
    for (let wave = 0; wave < 3; wave += 1) {
      results.push(
        ...(await Promise.all([lookupJane(ann[0], `quota-a${wave}`, true), lookupJane(bo[1], `quota-b${wave}`, true)])),
      );
    }
    for (const result of results) expect(last(result.lines).stores[0].error ?? null).toBeNull();
    const sent = sandbox.control.log().filter((e) => e.service === 'bigcommerce');
    // More than one window's worth was needed, and none of it was refused.
    expect(sent.length).toBeGreaterThan(40);
    expect(sent.filter((e) => e.status === 429)).toEqual([]);
    sandbox.control.configure({ quota: 150, windowMs: 30_000 });
  });

  it('keeps an unlink team-wide: a lookup through the other service does not auto-link again', async () => {
    const before = await lookupJane(ann[0], 'ann-l1');
    expect(last(before.lines).stores[0]).toMatchObject({ status: 'linked' });
    const unlinked = await bo[1].message({ type: 'unlink', requestId: 'u1', identity: jane, connectionId: 'main' });
    expect(unlinked.lines[0]).toMatchObject({ ok: true, data: { customerId: expect.any(String) } });

    for (const [client, id, refresh] of [
      [ann[0], 'ann-l2', false],
      [ann[0], 'ann-l3', true],
      [bo[0], 'bo-l1', true],
    ] as const) {
      const after = await lookupJane(client, id, refresh);
      expect(last(after.lines).stores[0]).toMatchObject({
        status: 'candidates',
        candidateReason: expect.stringContaining('unlinked before'),
      });
    }
  });
});
