/**
 * Access to the team service: keys, roles, revocation, the per-key rate limit, CORS, and the
 * store token never leaving the service (not in a reply, the audit, or its own output).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '../../sandbox/server';
import {
  BACKENDS,
  createTestDatabase,
  jane,
  mainStoreInput,
  startService,
  startTestSandbox,
  teamClient,
  type ServiceProcess,
  type TestDatabase,
} from './harness';

const REVOKED = 'This access key was revoked. Ask your admin for a new one.';

describe.each(BACKENDS)('team service access (%s)', (backend) => {
  let sandbox: SandboxHandle;
  let database: TestDatabase;
  let service: ServiceProcess;
  let admin: ReturnType<typeof teamClient>;
  let token: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    database = await createTestDatabase(backend);
    // A burst of 30 per key, refilled slowly (2/s), so a flood is refused however slow the machine.
    service = await startService(database, ['--rate-limit', '30/2']);
    expect(service.info.adminKey).toMatch(/^tsk_/);
    admin = teamClient(service.info.url, service.info.adminKey!);
    token = sandbox.info.bigcommerce.stores[0]!.accessToken;
    const saved = await admin.json('PUT', '/v1/admin/stores/main', mainStoreInput(sandbox));
    expect(saved.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    await database?.drop();
    await sandbox?.close();
  });

  it('says who the key belongs to, and which stores it may use with which action switches', async () => {
    const me = await admin.json('GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      role: 'admin',
      name: 'first admin',
      stores: [
        {
          id: 'main',
          name: 'Main',
          enabled: true,
          actions: { enabled: true, cancel: true, refund: true, partialRefund: true, discount: true },
        },
      ],
    });
    expect(service.info.database).toMatch(backend === 'pglite' ? /^pglite:\// : /^postgres$/);
  });

  it('refuses a missing or unknown key with 401 auth, and a revoked key at once with the contract message', async () => {
    const none = await fetch(`${service.info.url}/v1/me`);
    expect(none.status).toBe(401);
    expect((await none.json()).error.kind).toBe('auth');
    const unknown = await teamClient(service.info.url, 'tsk_not-a-key').json('GET', '/v1/me');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.kind).toBe('auth');

    const issued = await admin.json('POST', '/v1/admin/keys', { name: 'Ann Agent', role: 'agent' });
    expect(issued.status).toBe(201);
    const ann = teamClient(service.info.url, issued.body.key);
    const lookup = {
      type: 'lookup',
      requestId: 'r-ann-1',
      query: { kind: 'manual', attribute: 'email', value: 'gary.guest@example.net' },
    };
    expect((await ann.message(lookup)).status).toBe(200);

    expect((await admin.json('DELETE', `/v1/admin/keys/${issued.body.id}`)).status).toBe(200);
    const refused = await ann.message({ ...lookup, requestId: 'r-ann-2' });
    expect(refused.status).toBe(401);
    expect(refused.lines[0]).toEqual({ error: { kind: 'auth', message: REVOKED } });
    const listed = await admin.json('GET', '/v1/admin/keys');
    expect(listed.body.keys.find((k: any) => k.id === issued.body.id)).toMatchObject({
      name: 'Ann Agent',
      role: 'agent',
      revokedAt: expect.any(String),
    });
    // Keys are listed, never shown again.
    expect(listed.text).not.toContain(issued.body.key);
  });

  it('refuses an agent key on every admin route and for the audit with 403, and a malformed body with 400', async () => {
    const issued = await admin.json('POST', '/v1/admin/keys', { name: 'Bo Agent', role: 'agent' });
    const bo = teamClient(service.info.url, issued.body.key);
    for (const [method, path] of [
      ['GET', '/v1/admin/stores'],
      ['PUT', '/v1/admin/stores/main'],
      ['DELETE', '/v1/admin/stores/main'],
      ['GET', '/v1/admin/keys'],
      ['POST', '/v1/admin/keys'],
      ['GET', '/v1/admin/audit'],
    ] as const) {
      const reply = await bo.json(
        method,
        path,
        method === 'GET' || method === 'DELETE' ? undefined : { name: 'x', role: 'admin' },
      );
      expect([path, reply.status, reply.body?.error?.kind]).toEqual([path, 403, 'forbidden-sender']);
    }
    const auditList = await bo.message({ type: 'audit/list', requestId: 'a1' });
    expect(auditList.status).toBe(403);
    // The store is still there: the refused DELETE did nothing.
    expect((await admin.json('GET', '/v1/admin/stores')).body.stores).toHaveLength(1);

    const bad = await bo.message({
      type: 'lookup',
      requestId: 'r1',
      query: { kind: 'manual', attribute: 'shoe-size', value: '9' },
    });
    expect(bad.status).toBe(400);
    expect(bad.lines[0].error.kind).toBe('bad-message');
    const huge = await bo.message({
      type: 'lookup',
      requestId: 'r3',
      query: { kind: 'manual', attribute: 'email', value: 'x'.repeat(300_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.lines[0].error.kind).toBe('bad-message');
    const unknownType = await bo.message({ type: 'settings/get', requestId: 'r2' });
    expect(unknownType.status).toBe(400);
  });

  it('refuses a money action the admin switched off with 403, and allows it again when switched on', async () => {
    const issued = await admin.json('POST', '/v1/admin/keys', { name: 'Cy Agent', role: 'agent' });
    const cy = teamClient(service.info.url, issued.body.key);
    const cancel = {
      type: 'actions/cancel',
      requestId: 'c1',
      connectionId: 'main',
      orderId: '999999',
      actionId: 'cancel-off-0001',
    };
    await admin.json('PUT', '/v1/admin/stores/main', {
      ...mainStoreInput(sandbox, {
        actions: { enabled: true, cancel: false, refund: true, partialRefund: true, discount: true },
      }),
      accessToken: undefined,
    });
    const refused = await cy.message(cancel);
    expect(refused.status).toBe(403);
    expect(refused.lines[0].error).toMatchObject({
      kind: 'forbidden-sender',
      message: expect.stringContaining('turned off'),
    });
    // Cancel & refund needs the cancel AND the refund switch.
    const cancelRefund = {
      ...cancel,
      type: 'actions/cancel-refund',
      actionId: 'cancel-refund-off-0001',
      payments: [{ providerId: 'braintree', providerDescription: 'Card', amount: '1.00', offline: false }],
      expectedTotal: '1.00',
    };
    expect((await cy.message(cancelRefund)).status).toBe(403);
    await admin.json('PUT', '/v1/admin/stores/main', {
      ...mainStoreInput(sandbox, {
        actions: { enabled: true, cancel: true, refund: false, partialRefund: true, discount: true },
      }),
      accessToken: undefined,
    });
    expect((await cy.message({ ...cancelRefund, actionId: 'cancel-refund-off-0002' })).status).toBe(403);
    await admin.json('PUT', '/v1/admin/stores/main', { ...mainStoreInput(sandbox), accessToken: undefined });
    const allowedBoth = await cy.message({ ...cancelRefund, actionId: 'cancel-refund-on-0001' });
    expect(allowedBoth.status).toBe(200);
    const allowed = await cy.message({ ...cancel, actionId: 'cancel-on-0001' });
    expect(allowed.status).toBe(200);
    // The order does not exist: the handler ran and answered in the reply envelope.
    expect(allowed.lines).toEqual([
      { type: 'reply', requestId: 'c1', ok: false, error: expect.objectContaining({ kind: 'not-found' }) },
    ]);
  });

  it('limits each key to its burst, with 429 rate-limited, without slowing another key', async () => {
    const issued = await admin.json('POST', '/v1/admin/keys', { name: 'Flood', role: 'agent' });
    const flood = teamClient(service.info.url, issued.body.key);
    const started = Date.now();
    const replies = await Promise.all(Array.from({ length: 60 }, () => flood.json('GET', '/v1/me')));
    const seconds = (Date.now() - started) / 1000;
    const limited = replies.filter((r) => r.status === 429);
    const served = replies.filter((r) => r.status === 200).length;
    expect(served).toBeGreaterThanOrEqual(30);
    expect(served).toBeLessThanOrEqual(30 + Math.ceil(2 * seconds));
    expect(limited.length).toBe(60 - served);
    expect(limited[0]!.body.error).toEqual({
      kind: 'rate-limited',
      message: expect.stringContaining('Too many requests'),
    });
    expect((await admin.json('GET', '/v1/me')).status).toBe(200);
  });

  it('answers CORS only for extension origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${service.info.url}/v1/messages`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type,x-gladly-agent',
        },
      });
    const extension = await preflight('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    expect(extension.headers.get('access-control-allow-origin')).toBe(
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    );
    expect(extension.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-gladly-agent');
    const page = await preflight('https://evil.example');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never lets the store token out: not in replies, the audit, its CSV or the service output', async () => {
    const stores = await admin.json('GET', '/v1/admin/stores');
    expect(stores.body.stores[0]).toMatchObject({ id: 'main', hasToken: true, tokenHint: token.slice(-4) });
    const texts = [stores.text];
    texts.push((await admin.json('POST', '/v1/admin/stores/main/test')).text);
    texts.push(
      (await admin.message({ type: 'lookup', requestId: 'r-token', query: { kind: 'identity', identity: jane } })).text,
    );
    // A write through the actions service: audited, with the store token in its request header.
    texts.push(
      (
        await admin.message({
          type: 'actions/cancel',
          requestId: 'c9',
          connectionId: 'main',
          orderId: '999998',
          actionId: 'token-check-0001',
        })
      ).text,
    );
    texts.push((await admin.json('GET', '/v1/admin/audit')).text);
    texts.push(
      await fetch(`${service.info.url}/v1/admin/audit?format=csv`, {
        headers: { Authorization: `Bearer ${service.info.adminKey}` },
      }).then((r) => r.text()),
    );
    const all = texts.join('\n');
    expect(all).toContain('Jane Cooper');
    expect(all).toContain('999998');
    expect(all).not.toContain(token);
    expect(service.output()).not.toContain(token);
    if (database.sql) {
      // At rest the token is sealed, never the plain text.
      const [row] = await database.sql`SELECT sealed_token FROM stores WHERE id = 'main'`;
      expect(row!.sealed_token).toMatch(/^v1\./);
      expect(JSON.stringify(await database.sql`SELECT * FROM stores`)).not.toContain(token);
    }
  });
});
