/**
 * Mozilla's addons-linter over the Firefox build (scripts/lint-firefox.mjs builds it first when it
 * is missing or older than its sources): addons.mozilla.org refuses an add-on with lint errors.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Finding {
  code: string;
  message: string;
  file: string | null;
}

interface LintSummary {
  outDir: string;
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}

const ROOT = new URL('../../', import.meta.url).pathname;

describe('Firefox build', () => {
  it('passes addons-linter with no errors', { timeout: 300_000 }, () => {
    // Exit 1 (lint errors) still prints the report: read it either way.
    const run = spawnSync(process.execPath, ['scripts/lint-firefox.mjs', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    });
    expect(run.status === 0 || run.status === 1, `lint-firefox failed to run: ${run.stderr}`).toBe(true);
    const stdout = run.stdout;
    const summary = JSON.parse(stdout.trim().split('\n').pop()!) as LintSummary;
    // Listed by code and file, so a failure says what to fix.
    expect(summary.errors.map((e) => `${e.code}: ${e.message}${e.file ? ` (${e.file})` : ''}`)).toEqual([]);
  });
});
