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
      <summary>Detection selectors (advanced)</summary>
      <p class="help">
        CSS selectors the extension uses to read the customer in Gladly. Change them only if detection stops working.
      </p>
      {keys.map((key) => {
        const locked = lockedKeys.includes(key);
        return (
          <Field
            key={key}
            path={`selectors.${key}`}
            label={key}
            value={overrides[key] ?? defaults[key] ?? ''}
            disabled={locked}
            hint={locked ? 'Set by your administrator' : undefined}
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
        Reset to defaults
      </button>
    </details>
  );
}
