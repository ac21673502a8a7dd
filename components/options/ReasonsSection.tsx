import { DEFAULT_ACTION_REASONS } from '../../lib/settings/schema';
import { i18n } from '#i18n';
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
      <h2 id="reasons-title">{i18n.t('optionsReasons.title')}</h2>
      <p class="help">{i18n.t('optionsReasons.help')}</p>
      {reasons.map((reason, index) => (
        // Rows are positional: the index is what the problems' paths name.
        <div class="reasons__row" key={index}>
          <Field
            path={`actionReasons.${index}`}
            label={i18n.t('optionsReasons.reasonN', [index + 1])}
            value={reason}
            error={problems[`actionReasons.${index}`]}
            onInput={(value) => onChange(reasons.map((r, i) => (i === index ? value : r)))}
          />
          <button
            type="button"
            aria-label={
              reason
                ? i18n.t('optionsReasons.removeNamed', [index + 1, reason])
                : i18n.t('optionsReasons.removeN', [index + 1])
            }
            onClick={() => onChange(reasons.filter((_, i) => i !== index))}
          >
            {i18n.t('optionsReasons.remove')}
          </button>
        </div>
      ))}
      {listProblem && (
        <p class="field__error" id="f-actionReasons-error">
          {listProblem}
        </p>
      )}
      <button type="button" onClick={() => onChange([...reasons, ''])}>
        {i18n.t('optionsReasons.add')}
      </button>{' '}
      <button type="button" onClick={() => onChange([...DEFAULT_ACTION_REASONS])}>
        {i18n.t('optionsReasons.reset')}
      </button>
    </section>
  );
}
