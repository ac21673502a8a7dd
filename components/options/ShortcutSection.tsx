/** The keyboard shortcut that shows or hides the sidebar (the browser owns it; we only show it). */
export function ShortcutSection({ shortcut }: { shortcut: string | null }) {
  return (
    <section aria-labelledby="shortcut-title">
      <h2 id="shortcut-title">Keyboard shortcut</h2>
      <p>
        Show or hide the sidebar: <kbd>{shortcut || 'not set'}</kbd>
      </p>
      {shortcut ? null : (
        <p class="help">The browser assigned none: another extension may already use Alt+Shift+G. Choose one below.</p>
      )}
      <p class="help">
        The toolbar button does the same on a Gladly tab (and opens this page anywhere else). To change it, open{' '}
        <code>chrome://extensions/shortcuts</code> in a new tab (Firefox: Add-ons → gear menu → Manage Extension
        Shortcuts).
      </p>
    </section>
  );
}
