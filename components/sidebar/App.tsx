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
          The extension was updated or stopped. Reload this page.
        </p>
      )}
      {connection === 'reconnecting' && (
        <p class="bc-banner bc-banner--quiet" role="status">
          Reconnecting…
        </p>
      )}
      {!config ? <LookupSkeleton label="Loading…" /> : !config.configured ? <NotConfigured /> : <CustomerScreen />}
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
          <h1 class="bc-title">Search BigCommerce</h1>
          {identity && hasContact(identity) && (
            <button type="button" class="bc-button bc-button--small bc-button--quiet" onClick={showIdentity}>
              Back to {identity.name || 'the customer'}
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
          Waiting for a customer…
        </p>
        <p class="bc-muted">Open a conversation in Gladly, or search by hand:</p>
        <SearchForm />
      </section>
    );
  }
  if (!query) {
    return (
      <section class="bc-screen">
        <p class="bc-empty-text">
          {identity.name ? `${identity.name} has` : 'This customer has'} no email or phone in Gladly.
        </p>
        <p class="bc-muted">Search BigCommerce by hand:</p>
        <SearchForm />
      </section>
    );
  }
  return (
    <section class="bc-screen">
      <Results />
      {!nothingFound && (
        <details class="bc-more-search">
          <summary>Search for someone else</summary>
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
          Retry
        </button>
      </div>
    );
  }
  if (stores.length === 0) {
    return requestId && !done ? <LookupSkeleton /> : <p class="bc-muted">Nothing to show.</p>;
  }
  if (allNotFound({ stores, done })) {
    return (
      <div class="bc-empty">
        <p class="bc-empty-text">
          No customer or orders found{stores.length > 1 ? ' in any store' : ` in ${stores[0]!.storeName}`}.
        </p>
        {query?.kind === 'identity' && (
          <>
            <p class="bc-muted">
              {hasContact(query.identity)
                ? 'Search by another email, phone or an order number:'
                : `${query.identity.name || 'This customer'} has no email or phone in Gladly. Search by hand:`}
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
