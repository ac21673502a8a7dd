/** Builds bench/render/entry.tsx (the real OrderList + a synthetic lookup) into one browser script. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import preact from '@preact/preset-vite';

const ROOT = resolve(import.meta.dirname, '../..');

/** The built script's text (production mode, minified, like the extension). */
export async function buildRenderBench(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bc-render-bench-'));
  try {
    await build({
      configFile: false,
      root: ROOT,
      mode: 'production',
      logLevel: 'warn',
      plugins: [preact()],
      // `#i18n` is WXT's (made at its build); the bench renders with the English catalog, as the tests do.
      resolve: { alias: { '@': `${ROOT}/`, '#i18n': `${ROOT}/tests/support/i18n.ts` } },
      define: { __E2E__: 'false', 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: true,
        minify: true,
        sourcemap: false,
        lib: {
          entry: join(ROOT, 'bench/render/entry.tsx'),
          formats: ['iife'],
          name: 'RenderBench',
          fileName: () => 'render.js',
        },
      },
    });
    return readFileSync(join(outDir, 'render.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
