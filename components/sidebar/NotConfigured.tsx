import { useSidebarState } from './context';

/** No store is connected yet: say so, and offer the settings. */
export function NotConfigured() {
  const openOptions = useSidebarState((s) => s.openOptions);
  return (
    <section class="bc-screen bc-empty">
      <h1 class="bc-title">Connect a BigCommerce store</h1>
      <p>No store is connected yet. An admin adds a store connection in the extension's settings.</p>
      <button type="button" class="bc-button bc-button--primary" onClick={openOptions}>
        Open settings
      </button>
    </section>
  );
}
