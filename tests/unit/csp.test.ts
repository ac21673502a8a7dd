/**
 * The built manifests keep the extension pages locked down: a strict CSP (own scripts only, no
 * plugins, nothing evaluated, no remote code) and host access only to BigCommerce's API and
 * Gladly. The production builds are made first when missing or out of date
 * (scripts/lint-firefox.mjs --build-only); the e2e build is checked when present, never built
 * here (npm test builds it before the suites run).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches?: string[] }[];
  web_accessible_resources?: (string | { matches?: string[] })[];
}

const API = 'https://api.bigcommerce.com/*';
const GLADLY = /^https:\/\/\*\.gladly\.(com|qa)\/\*$/;
const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost)(:\*)?\/\*$/;
const GLADLY_ORIGIN = /^https:\/\/\*\.gladly\.(com|qa)$/;
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost):\*$/;

function build(browser: 'chrome' | 'firefox'): void {
  const run = spawnSync(process.execPath, ['scripts/lint-firefox.mjs', '--build-only', browser], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Could not build for ${browser}: ${run.stderr}`);
}

const read = (dir: string): Manifest => JSON.parse(readFileSync(join(ROOT, dir, 'manifest.json'), 'utf8')) as Manifest;

/** The extension pages' CSP, as directive → sources. */
function pagesCsp(manifest: Manifest): Map<string, string[]> {
  const csp = manifest.content_security_policy;
  const text = typeof csp === 'string' ? csp : csp?.extension_pages;
  // No policy means the browser's default, which is not the one we rely on.
  expect(text, 'the manifest sets no CSP for extension pages').toBeTruthy();
  return new Map(
    text!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** Match patterns a manifest asks host access for (MV2 keeps them among permissions). */
function hostPatterns(manifest: Manifest): string[] {
  const fromPermissions = (manifest.permissions ?? []).filter((p) => p.includes('://') || p === '<all_urls>');
  return [...(manifest.host_permissions ?? []), ...fromPermissions];
}

function expectStrictCsp(manifest: Manifest, allowFrameAncestor: (source: string) => boolean): void {
  const csp = pagesCsp(manifest);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  for (const [directive, sources] of csp) {
    for (const source of sources) {
      expect(source, `${directive} allows ${source}`).not.toMatch(
        /unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval/i,
      );
    }
  }
  // No remote or inline-ish script sources anywhere a script could come from.
  for (const directive of ['default-src', 'script-src', 'script-src-elem', 'script-src-attr', 'worker-src']) {
    for (const source of csp.get(directive) ?? [])
      expect(source, `${directive} allows ${source}`).toMatch(/^'(self|none)'$/);
  }
  // Only Gladly (and the extension itself) may frame its pages.
  for (const source of csp.get('frame-ancestors') ?? []) {
    expect(
      source === "'self'" || GLADLY_ORIGIN.test(source) || allowFrameAncestor(source),
      `frame-ancestors allows ${source}`,
    ).toBe(true);
  }
}

const CDN_ORIGIN = /^https:\/\/cdn\d{1,2}\.bigcommerce\.com$/;
const LOOPBACK_ANY = /^https?:\/\/(127\.0\.0\.1|localhost):\*$/;

/**
 * Finding 6: nothing loads from a host the extension does not need. default-src is 'self';
 * images come only from BigCommerce's CDN; connections only to what the manifest's hosts need.
 */
function expectNarrowSources(manifest: Manifest, allowLoopback: boolean): void {
  const csp = pagesCsp(manifest);
  const loopback = (source: string) => allowLoopback && LOOPBACK_ANY.test(source);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'"]);
  const images = csp.get('img-src') ?? [];
  expect(images).toContain('https://cdn11.bigcommerce.com');
  expect(images).toContain('https://cdn8.bigcommerce.com');
  for (const source of images)
    expect(source === "'self'" || CDN_ORIGIN.test(source) || loopback(source), `img-src allows ${source}`).toBe(true);
  const connect = csp.get('connect-src') ?? [];
  const needed = hostPatterns(manifest).map((pattern) => pattern.replace(/\/\*$/, ''));
  for (const origin of needed) {
    const covered = connect.includes(origin) || (LOOPBACK.test(`${origin}/*`) && connect.includes(`${origin}:*`));
    expect(covered, `connect-src misses ${origin}, which the manifest's hosts need`).toBe(true);
  }
  for (const source of connect) {
    const origin = source.replace(/:\*$/, '');
    expect(source === "'self'" || needed.includes(origin), `connect-src allows ${source}`).toBe(true);
  }
}

function expectProductionHosts(manifest: Manifest, extra: (pattern: string) => boolean = () => false): void {
  const hosts = hostPatterns(manifest);
  expect(hosts).toContain(API);
  expect(hosts.filter(GLADLY.test.bind(GLADLY)).length).toBeGreaterThan(0);
  expect(hosts.filter((h) => h !== API && !GLADLY.test(h) && !extra(h))).toEqual([]);
  for (const script of manifest.content_scripts ?? []) {
    expect((script.matches ?? []).filter((m) => !GLADLY.test(m) && !extra(m))).toEqual([]);
  }
  for (const resource of manifest.web_accessible_resources ?? []) {
    if (typeof resource === 'string') continue; // MV2: reachable by any page that knows the name
    expect((resource.matches ?? []).filter((m) => !GLADLY.test(m) && !extra(m))).toEqual([]);
  }
}

/** Origins the extension may ask for at run time (team mode's service, at Connect): MV3 and MV2 spellings. */
function optionalHosts(manifest: Manifest): string[] {
  return [
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.optional_permissions ?? []).filter((p) => p.includes('://')),
  ];
}

describe('production manifests', () => {
  beforeAll(() => {
    build('chrome');
    build('firefox');
  }, 300_000);

  it.each([
    ['Chrome (MV3)', '.output/chrome-mv3'],
    ['Firefox (MV2)', '.output/firefox-mv2'],
  ])('%s: the team service origin is only optional (asked for at Connect), and only over https', (_, dir) => {
    expect(optionalHosts(read(dir))).toEqual(['https://*/*']);
  });

  it.each([
    ['Chrome (MV3)', '.output/chrome-mv3'],
    ['Firefox (MV2)', '.output/firefox-mv2'],
  ])('%s: extension pages have a strict CSP', (_, dir) => {
    expectStrictCsp(read(dir), () => false);
  });

  it.each([
    ['Chrome (MV3)', '.output/chrome-mv3'],
    ['Firefox (MV2)', '.output/firefox-mv2'],
  ])('%s: images only from BigCommerce CDN hosts, connections only to the manifest hosts', (_, dir) => {
    expectNarrowSources(read(dir), false);
  });

  it.each([
    ['Chrome (MV3)', '.output/chrome-mv3'],
    ['Firefox (MV2)', '.output/firefox-mv2'],
  ])('%s: host access only to api.bigcommerce.com and Gladly', (_, dir) => {
    expectProductionHosts(read(dir));
  });
});

const E2E = '.output-e2e/chrome-mv3';

describe.runIf(existsSync(join(ROOT, E2E, 'manifest.json')))('e2e manifest', () => {
  it('keeps the same strict CSP and adds only loopback hosts', () => {
    const manifest = read(E2E);
    expectStrictCsp(manifest, (source) => LOOPBACK_ORIGIN.test(source));
    expectProductionHosts(manifest, (pattern) => LOOPBACK.test(pattern));
    expectNarrowSources(manifest, true);
    // The e2e team service listens on plain http on this machine.
    expect(optionalHosts(manifest).sort()).toEqual(['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*']);
  });
});
