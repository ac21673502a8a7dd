/**
 * No English outside the catalogs: every component's user-visible words come from `i18n.t`.
 * tests/support/i18n-literals.ts parses components/**\/*.tsx and entrypoints/**\/*.tsx and
 * reports JSX text, user-visible attributes (title, aria-label, placeholder, alt, label, hint),
 * JSX children's string expressions and confirm()/alert() arguments that hold words.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiterals, PENDING_DIRS } from '../support/i18n-literals';

const ROOT = new URL('../../', import.meta.url).pathname;

function tsxFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) return tsxFiles(path);
    return entry.endsWith('.tsx') ? [path] : [];
  });
}

const pending = (path: string) => PENDING_DIRS.some((dir) => path === dir || path.startsWith(`${dir}/`));

describe('no literal English in components', () => {
  it('finds each kind of user-visible literal, and lets through what is not language', () => {
    const found = findLiterals(`
      export const A = ({ n, shortcut }: { n: number; shortcut?: string }) => (
        <section aria-label="Audit log" title={n ? 'Many rows' : i18n.t('x.y')}>
          <p>Loading settings…</p>
          <kbd>{shortcut || 'not set'}</kbd>
          <p>{n === 1 ? \`\${n} field needs\` : i18n.t('options.fields', [n])}</p>
          <input placeholder={\`Label for \${n}\`} />
          <button onClick={() => globalThis.confirm?.(\`Remove “\${n}”?\`)}>{i18n.t('options.remove')}</button>
          <code>chrome://extensions/shortcuts</code> — <b>BigCommerce</b> #{n} · 12:30 {' '}
          <Field label={i18n.t('options.name')} placeholder="https://acme.gladly.com" class="row wide" />
          <span data-state={n === 1 ? 'open' : 'closed'}>{i18n.t(n ? 'a.b' : 'c.d')}</span>
        </section>
      );`);
    expect(found.map((f) => [f.where, f.text])).toEqual([
      ['aria-label=', 'Audit log'],
      ['title=', 'Many rows'],
      ['JSX text', 'Loading settings…'],
      ['JSX child', 'field needs'],
      ['placeholder=', 'Label for'],
      ['confirm()', 'Remove “'],
    ]);
    // (`{shortcut || 'not set'}` sits in <kbd>, so it is not reported there; outside it would be.)
    expect(findLiterals(`const B = (s: string) => <p>{s || 'not set'}</p>;`)).toHaveLength(1);
  });

  it('every component and entrypoint takes its words from the catalogs', () => {
    const files = ['components', 'entrypoints'].flatMap(tsxFiles).filter((path) => !pending(path));
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('components/options/OptionsPage.tsx');
    const found = files.flatMap((path) =>
      findLiterals(readFileSync(join(ROOT, path), 'utf8')).map(
        (f) => `${path}:${f.line} ${f.where} ${JSON.stringify(f.text)}`,
      ),
    );
    expect(found).toEqual([]);
  });
});
