import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { LifetimeTotals } from '../../lib/lookup/lifetime';
import { formatMoney } from '../../lib/sidebar/format';
import { useSidebar } from './context';

interface Props {
  connectionId: string;
  customerId: string | null;
  email: string;
}

/** Order count, lifetime spend and average order value in this store (asked once the profile shows). */
export function Lifetime({ connectionId, customerId, email }: Props) {
  const { request, locale } = useSidebar();
  const [state, setState] = useState<{ totals: LifetimeTotals[] } | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    setState('loading');
    request({ type: 'lifetime', connectionId, customerId, email })
      .then((reply) => live && setState({ totals: reply.totals }))
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [request, connectionId, customerId, email]);

  if (state === 'loading') return <p class="bc-muted bc-lifetime">{i18n.t('sidebar.lifetimeLoading')}</p>;
  if (state === 'failed') return <p class="bc-muted bc-lifetime">{i18n.t('sidebar.lifetimeFailed')}</p>;
  if (state.totals.length === 0) return <p class="bc-muted bc-lifetime">{i18n.t('sidebar.noPaidOrders')}</p>;
  // One row per currency: with more than one, each row says which (the counts differ, not only the symbols).
  const perCurrency = state.totals.length > 1;
  return (
    <dl class="bc-lifetime" aria-label={i18n.t('sidebar.lifetime')}>
      {state.totals.map((t) => (
        <div key={t.currency} class="bc-lifetime__set">
          <div class="bc-lifetime__cell">
            <dt>{perCurrency ? i18n.t('sidebar.ordersIn', [t.currency]) : i18n.t('sidebar.orders')}</dt>
            <dd>{t.orders}</dd>
          </div>
          <div class="bc-lifetime__cell">
            <dt>{i18n.t('sidebar.lifetimeSpend')}</dt>
            <dd>{formatMoney(t.spend, t.currency, locale)}</dd>
          </div>
          <div class="bc-lifetime__cell">
            <dt>{i18n.t('sidebar.averageOrder')}</dt>
            <dd>{formatMoney(t.average, t.currency, locale)}</dd>
          </div>
        </div>
      ))}
    </dl>
  );
}
