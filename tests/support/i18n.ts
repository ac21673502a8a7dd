/**
 * `#i18n` for Vitest (no WXT build there): the same `i18n.t(key, substitutions)` over the English
 * catalog (locales/en.json), with `$1`… replaced as the browser's `i18n.getMessage` does. A key
 * missing from the catalog throws, so a test never passes on a string the catalog lacks.
 */
import en from '../../locales/en.json';

function lookup(key: string): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`No message "${key}" in locales/en.json`);
  return node;
}

export const i18n = {
  t(key: string, substitutions?: Array<string | number>): string {
    return lookup(key).replace(/\$(\d)/g, (_, n: string) => String(substitutions?.[Number(n) - 1] ?? ''));
  },
};
