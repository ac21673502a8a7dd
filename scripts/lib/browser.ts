/**
 * Launch a real Chromium with the built extension loaded (e2e tests, benchmark, demo).
 * Debian's `chromium` package or Chrome; never a browser download.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';

export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output-e2e/chrome-mv3');

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The browser to drive: $CHROME_PATH, else the first of chromium / google-chrome on PATH. */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  for (const name of CANDIDATES) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH: try the next one
    }
  }
  throw new Error(
    'No Chromium or Chrome found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
      'or set CHROME_PATH to the browser executable.',
  );
}

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  /** Close the browser; removes the profile unless it was passed in (to survive a restart). */
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Reuse a profile (e.g. to test that state survives a browser restart). */
  userDataDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /**
   * Let Playwright kill the browser on Ctrl-C/SIGTERM/SIGHUP (default true). A script that stops
   * things itself (the demo) passes false so its own handler closes the browser cleanly first.
   */
  handleSignals?: boolean;
  /**
   * Trust a server certificate by its public key: base64 SHA-256 of its SubjectPublicKeyInfo
   * (the TLS sandbox's `info.bigcommerce.spki`). Adds `--ignore-certificate-errors-spki-list`,
   * which Chromium honours only with a `--user-data-dir` (always the case here).
   */
  trustSpki?: string;
  /**
   * Let the test drive the extension's toolbar button through the DevTools protocol
   * (`Extensions.triggerAction`, which Chromium only offers with this flag over the pipe Playwright uses).
   */
  extensionDebugging?: boolean;
  /** The browser's language (e.g. 'de'): `--lang` and LANGUAGE, which Chromium on Linux reads. */
  lang?: string;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedExtension> {
  const extensionDir = options.extensionDir ?? E2E_EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build:e2e\` first.`);
  }
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'bc-gladly-profile-'));
  const headless = options.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: false, // the new headless mode is chosen by flag below: it supports extensions
    ...(options.handleSignals === false ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    viewport: options.viewport === undefined ? { width: 1400, height: 900 } : options.viewport,
    args: [
      ...(headless ? ['--headless=new'] : []),
      '--no-sandbox',
      '--disable-gpu',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      ...(options.trustSpki ? [`--ignore-certificate-errors-spki-list=${options.trustSpki}`] : []),
      ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
    ...(options.lang ? { env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } } : {}),
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    userDataDir,
    async close() {
      await context.close().catch(() => undefined);
      if (ownsProfile) await removeProfile(userDataDir);
    },
  };
}

/**
 * As after Chrome stopped an idle worker: the lookup cache emptied (from `frame`, an extension
 * page: storage.session is the extension's) and the service worker stopped over CDP, which also
 * drops the cache it held in memory and any lookup still in flight. The next message starts a new
 * worker that asks the stores again.
 */
export async function forgetLookupsAndStopWorker(context: BrowserContext, page: Page, frame: Frame): Promise<void> {
  await frame.evaluate(() =>
    (
      globalThis as unknown as { chrome: { storage: { session: { remove(k: string): Promise<void> } } } }
    ).chrome.storage.session.remove('lookupCache'),
  );
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Chromium's helpers may still write into the profile for a moment after closing: retry briefly. */
async function removeProfile(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    rmSync(dir, { recursive: true, force: true, maxRetries: 2, retryDelay: 50 });
    if (!existsSync(dir)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
