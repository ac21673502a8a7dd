/**
 * The locale the options page writes dates and numbers in: the language of its words. Chromium's
 * `--lang` (and the OS language) choose the catalog, but Intl's default locale and
 * `i18n.getUILanguage()` may still say en-US; so the catalog names its language
 * (`options.locale`), and the browser's preferred languages add the region when one matches
 * (en-GB stays en-GB, de-AT stays de-AT).
 */
import { i18n } from '#i18n';

export function uiLocale(): string {
  const language = i18n.t('options.locale');
  const preferred = globalThis.navigator?.languages ?? [];
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}
