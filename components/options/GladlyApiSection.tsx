import { useState } from 'preact/hooks';
import type { GladlyApiSettings } from '../../lib/settings/schema';
import { messageOf, type OptionsApi } from './api';
import { i18n } from '#i18n';
import { Field, Locked } from './Field';
import { tokenSetText } from './ConnectionForm';
import { translateSentence } from './sentences';

interface Props {
  value: GladlyApiSettings | null;
  newToken: string;
  problems: Record<string, string>;
  locked: boolean;
  api: OptionsApi;
  onChange(next: GladlyApiSettings | null): void;
  onToken(text: string): void;
}

/** The optional Gladly REST connection (needed to write back to Gladly profiles). */
export function GladlyApiSection({ value, newToken, problems, locked, api, onChange, onToken }: Props) {
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const tokenSet = tokenSetText(value?.tokenHint ?? null);
  return (
    <section aria-labelledby="gladly-api-title">
      <h2 id="gladly-api-title">{i18n.t('optionsGladly.title')}</h2>
      <Locked when={locked} />
      <label class="check">
        <input
          type="checkbox"
          checked={value !== null}
          disabled={locked}
          onChange={(e) => onChange(e.currentTarget.checked ? { host: '', email: '', tokenHint: null } : null)}
        />
        {i18n.t('optionsGladly.connect')}
      </label>
      {value ? (
        <>
          <Field
            path="gladlyApi.host"
            label={i18n.t('optionsGladly.host')}
            type="url"
            placeholder="https://acme.gladly.com"
            value={value.host}
            disabled={locked}
            error={problems['gladlyApi.host']}
            onInput={(host) => onChange({ ...value, host })}
          />
          <Field
            path="gladlyApi.email"
            label={i18n.t('optionsGladly.email')}
            type="email"
            value={value.email}
            disabled={locked}
            error={problems['gladlyApi.email']}
            onInput={(email) => onChange({ ...value, email })}
          />
          <Field
            path="gladlyApi.token"
            label={i18n.t('optionsGladly.token')}
            type="password"
            value={newToken}
            placeholder={tokenSet ? i18n.t('optionsStore.newTokenPlaceholder') : ''}
            hint={tokenSet && !newToken ? tokenSet : undefined}
            error={problems['gladlyApi.token']}
            onInput={onToken}
          />
          <button
            type="button"
            onClick={async () => {
              setTest(null);
              try {
                const result = await api.testGladly(
                  { host: value.host, email: value.email },
                  newToken.trim() || undefined,
                );
                setTest({ ok: true, text: i18n.t('optionsGladly.connected', [translateSentence(result.detail)]) });
              } catch (error) {
                setTest({ ok: false, text: messageOf(error) });
              }
            }}
          >
            {i18n.t('optionsGladly.test')}
          </button>
          {test ? (
            <p role={test.ok ? 'status' : 'alert'} class={test.ok ? 'note' : 'field__error'}>
              {test.text}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
