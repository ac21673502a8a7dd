/**
 * `npm run demo`: the extension against the sandbox in a real browser, ready to click through.
 * Builds the e2e extension, starts the BigCommerce + Gladly sandbox, launches Chromium with the
 * extension in a fresh profile whose stores are already connected, and opens Jane's conversation.
 * Ctrl-C stops everything it started.
 *
 *   npm run demo                                  # a browser window (needs a display)
 *   npm run demo -- --headless --screenshot out.png   # no display: wait for Jane, save what an agent sees, exit
 *   flags: --no-build --persona <key> --latency <ms> --port <n> --gladly-port <n> --timeout <ms>
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startSandbox, type SandboxHandle } from '../sandbox/server';
import { personas, type PersonaKey } from '../sandbox/personas';
import { findChrome, launchWithExtension, type LaunchedExtension } from './lib/browser';
import { connectSandboxStores } from './lib/configure';
import { buildE2E, hasDisplay, onStopSignal } from './lib/run';
import { expectedLookup, probeSpecFor } from './lib/expected';
import { startProbe, waitForProbe } from './lib/sidebar-probe';
import { sidebarFrameOf } from './lib/frames';

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    persona: { type: 'string', default: 'jane' },
    latency: { type: 'string' },
    port: { type: 'string', default: '0' },
    'gladly-port': { type: 'string', default: '0' },
    timeout: { type: 'string', default: '45000' },
  },
  strict: true,
});

const log = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string): never => {
  process.stderr.write(`demo: ${line}\n`);
  process.exit(1);
};

function numberFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) fail(`--${name} wants a whole number ≥ 0, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const headless = flags.headless === true;
  const personaKey = flags.persona as PersonaKey;
  const persona = personas[personaKey];
  if (!persona) fail(`no persona "${flags.persona}"; try one of: ${Object.keys(personas).join(', ')}`);
  if (!headless && !hasDisplay()) {
    fail(
      'there is no display here (DISPLAY/WAYLAND_DISPLAY unset). Run `npm run demo -- --headless --screenshot demo.png` instead.',
    );
  }
  try {
    findChrome();
  } catch (error) {
    fail((error as Error).message);
  }
  const timeoutMs = numberFlag('timeout', flags.timeout) ?? 45_000;

  let sandbox: SandboxHandle | undefined;
  let browser: LaunchedExtension | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await browser?.close().catch(() => undefined); // also removes the temporary profile
      await sandbox?.close().catch(() => undefined);
    })());
  onStopSignal(async (signal) => {
    log(`\n${signal}: stopping the browser and the sandbox…`);
    await stop();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });

  try {
    if (flags['no-build'] !== true) {
      log('Building the e2e extension (npm run build:e2e)…');
      await buildE2E();
    }
    sandbox = await startSandbox({
      port: numberFlag('port', flags.port),
      gladlyPort: numberFlag('gladly-port', flags['gladly-port']),
      ...(flags.latency !== undefined ? { latencyMs: numberFlag('latency', flags.latency) } : {}),
    });
    const { info } = sandbox;
    browser = await launchWithExtension({
      headless,
      viewport: headless ? { width: 1400, height: 900 } : null,
      handleSignals: false,
    });
    await connectSandboxStores(browser, info, { actions: true });

    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const url = `${info.gladly.baseUrl}/customer/${persona.gladlyId}/conversation/${persona.conversationId}`;

    log('');
    log(
      `BigCommerce sandbox  ${info.bigcommerce.baseUrl}  (stores: ${info.bigcommerce.stores.map((s) => `${s.name} ${s.hash}`).join(', ')})`,
    );
    log(`Gladly look-alike    ${info.gladly.baseUrl}`);
    log(`Sandbox control      ${info.controlUrl}  (GET /log, POST /reset, POST /faults)`);
    log(`Browser              ${findChrome()}${headless ? ' (headless)' : ''}, profile ${browser.userDataDir}`);
    log(
      `Extension            chrome-extension://${browser.extensionId}  (settings: /options.html; stores connected, actions on)`,
    );
    log(`Opened               ${persona.name}: ${url}`);
    log("Other customers are in the look-alike's left nav.");

    const wantScreenshot = flags.screenshot !== undefined;
    if (headless || wantScreenshot) {
      const spec = probeSpecFor(
        await expectedLookup(
          info,
          persona,
          info.bigcommerce.stores.map((s) => s.hash),
        ),
      );
      await page.goto(url);
      const frame = await sidebarFrameOf(page, 20_000);
      await startProbe(frame, spec);
      const times = await waitForProbe(page, frame, timeoutMs);
      if (times.complete === null) {
        throw new Error(
          `the sidebar did not finish showing ${persona.name} within ${timeoutMs} ms; still ` +
            `missing: ${times.missing.join(', ') || 'nothing recorded'}`,
        );
      }
      log(
        `Sidebar shows        ${persona.name}: profile, ${spec.orderNumbers.length} orders, ${times.imagesLoaded} images`,
      );
      if (wantScreenshot) {
        const path = resolve(flags.screenshot!);
        await page.screenshot({ path });
        log(`Screenshot           ${path}`);
      }
      if (headless && wantScreenshot) {
        await stop();
        return;
      }
    } else {
      await page.goto(url);
    }

    log('');
    log('Ready. Press Ctrl-C to stop everything.');
    await new Promise<void>((resolveClosed) => browser!.context.once('close', () => resolveClosed()));
    log('The browser was closed: stopping the sandbox.');
    await stop();
  } catch (error) {
    await stop();
    fail((error as Error).message);
  }
}

void main().then(() => process.exit(0));
