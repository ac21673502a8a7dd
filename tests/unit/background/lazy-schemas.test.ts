/**
 * A cold service worker evaluates the whole background bundle before it can answer anything:
 * building every zod schema then was about half of its start-up. The background's modules define
 * their schemas with lazySchema (lib/core/lazy-schema.ts), so importing them builds none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

/** The lib/ modules entrypoints/background.ts imports, as it names them. */
function backgroundImports(): string[] {
  const source = readFileSync(new URL('entrypoints/background.ts', root), 'utf8');
  return [...source.matchAll(/from '\.\.\/(lib\/[^']+)'/g)].map((m) => m[1] as string);
}

describe("the background's modules at import", () => {
  it('build no zod schema (each is built on first use)', async () => {
    let built = 0;
    // zod calls this hook for every schema it constructs (the hook `zod/compile` uses).
    const zodGlobal = globalThis as { __zod_globalConfig?: { postProcessor?: (schema: unknown) => void } };
    zodGlobal.__zod_globalConfig ??= {};
    const config = zodGlobal.__zod_globalConfig;
    config.postProcessor = () => {
      built += 1;
    };
    try {
      // identity.ts (the content script's identity messages) still builds its few schemas at import.
      await import('../../../lib/messages/identity');
      built = 0;
      const modules = backgroundImports();
      expect(modules.length).toBeGreaterThan(30);
      for (const module of modules) await import(new URL(module, root).pathname);
      expect(built).toBe(0);

      // The hook does count: first use builds the schema (and its parts), once.
      const { LookupRequestSchema } = await import('../../../lib/messages/lookup');
      const request = {
        type: 'lookup',
        requestId: 'r1',
        query: { kind: 'manual', attribute: 'email', value: 'jane@example.com' },
      };
      expect(LookupRequestSchema.safeParse(request).success).toBe(true);
      const afterFirstUse = built;
      expect(afterFirstUse).toBeGreaterThan(5);
      expect(LookupRequestSchema.safeParse({ ...request, requestId: '' }).success).toBe(false);
      expect(built).toBe(afterFirstUse);
    } finally {
      config.postProcessor = undefined;
    }
  });
});
