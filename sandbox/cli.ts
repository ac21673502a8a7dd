/**
 * `npm run sandbox`: both sandboxes until Ctrl-C. The FIRST stdout line is the SandboxInfo JSON
 * (for scripts); human-readable lines follow.
 *   flags: --port 4010 --gladly-port 4011 (0 = free) --latency <ms> --jitter <ms> --quota <n> --window <ms>
 *          --tls (BigCommerce over HTTPS + HTTP/2 with a self-signed certificate made at start-up;
 *                 the JSON line then also carries bigcommerce.certPem and bigcommerce.spki)
 */
import { parseArgs } from 'node:util';
import { personas } from './personas';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    'gladly-port': { type: 'string', default: '4011' },
    latency: { type: 'string' },
    jitter: { type: 'string' },
    quota: { type: 'string' },
    window: { type: 'string' },
    tls: { type: 'boolean', default: false },
  },
  strict: true,
});

function whole(name: string, raw: string | undefined, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    process.stderr.write(`sandbox: --${name} wants a whole number ≥ ${min}, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const handle = await startSandbox({
    port: whole('port', values.port),
    gladlyPort: whole('gladly-port', values['gladly-port']),
    latencyMs: whole('latency', values.latency),
    jitterMs: whole('jitter', values.jitter),
    quota: whole('quota', values.quota, 1),
    windowMs: whole('window', values.window, 1),
    tls: values.tls,
  });
  const { info } = handle;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(JSON.stringify(info));
  out('');
  out(
    `BigCommerce sandbox  ${info.bigcommerce.baseUrl}${info.bigcommerce.spki ? '  (HTTP/2 over TLS, self-signed certificate)' : ''}`,
  );
  if (info.bigcommerce.spki) {
    out(
      `  trust it in Chromium: --ignore-certificate-errors-spki-list=${info.bigcommerce.spki}  (needs --user-data-dir)`,
    );
    out(
      '  in Node: the PEM in the JSON line above (bigcommerce.certPem) as `ca`; with curl: save it and pass --cacert',
    );
  }
  for (const store of info.bigcommerce.stores) {
    out(`  ${store.name} (${store.currency})  API base ${info.bigcommerce.baseUrl}/stores/${store.hash}`);
  }
  out('  tokens: see the JSON line above (full scope, and one without store_v2_marketing)');
  out(`Sandbox control      ${info.controlUrl}  (POST /reset, POST /config, POST|DELETE /faults, GET|DELETE /log)`);
  out(`Gladly look-alike    ${info.gladly.baseUrl}`);
  for (const [key, persona] of Object.entries(personas)) {
    out(
      `  ${key.padEnd(12)} ${
        persona.name || '(no ' + 'name)'
      }  ${info.gladly.baseUrl}/customer/${persona.gladlyId}/conversation/${persona.conversationId}`,
    );
  }
  out('Ctrl-C stops both.');

  const stop = () => {
    void handle.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
