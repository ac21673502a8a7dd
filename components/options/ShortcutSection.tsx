import { i18n } from '#i18n';
import { fill, ONE_PART } from './fill';

/** The keyboard shortcut that shows or hides the sidebar (the browser owns it; we only show it). */
export function ShortcutSection({ shortcut }: { shortcut: string | null }) {
  return (
    <section aria-labelledby="shortcut-title">
      <h2 id="shortcut-title">{i18n.t('optionsShortcut.title')}</h2>
      <p>
        {i18n.t('optionsShortcut.current')} <kbd>{shortcut || i18n.t('optionsShortcut.notSet')}</kbd>
      </p>
      {shortcut ? null : <p class="help">{i18n.t('optionsShortcut.none')}</p>}
      <p class="help">
        {fill(i18n.t('optionsShortcut.change', ONE_PART), [<code key="url">chrome://extensions/shortcuts</code>])}
      </p>
    </section>
  );
}
