/**
 * The locale people see formats in, the same in the sidebar and the background (one browser,
 * one language): the sidebar formats money and dates with it, the background phones.
 */
import { browserGetMessage } from './browser-i18n';

/** undefined = the browser's own locale (browserLocale). Tests pass one to get stable output. */
export type Locale = string | undefined;

let chosenLocale: string | undefined;

/**
 * The locale formats follow: the browser's preferred language tag (e.g. "de-AT", "en-GB") whose
 * language the catalogs speak here, else the catalog's own ("de", "en"). So a German text never
 * carries "$25.00", and an English one keeps the agent's regional dates. (The catalog is what
 * Chromium chose from its UI language; navigator.language may lag behind it, e.g. with --lang.)
 */
export function browserLocale(): string {
  if (chosenLocale) return chosenLocale;
  // The catalog's sidebar.formatLocale, read without lib/core/i18n.ts: its English fallback
  // catalog would weigh ≈ 9 kB gzip in the sidebar, where the browser always answers.
  const language = browserGetMessage()?.('sidebar_formatLocale') || 'en';
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  chosenLocale = preferred.find((tag) => tag?.split('-')[0]?.toLowerCase() === language) ?? language;
  return chosenLocale;
}

/** The country of a locale ("de" → "DE", "en" → "US", "fr-CA" → "CA"); undefined when it names none. */
export function localeRegion(locale?: Locale): string | undefined {
  try {
    return new Intl.Locale(locale ?? browserLocale()).maximize().region;
  } catch {
    return undefined;
  }
}
