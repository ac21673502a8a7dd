/**
 * The icons the stores and the browsers ask for: the production manifests of both browsers
 * declare 16, 32, 48 and 128 px icons (and the toolbar's), each file is in the build as a PNG of
 * that size, and the committed PNGs are what scripts/make-icons.mjs draws.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { ICON_SIZES, iconPng } from '../../scripts/make-icons.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function builtManifest(browser: 'chrome' | 'firefox'): { dir: string; manifest: Record<string, unknown> } {
  const run = spawnSync(process.execPath, ['scripts/lint-firefox.mjs', '--build-only', browser], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const { outDir } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { outDir: string };
  const dir = join(ROOT, outDir);
  return { dir, manifest: JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) };
}

describe('icons', () => {
  it.each(['chrome', 'firefox'] as const)(
    'the %s build declares icons at 16, 32, 48 and 128 px and a toolbar icon, each a PNG of its size',
    { timeout: 300_000 },
    (browser) => {
      const { dir, manifest } = builtManifest(browser);
      const icons = manifest.icons as Record<string, string>;
      expect(
        Object.keys(icons)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual([16, 32, 48, 128]);
      const toolbar = (manifest.action ?? manifest.browser_action) as { default_icon: Record<string, string> };
      expect(Object.keys(toolbar.default_icon).sort()).toEqual(['16', '32']);
      for (const [size, path] of [...Object.entries(icons), ...Object.entries(toolbar.default_icon)]) {
        expect(pngSize(readFileSync(join(dir, path))), `${browser} ${path}`).toEqual({
          width: Number(size),
          height: Number(size),
        });
      }
    },
  );

  it('the committed PNGs are what scripts/make-icons.mjs draws (run it after changing the drawing)', () => {
    expect(ICON_SIZES).toEqual([16, 32, 48, 128]);
    for (const size of ICON_SIZES as number[]) {
      const committed = readFileSync(join(ROOT, 'public', 'icon', `${size}.png`));
      expect(committed.equals(iconPng(size) as Buffer), `public/icon/${size}.png`).toBe(true);
    }
  });
});
