/**
 * The one-line summary of a store card: what the admin needs to know without opening it —
 * whether the last test worked, when, and whether the API account has every scope the
 * connection's switches need now.
 */
import { i18n } from '#i18n';
import { requiredScopes, scopeLabel } from '../../lib/bigcommerce/scopes';
import type { Connection } from '../../lib/settings/schema';

export type ScopeVerdict =
  | { kind: 'ok' }
  | { kind: 'missing'; labels: string[] }
  /** Never tested from this page, or the switches now need scopes the last test did not check. */
  | { kind: 'unchecked'; labels: string[]; never: boolean };

export interface StoreSummary {
  /** "Tested 6 Dec 2026, 03:40", "Test failed: …" or "Not tested". */
  test: { ok: boolean | null; text: string };
  scopes: ScopeVerdict;
}

/** How the card says when: the browser's own date and time format. */
export function formatTestedAt(iso: string, locale?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return at.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

export function storeSummary(connection: Connection, failure: string | null, locale?: string): StoreSummary {
  const test = failure
    ? { ok: false, text: i18n.t('stores.testFailed', [failure]) }
    : connection.lastTest
      ? { ok: true, text: i18n.t('stores.tested', [formatTestedAt(connection.lastTest.at, locale)]) }
      : { ok: null, text: i18n.t('stores.notTested') };
  const needed = requiredScopes(connection);
  const found = new Map<string, string>();
  for (const { scope, status } of connection.lastTest?.scopes ?? []) {
    found.set(scope, status);
    // "modify" includes "read-only": a test made with actions on also answers for actions off.
    if (status === 'present' && !found.has(`${scope}_read_only`)) found.set(`${scope}_read_only`, status);
  }
  const missing = needed.filter((scope) => found.get(scope) === 'missing');
  const unchecked = needed.filter((scope) => found.get(scope) !== 'missing' && found.get(scope) !== 'present');
  const scopes: ScopeVerdict =
    missing.length > 0
      ? { kind: 'missing', labels: missing.map(scopeLabel) }
      : unchecked.length > 0
        ? { kind: 'unchecked', labels: unchecked.map(scopeLabel), never: found.size === 0 }
        : { kind: 'ok' };
  return { test, scopes };
}

export function scopeVerdictText(verdict: ScopeVerdict): string {
  switch (verdict.kind) {
    case 'ok':
      return i18n.t('stores.scopesOk');
    case 'missing':
      return i18n.t('stores.scopesMissing', [verdict.labels.join(', ')]);
    case 'unchecked':
      return verdict.never
        ? i18n.t('stores.scopesNeverChecked')
        : i18n.t('stores.scopesNotChecked', [verdict.labels.join(', ')]);
  }
}
