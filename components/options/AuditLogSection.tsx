/**
 * The audit log on the options page: every action agents took from the sidebar, newest first,
 * with an export as CSV. `load` reads the log from the background (OptionsApi.auditLog: `audit/list`).
 */
import { i18n } from '#i18n';
import { formatDateTime, type Locale } from '../../lib/sidebar/format';
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../lib/actions/audit-log';
import { auditToCsv } from '../../lib/actions/audit-csv';
import { browserLocale } from '../../lib/core/locale';

const PAGE = 100;

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const RESULT_WORDS: Record<AuditEntry['result'], () => string> = {
  succeeded: () => i18n.t('optionsAudit.resultSucceeded'),
  failed: () => i18n.t('optionsAudit.resultFailed'),
  unknown: () => i18n.t('optionsAudit.resultUnknown'),
  'found-done': () => i18n.t('optionsAudit.resultFoundDone'),
  'found-not-done': () => i18n.t('optionsAudit.resultFoundNotDone'),
};
const ACTION_WORDS: Record<AuditEntry['action'], () => string> = {
  cancel: () => i18n.t('optionsAudit.actionCancel'),
  refund: () => i18n.t('optionsAudit.actionRefund'),
  coupon: () => i18n.t('optionsAudit.actionCoupon'),
  void: () => i18n.t('optionsAudit.actionVoid'),
  reconcile: () => i18n.t('optionsAudit.actionReconcile'),
  cancelRefund: () => i18n.t('optionsAudit.actionCancelRefund'),
};

/**
 * An amount as the browser's locale writes numbers, exact to its last digit, with the currency's
 * code (a log is read for the code, not a symbol): "12.00 USD" in English, "12,00 USD" in German.
 */
function amountText(entry: Pick<AuditEntry, 'amount' | 'currency'>, locale?: Locale): string {
  if (entry.amount === null) return '';
  const unit = entry.currency === '%' ? '%' : entry.currency ? ` ${entry.currency}` : '';
  const value = entry.amount.trim();
  if (!/^-?\d+(\.\d+)?$/.test(value)) return `${value}${unit}`;
  const digits = value.split('.')[1]?.length ?? 0;
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // A decimal string is formatted exactly (Intl.NumberFormat v3): no float touches an amount.
  return `${number.format(value as `${number}`)}${unit}`;
}

export function AuditLogSection({
  load,
  exportCsv,
  locale,
}: {
  load: () => Promise<AuditEntry[]>;
  /** Dates and amounts in this locale; the page's (./locale.ts) by default. */
  locale?: Locale;
  /** The team service's own CSV (same columns); by default the entries shown are exported. */
  exportCsv?: () => Promise<{ csv: string; filename: string }>;
}) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);

  async function refresh() {
    setError(null);
    try {
      setEntries(await load());
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : i18n.t('optionsAudit.unreadable'));
    }
  }
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    // The options page gives this its section and heading.
    <div class="audit-log">
      <p class="hint">{i18n.t('optionsAudit.hint')}</p>
      <div class="row">
        <button type="button" onClick={() => void refresh()}>
          {i18n.t('optionsAudit.refresh')}
        </button>
        <button
          type="button"
          disabled={!entries?.length}
          onClick={() => {
            if (exportCsv)
              void exportCsv().then(
                ({ csv, filename }) => download(csv, filename),
                (e: unknown) =>
                  setError(e instanceof Error && e.message ? e.message : i18n.t('optionsAudit.unreadable')),
              );
            else if (entries) download(auditToCsv(entries), `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
          }}
        >
          {i18n.t('optionsAudit.export')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {entries === null && !error && <p aria-live="polite">{i18n.t('optionsAudit.loading')}</p>}
      {entries?.length === 0 && <p>{i18n.t('optionsAudit.empty')}</p>}
      {entries && entries.length > 0 && (
        <table class="audit-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('optionsAudit.when')}</th>
              <th scope="col">{i18n.t('optionsAudit.agent')}</th>
              <th scope="col">{i18n.t('optionsAudit.store')}</th>
              <th scope="col">{i18n.t('optionsAudit.order')}</th>
              <th scope="col">{i18n.t('optionsAudit.action')}</th>
              <th scope="col">{i18n.t('optionsAudit.amount')}</th>
              <th scope="col">{i18n.t('optionsAudit.result')}</th>
              <th scope="col">{i18n.t('optionsAudit.reference')}</th>
              <th scope="col">{i18n.t('optionsAudit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, shown).map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, locale ?? browserLocale())}</time>
                </td>
                <td>{entry.agent}</td>
                <td>{entry.storeName}</td>
                <td>#{entry.orderId}</td>
                <td>{ACTION_WORDS[entry.action]()}</td>
                <td>{amountText(entry, locale ?? browserLocale())}</td>
                <td>{RESULT_WORDS[entry.result]()}</td>
                <td>{entry.reference ?? ''}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries && entries.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          {i18n.t('optionsAudit.showMore', [Math.min(PAGE, entries.length - shown)])}
        </button>
      )}
    </div>
  );
}
