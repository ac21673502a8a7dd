/**
 * Bundle size per entrypoint of a built extension: every file an entrypoint loads (its HTML's
 * scripts and stylesheets, and the chunks those scripts import statically), raw and gzip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  entry: string;
  files: string[];
  raw: number;
  /** Sum of each file gzipped on its own (level 9). */
  gzip: number;
}

/** Where each entrypoint starts in WXT's chrome-mv3 output. */
export const ENTRYPOINTS: ReadonlyArray<{ entry: string; start: string }> = [
  { entry: 'content script', start: 'content-scripts/gladly.js' },
  { entry: 'sidebar', start: 'sidebar.html' },
  { entry: 'background', start: 'background.js' },
  { entry: 'options', start: 'options.html' },
];

const HTML_REF = /<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+\.(?:js|css))["']/gi;
const JS_IMPORT = /(?:\bimport\s*(?:[\w*{}\s,$]*\s*from\s*)?|\bimport\s*\(\s*)["']([^"']+\.js)["']/g;

/** Output-relative path of a reference found in `from` (absolute `/x` is the extension root). */
function resolveRef(from: string, ref: string): string | null {
  if (/^[a-z]+:/i.test(ref)) return null; // another origin: not part of the bundle
  const resolved = ref.startsWith('/')
    ? posix.normalize(ref.slice(1))
    : posix.normalize(posix.join(posix.dirname(from), ref));
  return resolved.startsWith('..') ? null : resolved;
}

/** Every file reachable from `start`; `read` answers null for a missing file. */
export function entryFiles(start: string, read: (path: string) => string | null): string[] {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    const text = read(file);
    if (text === null) continue;
    seen.add(file);
    const pattern = file.endsWith('.html') ? HTML_REF : file.endsWith('.js') ? JS_IMPORT : null;
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) {
      const next = resolveRef(file, match[1]!);
      if (next && !seen.has(next)) queue.push(next);
    }
  }
  return [...seen].sort();
}

/** Sizes of each entrypoint in an output folder (e.g. .output/chrome-mv3); missing entries are left out. */
export function measureBundles(outputDir: string): EntrySize[] {
  const read = (path: string) => {
    const full = join(outputDir, path);
    return existsSync(full) ? readFileSync(full, 'utf8') : null;
  };
  return ENTRYPOINTS.flatMap(({ entry, start }) => {
    const files = entryFiles(start, read);
    if (files.length === 0) return [];
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = readFileSync(join(outputDir, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return [{ entry, files, raw, gzip }];
  });
}
