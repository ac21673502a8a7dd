import { i18n } from '#i18n';
import { Field } from './Field';

interface Props {
  defaults: Readonly<Record<string, string>>;
  /** The admin's overrides only (key → CSS selector). */
  overrides: Record<string, string>;
  lockedKeys: string[];
  onChange(overrides: Record<string, string>): void;
}

/** Where the extension finds the customer in Gladly's page; for when Gladly changes its markup. */
export function SelectorsSection({ defaults, overrides, lockedKeys, onChange }: Props) {
  const keys = Object.keys(defaults);
  return (
    <details class="selectors">
      <summary>{i18n.t('optionsSelectors.title')}</summary>
      <p class="help">{i18n.t('optionsSelectors.help')}</p>
      {keys.map((key) => {
        const locked = lockedKeys.includes(key);
        return (
          <Field
            key={key}
            path={`selectors.${key}`}
            label={key}
            value={overrides[key] ?? defaults[key] ?? ''}
            disabled={locked}
            hint={locked ? i18n.t('options.locked') : undefined}
            onInput={(value) => {
              const next = { ...overrides };
              // Only differences from the defaults are saved, so new defaults reach everyone else.
              if (value === defaults[key] || value.trim() === '') delete next[key];
              else next[key] = value;
              onChange(next);
            }}
          />
        );
      })}
      <button
        type="button"
        onClick={() => onChange(Object.fromEntries(Object.entries(overrides).filter(([k]) => lockedKeys.includes(k))))}
      >
        {i18n.t('optionsSelectors.reset')}
      </button>
    </details>
  );
}
