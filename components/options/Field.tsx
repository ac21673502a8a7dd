import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';

/** DOM id of the control for a settings path ("connections.0.name" → "f-connections-0-name"). */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^\w-]/g, '-')}`;
}

interface FieldProps {
  path: string;
  label: string;
  value: string;
  onInput(value: string): void;
  error?: string;
  /** Shown under the field (what it understood, what is saved). */
  hint?: ComponentChildren;
  type?: 'text' | 'password' | 'email' | 'url';
  placeholder?: string;
  disabled?: boolean;
  autoComplete?: string;
}

/** A labelled text input whose problem is outlined red and tied to it for screen readers. */
export function Field(props: FieldProps) {
  const id = fieldId(props.path);
  const describedBy = [props.error ? `${id}-error` : '', props.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${props.error ? ' field--invalid' : ''}`}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        // Preact 11 types each input type separately; all four here take the same attributes.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        autoComplete={props.autoComplete ?? 'off'}
        spellcheck={false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.hint ? (
        <p id={`${id}-hint`} class="field__hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${id}-error`} class="field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function Locked({ when }: { when: boolean }) {
  return when ? <p class="locked">{i18n.t('options.locked')}</p> : null;
}
