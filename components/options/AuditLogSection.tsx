/**
 * The audit log on the options page: every action agents took from the sidebar, newest first,
 * with an export as CSV. `load` reads the log from the background (OptionsApi.auditLog: `audit/list`).
 */
import { formatDateTime } from '../../lib/sidebar/format';
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../lib/actions/audit-log';
import { auditToCsv } from '../../lib/actions/audit-csv';

const PAGE = 100;
const NO_ANSWER = 'The audit log could not be read. Reload this page and try again.';

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const RESULT_WORDS: Record<AuditEntry['result'], string> = {
  succeeded: 'Done',
  failed: 'Failed',
  unknown: 'No answer (outcome unknown)',
  'found-done': 'Checked: it went through',
  'found-not-done': 'Checked: it did not go through',
};
const ACTION_WORDS: Record<AuditEntry['action'], string> = {
  cancel: 'Cancel',
  refund: 'Refund',
  coupon: 'Discount code',
  void: 'Void payment',
  reconcile: 'Check lost action',
  cancelRefund: 'Cancel & refund',
};

export function AuditLogSection({
  load,
  exportCsv,
}: {
  load: () => Promise<AuditEntry[]>;
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
      setError(e instanceof Error && e.message ? e.message : NO_ANSWER);
    }
  }
  useEffect(() => {
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    // The options page gives this its section and heading.
    <div class="audit-log">
      <p class="hint">
        Every cancel, refund and discount code agents made from the sidebar, whether it worked or not (the latest 2000).
      </p>
      <div class="row">
        <button type="button" onClick={() => void refresh()}>
          Refresh
        </button>
        <button
          type="button"
          disabled={!entries?.length}
          onClick={() => {
            if (exportCsv)
              void exportCsv().then(
                ({ csv, filename }) => download(csv, filename),
                (e: unknown) => setError(e instanceof Error && e.message ? e.message : NO_ANSWER),
              );
            else if (entries) download(auditToCsv(entries), `audit-log-${new Date().toISOString().slice(0, 10)}.csv`);
          }}
        >
          Export as CSV
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      {entries === null && !error && <p aria-live="polite">Loading…</p>}
      {entries?.length === 0 && <p>No actions yet.</p>}
      {entries && entries.length > 0 && (
        <table class="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Agent</th>
              <th scope="col">Store</th>
              <th scope="col">Order</th>
              <th scope="col">Action</th>
              <th scope="col">Amount</th>
              <th scope="col">Result</th>
              <th scope="col">Reference</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, shown).map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td>{entry.agent}</td>
                <td>{entry.storeName}</td>
                <td>#{entry.orderId}</td>
                <td>{ACTION_WORDS[entry.action]}</td>
                <td>
                  {entry.amount === null
                    ? ''
                    : entry.currency === '%'
                      ? `${entry.amount}%`
                      : `${entry.amount} ${entry.currency ?? ''}`.trim()}
                </td>
                <td>{RESULT_WORDS[entry.result]}</td>
                <td>{entry.reference ?? ''}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {entries && entries.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, entries.length - shown)} more
        </button>
      )}
    </div>
  );
}
