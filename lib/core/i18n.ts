/**
 * The catalogs' messages for background code that also runs outside the extension: the team
 * service (Node) and the scripts share lib/bigcommerce, lib/lookup and the lookup service, where
 * WXT's `#i18n` cannot resolve. In the extension this asks `browser.i18n` (the browser's language,
 * as WXT's `i18n.t` does: "a.b" is message "a_b"); elsewhere it reads the English catalog, so a
 * sentence is never lost or replaced by its key.
 */
import en from '../../locales/en.json';
import { browserGetMessage } from './browser-i18n';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the catalogs, e.g. 'sidebarErrors.offline' (tests/unit/i18n.test.ts keeps them in step). */
export type MessageKey = Leaves<typeof en>;

function english(key: string, substitutions: string[]): string {
  let node: unknown = en;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return key;
  return node.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
}

// In the extension the browser always answers (falling back to the default locale, English, by
// itself), so its build leaves the English catalog out (≈ 8.5 kB gzip of the worker).
const inExtension = typeof __EXTENSION_BUILD__ !== 'undefined' && __EXTENSION_BUILD__ === true;

export const i18n = {
  t(key: MessageKey, substitutions: Array<string | number> = []): string {
    const subs = substitutions.map(String);
    const message = browserGetMessage()?.(key.replaceAll('.', '_'), subs);
    if (inExtension) return message || key;
    return message || english(key, subs);
  },
};
