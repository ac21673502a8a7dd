/**
 * The two catalogs (locales/en.json, locales/de.json; WXT's i18n module turns them into
 * _locales/<lang>/messages.json): the same keys with the same placeholders, every key the code
 * asks for exists, and the built manifests are translated through them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const LOCALES = ['en', 'de'] as const;

function flatten(node: unknown, prefix = ''): Record<string, string> {
  if (typeof node === 'string') return { [prefix]: node };
  return Object.assign(
    {},
    ...Object.entries(node as Record<string, unknown>).map(([key, value]) =>
      flatten(value, prefix ? `${prefix}.${key}` : key),
    ),
  );
}

const catalogs = Object.fromEntries(
  LOCALES.map((lang) => [lang, flatten(JSON.parse(readFileSync(join(ROOT, 'locales', `${lang}.json`), 'utf8')))]),
) as Record<(typeof LOCALES)[number], Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\$\d/g)].map((m) => m[0]).sort();

/** Every `i18n.t('key'…)` in the extension's own code. */
function keysUsedInCode(): Map<string, string> {
  const used = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir))) {
      const path = join(dir, entry);
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry)) {
        const text = readFileSync(join(ROOT, path), 'utf8');
        for (const m of text.matchAll(/i18n\.t\(\s*'([\w.]+)'/g)) used.set(m[1]!, path);
        // Keys chosen by a condition: i18n.t(x ? 'a.b' : 'c.d').
        for (const m of text.matchAll(/i18n\.t\(([^)]*)\)/g))
          for (const k of m[1]!.matchAll(/'([a-z]\w*\.[\w.]+)'/g)) used.set(k[1]!, path);
      }
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(dir);
  return used;
}

describe('translations', () => {
  it('German has every English key and no other', () => {
    expect(Object.keys(catalogs.de).sort()).toEqual(Object.keys(catalogs.en).sort());
  });

  it.each(LOCALES)('%s: no empty message, the same placeholders as English', (lang) => {
    for (const [key, text] of Object.entries(catalogs[lang])) {
      expect(text.trim(), `${lang} ${key}`).not.toBe('');
      expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(catalogs.en[key] ?? ''));
    }
  });

  it('every key the code asks for is in the catalogs', () => {
    const used = keysUsedInCode();
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(([key]) => !(key in catalogs.en)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it.each(['chrome', 'firefox'] as const)(
    'the %s build names itself through the catalogs, English by default, German included',
    { timeout: 300_000 },
    (browser) => {
      const run = spawnSync(process.execPath, ['scripts/lint-firefox.mjs', '--build-only', browser], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const dir = join(ROOT, (JSON.parse(run.stdout.trim().split('\n').pop()!) as { outDir: string }).outDir);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.default_locale).toBe('en');
      expect(manifest.name).toBe('__MSG_extName__');
      expect(manifest.description).toBe('__MSG_extDescription__');
      expect(manifest.commands['toggle-sidebar'].description).toBe('__MSG_commandToggle__');
      for (const lang of LOCALES) {
        const messages = JSON.parse(readFileSync(join(dir, '_locales', lang, 'messages.json'), 'utf8'));
        expect(messages.extName.message, lang).toBe(catalogs[lang].extName);
        expect(messages.dock_showLabel.message, lang).toBe(catalogs[lang]['dock.showLabel']);
      }
    },
  );
});
