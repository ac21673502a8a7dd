import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { StoreLookup } from '../../lib/messages/lookup';
import { formatAge } from '../../lib/sidebar/format';
import { useSidebar, useSidebarState } from './context';

/** "Updated 3 min. ago" + Refresh; louder when the data is stale or a refresh failed. */
export function Freshness({ store }: { store: StoreLookup }) {
  const { locale, now = Date.now } = useSidebar();
  const refresh = useSidebarState((s) => s.refresh);
  const refreshing = useSidebarState((s) => s.refreshing || !s.done);
  const [, tick] = useState(0);
  useEffect(() => {
    // Keep the age current without a store update.
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const failed = store.status !== 'error' && store.error;
  const stale = store.stale === true || !!failed;
  return (
    <div class={`bc-freshness${stale ? ' bc-freshness--stale' : ''}`}>
      {failed ? (
        // Stale data whose refresh failed, or fresh data missing a part (e.g. tracking).
        <span class="bc-wrap">{store.stale ? i18n.t('sidebar.refreshFailed', [failed.message]) : failed.message}</span>
      ) : store.fetchedAt ? (
        <span>{i18n.t('sidebar.updated', [formatAge(store.fetchedAt, now(), locale)])}</span>
      ) : null}
      {!store.complete && !failed && <span class="bc-muted"> · {i18n.t('sidebar.loadingCompletion')}</span>}
      <button type="button" class="bc-button bc-button--small bc-button--quiet" onClick={refresh} disabled={refreshing}>
        {i18n.t(refreshing ? 'sidebar.refreshing' : failed ? 'sidebar.retry' : 'sidebar.refresh')}
      </button>
    </div>
  );
}
