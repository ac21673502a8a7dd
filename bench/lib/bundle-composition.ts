/**
 * What a built script is made of: its bytes attributed to the source each came from (through the
 * build's source map), summed per npm package ("zod", "@wxt-dev/storage") or "own code", raw and
 * gzip. The gzip figure of a part is that part's bytes gzipped on their own, so the parts add up
 * to about the whole file's gzip (within a few per cent), which is what tells where to cut.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface CompositionPart {
  /** An npm package, or "own code" for everything outside node_modules. */
  part: string;
  raw: number;
  gzip: number;
}

interface SourceMapV3 {
  sources: string[];
  mappings: string;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((char, index) => [char, index] as const));

/** The values of one mapping segment (base64 VLQ, as the source map spec encodes them). */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad source map character "${char}"`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The npm package a source path is in, or "own code". */
export function partOf(source: string): string {
  const at = source.lastIndexOf('node_modules/');
  if (at < 0) return 'own code';
  const [scope, name] = source.slice(at + 'node_modules/'.length).split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? 'own code');
}

/** A source outside node_modules as a path from the project's root ("lib/core/phone.ts"); null for a package's. */
export function ownFileOf(source: string): string | null {
  if (partOf(source) !== 'own code') return null;
  return source.replace(/^(\.\.\/)+/, '').replace(/^.*\/(?=(lib|entrypoints|components|locales)\/)/, '');
}

/**
 * Each part's bytes of `code`, from its source map; bytes no mapping covers are "unmapped". A part
 * is a package or "own code" (partOf), or whatever `partFor` names a source.
 */
export function composition(
  code: string,
  map: SourceMapV3,
  partFor: (source: string) => string = partOf,
): CompositionPart[] {
  const pieces = new Map<string, string[]>();
  const add = (part: string, text: string) => {
    if (text) pieces.set(part, [...(pieces.get(part) ?? []), text]);
  };
  const lines = code.split('\n');
  let sourceIndex = 0;
  map.mappings.split(';').forEach((mappingLine, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    let from = 0;
    let part = 'unmapped';
    for (const segment of mappingLine.split(',')) {
      if (!segment) continue;
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(part, line.slice(from, column));
      from = column;
      if (sourceDelta === undefined) {
        part = 'unmapped';
      } else {
        sourceIndex += sourceDelta;
        part = partFor(map.sources[sourceIndex] ?? '');
      }
    }
    add(part, `${line.slice(from)}\n`);
  });
  return [...pieces]
    .map(([part, texts]) => {
      const text = texts.join('');
      return { part, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The composition of a built script with its `.map` beside it; null without one. */
export function compositionOfFile(path: string): CompositionPart[] | null {
  if (!existsSync(`${path}.map`)) return null;
  return composition(readFileSync(path, 'utf8'), JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapV3);
}

/**
 * The `count` largest of a built script's own source files (raw bytes; each file's gzip is its
 * bytes gzipped on their own, so small files look a little bigger than their share). Null without a map.
 */
export function largestOwnFiles(path: string, count: number): CompositionPart[] | null {
  if (!existsSync(`${path}.map`)) return null;
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapV3;
  // Packages' bytes go to "", never listed.
  return composition(readFileSync(path, 'utf8'), map, (source) => ownFileOf(source) ?? '')
    .filter((p) => p.part !== '' && p.part !== 'unmapped')
    .sort((a, b) => b.raw - a.raw)
    .slice(0, count);
}

/**
 * The composition of the scripts an entrypoint loads (e.g. the sidebar's own chunk and the one it
 * shares with the options page), summed per part; null when any of them has no map.
 */
export function compositionOfFiles(paths: string[]): CompositionPart[] | null {
  const sum = new Map<string, CompositionPart>();
  for (const path of paths) {
    const parts = compositionOfFile(path);
    if (!parts) return null;
    for (const p of parts) {
      const seen = sum.get(p.part) ?? { part: p.part, raw: 0, gzip: 0 };
      sum.set(p.part, { part: p.part, raw: seen.raw + p.raw, gzip: seen.gzip + p.gzip });
    }
  }
  return [...sum.values()].sort((a, b) => b.gzip - a.gzip);
}

/** Deletes the `.map` files a build left in `dir` (and below): they are for measuring, never shipped. */
export function removeSourceMaps(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    if (entry.endsWith('.map')) rmSync(join(dir, entry));
}
