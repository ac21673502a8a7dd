import { i18n } from '#i18n';
import { useSidebarState } from './context';

/** No store is connected yet: say so, and offer the settings. */
export function NotConfigured() {
  const openOptions = useSidebarState((s) => s.openOptions);
  return (
    <section class="bc-screen bc-empty">
      <h1 class="bc-title">{i18n.t('sidebar.notConfiguredTitle')}</h1>
      <p>{i18n.t('sidebar.notConfiguredText')}</p>
      <button type="button" class="bc-button bc-button--primary" onClick={openOptions}>
        {i18n.t('sidebar.openSettings')}
      </button>
    </section>
  );
}
