import { i18n } from '#i18n';
import type { StoreLookup } from '../../lib/messages/lookup';
import type { SidebarConnection } from '../../lib/messages/sidebar';
import { CandidatesTable } from './CandidatesTable';
import { useSidebarState } from './context';
import { Freshness } from './Freshness';
import { OrderList } from './OrderList';
import { Profile } from './Profile';
import { LookupSkeleton } from './Skeleton';

interface Props {
  store: StoreLookup;
  connection: SidebarConnection | undefined;
  /** Show the store's name as a heading (several stores on screen). */
  showName: boolean;
}

/** One store's part of the lookup, in whatever state it is. */
export function StoreSection({ store, connection, showName }: Props) {
  const canLink = useSidebarState((s) => s.identity !== null);
  const busy = useSidebarState((s) => s.busy[store.connectionId] === true);
  const actionError = useSidebarState((s) => s.actionErrors[store.connectionId]);
  const link = useSidebarState((s) => s.link);
  const unlink = useSidebarState((s) => s.unlink);
  const refresh = useSidebarState((s) => s.refresh);
  const storeName = store.storeName || connection?.name || store.connectionId;

  let body;
  switch (store.status) {
    case 'loading':
      body = <LookupSkeleton label={i18n.t('sidebar.lookingUpStore', [storeName])} />;
      break;
    case 'error':
      body = (
        <div class="bc-error" role="alert">
          <p class="bc-wrap">{store.error?.message ?? i18n.t('sidebarErrors.somethingWrong')}</p>
          <button type="button" class="bc-button bc-button--small" onClick={refresh}>
            {i18n.t('sidebar.retry')}
          </button>
        </div>
      );
      break;
    case 'not-found':
      body = <p class="bc-muted">{i18n.t('sidebar.notFoundThisStore')}</p>;
      break;
    case 'candidates':
      body = (
        <>
          {store.candidateReason && <p class="bc-note bc-wrap">{store.candidateReason}</p>}
          <CandidatesTable
            storeName={storeName}
            candidates={store.candidates ?? []}
            columns={connection?.searchResultsAttributes ?? []}
            onLink={canLink ? (customerId) => void link(store.connectionId, customerId) : null}
            busy={busy}
          />
          {store.orders && store.orders.length > 0 && (
            <OrderList orders={store.orders} customer={null} connection={connection} />
          )}
        </>
      );
      break;
    case 'guest':
      body = (
        <>
          <p class="bc-note">{i18n.t('sidebar.guestOrders')}</p>
          <OrderList
            orders={store.orders ?? []}
            customer={null}
            connection={connection}
            history={{
              connectionId: store.connectionId,
              customerId: null,
              email: store.orders?.[0]?.billingEmail ?? '',
            }}
          />
        </>
      );
      break;
    case 'linked':
      body = store.customer ? (
        <>
          <Profile
            customer={store.customer}
            storeName={showName ? null : storeName}
            connectionId={store.connectionId}
            autoLinked={store.autoLinked === true}
            onUnlink={canLink ? () => void unlink(store.connectionId) : null}
            busy={busy}
          />
          <OrderList
            orders={store.orders ?? []}
            customer={store.customer}
            connection={connection}
            history={{ connectionId: store.connectionId, customerId: store.customer.id, email: store.customer.email }}
          />
        </>
      ) : null;
      break;
  }

  const hasData = store.status === 'linked' || store.status === 'guest' || store.status === 'candidates';
  return (
    <section class="bc-store" aria-label={storeName}>
      {showName && (
        <h2 class="bc-store__name bc-ellipsis" title={storeName}>
          {storeName}
        </h2>
      )}
      {actionError && (
        <p class="bc-error bc-wrap" role="alert">
          {actionError}
        </p>
      )}
      {body}
      {hasData && <Freshness store={store} />}
    </section>
  );
}
