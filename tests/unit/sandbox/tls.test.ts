/**
 * `startSandbox({ tls: true })`: the BigCommerce stand-in over HTTPS with HTTP/2 (as
 * api.bigcommerce.com), HTTP/1.1 still accepted on the same port, a self-signed certificate made
 * at start-up, and the faults that cut a connection working per request over HTTP/2.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { connect, type ClientHttp2Session } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';

interface Answer {
  status: number;
  body: string;
}

let handle: SandboxHandle | undefined;
let session: ClientHttp2Session | undefined;
afterEach(async () => {
  session?.destroy();
  session = undefined;
  await handle?.close();
  handle = undefined;
});

/** One GET over an HTTP/2 session; a reset stream resolves as `{ error }`. */
function h2Get(client: ClientHttp2Session, path: string, token: string): Promise<Answer | { error: string }> {
  return new Promise((resolve) => {
    const stream = client.request({ ':path': path, 'x-auth-token': token, accept: 'application/json' });
    let status = 0;
    let body = '';
    stream.setEncoding('utf8');
    stream.on('response', (headers) => {
      status = Number(headers[':status']);
    });
    stream.on('data', (chunk: string) => {
      body += chunk;
    });
    stream.on('end', () => resolve({ status, body }));
    stream.on('error', (error: Error) => resolve({ error: error.message }));
  });
}

/** One GET over HTTPS with HTTP/1.1, trusting only the sandbox's certificate. */
function h1Get(url: string, token: string, ca: string): Promise<Answer & { httpVersion: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca, headers: { 'x-auth-token': token, accept: 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, httpVersion: res.httpVersion }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startSandbox({ tls: true })', () => {
  it('serves BigCommerce over HTTP/2 with a certificate for 127.0.0.1 and localhost, the same answers as over HTTP/1.1', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0, tls: true });
    const { info, control } = handle;
    const { baseUrl, certPem, spki } = info.bigcommerce;
    expect(baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(info.controlUrl).toBe(`${baseUrl}/__sandbox`);
    expect(info.gladly.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // the look-alike stays plain HTTP

    // The certificate: self-signed, for both loopback names, and the spki is its public key's hash.
    const cert = new X509Certificate(certPem!);
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.verify(cert.publicKey)).toBe(true); // self-signed
    expect(new Date(cert.validTo).getTime()).toBeGreaterThan(Date.now());
    const der = createPublicKey(certPem!).export({ type: 'spki', format: 'der' });
    expect(spki).toBe(createHash('sha256').update(der).digest('base64'));
    expect(
      createHash('sha256')
        .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
        .digest('base64'),
    ).toBe(spki);

    session = connect(baseUrl, { ca: certPem });
    for (const store of info.bigcommerce.stores) {
      for (const path of ['/v2/time', '/v2/store']) {
        const over2 = await h2Get(session, `/stores/${store.hash}${path}`, store.accessToken);
        const over1 = await h1Get(`${baseUrl}/stores/${store.hash}${path}`, store.accessToken, certPem!);
        expect(over2).toMatchObject({ status: 200 });
        expect(over1).toMatchObject({ status: 200, httpVersion: '1.1' });
        if (path === '/v2/time') {
          const seconds = (a: { body: string }) => (JSON.parse(a.body) as { time: number }).time;
          expect(Math.abs(seconds(over2 as Answer) - seconds(over1))).toBeLessThanOrEqual(1);
        } else {
          expect(JSON.parse((over2 as Answer).body)).toEqual(JSON.parse(over1.body));
          expect((JSON.parse(over1.body) as { name: string }).name).toBe(store.name);
        }
      }
    }
    // Also by name: the certificate covers localhost.
    const store = info.bigcommerce.stores[0]!;
    const byName = await h1Get(
      `${baseUrl.replace('127.0.0.1', 'localhost')}/stores/${store.hash}/v2/time`,
      store.accessToken,
      certPem!,
    );
    expect(byName.status).toBe(200);

    // The log tells the versions apart; the control routes answer over HTTP/2 too.
    const versions = control.log().map((e) => e.httpVersion);
    expect(versions).toEqual(['2.0', '1.1', '2.0', '1.1', '2.0', '1.1', '2.0', '1.1', '1.1']);
    const logged = await h2Get(session, '/__sandbox/log', '');
    expect(logged).toMatchObject({ status: 200 });
    expect(JSON.parse((logged as Answer).body)).toHaveLength(9);
  });

  it('a drop fault resets only that request’s stream, and closing cuts a hung HTTP/2 request promptly', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0, tls: true });
    const { info, control } = handle;
    const store = info.bigcommerce.stores[0]!;
    session = connect(info.bigcommerce.baseUrl, { ca: info.bigcommerce.certPem });
    const get = (path: string) => h2Get(session!, `/stores/${store.hash}${path}`, store.accessToken);

    control.addFault({ path: '^/v2/time$', kind: 'drop', times: 1 });
    const [dropped, alongside] = await Promise.all([get('/v2/time'), get('/v2/store')]);
    expect(dropped).toEqual({ error: expect.stringMatching(/NGHTTP2_INTERNAL_ERROR/) });
    expect(alongside).toMatchObject({ status: 200 }); // same connection, other stream: unharmed
    expect(await get('/v2/time')).toMatchObject({ status: 200 });
    expect(session.destroyed).toBe(false);

    // apply-then-drop: the write is applied, its answer lost; logged 0 like over HTTP/1.1.
    control.addFault({ path: '^/v2/time$', kind: 'apply-then-drop', times: 1 });
    expect(await get('/v2/time')).toEqual({ error: expect.stringMatching(/NGHTTP2_INTERNAL_ERROR/) });
    expect(control.log().map((e) => [e.path, e.status, e.httpVersion])).toEqual([
      ['/v2/time', 0, '2.0'],
      ['/v2/store', 200, '2.0'],
      ['/v2/time', 200, '2.0'],
      ['/v2/time', 0, '2.0'],
    ]);

    // A hang ends when the client cancels its stream (the connection stays).
    control.addFault({ path: '^/v2/store$', kind: 'hang', times: 1 });
    const cancelled = session.request({ ':path': `/stores/${store.hash}/v2/store`, 'x-auth-token': store.accessToken });
    cancelled.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    cancelled.close();
    await expect.poll(() => control.log().at(-1)).toMatchObject({ path: '/v2/store', status: 499 });

    control.addFault({ path: '^/v2/store$', kind: 'hang' });
    const hung = get('/v2/store');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await handle.close();
    handle = undefined;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).not.toMatchObject({ status: 200 });
    expect(control.log().at(-1)).toMatchObject({ path: '/v2/store', status: 499 });
  });

  it('stays plain HTTP/1.1 without tls, as before', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0 });
    const { info, control } = handle;
    expect(info.bigcommerce.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.bigcommerce).not.toHaveProperty('certPem');
    expect(info.bigcommerce).not.toHaveProperty('spki');
    const store = info.bigcommerce.stores[0]!;
    const response = await fetch(`${info.bigcommerce.baseUrl}/stores/${store.hash}/v2/time`, {
      headers: { 'X-Auth-Token': store.accessToken },
    });
    expect(response.status).toBe(200);
    expect(control.log().map((e) => e.httpVersion)).toEqual(['1.1']);
  });
});
