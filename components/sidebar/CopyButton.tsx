import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../../lib/sidebar/clipboard';

/** A small button that copies `text`; says "Copied" for a moment (announced to screen readers). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      class="bc-copy"
      aria-label={label}
      title={label}
      onClick={async () => setState((await copyText(text)) ? 'copied' : 'failed')}
    >
      <span aria-live="polite">
        {i18n.t(state === 'copied' ? 'sidebar.copied' : state === 'failed' ? 'sidebar.copyFailed' : 'sidebar.copy')}
      </span>
    </button>
  );
}
