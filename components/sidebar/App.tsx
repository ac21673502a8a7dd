import { i18n } from '#i18n';
import { hasContact, type SidebarState } from '../../lib/sidebar/store';
import { useSidebarState } from './context';
import { NotConfigured } from './NotConfigured';
import { SearchForm } from './SearchForm';
import { LookupSkeleton } from './Skeleton';
import { StoreSection } from './StoreSection';

/** The whole sidebar: picks the screen for the current state. */
export function App() {
  const connection = useSidebarState((s) => s.connection);
  const config = useSidebarState((s) => s.config);
  return (
    <div class="bc-app">
      {connection === 'gone' && (
        <p class="bc-banner" role="alert">
          {i18n.t('sidebar.gone')}
        </p>
      )}
      {connection === 'reconnecting' && (
        <p class="bc-banner bc-banner--quiet" role="status">
          {i18n.t('sidebar.reconnecting')}
        </p>
      )}
      {!config ? (
        <LookupSkeleton label={i18n.t('sidebar.loading')} />
      ) : !config.configured ? (
        <NotConfigured />
      ) : (
        <CustomerScreen />
      )}
    </div>
  );
}

function CustomerScreen() {
  const identity = useSidebarState((s) => s.identity);
  const query = useSidebarState((s) => s.query);
  const showIdentity = useSidebarState((s) => s.showIdentity);
  const nothingFound = useSidebarState(allNotFound);

  if (query?.kind === 'manual') {
    return (
      <section class="bc-screen">
        <div class="bc-screen__head">
          <h1 class="bc-title">{i18n.t('sidebar.searchTitle')}</h1>
          {identity && hasContact(identity) && (
            <button type="button" class="bc-button bc-button--small bc-button--quiet" onClick={showIdentity}>
              {identity.name ? i18n.t('sidebar.backTo', [identity.name]) : i18n.t('sidebar.backToCustomer')}
            </button>
          )}
        </div>
        <SearchForm key={JSON.stringify(query)} initial={query} />
        <Results />
      </section>
    );
  }
  if (!identity) {
    return (
      <section class="bc-screen">
        <p class="bc-empty-text" role="status">
          {i18n.t('sidebar.waiting')}
        </p>
        <p class="bc-muted">{i18n.t('sidebar.openOrSearch')}</p>
        <SearchForm />
      </section>
    );
  }
  if (!query) {
    return (
      <section class="bc-screen">
        <p class="bc-empty-text">
          {identity.name ? i18n.t('sidebar.noContactNamed', [identity.name]) : i18n.t('sidebar.noContact')}
        </p>
        <p class="bc-muted">{i18n.t('sidebar.searchByHand')}</p>
        <SearchForm />
      </section>
    );
  }
  return (
    <section class="bc-screen">
      <Results />
      {!nothingFound && (
        <details class="bc-more-search">
          <summary>{i18n.t('sidebar.searchSomeoneElse')}</summary>
          <SearchForm />
        </details>
      )}
    </section>
  );
}

/** Every store answered and none knows this customer (the not-found screen carries the search form). */
const allNotFound = (s: Pick<SidebarState, 'stores' | 'done'>) =>
  s.done && s.stores.length > 0 && s.stores.every((store) => store.status === 'not-found');

/** The lookup's stores, or one calm screen when there is nothing else to say. */
function Results() {
  const stores = useSidebarState((s) => s.stores);
  const done = useSidebarState((s) => s.done);
  const lookupError = useSidebarState((s) => s.lookupError);
  const requestId = useSidebarState((s) => s.requestId);
  const connections = useSidebarState((s) => s.config?.connections);
  const refresh = useSidebarState((s) => s.refresh);
  const query = useSidebarState((s) => s.query);

  if (lookupError) {
    return (
      <div class="bc-error" role="alert">
        <p class="bc-wrap">{lookupError.message}</p>
        <button type="button" class="bc-button bc-button--small" onClick={refresh}>
          {i18n.t('sidebar.retry')}
        </button>
      </div>
    );
  }
  if (stores.length === 0) {
    return requestId && !done ? <LookupSkeleton /> : <p class="bc-muted">{i18n.t('sidebar.nothingToShow')}</p>;
  }
  if (allNotFound({ stores, done })) {
    return (
      <div class="bc-empty">
        <p class="bc-empty-text">
          {stores.length > 1
            ? i18n.t('sidebar.notFoundAnyStore')
            : i18n.t('sidebar.notFoundInStore', [stores[0]!.storeName])}
        </p>
        {query?.kind === 'identity' && (
          <>
            <p class="bc-muted">
              {hasContact(query.identity)
                ? i18n.t('sidebar.searchAnother')
                : query.identity.name
                  ? i18n.t('sidebar.noContactSearchNamed', [query.identity.name])
                  : i18n.t('sidebar.noContactSearch')}
            </p>
            <SearchForm />
          </>
        )}
      </div>
    );
  }
  return (
    <>
      {stores.map((store) => (
        <StoreSection
          key={store.connectionId}
          store={store}
          connection={connections?.find((c) => c.id === store.connectionId)}
          showName={true}
        />
      ))}
    </>
  );
}
