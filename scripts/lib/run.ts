/** Process plumbing shared by the demo and the benchmark: the e2e build, displays, Ctrl-C. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { E2E_EXTENSION_DIR } from './browser';

/** `npm run build:e2e`, its output on stderr (stdout stays clean for JSON); rejects on failure. */
export function buildE2E(): Promise<void> {
  return npmRun('build:e2e', join(E2E_EXTENSION_DIR, 'manifest.json'));
}

/** `npm run build` (the production extension, .output/chrome-mv3). */
export function buildProduction(): Promise<void> {
  return npmRun('build', join(PRODUCTION_EXTENSION_DIR, 'manifest.json'));
}

export const PRODUCTION_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

function npmRun(script: string, produces: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', process.stderr, process.stderr] });
    const forward = () => child.kill('SIGTERM');
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0 && existsSync(produces)) resolve();
      else reject(new Error(`npm run ${script} failed (${signal ?? `exit code ${code}`}); see its output above.`));
    });
  });
}

/** Whether a headed browser can open a window here. */
export function hasDisplay(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Runs `stop` once on the first SIGINT/SIGTERM (a second Ctrl-C exits at once). */
export function onStopSignal(stop: (signal: 'SIGINT' | 'SIGTERM') => Promise<void>): void {
  let stopping = false;
  const handler = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stopping) process.exit(130);
    stopping = true;
    void stop(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
