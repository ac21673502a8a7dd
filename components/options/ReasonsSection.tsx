import { DEFAULT_ACTION_REASONS } from '../../lib/settings/schema';
import { Field } from './Field';

interface Props {
  reasons: string[];
  /** Settings path → message, from the last save. */
  problems: Record<string, string>;
  onChange(reasons: string[]): void;
}

/**
 * The picklist agents choose a reason from when they cancel (required) or refund (optional).
 * The chosen reason goes into the order's staff note and the audit log.
 */
export function ReasonsSection({ reasons, problems, onChange }: Props) {
  const listProblem = problems.actionReasons;
  return (
    <section aria-labelledby="reasons-title" class="reasons">
      <h2 id="reasons-title">Reasons for cancels and refunds</h2>
      <p class="help">
        Agents pick one of these when they cancel an order (required) or refund one (optional). It is written into the
        order’s staff note in BigCommerce and into the audit log.
      </p>
      {reasons.map((reason, index) => (
        // Rows are positional: the index is what the problems' paths name.
        <div class="reasons__row" key={index}>
          <Field
            path={`actionReasons.${index}`}
            label={`Reason ${index + 1}`}
            value={reason}
            error={problems[`actionReasons.${index}`]}
            onInput={(value) => onChange(reasons.map((r, i) => (i === index ? value : r)))}
          />
          <button
            type="button"
            aria-label={`Remove reason ${index + 1}${reason ? ` (${reason})` : ''}`}
            onClick={() => onChange(reasons.filter((_, i) => i !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      {listProblem && (
        <p class="field__error" id="f-actionReasons-error">
          {listProblem}
        </p>
      )}
      <button type="button" onClick={() => onChange([...reasons, ''])}>
        Add a reason
      </button>{' '}
      <button type="button" onClick={() => onChange([...DEFAULT_ACTION_REASONS])}>
        Reset to the default reasons
      </button>
    </section>
  );
}
