/** The reason from the admin's picklist: required for a cancel, optional for refunds. */
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
      <label for={id}>
        {required ? 'Reason (added to the staff notes)' : 'Reason (optional, added to the staff notes)'}
      </label>
      <select
        id={id}
        required={required}
        aria-required={required ? 'true' : undefined}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        <option value="">{required ? 'Choose a reason…' : 'No reason given'}</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    </>
  );
}
