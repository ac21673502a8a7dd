/**
 * Helpers for the admin-side e2e tests (options page, secrets, restart): talk to the background
 * the way the options page does, read extension storage, collect console output, and wait on
 * conditions (never a fixed sleep as the assertion).
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Frame, Locator, Page, Worker } from 'playwright-core';
import type { LaunchedExtension } from '../../scripts/lib/browser';

export function optionsUrl(launched: Pick<LaunchedExtension, 'extensionId'>): string {
  return `chrome-extension://${launched.extensionId}/options.html`;
}

/**
 * Opens the options page and waits until it has loaded the settings (the Save button shows, named
 * `save` in the browser's language).
 */
export async function openOptions(
  launched: Pick<LaunchedExtension, 'context' | 'extensionId'>,
  save = 'Save',
): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(optionsUrl(launched));
  await page.getByRole('button', { name: save, exact: true }).waitFor({ state: 'visible', timeout: 20_000 });
  return page;
}

export type RawReply =
  | { ok: true; data: unknown; requestId?: string }
  | { ok: false; error: { kind: string; message: string }; requestId?: string };

/**
 * One `runtime.sendMessage` from an extension page, answered raw (null when nothing answered).
 * Retried a few times only when the worker was not listening yet.
 */
export async function sendFromPage(page: Page | Frame, message: Record<string, unknown>): Promise<RawReply | null> {
  let last = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const outcome = await page.evaluate(async (msg) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      try {
        return { reply: (await runtime.sendMessage(msg)) ?? null };
      } catch (error) {
        return { failure: error instanceof Error ? error.message : String(error) };
      }
    }, message);
    if ('reply' in outcome) return outcome.reply as RawReply | null;
    last = outcome.failure ?? '';
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`The background did not answer ${String(message.type)}: ${last}`);
}

/** The data of an ok reply; throws with the background's own words otherwise. */
export async function askFromPage<T = unknown>(page: Page | Frame, message: Record<string, unknown>): Promise<T> {
  const reply = await sendFromPage(page, message);
  if (!reply) throw new Error(`No reply to ${String(message.type)}`);
  if (!reply.ok) throw new Error(`${String(message.type)} was refused: ${reply.error.message} (${reply.error.kind})`);
  return reply.data as T;
}

export interface SavedConnectionView {
  id: string;
  name: string;
  storeHash: string;
  clientId: string;
  apiBaseUrl?: string;
  tokenHint: string | null;
  actions: { enabled: boolean; discount: boolean };
  autoLink: { email: boolean; phone: boolean };
}

export interface SettingsViewLike {
  settings: { connections: SavedConnectionView[] } & Record<string, unknown>;
  isE2E: boolean;
}

export function settingsView(page: Page): Promise<SettingsViewLike> {
  return askFromPage<SettingsViewLike>(page, { type: 'settings/get', requestId: `e2e-get-${Date.now()}` });
}

/** Everything in chrome.storage.local and .sync, read from an extension page. */
export async function dumpStorage(
  page: Page,
): Promise<{ local: Record<string, unknown>; sync: Record<string, unknown> }> {
  return page.evaluate(async () => {
    const storage = (
      globalThis as unknown as {
        chrome: { storage: Record<'local' | 'sync', { get(keys: null): Promise<Record<string, unknown>> }> };
      }
    ).chrome.storage;
    return { local: await storage.local.get(null), sync: await storage.sync.get(null) };
  });
}

/**
 * Everything the background keeps in its own IndexedDB store (settings, sealed secrets, links,
 * audit log, pending records), read from an extension page or the service worker: the same origin.
 */
export async function dumpState(target: Page | Worker): Promise<Record<string, unknown>> {
  // A page and a worker evaluate alike; the union's overloads just don't merge in TypeScript.
  return (target as Page).evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('gladly-bigcommerce-state');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('kv')) {
            db.close();
            resolve({});
            return;
          }
          const store = db.transaction('kv', 'readonly').objectStore('kv');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            resolve(Object.fromEntries(keys.result.map((key, i) => [String(key), values.result[i]])));
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

/**
 * Every base64 (or base64url) run of 16+ characters in a text, decoded as bytes read as latin1:
 * so a token merely encoded (not encrypted) is still found.
 */
export function decodedBase64Runs(text: string): string[] {
  const runs = text.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? [];
  const out: string[] = [];
  for (const run of runs) {
    const normal = run.replace(/-/g, '+').replace(/_/g, '/');
    // Try every alignment: the run may start mid-blob.
    for (let shift = 0; shift < 4; shift++) {
      out.push(Buffer.from(normal.slice(shift), 'base64').toString('latin1'));
    }
  }
  return out;
}

/** Which of the secrets occur in a text (plainly, or base64-encoded inside it). */
export function secretsIn(text: string, secrets: readonly string[]): string[] {
  const decoded = decodedBase64Runs(text);
  return secrets.filter((secret) => text.includes(secret) || decoded.some((d) => d.includes(secret)));
}

/** Every file under a directory (recursively). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

export function readText(path: string): string {
  return readFileSync(path, 'latin1');
}

export interface ConsoleLine {
  from: string;
  type: string;
  text: string;
}

/**
 * Collects console output and uncaught errors of every page (frames included) and of the
 * extension's service worker, for as long as the context lives, workers restarted included.
 */
export function recordConsole(context: BrowserContext): { lines: ConsoleLine[] } {
  const lines: ConsoleLine[] = [];
  const seenWorkers = new WeakSet<Worker>();
  const push = (from: string, message: ConsoleMessage) => {
    const args = message.args().map((a) => a.toString());
    lines.push({ from, type: message.type(), text: [message.text(), ...args].join(' ') });
  };
  const watchWorker = (worker: Worker) => {
    if (seenWorkers.has(worker)) return;
    seenWorkers.add(worker);
    worker.on('console', (m) => push(`worker ${worker.url()}`, m));
  };
  context.on('console', (m) => push(m.page()?.url() ?? m.worker()?.url() ?? 'context', m));
  context.on('weberror', (e) =>
    lines.push({
      from: e.page()?.url() ?? 'context',
      type: 'pageerror',
      text: `${e.error().message}\n${e.error().stack ?? ''}`,
    }),
  );
  for (const worker of context.serviceWorkers()) watchWorker(worker);
  context.on('serviceworker', watchWorker);
  return { lines };
}

/** Polls until `check` returns a value (not undefined/false), or fails with `what`. */
export async function waitUntil<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 20_000,
  everyMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Polls `check` for the whole window and fails at the first moment it is false. */
export async function holdsFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  windowMs: number,
  everyMs = 150,
): Promise<void> {
  const end = Date.now() + windowMs;
  do {
    if (!(await check())) throw new Error(`No longer true: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  } while (Date.now() < end);
}

/** Waits until a locator is visible and returns its text. */
export async function visibleText(locator: Locator, timeout = 20_000): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return (await locator.first().textContent()) ?? '';
}

/** The sidebar's section for one store (by the name the sidebar shows). */
export function storeSection(frame: Frame, storeName: string): Locator {
  return frame.locator(`section[aria-label="${storeName.replace(/"/g, '\\"')}"]`);
}
