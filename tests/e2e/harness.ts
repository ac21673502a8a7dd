/**
 * e2e helpers: the sandbox on free ports + real Chromium with the built e2e extension.
 */
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox/server';
import { launchWithExtension, type LaunchedExtension, type LaunchOptions } from '../../scripts/lib/browser';
import { sidebarFrameOf } from '../../scripts/lib/frames';
import { personas, type PersonaKey } from '../../sandbox/personas';

export interface E2EWorld {
  sandbox: SandboxHandle;
  browser: LaunchedExtension;
  close(): Promise<void>;
}

export async function startWorld(
  options: { sandbox?: SandboxOptions; launch?: LaunchOptions } = {},
): Promise<E2EWorld> {
  const sandbox = await startSandbox({ port: 0, gladlyPort: 0, ...options.sandbox });
  try {
    // A TLS sandbox (sandbox: { tls: true }): Chromium trusts its certificate by its public key.
    const { spki } = sandbox.info.bigcommerce;
    const browser = await launchWithExtension({ ...(spki ? { trustSpki: spki } : {}), ...options.launch });
    return {
      sandbox,
      browser,
      async close() {
        await browser.close();
        await sandbox.close();
      },
    };
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
