/**
 * lib/core/i18n.ts: the background's sentences in the browser's language where browser.i18n
 * exists (the German catalog here, as Chromium's --lang=de gives it), English elsewhere (Node).
 */
import { afterEach, describe, expect, it } from 'vitest';
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
