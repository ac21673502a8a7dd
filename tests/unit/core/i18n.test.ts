/**
 * lib/core/i18n.ts: the background's sentences in the browser's language where browser.i18n
 * exists (the German catalog here, as Chromium's --lang=de gives it), English elsewhere (Node).
 * And the locale money and dates follow: the language the catalog speaks, in the browser's region.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import de from '../../../locales/de.json';
import { errorForStatus } from '../../../lib/bigcommerce/errors';
import { i18n } from '../../../lib/core/i18n';

/** browser.i18n.getMessage over a catalog: "a.b" is message "a_b", $1… substituted. */
function fakeGetMessage(catalog: Record<string, unknown>) {
  return (name: string, substitutions: string[] = []) => {
    const [block, key] = name.split('_') as [string, string];
    const text = (catalog[block] as Record<string, string> | undefined)?.[key] ?? '';
    return text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  };
}

const scope = globalThis as { browser?: unknown };

afterEach(() => {
  delete scope.browser;
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('background sentences', () => {
  it('are German when the browser speaks German', () => {
    scope.browser = { i18n: { getMessage: fakeGetMessage(de) } };
    expect(errorForStatus(401, {}, undefined).message).toBe(de.sidebarErrors.auth);
    expect(errorForStatus(503, {}, undefined).message).toBe(
      'BigCommerce antwortet gerade nicht richtig (Fehler 503). Versuchen Sie es gleich erneut.',
    );
  });

  it('are English outside a browser, with their substitutions', () => {
    expect(i18n.t('sidebarErrors.unavailable', [503])).toBe(
      'BigCommerce is not answering properly right now (error 503). Try again shortly.',
    );
    expect(errorForStatus(401, {}, undefined).message).toMatch(/^BigCommerce refused the access token/);
  });
});

describe('the locale formats follow', () => {
  /** lib/sidebar/format.ts fresh (it settles the locale once per page), in a browser with this catalog and these languages. */
  async function formatIn(catalog: Record<string, unknown>, languages: string[]) {
    scope.browser = { i18n: { getMessage: fakeGetMessage(catalog) } };
    vi.stubGlobal('navigator', { language: languages[0], languages });
    vi.resetModules();
    return import('../../../lib/sidebar/format');
  }

  it("is the catalog's language even where navigator.language lags (Chromium with --lang=de says en-US)", async () => {
    const format = await formatIn(de, ['en-US', 'en']);
    expect(format.browserLocale()).toBe('de');
    expect(format.formatMoney('141.90', 'USD')).toBe('141,90\u00a0$');
    expect(format.formatDate('2026-10-02T12:00:00.000Z')).toBe('02.10.2026');
  });

  it("keeps the browser's own region when its language is the catalog's", async () => {
    expect((await formatIn(de, ['de-AT', 'de'])).browserLocale()).toBe('de-AT');
    const british = await formatIn({ sidebar: { formatLocale: 'en' } }, ['fr-FR', 'en-GB']);
    expect(british.browserLocale()).toBe('en-GB');
    expect(british.formatDate('2026-10-02T12:00:00.000Z')).toBe('2 Oct 2026');
  });
});
