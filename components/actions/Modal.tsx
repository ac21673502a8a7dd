/**
 * An accessible modal dialog: labelled, focus moved in on open and kept inside (Tab wraps),
 * Escape closes, focus returns to what opened it. Its Confirm is held off while the page covers
 * or fades the sidebar (visibility-guard.ts).
 */
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
import { useId, useLayoutEffect, useRef } from 'preact/hooks';
import { ConfirmGuardContext, useVisibility } from './visibility-guard';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // Money confirmations: Confirm only while the browser says the dialog is really seen (visibility-guard.ts).
  const visibility = useVisibility(ref);
  const guard = { blocked: visibility === 'checking' || visibility === 'covered' };

  // Layout effect: focus moves before paint, and returns on unmount synchronously.
  useLayoutEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    // The first field, not the close button: the agent came here to fill something in.
    const items = [...(ref.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    (items.find((el) => !el.classList.contains('bc-modal__close')) ?? items[0] ?? ref.current)?.focus();
    return () => opener?.focus?.();
  }, []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      closeRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div
      class="bc-modal__backdrop"
      style={{
        position: 'fixed',
        inset: '0',
        background: 'rgba(0,0,0,0.35)',
        display: 'flex',
        alignItems: 'flex-start',
        justifyContent: 'center',
        overflow: 'auto',
        zIndex: 1000,
      }}
    >
      <div
        ref={ref}
        class="bc-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        style={{
          background: 'white',
          margin: '24px 8px',
          padding: '12px 16px',
          borderRadius: '6px',
          maxWidth: '420px',
          width: '100%',
        }}
      >
        <div
          class="bc-modal__head"
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px' }}
        >
          <h2 id={titleId} class="bc-modal__title" style={{ fontSize: '16px', margin: '0' }}>
            {title}
          </h2>
          <button
            type="button"
            class="bc-modal__close"
            aria-label={i18n.t('actions.common.close')}
            onClick={() => closeRef.current()}
          >
            ×
          </button>
        </div>
        {visibility === 'covered' && (
          <p role="alert" class="bc-error bc-modal__covered">
            {i18n.t('actions.common.covered')}
          </p>
        )}
        <ConfirmGuardContext.Provider value={guard}>{children}</ConfirmGuardContext.Provider>
      </div>
    </div>
  );
}
