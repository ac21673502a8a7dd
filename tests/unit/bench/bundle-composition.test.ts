/**
 * The bench's "what the background holds": bytes of a built script attributed through its source
 * map to the npm package (or our own code) they came from.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  composition,
  compositionOfFiles,
  largestOwnFiles,
  ownFileOf,
  partOf,
} from '../../../bench/lib/bundle-composition';

describe('bundle composition', () => {
  it('names the package of a source, scoped ones included, and everything else our own code', () => {
    expect(partOf('../../node_modules/zod/v4/core/core.js')).toBe('zod');
    expect(partOf('../../node_modules/@wxt-dev/storage/dist/index.mjs')).toBe('@wxt-dev/storage');
    expect(partOf('../../node_modules/a/node_modules/libphonenumber-js/es6/x.js')).toBe('libphonenumber-js');
    expect(partOf('../../lib/core/phone.ts')).toBe('own code');
  });

  it('attributes each run of bytes to the source its mapping names, across lines', () => {
    // Line 1: "aaa" from zod, then "bbb" from our code (column +3, source +1); line 2: "cc" from zod again (source −1).
    const parts = composition('aaabbb\ncc', {
      sources: ['../../node_modules/zod/index.js', '../../lib/x.ts'],
      mappings: 'AAAA,GCAA;ADAA',
    });
    const raw = Object.fromEntries(parts.map((p) => [p.part, p.raw]));
    expect(raw).toEqual({ zod: 'aaa'.length + 'cc\n'.length, 'own code': 'bbb\n'.length });
    expect(parts.every((p) => p.gzip > 0)).toBe(true);
  });

  it("sums a page's scripts per part (the sidebar's chunk and the one it shares), and needs every map", () => {
    const dir = mkdtempSync(join(tmpdir(), 'composition-'));
    try {
      const map = { sources: ['../../node_modules/zod/index.js', '../../lib/x.ts'], mappings: 'AAAA,GCAA' };
      for (const name of ['a.js', 'b.js']) {
        writeFileSync(join(dir, name), 'aaabbb');
        writeFileSync(join(dir, `${name}.map`), JSON.stringify(map));
      }
      writeFileSync(join(dir, 'c.js'), 'aaabbb');
      const parts = compositionOfFiles([join(dir, 'a.js'), join(dir, 'b.js')]);
      expect(Object.fromEntries((parts ?? []).map((p) => [p.part, p.raw]))).toEqual({
        zod: 2 * 'aaa'.length,
        'own code': 2 * 'bbb\n'.length,
      });
      expect(compositionOfFiles([join(dir, 'a.js'), join(dir, 'c.js')])).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names our own files from the root and lists the largest, never a package', () => {
    expect(ownFileOf('../../lib/core/phone.ts')).toBe('lib/core/phone.ts');
    expect(ownFileOf('/work/x/entrypoints/background.ts')).toBe('entrypoints/background.ts');
    expect(ownFileOf('../../node_modules/zod/index.js')).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'composition-'));
    try {
      // "aaaa" from zod, "bb" from lib/small.ts, "cccccc" from lib/big.ts, "d" from lib/small.ts again.
      const map = {
        sources: ['../../node_modules/zod/index.js', '../../lib/small.ts', '../../lib/big.ts'],
        mappings: 'AAAA,ICAA,ECAA,MDAA',
      };
      writeFileSync(join(dir, 'a.js'), 'aaaabbccccccd');
      writeFileSync(join(dir, 'a.js.map'), JSON.stringify(map));
      const files = largestOwnFiles(join(dir, 'a.js'), 5) ?? [];
      expect(files.map((f) => [f.part, f.raw])).toEqual([
        ['lib/big.ts', 'cccccc'.length],
        ['lib/small.ts', 'bbd\n'.length],
      ]);
      expect(largestOwnFiles(join(dir, 'a.js'), 1)?.map((f) => f.part)).toEqual(['lib/big.ts']);
      expect(largestOwnFiles(join(dir, 'missing.js'), 5)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
