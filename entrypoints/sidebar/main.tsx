import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SIDEBAR_PORT } from '../../lib/messages/sidebar-checks';
import { createSidebarClient } from '../../lib/sidebar/port';
import { createSidebarStore } from '../../lib/sidebar/store';
import { warmUpFormats } from '../../lib/sidebar/format';
import { App } from '../../components/sidebar/App';
import { warmUpRendering } from '../../components/sidebar/warm-up';
import { SidebarContext } from '../../components/sidebar/context';
import './style.css';

// The page speaks the browser's language (the catalogs follow it): screen readers read it so.
document.documentElement.lang = browser.i18n.getUILanguage();

const client = createSidebarClient(() => browser.runtime.connect({ name: SIDEBAR_PORT }));
const store = createSidebarStore(client);
const request = client.request.bind(client);

render(
  <SidebarContext.Provider value={{ store, request }}>
    <App />
  </SidebarContext.Provider>,
  document.getElementById('app')!,
);

// Ready to show a customer: a running worker sent the configuration (read by the benchmark).
const unsubscribe = store.subscribe((state) => {
  if (!state.config) return;
  performance.mark('sidebar-ready');
  unsubscribe();
});

// After the first paint, while the sidebar waits for its first customer or that customer's lookup
// is still on the network: the formatters, then a render of a made-up customer (see each).
requestIdleCallback(() => warmUpFormats(undefined), { timeout: 100 });
requestIdleCallback(() => warmUpRendering(store), { timeout: 300 });
