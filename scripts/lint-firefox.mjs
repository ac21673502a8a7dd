#!/usr/bin/env node
// Mozilla's addons-linter (through web-ext) over the Firefox build, built first when missing or
// older than its sources. Exit 1 when the linter reports an error.
//
//   node scripts/lint-firefox.mjs               lint, print a summary
//   node scripts/lint-firefox.mjs --json        lint, print {errors, warnings, notices, built} as JSON
//   node scripts/lint-firefox.mjs --build-only chrome|firefox
//                                               only make sure that production build is current
//
// Builds take a lock (one at a time): tests that need builds may run in parallel.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BIN = join(ROOT, 'node_modules', '.bin');
const OUT = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv2' };
const SOURCES = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'assets',
  'wxt.config.ts',
  'package.json',
  'tsconfig.json',
];
const LOCK = join(ROOT, '.output', '.build-lock');

/** Newest modification time under a path (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function isStale(browser) {
  const manifest = join(ROOT, OUT[browser], 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.some((source) => newest(join(ROOT, source)) > built);
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock(work) {
  mkdirSync(join(ROOT, '.output'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left by a killed build (older than 5 min) is taken over.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error('Timed out waiting for another build to finish.');
      sleep(250);
    }
  }
  try {
    return work();
  } finally {
    rmdirSync(LOCK);
  }
}

/** Build the production extension for a browser unless the build is current. True when it built. */
export function ensureBuilt(browser) {
  return withLock(() => {
    if (!isStale(browser)) return false;
    const result = spawnSync(join(BIN, 'wxt'), ['build', '-b', browser], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, WXT_E2E: '' },
    });
    if (result.status !== 0) {
      process.stderr.write(result.stdout ?? '');
      process.stderr.write(result.stderr ?? '');
      throw new Error(`wxt build -b ${browser} failed (exit ${result.status}).`);
    }
    return true;
  });
}

/** The addons-linter report for the Firefox build. */
export function lint() {
  const result = spawnSync(
    join(BIN, 'web-ext'),
    ['lint', '--source-dir', OUT.firefox, '--output', 'json', '--self-hosted', '--no-config-discovery'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 32 * 1024 * 1024,
    },
  );
  const text = result.stdout ?? '';
  const start = text.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report (exit ${result.status}): ${result.stderr}`);
  return JSON.parse(text.slice(start));
}

const brief = (m) => ({ code: m.code, message: m.message, file: m.file ?? null, line: m.line ?? null });

function main(args) {
  const buildOnly = args.indexOf('--build-only');
  if (buildOnly >= 0) {
    const browser = args[buildOnly + 1];
    if (browser !== 'chrome' && browser !== 'firefox') throw new Error('--build-only takes chrome or firefox.');
    const built = ensureBuilt(browser);
    console.log(JSON.stringify({ browser, built, outDir: OUT[browser] }));
    return 0;
  }
  const built = ensureBuilt('firefox');
  const report = lint();
  const summary = {
    built,
    outDir: OUT.firefox,
    errors: (report.errors ?? []).map(brief),
    warnings: (report.warnings ?? []).map(brief),
    notices: (report.notices ?? []).map(brief),
  };
  if (args.includes('--json')) {
    console.log(JSON.stringify(summary));
  } else {
    console.log(
      `addons-linter on ${OUT.firefox}: ${summary.errors.length} errors, ${summary.warnings.length} ` +
        `warnings, ${summary.notices.length} notices`,
    );
    for (const [level, list] of [
      ['error', summary.errors],
      ['warning', summary.warnings],
    ]) {
      for (const m of list) console.log(`  ${level} ${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`);
    }
  }
  return summary.errors.length === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
