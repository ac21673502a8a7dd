/** The reason from the admin's picklist: required for a cancel, optional for refunds. */
import { i18n } from '#i18n';
import { useId } from 'preact/hooks';

export function ReasonPicker({
  reasons,
  value,
  onChange,
  disabled,
  required,
}: {
  reasons: readonly string[];
  value: string;
  onChange(reason: string): void;
  disabled: boolean;
  required: boolean;
}) {
  const id = useId();
  return (
    <>
      <label for={id}>{i18n.t(required ? 'actions.reason.required' : 'actions.reason.optional')}</label>
      <select
        id={id}
        required={required}
        aria-required={required ? 'true' : undefined}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{i18n.t(required ? 'actions.reason.choose' : 'actions.reason.none')}</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </>
  );
}
