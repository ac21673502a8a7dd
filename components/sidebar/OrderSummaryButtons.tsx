import { i18n } from '#i18n';
import { useMemo, useState } from 'preact/hooks';
import type { Order } from '../../lib/core/model';
import { orderSummary } from '../../lib/sidebar/order-summary';
import { insertIntoReply, insertOutcomeText } from '../../lib/sidebar/reply';
import { useSidebar } from './context';
import { CopyButton } from './CopyButton';

/** One click puts the order's short summary into Gladly's reply box (or on the clipboard). */
export function OrderSummaryButtons({ order }: { order: Order }) {
  const { request } = useSidebar();
  const summary = useMemo(() => orderSummary(order), [order]);
  const [said, setSaid] = useState<string | null>(null);
  return (
    <div class="bc-summary-actions">
      <button
        type="button"
        class="bc-button bc-button--small"
        onClick={async () =>
          setSaid(insertOutcomeText(await insertIntoReply(request, summary), i18n.t('sidebar.summaryWhat')))
        }
      >
        {i18n.t('sidebar.insertSummary')}
      </button>
      <CopyButton text={summary} label={i18n.t('sidebar.copySummary')} />
      {said && (
        <p class="bc-note bc-wrap" aria-live="polite">
          {said}
        </p>
      )}
    </div>
  );
}
