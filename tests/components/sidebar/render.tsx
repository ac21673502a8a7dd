import { act, render } from '@testing-library/preact';
import type { Identity } from '../../../lib/messages/identity';
import type { StoreLookup } from '../../../lib/messages/lookup';
import type { SidebarConnection } from '../../../lib/messages/sidebar';
import { withPhoneDisplays } from '../../../lib/background/phone-display';
import { createSidebarClient } from '../../../lib/sidebar/port';
import { createSidebarStore } from '../../../lib/sidebar/store';
import { App } from '../../../components/sidebar/App';
import { SidebarContext } from '../../../components/sidebar/context';
import { fakeConnector } from './fake-port';
import { NOW } from './fixtures';

/** The sidebar app on a fake port, with helpers that play the background's part. */
export function renderSidebar() {
  const connector = fakeConnector();
  const client = createSidebarClient(connector.open, { setTimer: (cb) => cb(), reconnectDelays: [0, 0] });
  const store = createSidebarStore(client);
  const view = render(
    <SidebarContext.Provider value={{ store, request: client.request, locale: 'en-US', now: () => NOW }}>
      <App />
    </SidebarContext.Provider>,
  );
  const port = () => connector.last;
  // As the background's port does: customers' phones arrive formatted (lib/background/phone-display.ts).
  const deliver = (message: unknown) => act(() => port().deliver(withPhoneDisplays(message, 'en-US')));
  return {
    ...view,
    store,
    client,
    connector,
    port,
    deliver,
    config: (connections: SidebarConnection[], configured?: boolean) =>
      deliver({ type: 'config', connections, ...(configured === undefined ? {} : { configured }) }),
    identity: (identity: Identity | null, customerId?: string) => deliver({ type: 'identity', identity, customerId }),
    /** The newest lookup the sidebar asked for. */
    lastLookup: () => {
      const lookups = port().sentOf<{ requestId: string; query: unknown; refresh?: boolean }>('lookup');
      return lookups[lookups.length - 1]!;
    },
    update: (stores: StoreLookup[], done = true, requestId?: string) =>
      deliver({ type: 'lookup/update', requestId: requestId ?? store.getState().requestId, stores, done }),
  };
}
