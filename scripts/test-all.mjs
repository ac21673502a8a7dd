#!/usr/bin/env node
// `npm test`: type check, format + lint, the three builds, then every Vitest suite (unit,
// components, contract, team, e2e), then one plain closing line `N passed, N failed` that sums
// every runner (CI reads that line).
//
// Speed on CI's 2 cores: Vitest gives itself (cores − 1) = 1 worker there, so one core would idle
// through the CPU-bound unit suites. Those suites (and the team service's) run with 2 workers;
// the e2e suite runs last and alone (one worker, one Chromium at a time), so a busy core never
// starves a browser test.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

let passed = 0;
let failed = 0;

/** Runs a command; `buffered` output is printed in one piece when it ends (for steps run side by side). */
function run(name, cmd, args, { buffered = false } = {}) {
  return new Promise((resolve) => {
    const header = `\n── ${name}: ${cmd} ${args.join(' ')}`;
    if (!buffered) console.log(header);
    const child = spawn(cmd, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const chunks = [];
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('close', (code) => {
      if (buffered) {
        console.log(header);
        process.stdout.write(Buffer.concat(chunks));
      }
      resolve(code === 0);
    });
    child.on('error', (error) => {
      console.error(`${name}: ${error.message}`);
      resolve(false);
    });
  });
}

const count = (ok) => {
  if (ok) passed += 1;
  else failed += 1;
};

// 1. Type check, format + lint (Biome: drift from the formatter fails CI) and every build count as
//    one check each. The type check and Biome run side by side; the builds come after, one at a
//    time, because each rewrites .wxt/ (which the type check reads). The e2e suites load the e2e
//    build, the secrets scan reads the production bundles and the Firefox lint the Firefox build.
const checks = await Promise.all([
  run('typecheck', 'npx', ['tsc', '--noEmit'], { buffered: true }),
  run('format + lint', 'npx', ['biome', 'ci', '--colors=off', '.'], { buffered: true }),
]);
for (const ok of checks) count(ok);
for (const build of ['build', 'build:firefox', 'build:e2e']) count(await run(build, 'npm', ['run', '--silent', build]));

// 2. Vitest in two runs, each with a JSON report we can count.
mkdirSync('test-results', { recursive: true });
async function vitest(name, projects, extra) {
  const report = `test-results/vitest-${name}.json`;
  rmSync(report, { force: true });
  const before = failed;
  const ok = await run(`vitest (${name})`, 'npx', [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    ...extra,
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
  if (!ok && failed === before) failed += 1;
}
await vitest('unit', ['unit', 'components', 'contract', 'team'], ['--maxWorkers=2']);
await vitest('e2e', ['e2e'], []);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
