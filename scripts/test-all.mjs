#!/usr/bin/env node
// `npm test`: type check, then every Vitest suite (unit, components, contract, team, e2e), then one
// plain closing line `N passed, N failed` that sums every runner (CI reads that line).
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

// 1. Type check and format + lint (Biome: drift from the formatter fails CI) count as one check each.
if (step('typecheck', 'npx', ['tsc', '--noEmit'])) passed += 1;
else failed += 1;
if (step('format + lint', 'npx', ['biome', 'ci', '--colors=off', '.'])) passed += 1;
else failed += 1;

// 2. Every build counts as a check: the e2e suites load the e2e build, the secrets scan reads the
//    production bundles and the Firefox lint reads the Firefox build.
for (const build of ['build', 'build:firefox', 'build:e2e']) {
  if (step(build, 'npm', ['run', '--silent', build])) passed += 1;
  else failed += 1;
}

// 3. Vitest, all projects, with a JSON report we can count.
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
rmSync(report, { force: true });
const vitestOk = step('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A suite that failed to load has no tests to count: count it as a failure.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} catch (error) {
  console.error(`Could not read the Vitest report (${report}): ${error.message}`);
  failed += 1;
}
if (!vitestOk && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
