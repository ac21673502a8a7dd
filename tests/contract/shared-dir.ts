import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The OpenAPI files and real payloads are read-only reference data kept beside the repo
// (../shared), not in it. Without them the contract suite proves nothing, so it must fail.

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export class SharedDocsMissingError extends Error {
  constructor(tried: readonly string[]) {
    super(
      'The contract tests need the shared BigCommerce reference folder (bigcommerce-openapi/ and ' +
        'bigcommerce-real-payloads/), but it was not found. Looked in: ' +
        tried.join(', ') +
        '. Set BIGCOMMERCE_SHARED_DIR to the folder that holds them.',
    );
    this.name = 'SharedDocsMissingError';
  }
}

/** Where to look: an explicit BIGCOMMERCE_SHARED_DIR is the only place; else beside the repo. */
export function sharedDirCandidates(env: Record<string, string | undefined> = process.env): string[] {
  const fromEnv = env.BIGCOMMERCE_SHARED_DIR;
  if (fromEnv) return [resolve(fromEnv)];
  return [...new Set([resolve(REPO_ROOT, '../shared'), '/work/shared'])];
}

/** The first candidate holding both folders, or a loud SharedDocsMissingError. */
export function findSharedDir(tried: readonly string[]): string {
  const dir = tried.find(
    (d) => existsSync(resolve(d, 'bigcommerce-openapi')) && existsSync(resolve(d, 'bigcommerce-real-payloads')),
  );
  if (!dir) throw new SharedDocsMissingError(tried);
  return dir;
}

let found: string | undefined;

export function sharedDir(): string {
  found ??= findSharedDir(sharedDirCandidates());
  return found;
}

export const specDir = (): string => resolve(sharedDir(), 'bigcommerce-openapi');
export const realPayloadDir = (): string => resolve(sharedDir(), 'bigcommerce-real-payloads');
