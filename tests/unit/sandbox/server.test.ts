import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../sandbox/server';
import { GLADLY_API_USER } from '../../../sandbox/personas';
import { SEED_IDS } from '../../../sandbox/bigcommerce/seed';

let handle: SandboxHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

describe('startSandbox on real ports', () => {
  it('serves both stores and the Gladly look-alike on 127.0.0.1 free ports, with HTTP control routes', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0 });
    const { info } = handle;
    expect(info.bigcommerce.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(info.gladly.baseUrl).not.toBe(info.bigcommerce.baseUrl);
    expect(info.controlUrl).toBe(`${info.bigcommerce.baseUrl}/__sandbox`);
    expect(info.gladly.apiUser).toEqual(GLADLY_API_USER);

    for (const store of info.bigcommerce.stores) {
      const response = await fetch(`${info.bigcommerce.baseUrl}/stores/${store.hash}/v2/store`, {
        headers: { 'X-Auth-Token': store.accessToken, Accept: 'application/json' },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { name: string }).name).toBe(store.name);
    }
    expect((await fetch(info.gladly.baseUrl)).status).toBe(200);
    const icon = await fetch(`${info.gladly.baseUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\//);
    expect(await icon.text()).toMatch(/^<svg/);

    const reset = await fetch(`${info.controlUrl}/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    const log = (await (await fetch(`${info.controlUrl}/log`)).json()) as unknown[];
    expect(log).toHaveLength(2);
  });

  it('drops a connection for a drop fault, and closes promptly while a request hangs', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0 });
    const { info, control } = handle;
    const store = info.bigcommerce.stores[0]!;
    const url = (path: string) => `${info.bigcommerce.baseUrl}/stores/${store.hash}${path}`;
    const headers = { 'X-Auth-Token': store.accessToken };

    control.addFault({ path: '^/v2/time$', kind: 'drop', times: 1 });
    await expect(fetch(url('/v2/time'), { headers })).rejects.toThrow();
    expect((await fetch(url('/v2/time'), { headers })).status).toBe(200);

    control.addFault({ path: '^/v2/store$', kind: 'hang' });
    const hung = fetch(url('/v2/store'), { headers }).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await handle.close();
    handle = undefined;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await hung).toBe('failed');
  });

  it('apply-then-hang and apply-then-drop write over a real socket, then lose the answer', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0 });
    const { info, control } = handle;
    const store = info.bigcommerce.stores[0]!;
    const order = SEED_IDS.main.orders.janeCapturedAwaiting;
    const url = `${info.bigcommerce.baseUrl}/stores/${store.hash}/v2/orders/${order}`;
    const headers = {
      'X-Auth-Token': store.accessToken,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    };
    const notes = async () => ((await (await fetch(url, { headers })).json()) as { staff_notes: string }).staff_notes;
    const put = (staff_notes: string, signal?: AbortSignal) =>
      fetch(url, { method: 'PUT', headers, body: JSON.stringify({ staff_notes }), signal });

    control.addFault({ method: 'PUT', path: `^/v2/orders/${order}$`, kind: 'apply-then-hang', times: 1 });
    await expect(put('hung after writing', AbortSignal.timeout(300))).rejects.toThrow();
    expect(await notes()).toBe('hung after writing');

    control.addFault({ method: 'PUT', path: `^/v2/orders/${order}$`, kind: 'apply-then-drop', times: 1 });
    await expect(put('dropped after writing')).rejects.toThrow();
    expect(await notes()).toBe('dropped after writing');

    // Each PUT is logged when its connection ends, so compare without order.
    const puts = control
      .log()
      .filter((e) => e.method === 'PUT')
      .map((e) => e.status);
    expect(puts.sort((a, b) => a - b)).toEqual([0, 499]);
  });

  it('reports a taken port as an error and leaves nothing running', async () => {
    handle = await startSandbox({ port: 0, gladlyPort: 0 });
    const taken = Number(new URL(handle.info.bigcommerce.baseUrl).port);
    await expect(startSandbox({ port: 0, gladlyPort: taken })).rejects.toThrow();
  });
});

describe('npm run sandbox (sandbox/cli.ts)', () => {
  it('prints the SandboxInfo JSON as its first line, serves it, and stops on Ctrl-C', async () => {
    const { spawn } = await import('node:child_process');
    const { createInterface } = await import('node:readline');
    const child = spawn(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'sandbox/cli.ts', '--port', '0', '--gladly-port', '0', '--quota', '40'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const lines = createInterface({ input: child.stdout! });
      const first = await new Promise<string>((resolve, reject) => {
        lines.once('line', resolve);
        child.once('exit', (code) => reject(new Error(`the CLI exited early (${code})`)));
      });
      const info = JSON.parse(first) as {
        bigcommerce: { baseUrl: string; stores: Array<{ hash: string; accessToken: string }> };
        controlUrl: string;
      };
      const store = info.bigcommerce.stores[0]!;
      const response = await fetch(`${info.bigcommerce.baseUrl}/stores/${store.hash}/v2/time`, {
        headers: { 'X-Auth-Token': store.accessToken },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-rate-limit-requests-quota')).toBe('40');
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
