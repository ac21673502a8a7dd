import { describe, expect, it } from 'vitest';
import { median, percentile, ratio } from '../../../bench/lib/stats';
import { sequentialRoundTrips, spansBetween } from '../../../bench/lib/round-trips';
import { markdownTable, plainTable } from '../../../bench/lib/table';
import { entryFiles } from '../../../bench/lib/bundles';
import { atMost } from '../../../bench/lib/targets';

describe('median and percentiles', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('has no median without samples, and ignores samples that are not numbers', () => {
    expect(median([])).toBeNull();
    expect(median([Number.NaN, 7, Number.POSITIVE_INFINITY])).toBe(7);
  });
  it('interpolates a p95 between the closest ranks', () => {
    const samples = Array.from({ length: 21 }, (_, i) => i * 10); // 0..200
    expect(percentile(samples, 95)).toBe(190);
    expect(percentile(samples, 100)).toBe(200);
    expect(percentile(samples, 0)).toBe(0);
  });
  it('gives no ratio against a missing or zero baseline', () => {
    expect(ratio(10, 40)).toBe(0.25);
    expect(ratio(10, 0)).toBeNull();
    expect(ratio(null, 4)).toBeNull();
  });
});

describe('sequential round trips from request spans', () => {
  it('counts requests in flight together as one round trip', () => {
    expect(
      sequentialRoundTrips([
        { start: 0, end: 150 },
        { start: 2, end: 152 },
        { start: 5, end: 160 },
      ]),
    ).toBe(1);
  });
  it('counts a chain of requests each waiting for the previous answer', () => {
    expect(
      sequentialRoundTrips([
        { start: 0, end: 150 },
        { start: 155, end: 305 },
        { start: 310, end: 460 },
      ]),
    ).toBe(3);
  });
  it('follows the longest chain when parallel and dependent requests mix', () => {
    // Round 1: two requests; round 2 starts after the first answered, round 3 after round 2.
    const spans = [
      { start: 0, end: 150 },
      { start: 1, end: 400 }, // a slow one overlapping rounds 2 and 3
      { start: 160, end: 310 },
      { start: 161, end: 311 },
      { start: 320, end: 470 },
    ];
    expect(sequentialRoundTrips(spans)).toBe(3);
  });
  it('is zero without requests', () => {
    expect(sequentialRoundTrips([])).toBe(0);
  });
  it('keeps only the spans that began inside the window', () => {
    const spans = [
      { start: 5, end: 9 },
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ];
    expect(spansBetween(spans, 10, 30)).toEqual([
      { start: 10, end: 20 },
      { start: 30, end: 40 },
    ]);
  });
});

describe('report tables', () => {
  it('writes a Markdown table with a dash for a missing value and escaped pipes', () => {
    expect(
      markdownTable(
        ['Scenario', 'ms'],
        [
          ['jane | revisit', 12],
          ['guest', null],
        ],
      ),
    ).toBe(['| Scenario | ms |', '| --- | --- |', '| jane \\| revisit | 12 |', '| guest | – |'].join('\n'));
  });
  it('aligns plain-text columns, numbers to the right', () => {
    const lines = plainTable(
      ['name', 'n'],
      [
        ['a', 5],
        ['longer', 123],
      ],
    ).split('\n');
    expect(lines[0]).toBe('name      n');
    expect(lines[2]).toBe('a         5');
    expect(lines[3]).toBe('longer  123');
  });
});

describe('files an entrypoint loads', () => {
  const files: Record<string, string> = {
    'sidebar.html':
      '<script type="module" crossorigin src="/chunks/sidebar-1.js"></script><link ' +
      'rel="modulepreload" href="/chunks/shared-2.js"><link rel="stylesheet" ' +
      'href="/assets/sidebar-3.css"><script src="https://example.com/x.js"></script>',
    'chunks/sidebar-1.js':
      'import{a as b}from"./shared-2.js";import"./side-effect-4.js";const l=()=>import("./lazy-5.js");',
    'chunks/shared-2.js': 'export const a=1;',
    'chunks/side-effect-4.js': 'console.log(1)',
    'chunks/lazy-5.js': 'export default 1',
    'assets/sidebar-3.css': 'body{}',
    'chunks/unrelated-9.js': 'export {}',
  };
  it('follows the HTML to its scripts, styles and their imports, and nothing else', () => {
    expect(entryFiles('sidebar.html', (p) => files[p] ?? null)).toEqual([
      'assets/sidebar-3.css',
      'chunks/lazy-5.js',
      'chunks/shared-2.js',
      'chunks/side-effect-4.js',
      'chunks/sidebar-1.js',
      'sidebar.html',
    ]);
  });
  it('finds nothing for an entrypoint that was not built', () => {
    expect(entryFiles('options.html', (p) => files[p] ?? null)).toEqual([]);
  });
});

describe('targets', () => {
  it('is met at the limit, not met above it, and not measured without a value', () => {
    expect(atMost(10, 10)).toBe(true);
    expect(atMost(10.5, 10)).toBe(false);
    expect(atMost(null, 10)).toBeNull();
  });
});
