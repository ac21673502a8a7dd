import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { E2E_EXTENSION_DIR } from '../../scripts/lib/browser';

/** The e2e suites load the built e2e extension: build it when `npm test` has not already. */
export default function setup(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) return;
  if (process.env.E2E_REBUILD === '1' || !existsSync(join(E2E_EXTENSION_DIR, 'manifest.json'))) {
    execSync('npm run --silent build:e2e', { stdio: 'inherit' });
  }
}
