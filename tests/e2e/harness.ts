/**
 * e2e helpers: the sandbox on free ports + real Chromium with the built e2e extension.
 */
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/server';
import { launchWithExtension, type LaunchedExtension, type LaunchOptions } from '../../scripts/lib/browser';
import { sidebarFrameOf } from '../../scripts/lib/frames';
import type { Page } from 'playwright-core';
import { personas, type PersonaKey } from '../../sandbox/personas';

export interface E2EWorld {
  sandbox: SandboxHandle;
  browser: LaunchedExtension;
  close(): Promise<void>;
}

/** The worlds started and not yet closed (./setup.ts gives each test a new quota window in them). */
export const liveWorlds = new Set<E2EWorld>();

export async function startWorld(
  options: { sandbox?: SandboxOptions; launch?: LaunchOptions } = {},
): Promise<E2EWorld> {
  const sandbox = await startSandbox({ port: 0, gladlyPort: 0, ...options.sandbox });
  try {
    // A TLS sandbox (sandbox: { tls: true }): Chromium trusts its certificate by its public key.
    const { spki } = sandbox.info.bigcommerce;
    const browser = await launchWithExtension({ ...(spki ? { trustSpki: spki } : {}), ...options.launch });
    const world: E2EWorld = {
      sandbox,
      browser,
      async close() {
        liveWorlds.delete(world);
        await browser.close();
        await sandbox.close();
      },
    };
    liveWorlds.add(world);
    return world;
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

/** The Gladly look-alike URL of a persona's conversation. */
export function gladlyUrl(world: E2EWorld, key: PersonaKey, query = ''): string {
  const p = personas[key];
  return `${world.sandbox.info.gladly.baseUrl}/customer/${p.gladlyId}/conversation/${p.conversationId}${query}`;
}

/** The sidebar iframe's frame in a Gladly page (its URL contains `sidebar`). */
export const sidebarFrame = sidebarFrameOf;

/**
 * Runs an expression in the extension's content-script world of a page (Chromium's isolated
 * world, found through CDP), awaiting a promise it returns; the result comes back by value.
 */
export async function inContentScript<T>(page: Page, expression: string, timeoutMs = 10_000): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const deadline = Date.now() + timeoutMs;
    let world: (typeof contexts)[number] | undefined;
    while (
      !(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://')))
    ) {
      if (Date.now() > deadline) throw new Error('No content-script world in this page');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const answer = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (answer.exceptionDetails)
      throw new Error(
        `In the content script: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`,
      );
    return answer.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
